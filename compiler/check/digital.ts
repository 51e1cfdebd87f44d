// Checks of the digital-partner terms: active-unit fees, pooled data, revenue share,
// commission and SLA credits (docs/language.md "Digital-partner services"). Each term is
// checked against the service kind it is written on, its units and its percentages.
import type { Name, PercentLit, RateDecl, ServiceBlock, SlaDecl } from '../../language/ast.js';
import { Decimal } from 'decimal.js';
import type { AgreementModel } from '../model.js';
import type { Sink } from '../sink.js';
import { checkCurrency } from './units.js';
import { slaSubjects } from './digital-subjects.js';
import { DATA_UNIT_BYTES, isValidDate } from '../values.js';

export { DIGITAL_CONSTRUCTS } from './charge-constructs.js';

/** What a unit counted per period is, per service kind: `for active devices` on iot. */
export const ACTIVE_UNITS: Record<string, { unit: string; plural: string }> = {
  iot: { unit: 'device', plural: 'devices' },
  subscription: { unit: 'subscriber', plural: 'subscribers' },
};

/** SLA metrics icx can measure from a KPI file, and how their target is written. */
export const SLA_METRICS: Record<string, { op: '>=' | '<='; target: 'percent' | 'duration'; statistic: boolean }> = {
  availability: { op: '>=', target: 'percent', statistic: false },
  latency: { op: '<=', target: 'duration', statistic: true },
};

/** Terms that price a service without per-record rate lines. */
export function pricedByDigitalTerms(s: ServiceBlock): boolean {
  return (s.items ?? []).some((i) => i.kind === 'pool' || i.kind === 'revenueShare' || i.kind === 'commission');
}

/** A rate line charged per active unit per month (`rate 0.40 EUR/device/month for active devices`,
 *  or `rate 3.00 EUR/subscriber/month` on a subscription service). */
export function isActiveUnitRate(s: ServiceBlock, r: RateDecl): boolean {
  if (r.activeUnits) return true;
  const units = ACTIVE_UNITS[s.serviceKind?.text ?? ''];
  const p = r.prices?.[0]?.steps?.[0]?.price;
  return units !== undefined && p?.perPeriod?.text === 'month' && p.per?.text === units.unit;
}

/** A monthly recurring fee (`rate 12_000 EUR/month`): what SLA credits are a share of. */
export function isMonthlyFee(r: RateDecl): boolean {
  const p = r.prices?.[0]?.steps?.[0]?.price;
  return p?.per?.text === 'month' && p.perPeriod === undefined;
}

export function checkDigital(m: AgreementModel, sink: Sink): void {
  for (const s of m.services) checkService(m, s, sink);
  checkTestInputs(m, sink);
}

/** `kpi` and `retail` lines of tests: in a period test, for an SLA / a service that reads them. */
function checkTestInputs(m: AgreementModel, sink: Sink): void {
  const kpis = new Set(slaSubjects(m));
  const retailServices = new Set(
    m.services
      .filter((s) => (s.items ?? []).some((i) => i.kind === 'revenueShare' || (i.kind === 'commission' && i.plus)) || (kindOf(s) === 'subscription' && (s.items ?? []).some((i) => i.kind === 'rate' && isActiveUnitRate(s, i))))
      .map((s) => s.name?.text),
  );
  for (const t of m.tests) {
    for (const i of t.inputs ?? []) {
      if (!t.period) {
        sink.report('ICX6503', `\`${i.kind}\` lines feed period charges; add \`period YYYY-MM\` to this test.`, i.range);
        continue;
      }
      if (i.kind === 'kpi') {
        if (i.name?.text && !kpis.has(i.name.text)) {
          sink.report('ICX6501', `No SLA of this agreement reads ${i.name.text}${kpis.size ? `; its SLAs read ${[...kpis].join(', ')}` : ''}.`, i.name.range);
        } else if (i.name?.text) {
          const isLatency = i.name.text.startsWith('latency');
          if (isLatency !== 'unit' in i.value) {
            sink.report('ICX6501', isLatency ? `${i.name.text} is a duration, e.g. \`12ms\`.` : `${i.name.text} is a percentage, e.g. \`99.97%\`.`, i.value.range);
          }
        }
      } else {
        if (i.service?.text && !retailServices.has(i.service.text)) {
          sink.report('ICX6502', `Service ${i.service.text} has no revenue share, commission on retail or fee per active subscriber to read retail lines.`, i.service.range);
        }
        if (i.date?.text && !isValidDate(i.date.text)) sink.report('ICX6504', `${i.date.text} is not a calendar date.`, i.date.range);
        for (const n of [i.gross, i.taxes, i.refunds]) {
          if (n?.value && !/^[0-9]+(\.[0-9]{1,9})?$/.test(n.value)) sink.report('ICX6504', `${n.text} has more than 9 decimals.`, n.range);
        }
      }
    }
  }
}

function kindOf(s: ServiceBlock): string {
  return s.serviceKind?.text ?? '';
}

function percentInRange(p: PercentLit | undefined, what: string, sink: Sink, opts: { zero?: boolean } = {}): void {
  if (!p?.value) return;
  let v: Decimal;
  try {
    v = new Decimal(p.value);
  } catch {
    return;
  }
  if (v.gt(100) || v.lt(0) || (!opts.zero && v.isZero())) {
    sink.report('ICX3503', `${what} must be more than 0% and at most 100%, not ${p.text}.`, p.range);
  }
}

function checkService(m: AgreementModel, s: ServiceBlock, sink: Sink): void {
  const kind = kindOf(s);
  const name = s.name?.text;
  const slaByMetric = new Map<string, SlaDecl>();
  let cap: PercentLit | undefined;
  const items = s.items ?? [];
  for (const item of items) {
    switch (item.kind) {
      case 'rate':
        if (item.activeUnits) checkActiveRate(s, item, item.activeUnits, sink);
        break;
      case 'pool': {
        if (kind !== 'iot') {
          sink.report('ICX3501', `A data pool is shared by the devices of an iot service; ${name} is a ${kind} service.`, item.range);
          break;
        }
        const q = item.allowance;
        if (q?.unit?.text && DATA_UNIT_BYTES[q.unit.text] === undefined) {
          sink.report('ICX3502', `${q.unit.text} is not a data unit; write one of ${Object.keys(DATA_UNIT_BYTES).join(', ')} (binary: 1 KB = 1024 B).`, q.unit.range);
        }
        if (q?.per?.text && q.per.text !== 'device') {
          sink.report('ICX3501', `The pool of an iot service is per device, not per ${q.per.text}; write e.g. 500 MB/device/month.`, q.per.range);
        }
        if (q?.per?.text && q.perPeriod?.text !== 'month') {
          sink.report('ICX3501', 'The pool is a monthly allowance per device; write it per month, e.g. 500 MB/device/month.', q.perPeriod?.range ?? q.per.range);
        }
        const o = item.overage;
        checkCurrency(m, o?.currency, sink);
        if (o?.per?.text && DATA_UNIT_BYTES[o.per.text] === undefined) {
          sink.report('ICX3502', `The overage is priced per data unit (${Object.keys(DATA_UNIT_BYTES).join(', ')}), not per ${o.per.text}.`, o.per.range);
        } else if (o?.perPeriod) {
          sink.report('ICX3501', `The overage is a price per ${o.per.text} beyond the pool; remove /${o.perPeriod.text}.`, o.perPeriod.range);
        }
        break;
      }
      case 'revenueShare': {
        if (kind !== 'subscription' && kind !== 'event') {
          sink.report('ICX3501', `A revenue share applies to retail sales of a subscription or event service; ${name} is a ${kind} service.`, item.range);
        }
        percentInRange(item.share, 'A revenue share', sink);
        checkShareParty(m, s, item.to, sink);
        break;
      }
      case 'commission': {
        if (kind !== 'event') {
          sink.report('ICX3501', `A commission is paid per event (an activation, a sale); ${name} is a ${kind} service, make it an event service.`, item.range);
        }
        checkCurrency(m, item.price?.currency, sink);
        if (item.price?.perPeriod) {
          sink.report('ICX3501', `A commission is per ${item.price.per.text}, not per ${item.price.per.text}/${item.price.perPeriod.text}.`, item.price.perPeriod.range);
        }
        percentInRange(item.plus, 'The commission on retail', sink);
        if (item.basis?.text && item.basis.text !== 'first-month') {
          sink.report('ICX3505', `The commission is a share of first-month retail; write \`of first-month retail\`, not \`of ${item.basis.text} retail\`.`, item.basis.range);
        }
        break;
      }
      case 'sla': {
        checkSla(item, sink);
        const metric = item.metric?.text ?? '';
        const prev = slaByMetric.get(metric);
        if (prev && SLA_METRICS[metric]) {
          sink.report('ICX5502', `Service ${name} already has an SLA on ${metric} (line ${prev.range.start.line}); keep one.`, item.metric.range);
        } else slaByMetric.set(metric, item);
        if (item.cap) {
          if (cap && cap.value !== item.cap.value) {
            sink.report('ICX5503', `The cap applies to all SLA credits of the service and is already ${cap.text} (line ${cap.range.start.line}); state it once.`, item.cap.range);
          }
          cap ??= item.cap;
        }
        break;
      }
      default:
        break;
    }
  }
  // `minimum 2.50 USD/subscriber/month` is a floor of a revenue share: alone, nothing applies it
  for (const item of items) {
    if (item.kind !== 'minimum' || !item.per) continue;
    const share = items.some((i) => i.kind === 'revenueShare');
    if (!share) {
      sink.report('ICX5504', `A minimum per ${item.per.text} is the floor of a revenue share, and ${name} has none; add \`revenue share N% of net retail\` or state a minimum per month.`, item.range);
    } else if (item.per.text !== 'subscriber') {
      sink.report('ICX3506', `A revenue share is floored per subscriber; write ${item.amount?.currency?.text ?? m.currency ?? 'EUR'}/subscriber/month, not per ${item.per.text}.`, item.per.range);
    } else if (item.perPeriod && item.perPeriod.text !== 'month') {
      sink.report('ICX4501', `The floor applies per subscriber and calendar month; write /subscriber/month, not /${item.perPeriod.text}.`, item.perPeriod.range);
    }
  }
  if (slaByMetric.size > 0) {
    const fees = items.filter((i): i is RateDecl => i.kind === 'rate' && isMonthlyFee(i));
    if (fees.length === 0) {
      const first = items.find((i) => i.kind === 'sla')!;
      sink.report('ICX5501', `SLA credits are a share of the service's monthly fee, but ${name} has none; add e.g. \`rate 12_000 ${m.currency ?? 'EUR'}/month not prorated\`.`, first.range);
    }
  }
}

function checkActiveRate(s: ServiceBlock, r: RateDecl, active: Name, sink: Sink): void {
  const kind = kindOf(s);
  const units = ACTIVE_UNITS[kind];
  if (!units) {
    sink.report('ICX3501', `Only iot (devices) and subscription (subscribers) services are charged per active unit; ${s.name?.text} is a ${kind} service.`, active.range);
    return;
  }
  if (active.text !== units.plural) {
    sink.report('ICX3506', `A ${kind} service counts active ${units.plural}; write \`for active ${units.plural}\`.`, active.range);
  }
  const p = r.prices?.[0]?.steps?.[0]?.price;
  if (p?.per?.text && (p.per.text !== units.unit || p.perPeriod?.text !== 'month')) {
    sink.report('ICX3506', `A fee per active ${units.unit} is a price per ${units.unit} per month; write e.g. 0.40 EUR/${units.unit}/month.`, p.range);
  }
}

function checkShareParty(m: AgreementModel, s: ServiceBlock, to: Name | undefined, sink: Sink): void {
  if (!to?.text) return;
  const payable = s.direction?.text === 'payable';
  const partner = m.partner[0]?.name?.text;
  const us = m.us[0]?.name?.text;
  const want = payable ? partner : us;
  if (want && to.text !== want) {
    sink.report(
      'ICX2501',
      payable
        ? `Service ${s.name?.text} is payable: we pay the share to the partner ${want}, not to ${to.text}.`
        : `Service ${s.name?.text} is receivable: the partner pays the share to us (${want}), not to ${to.text}.`,
      to.range,
    );
  }
}

function checkSla(sla: SlaDecl, sink: Sink): void {
  const metric = sla.metric?.text ?? '';
  const spec = SLA_METRICS[metric];
  if (!spec) {
    sink.report('ICX3504', `icx measures SLAs on ${Object.keys(SLA_METRICS).join(' and ')}, not on ${metric}.`, sla.metric.range);
    return;
  }
  const isDuration = sla.target && 'unit' in sla.target;
  if (spec.target === 'percent' && isDuration) {
    sink.report('ICX3504', `Availability is a share of time; write the target as a percentage, e.g. \`>= 99.99%\`.`, sla.target.range);
  } else if (spec.target === 'duration' && sla.target && !isDuration) {
    sink.report('ICX3504', `Latency is a duration; write the target with a unit, e.g. \`<= 10ms\`.`, sla.target.range);
  } else if (spec.target === 'percent' && sla.target && !isDuration) {
    percentInRange(sla.target as PercentLit, 'An availability target', sink);
  }
  if (sla.op !== spec.op) {
    sink.report('ICX3504', `${metric} is met when it is ${spec.op === '>=' ? 'at least' : 'at most'} the target; write \`${spec.op}\`.`, sla.metric.range);
  }
  if (spec.statistic && !/^p(\d{1,2}(\.\d+)?)$/.test(sla.statistic?.text ?? '')) {
    sink.report('ICX3504', 'Latency is measured at a percentile; write e.g. `sla latency p99 <= 10ms`.', sla.statistic?.range ?? sla.metric.range);
  } else if (!spec.statistic && sla.statistic) {
    sink.report('ICX3504', `${metric} has no percentile; remove ${sla.statistic.text}.`, sla.statistic.range);
  }
  if (sla.period?.text && sla.period.text !== 'month') {
    sink.report('ICX4501', `SLAs are measured per calendar month (the KPI file's period); write \`per month\`, not \`per ${sla.period.text}\`.`, sla.period.range);
  }
  percentInRange(sla.credit, 'An SLA credit', sink);
  percentInRange(sla.cap, 'An SLA cap', sink);
  if (sla.step) {
    if (metric !== 'availability') {
      sink.report('ICX3504', 'Step credits (`per 0.01% below`) are for availability; a latency SLA credits a flat percentage.', sla.step.range);
    } else percentInRange(sla.step, 'An SLA step', sink);
  }
}
