// Digital-partner terms lowered to DigitalTermsPlan (compiler/plan.ts), and the per-record
// rate lines they imply: an iot record is rated at 0 with a clause saying it is charged per
// period (never a silent 0), an event of a commission service at the commission per event.
import type { RateDecl, ServiceBlock, TestBlock } from '../../language/ast.js';
import { ACTIVE_UNITS, isActiveUnitRate } from '../check/digital.js';
import type { AgreementModel } from '../model.js';
import { ANY_ZONE } from '../model.js';
import type { AgreementTestPlan, DigitalTermsPlan, RateLinePlan } from '../plan.js';
import { at } from '../sink.js';
import { feeSpans } from './period.js';
import { DATA_UNIT_BYTES, decimalText, durationSeconds } from '../values.js';

/** Rate lines charged per active unit per period, not per record: left out of the per-record rate table. */
export function isPeriodRate(s: ServiceBlock, r: RateDecl): boolean {
  return isActiveUnitRate(s, r);
}

export function lowerDigital(m: AgreementModel, s: ServiceBlock): DigitalTermsPlan | undefined {
  const items = s.items;
  const rates = items.filter((i): i is RateDecl => i.kind === 'rate');
  const active = rates.filter((r) => isActiveUnitRate(s, r));
  const pool = items.find((i) => i.kind === 'pool');
  const share = items.find((i) => i.kind === 'revenueShare');
  const commission = items.find((i) => i.kind === 'commission');
  const slas = items.filter((i) => i.kind === 'sla');
  if (active.length === 0 && !pool && !share && !commission && slas.length === 0) return undefined;
  const name = s.name.text;
  const capLine = slas.find((x) => x.cap);
  const cap = capLine?.cap;
  return {
    activeUnitFees: feeSpans(m, active).map(({ r, from, to }) => ({
      clause: `${name}/active-${ACTIVE_UNITS[s.serviceKind.text]!.plural}/${from}`,
      source: at(m.uri, r.range),
      unit: ACTIVE_UNITS[s.serviceKind.text]!.unit,
      price: decimalText(r.prices[0]!.steps[0]!.price.amount),
      effectiveFrom: from,
      effectiveTo: to,
    })),
    pool:
      pool && pool.kind === 'pool'
        ? {
            clause: `${name}/pool`,
            source: at(m.uri, pool.range),
            allowance: decimalText(pool.allowance.amount),
            allowanceUnit: pool.allowance.unit.text,
            // bytes may be fractional for `0.5 KB`: kept exact, compared as a decimal
            allowanceBytes: scaledBytes(decimalText(pool.allowance.amount), DATA_UNIT_BYTES[pool.allowance.unit.text]!),
            overagePrice: decimalText(pool.overage.amount),
            overageUnit: pool.overage.per.text,
            overageUnitBytes: DATA_UNIT_BYTES[pool.overage.per.text]!.toString(),
          }
        : null,
    revenueShare:
      share && share.kind === 'revenueShare'
        ? { clause: `${name}/revenue-share`, source: at(m.uri, share.range), percent: decimalText(share.share), to: share.to?.text ?? m.partner[0]!.name.text }
        : null,
    commission:
      commission && commission.kind === 'commission'
        ? {
            clause: `${name}/commission`,
            source: at(m.uri, commission.range),
            perEvent: decimalText(commission.price.amount),
            unit: commission.price.per.text,
            retailPercent: commission.plus ? decimalText(commission.plus) : null,
          }
        : null,
    slas: slas.map((x) => {
      const isAvailability = x.metric.text === 'availability';
      return {
        clause: `${name}/sla-${x.metric.text}${x.statistic ? `-${x.statistic.text}` : ''}`,
        source: at(m.uri, x.range),
        metric: isAvailability ? ('availability' as const) : ('latency' as const),
        statistic: x.statistic?.text ?? null,
        op: x.op,
        target: 'unit' in x.target ? durationSeconds(x.target)!.times(1000).toString() : decimalText(x.target),
        targetUnit: 'unit' in x.target ? ('ms' as const) : ('%' as const),
        creditPercent: decimalText(x.credit),
        stepPercent: x.step ? decimalText(x.step) : null,
      };
    }),
    slaCapPercent: cap ? decimalText(cap) : null,
    slaCapSource: capLine ? at(m.uri, capLine.range) : null,
  };
}

function scaledBytes(amount: string, unitBytes: bigint): string {
  // exact decimal × integer without a float: scale the decimal to an integer first
  const [int, frac = ''] = amount.split('.');
  const scaled = BigInt(`${int}${frac}`) * unitBytes;
  if (frac.length === 0) return scaled.toString();
  const text = scaled.toString().padStart(frac.length + 1, '0');
  const out = `${text.slice(0, -frac.length)}.${text.slice(-frac.length)}`.replace(/\.?0+$/, '');
  return out;
}

/**
 * Per-record rate lines the terms imply, one per band: iot records at 0 (`<service>/pooled`:
 * within the pooled allowance, charged per period); usage of a subscription charged per
 * active subscriber at 0 (`<service>/subscribed`); events of a commission service at the
 * commission per event (`<service>/commission`).
 */
export function digitalRecordRates(m: AgreementModel, s: ServiceBlock): RateLinePlan[] {
  const pool = s.items.find((i) => i.kind === 'pool');
  const commission = s.items.find((i) => i.kind === 'commission');
  const hasActive = s.items.some((i) => i.kind === 'rate' && isActiveUnitRate(s, i));
  const lines: { clause: string; source: string; price: string }[] = [];
  if (s.serviceKind.text === 'iot' && (pool || hasActive)) {
    lines.push({ clause: `${s.name.text}/pooled: within the pooled allowance, charged per period`, source: at(m.uri, (pool ?? s).range), price: '0' });
  }
  if (s.serviceKind.text === 'subscription' && hasActive) {
    lines.push({ clause: `${s.name.text}/subscribed: charged per active subscriber per period`, source: at(m.uri, s.items.find((i) => i.kind === 'rate' && isActiveUnitRate(s, i))!.range), price: '0' });
  }
  if (commission && commission.kind === 'commission') {
    lines.push({ clause: `${s.name.text}/commission`, source: at(m.uri, commission.range), price: decimalText(commission.price.amount) });
  }
  return lines.flatMap((l) =>
    m.bandNames.map((band) => ({
      clause: m.bandNames.length > 1 ? `${l.clause} (${band})` : l.clause,
      source: l.source,
      zone: ANY_ZONE,
      band,
      effectiveFrom: m.validFrom!,
      effectiveTo: null,
      steps: [{ fromSecond: 0, toSecond: null, price: l.price }],
    })),
  );
}

/** A period test's `kpi` and `retail` lines (absent when it has none, so other test plans keep their shape). */
export function testDigitalInputs(m: AgreementModel, t: TestBlock): Pick<AgreementTestPlan, 'digitalInputs'> {
  const inputs = t.inputs ?? [];
  if (inputs.length === 0) return {};
  const kpis: NonNullable<AgreementTestPlan['digitalInputs']>['kpis'] = [];
  const retail: NonNullable<AgreementTestPlan['digitalInputs']>['retail'] = [];
  for (const i of inputs) {
    if (i.kind === 'kpi') {
      const value = 'unit' in i.value ? durationSeconds(i.value)!.times(1000).toString() : decimalText(i.value);
      kpis.push({ kpi: i.name.text, value, source: at(m.uri, i.range) });
    } else {
      retail.push({
        service: i.service.text, subscriber: i.subscriber.text, date: i.date.text,
        gross: decimalText(i.gross), taxes: decimalText(i.taxes), refunds: decimalText(i.refunds), source: at(m.uri, i.range),
      });
    }
  }
  return { digitalInputs: { kpis, retail } };
}
