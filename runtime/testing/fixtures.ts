// Hand-built AgreementPlan objects for the runtime's own tests (independent of the
// parser and compiler). Only tests import this file.
import { createHash } from 'node:crypto';
import type { AgreementPlan, BandWindow, HashedAgreementPlan, RateLinePlan, ServicePlan } from '../../compiler/plan.js';

/** peak mon-fri 08:00-20:00 except holidays, offpeak otherwise */
export function peakOffpeak(): BandWindow[] {
  const w: BandWindow[] = [];
  for (const holiday of [false, true]) {
    for (let d = 1; d <= 7; d++) {
      if (!holiday && d <= 5) {
        w.push({ holiday, isoDow: d, startMinute: 0, endMinute: 480, band: 'offpeak' });
        w.push({ holiday, isoDow: d, startMinute: 480, endMinute: 1200, band: 'peak' });
        w.push({ holiday, isoDow: d, startMinute: 1200, endMinute: 1440, band: 'offpeak' });
      } else {
        w.push({ holiday, isoDow: d, startMinute: 0, endMinute: 1440, band: 'offpeak' });
      }
    }
  }
  return w;
}

export function rateLine(zone: string, band: string, price: string, extra: Partial<RateLinePlan> = {}): RateLinePlan {
  const from = extra.effectiveFrom ?? '2026-01-01';
  return {
    clause: `svc/${zone}/${band}/${from}`, source: `test.icx:${zone.length}`, zone, band,
    effectiveFrom: from, effectiveTo: null, steps: [{ fromSecond: 0, toSecond: null, price }], ...extra,
  };
}

export function voiceService(over: Partial<ServicePlan> = {}): ServicePlan {
  return {
    name: 'voice-termination', kind: 'voice', direction: 'payable', unit: 'min',
    billing: { firstSeconds: 60, nextSeconds: 60, minimumSeconds: 0 },
    connectFee: null, zeroDurationCharged: false, boundaryRule: 'start-band', maximumPerCall: null,
    recordRounding: { method: 'half-up', decimals: 6 }, invoiceLineRounding: null,
    prefixes: [
      { prefix: '336', zone: 'FR-MOBILE' }, { prefix: '337', zone: 'FR-MOBILE' },
      { prefix: '331', zone: 'FR-FIXED' }, { prefix: '339', zone: 'FR-FIXED' },
      { prefix: '3389', zone: 'FR-PREMIUM' },
    ],
    barredZones: ['FR-PREMIUM'],
    rates: [
      rateLine('FR-MOBILE', 'peak', '0.0123'), rateLine('FR-MOBILE', 'offpeak', '0.0100'),
      rateLine('FR-FIXED', 'peak', '0.0045'), rateLine('FR-FIXED', 'offpeak', '0.0045'),
    ],
    ...over,
  };
}

export function smsService(over: Partial<ServicePlan> = {}): ServicePlan {
  return {
    name: 'sms', kind: 'sms', direction: 'receivable', unit: 'msg', billing: null, connectFee: null,
    zeroDurationCharged: false, boundaryRule: 'start-band', maximumPerCall: null,
    recordRounding: { method: 'half-up', decimals: 6 }, invoiceLineRounding: null,
    prefixes: [{ prefix: '', zone: 'any' }], barredZones: [],
    rates: [rateLine('any', 'peak', '0.0050'), rateLine('any', 'offpeak', '0.0050')], ...over,
  };
}

export function agreementPlan(over: Partial<AgreementPlan> = {}): AgreementPlan {
  return {
    format: 1, id: 'ACME-ORANGE', title: 'test', version: 3, uri: 'test.icx',
    us: { name: 'ACME', legalName: null, tadig: null },
    partner: { name: 'ORANGE', legalName: null, tadig: null, type: 'interconnect' },
    currency: 'EUR', validFrom: '2026-01-01', validTo: '2026-12-31', timezone: 'Europe/Paris',
    interconnects: [{ name: 'LON-PAR-1', site: null, trunks: ['TG101', 'TG102'], traffic: ['voice', 'sms'], quality: [] }],
    holidays: ['2026-01-01', '2026-04-06', '2026-05-01', '2026-07-14', '2026-12-25'],
    bands: ['peak', 'offpeak'], bandWindows: peakOffpeak(),
    services: [voiceService(), smsService()],
    ...over,
  };
}

export function hashed(plan: AgreementPlan): HashedAgreementPlan {
  return { plan, hash: createHash('sha256').update(JSON.stringify(plan)).digest('hex') };
}

/** A voice record with defaults: Monday 2026-03-02 10:00 Paris (peak), 61 s to a French mobile. */
export function voice(id: string, over: Record<string, string | number | null> = {}): Record<string, string | number | null> {
  return {
    record_id: id, trunk: 'TG101', direction: 'out', kind: 'voice', a_number: '441632960001',
    b_number: '33612345678', start_time: '2026-03-02T10:00:00+01:00', duration_s: '61', ...over,
  };
}
