// An agreement that checked clean, lowered to its AgreementPlan and test plans.
import type { TestBlock } from '../../language/ast.js';
import { PLAN_FORMAT_VERSION, type AgreementPlan, type AgreementTestPlan, type InterconnectPlan } from '../plan.js';
import { inlineParty, partnerCodes, partnerPlan, partyPlan } from '../check/parties.js';
import { lowerSettlement } from './settlement.js';
import type { AgreementModel } from '../model.js';
import { at } from '../sink.js';
import { decimalText, durationSeconds, wholeSeconds } from '../values.js';
import { lowerBands } from './bands.js';
import { lowerService } from './services.js';
import { testDigitalInputs } from './digital.js';
import { lowerAgreementPeriod, lowerExpect, lowerTestPeriod } from './period.js';


function lowerInterconnects(m: AgreementModel): InterconnectPlan[] {
  return m.interconnects.map((ic) => ({
    name: ic.name.text,
    site: ic.site?.value ?? null,
    trunks: ic.trunks.map((t) => t.text),
    traffic: ic.traffic.map((t) => (t.text === 'sms' ? 'sms' : 'voice')),
    quality: ic.quality.map((q) =>
      'unit' in q.value
        ? { metric: q.metric, op: q.op, value: durationSeconds(q.value)!.toString(), unit: 's' as const }
        : { metric: q.metric, op: q.op, value: decimalText(q.value), unit: '%' as const },
    ),
  }));
}

export function lowerAgreement(m: AgreementModel): AgreementPlan {
  const bands = lowerBands(m);
  const holidays = new Set<string>();
  for (const c of bands.calendars) for (const d of m.holidayByName.get(c)?.dates ?? []) holidays.add(d.text);
  const us = m.us[0]!;
  const partner = m.partner[0]!;
  return {
    format: PLAN_FORMAT_VERSION,
    id: m.ast.id.text,
    title: m.ast.title?.value ?? null,
    // `version` is optional: an agreement that never states one is at its first version.
    version: m.versions[0] ? Number(decimalText(m.versions[0].value)) : 1,
    uri: m.uri,
    us: partyPlan(m.resolvedParties?.us ?? inlineParty(us)),
    partner: partnerPlan(m.resolvedParties?.partner ?? inlineParty(partner)),
    currency: m.currency!,
    validFrom: m.validFrom!,
    validTo: m.validTo ?? null,
    timezone: m.timezones[0]!.zone.text,
    interconnects: lowerInterconnects(m),
    holidays: [...holidays].sort(),
    bands: bands.bands,
    bandWindows: bands.bandWindows,
    services: m.services.map((s) => lowerService(m, s)),
    settlement: lowerSettlement(m),
    partnerCodes: partnerCodes(m),
    ...lowerAgreementPeriod(m),
  };
}

export function lowerTests(m: AgreementModel): AgreementTestPlan[] {
  return m.tests.filter((t): t is TestBlock & Required<Pick<TestBlock, 'expect'>> => (!!t.usage || !!t.period) && !!t.expect).map((t) => {
    const e = t.expect;
    const period = lowerTestPeriod(t, lowerUsage);
    return {
      agreementId: m.ast.id.text,
      title: t.title.value,
      source: at(m.uri, t.range),
      // A period test without usage lines (a recurring fee) has an empty first usage.
      usage: t.usage ? lowerUsage(t.usage) : { service: '', aNumber: null, bNumber: null, startTime: '', durationSeconds: null, units: null },
      expect: lowerExpect(e),
      ...(period ? { period } : {}),
      ...testDigitalInputs(m, t),
    };
  });
}

function lowerUsage(u: NonNullable<TestBlock['usage']>): AgreementTestPlan['usage'] {
  return {
    service: u.service.text,
    // Phone numbers keep their text (leading zeros are digits, not magnitude).
    aNumber: u.aNumber ? u.aNumber.text.replace(/_/g, '') : null,
    bNumber: u.bNumber ? u.bNumber.text.replace(/_/g, '') : null,
    startTime: u.at.text,
    durationSeconds: u.duration ? (durationSeconds(u.duration)?.toString() ?? null) : null,
    units: u.units ? decimalText(u.units) : null,
    ...(u.bytes ? { bytes: decimalText(u.bytes) } : {}),
    ...(u.category ? { category: u.category.text } : {}),
  };
}
