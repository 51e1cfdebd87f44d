// Charge lines of the digital-partner terms for one agreement and month (docs/language.md
// "Digital-partner services"): active-unit fees, pooled-data overage, revenue share (with its
// per-subscriber floor and period minimum), commission on first-month retail, SLA credits.
// Aggregates come from SQL (compiler/sql/period-digital-sql.ts); the arithmetic is
// digital-math.ts on those few rows; each line is rounded once (lines.ts rounding()).
// A missing input (no --retail, no KPI for a month) is a line of amount 0 that says so
// (construct `retail-missing` / `sla-kpi-missing`), never a silent nothing.
import type { HashedAgreementPlan, ServicePlan } from '../../compiler/plan.js';
import { ACTIVE_SUBSCRIBERS_SQL, COMMISSION_RETAIL_SQL, DIGITAL_USAGE_SQL } from '../../compiler/sql/period-digital-sql.js';
import { RateInputError } from '../errors.js';
import { queryJson, type Store } from '../store/store.js';
import { periodOf, type Month, type Period } from './calendar.js';
import { activeUnitFee, capCredits, percentOf, poolOverage, slaOutcome, X, type Exact } from './digital-math.js';
import { revenueShareOf } from './revenue-share.js';
import { kpiKey, kpiName, type KpiTable } from './kpi-input.js';
import { lineFor, rounding, roundTo, show, type ChargeLine } from './lines.js';

export interface DigitalInputs {
  /** retail revenue was given (period_retail is loaded); false → revenue shares say `retail-missing` */
  retail: boolean;
  /** KPIs by agreement|service|month|kpi; null = no KPI file given */
  kpis: KpiTable | null;
}

export interface DigitalScope {
  runId?: string;
  recordPrefix?: string;
}

interface UsageRow {
  records: number;
  subscribers: number;
  bytes: string;
  withoutSubscriber: number;
  badBytes: number;
}

export function hasDigitalTerms(hp: HashedAgreementPlan): boolean {
  return hp.plan.services.some((s) => s.digital !== undefined);
}

/**
 * Lines of one agreement for month `m`. `periodLines` are the lines period-core computed for
 * this agreement and month: SLA credits are a share of the service's recurring-fee line.
 */
export async function digitalCharges(
  store: Store, hp: HashedAgreementPlan, m: Month, inputs: DigitalInputs, periodLines: readonly ChargeLine[], scope: DigitalScope = {},
): Promise<ChargeLine[]> {
  const plan = hp.plan;
  const month = periodOf('month', m);
  if (!hasDigitalTerms(hp) || plan.validFrom > month.end || (plan.validTo !== null && plan.validTo < month.start)) return [];
  const ym = month.start.slice(0, 7);
  const usageParams = [plan.id, `${month.start} 00:00:00`, `${month.endExclusive} 00:00:00`, scope.runId ?? null, scope.recordPrefix ?? null];
  const usage = new Map<string, UsageRow>();
  for (const r of await queryJson(store, DIGITAL_USAGE_SQL, usageParams)) {
    usage.set(String(r.service), {
      records: Number(r.records), subscribers: Number(r.subscribers), bytes: String(r.bytes),
      withoutSubscriber: Number(r.without_subscriber), badBytes: Number(r.bad_bytes),
    });
  }
  const out: ChargeLine[] = [];
  for (const svc of plan.services) {
    const d = svc.digital;
    if (!d) continue;
    const line = lineFor(hp, svc, month);
    const r = rounding(plan, svc);
    const cur = plan.currency;
    const use = usage.get(svc.name) ?? { records: 0, subscribers: 0, bytes: '0', withoutSubscriber: 0, badBytes: 0 };
    const svcParams = [...usageParams, svc.name, month.start, month.endExclusive];

    if ((d.activeUnitFees.length > 0 || d.pool || d.commission?.retailPercent) && use.withoutSubscriber > 0) {
      const what = d.commission?.retailPercent ? 'activations cannot be matched to their retail revenue' : `active ${svc.kind === 'iot' ? 'devices' : 'subscribers'} cannot be counted`;
      throw new RateInputError(`${use.withoutSubscriber} rated record(s) of ${plan.id} ${svc.name} in ${ym} carry no subscriber: ${what}; give the subscriber column (IMSI, ICCID or MSISDN)`);
    }

    // fee per active unit: the fee in force on the first day of the month the agreement is in force
    const day1 = [month.start, plan.validFrom].sort().at(-1)!;
    const fee = d.activeUnitFees.find((f) => f.effectiveFrom <= day1 && (f.effectiveTo === null || f.effectiveTo > day1));
    if (fee) {
      let units = use.subscribers;
      let basis = `at least one rated record in ${ym}`;
      if (svc.kind === 'subscription') {
        const [row] = await queryJson(store, ACTIVE_SUBSCRIBERS_SQL, svcParams);
        units = Number(row!.subscribers);
        basis = `a rated record or a retail line in ${ym}`;
      }
      const amount = roundTo(activeUnitFee(units, fee.price), r);
      out.push(line({
        construct: 'active-units', clauseSource: fee.source, basisQuantity: String(units), basisUnit: fee.unit, price: fee.price, amount,
        explanation: `${units} active ${fee.unit}(s) (${basis}) × ${fee.price} ${cur}/${fee.unit}/month = ${amount} ${cur}`,
      }));
    }

    if (d.pool) {
      if (use.badBytes > 0) throw new RateInputError(`${use.badBytes} rated record(s) of ${plan.id} ${svc.name} in ${ym} have bytes that are not a whole number: the pool cannot be measured`);
      const p = d.pool;
      const res = poolOverage({ devices: use.subscribers, usedBytes: use.bytes, allowanceBytes: p.allowanceBytes, overagePrice: p.overagePrice, overageUnitBytes: p.overageUnitBytes });
      const amount = roundTo(res.amount, r);
      const inUnit = (b: Exact) => show(b.div(p.overageUnitBytes).toDecimalPlaces(6));
      out.push(line({
        construct: 'pool-overage', clauseSource: p.source, basisQuantity: res.overageUnits.toFixed(), basisUnit: p.overageUnit, price: p.overagePrice, amount,
        explanation: `used ${inUnit(new X(use.bytes))} ${p.overageUnit} (${use.bytes} B in ${use.records} records); pool ${use.subscribers} device(s) × ${p.allowance} ${p.allowanceUnit} = ${inUnit(res.poolBytes)} ${p.overageUnit}; ` +
          (res.overageBytes.isZero() ? `within the pool: ${amount} ${cur}` : `overage ${inUnit(res.overageBytes)} ${p.overageUnit} × ${p.overagePrice} ${cur}/${p.overageUnit} = ${amount} ${cur}`),
      }));
    }

    if (d.revenueShare) out.push(...(await shareLines(store, hp, svc, month, inputs)));

    if (d.commission?.retailPercent) {
      const c = d.commission;
      if (!inputs.retail) {
        out.push(missingRetail(line, c.source, `commission of ${c.retailPercent}% of first-month retail`));
      } else {
        const [row] = await queryJson(store, COMMISSION_RETAIL_SQL, svcParams);
        const net = String(row!.net);
        const amount = roundTo(percentOf(c.retailPercent!, net), r);
        out.push(line({
          construct: 'commission-retail', clauseSource: c.source, basisQuantity: String(row!.activated), basisUnit: 'subscriber', basisAmount: new X(net).toFixed(), percent: c.retailPercent, amount,
          explanation: `${row!.activated} subscriber(s) activated in ${ym} (${row!.with_retail} with retail); their net retail of ${ym} ${show(net)} ${cur} × ${c.retailPercent}% = ${amount} ${cur}`,
        }));
      }
    }

    if (d.slas.length > 0) out.push(...slaLines(hp, svc, month, inputs, periodLines));
  }
  return out;
}

type LineBuilder = ReturnType<typeof lineFor>;

function missingRetail(line: LineBuilder, source: string, what: string): ChargeLine {
  return line({ construct: 'retail-missing', clauseSource: source, amount: '0', explanation: `no retail revenue given (--retail): the ${what} is not computed` });
}

async function shareLines(store: Store, hp: HashedAgreementPlan, svc: ServicePlan, month: Period, inputs: DigitalInputs): Promise<ChargeLine[]> {
  const plan = hp.plan;
  const s = svc.digital!.revenueShare!;
  const line = lineFor(hp, svc, month);
  if (!inputs.retail) return [missingRetail(line, s.source, `revenue share of ${s.percent}%`)];
  const r = rounding(plan, svc);
  const cur = plan.currency;
  const floor = svc.minimumPerUnit && svc.minimumPerUnit.per === 'subscriber' ? svc.minimumPerUnit : null;
  const res = await revenueShareOf(store, {
    agreementId: plan.id, service: svc.name, start: month.start, endExclusive: month.endExclusive, percent: s.percent, floor: floor?.amount ?? null,
  });
  const payee = svc.direction === 'payable' ? `payable to ${s.to}` : `receivable from ${plan.partner.name}`;
  const share = roundTo(res.share, r);
  const lines = [line({
    construct: 'revenue-share', clauseSource: s.source, basisQuantity: String(res.subscribers), basisUnit: 'subscriber', basisAmount: res.net.toFixed(), percent: s.percent, amount: share,
    explanation: `${s.percent}% of net retail ${show(res.net)} ${cur} (gross − taxes − refunds, ${res.subscribers} subscriber(s)) = ${share} ${cur}, ${payee}`,
  })];
  let total = new X(share);
  if (floor && res.floorTopUp.gt(0)) {
    const top = roundTo(res.floorTopUp, r);
    total = total.plus(top);
    lines.push(line({
      construct: 'revenue-share-floor', clauseSource: floor.source, basisQuantity: String(res.raised), basisUnit: 'subscriber', price: floor.amount, amount: top,
      explanation: `${res.raised} of ${res.subscribers} subscriber(s) had a share below the floor ${floor.amount} ${cur}/subscriber/month: raised by ${top} ${cur}`,
    }));
  }
  const min = svc.minimumFee;
  if (min && min.period === 'month' && total.lt(min.amount)) {
    const top = roundTo(new X(min.amount).minus(total), r);
    lines.push(line({
      construct: 'revenue-share-minimum', clauseSource: min.source, basisAmount: total.toFixed(), amount: top,
      explanation: `minimum ${show(min.amount)} ${cur} per month: the share came to ${show(total)} ${cur}, top-up ${top} ${cur}`,
    }));
  }
  return lines;
}

function slaLines(hp: HashedAgreementPlan, svc: ServicePlan, month: Period, inputs: DigitalInputs, periodLines: readonly ChargeLine[]): ChargeLine[] {
  const plan = hp.plan;
  const d = svc.digital!;
  const cur = plan.currency;
  const r = rounding(plan, svc);
  const ym = month.start.slice(0, 7);
  // the base: what the service's recurring fee charged this month (prorated if it is)
  const fees = periodLines.filter((l) => l.service === svc.name && l.construct === 'recurring-fee');
  if (fees.length === 0) return [];
  const base = fees.reduce((a, l) => a.plus(l.amount), new X(0));
  const line = lineFor(hp, svc, month);
  const out: ChargeLine[] = [];
  let credited = new X(0);
  let roundedSum = new X(0);
  let measuredAll = true;
  for (const sla of d.slas) {
    const kpi = kpiName(sla.metric, sla.statistic);
    const got = inputs.kpis?.get(kpiKey(plan.id, svc.name, ym, kpi));
    const target = `${sla.op} ${sla.target}${sla.targetUnit === '%' ? '%' : 'ms'}`;
    if (!got) {
      measuredAll = false;
      out.push(line({
        construct: 'sla-kpi-missing', subject: kpi, clauseSource: sla.source, amount: '0',
        explanation: inputs.kpis === null
          ? `no KPI file given (--kpi): ${kpi} ${target} for ${ym} is not measured, no credit computed`
          : `the KPI file has no ${kpi} for ${plan.id} ${svc.name} ${ym}: no credit computed`,
      }));
      continue;
    }
    const o = slaOutcome(sla, got.value);
    credited = credited.plus(o.creditPercent);
    const amount = roundTo(percentOf(o.creditPercent.toFixed(), base).neg(), r);
    roundedSum = roundedSum.plus(amount);
    const measured = `${got.value}${sla.targetUnit === '%' ? '%' : 'ms'} (${got.source})`;
    const why = o.met
      ? `met: credit 0`
      : sla.stepPercent
        ? `${o.steps} full step(s) of ${sla.stepPercent}% below → ${o.steps} × ${sla.creditPercent}% = ${o.creditPercent.toFixed()}%`
        : `missed → ${sla.creditPercent}%`;
    out.push(line({
      construct: 'sla-credit', subject: kpi, clauseSource: sla.source, basisAmount: base.toFixed(), percent: o.creditPercent.toFixed(), amount,
      explanation: `${kpi} ${target} in ${ym}: measured ${measured}, ${why} of the monthly fee ${show(base)} ${cur} = ${amount} ${cur}`,
    }));
  }
  const cap = capCredits(credited, d.slaCapPercent);
  if (cap.removed.gt(0)) {
    // the cap line brings the rounded credits to exactly the rounded capped credit
    const capped = new X(roundTo(percentOf(cap.credited.toFixed(), base).neg(), r));
    const amount = roundTo(capped.minus(roundedSum), r);
    out.push(line({
      construct: 'sla-cap', clauseSource: d.slaCapSource ?? d.slas[0]!.source, basisAmount: base.toFixed(), percent: d.slaCapPercent, amount,
      explanation: `SLA credits of ${svc.name} in ${ym} total ${credited.toFixed()}%${measuredAll ? '' : ' (of the KPIs given)'}, capped at ${d.slaCapPercent}% of ${show(base)} ${cur}: credit ${capped.toFixed(r.decimals)} ${cur}, cap adds back ${amount} ${cur}`,
    }));
  }
  return out;
}
