// The period charges of one agreement for one month, from aggregates of its rated usage.
// Pure: no store, no clock. The order per service (each on the period it states):
//   tier lines → discounts → cap → minimum fee; commitments and recurring fees beside them.
// A cap and a minimum fee see the service's rated amount plus the tier and discount lines
// of the same period.
import type { HashedAgreementPlan, PeriodUnit, ServicePlan } from '../../compiler/plan.js';
import { daysBetween, daysInMonth, dayBefore, endsWith, periodOf, type Month, type Period } from './calendar.js';
import { D, lineFor, rounding, roundTo, show, sortLines, type ChargeLine, type Dec } from './lines.js';
import { convertVolume, reachedTier, splitIncremental, tierRange } from './tiers.js';

/** Rated usage of one service and zone in one period (PERIOD_AGGREGATE_SQL). */
export interface AggregateRow {
  service: string;
  zone: string;
  records: number;
  billedSeconds: string;
  units: string;
  /** data: the billed volume in bytes */
  billedBytes: string;
  amount: string;
}

export type Aggregates = (period: Period) => AggregateRow[];

/** The periods whose aggregates an agreement needs for this month (those ending with it). */
export function periodsNeeded(hp: HashedAgreementPlan, m: Month): Period[] {
  const units = new Set<PeriodUnit>();
  for (const s of hp.plan.services) {
    if (s.tiered) units.add(s.tiered.period);
    if (s.minimumFee) units.add(s.minimumFee.period);
    if (s.maximumPerPeriod) units.add(s.maximumPerPeriod.period);
  }
  for (const d of hp.plan.discounts ?? []) units.add(d.period);
  for (const c of hp.plan.commitments ?? []) units.add(c.period);
  return [...units].filter((u) => endsWith(u, m)).map((u) => periodOf(u, m)).filter((p) => inForce(hp, p));
}

function inForce(hp: HashedAgreementPlan, p: Period): boolean {
  return hp.plan.validFrom <= p.end && (hp.plan.validTo === null || hp.plan.validTo >= p.start);
}

/**
 * Billed volume of a service: minutes for voice (billed seconds / 60, exact), billed bytes in
 * the price unit for data (binary: 1 MB = 1,048,576 bytes), else `units` (messages, events).
 */
function volumeOf(svc: ServicePlan, rows: AggregateRow[]): Dec {
  if (svc.kind === 'voice') return rows.reduce((a, r) => a.plus(r.billedSeconds), new D(0)).div(60);
  // data: billed bytes in the unit the service prices in (binary: 1 MB = 1,048,576 bytes)
  if (svc.kind === 'data' && svc.priceUnitBytes) return rows.reduce((a, r) => a.plus(r.billedBytes), new D(0)).div(svc.priceUnitBytes);
  return rows.reduce((a, r) => a.plus(r.units), new D(0));
}

const amountOf = (rows: AggregateRow[]) => rows.reduce((a, r) => a.plus(r.amount), new D(0));

export function computeCharges(hp: HashedAgreementPlan, m: Month, aggregates: Aggregates): ChargeLine[] {
  const plan = hp.plan;
  const lines: ChargeLine[] = [];
  const periods = new Map(periodsNeeded(hp, m).map((p) => [p.unit, p]));
  const rowsOf = new Map<PeriodUnit, AggregateRow[]>();
  const rows = (p: Period) => {
    if (!rowsOf.has(p.unit)) rowsOf.set(p.unit, aggregates(p));
    return rowsOf.get(p.unit)!;
  };
  for (const svc of plan.services) {
    const own = (p: Period) => rows(p).filter((r) => r.service === svc.name);
    const r = rounding(plan, svc);
    // lines per period unit, for the cap and minimum fee of that unit
    const byUnit = new Map<PeriodUnit, ChargeLine[]>();
    const add = (p: Period, l: ChargeLine) => {
      lines.push(l);
      byUnit.set(p.unit, [...(byUnit.get(p.unit) ?? []), l]);
    };

    const t = svc.tiered;
    const tp = t && periods.get(t.period);
    if (t && tp) {
      const line = lineFor(hp, svc, tp);
      const volume = volumeOf(svc, own(tp));
      const p1 = new D(t.tiers[0]!.price!);
      const shares = t.style === 'incremental' ? splitIncremental(t.tiers, volume) : [{ tier: reachedTier(t.tiers, volume), quantity: volume }];
      if (!volume.isZero()) {
        for (const { tier, quantity } of shares) {
          const price = new D(tier.price!);
          const amount = roundTo(quantity.times(price.minus(p1)), r);
          const scope = t.style === 'incremental' ? `${show(quantity)} ${t.unit} in this tier` : `all ${show(quantity)} ${t.unit} (${t.style}: tier ${tier.index} reached)`;
          add(tp, line({
            construct: 'tier', clauseSource: tier.source, tier: tier.index, tierFrom: tier.from, tierTo: tier.to,
            basisQuantity: quantity.toFixed(), basisUnit: t.unit, price: tier.price, amount,
            explanation: `tier ${tier.index} (${tierRange(tier, t.unit)}): ${scope} × ${tier.price} ${plan.currency}/${t.unit} = ${show(quantity.times(price))} ${plan.currency}; rated provisionally at ${t.tiers[0]!.price}: adjustment ${amount} ${plan.currency}`,
          }));
        }
      }
    }

    for (const d of (plan.discounts ?? []).filter((x) => x.service === svc.name)) {
      const dp = periods.get(d.period);
      if (!dp) continue;
      const line = lineFor(hp, svc, dp);
      const scoped = own(dp).filter((x) => d.zone === null || x.zone === d.zone);
      // On a tiered service the discount is on the tiered price: rated + the tier lines.
      const tierLines = d.zone === null ? (byUnit.get(dp.unit) ?? []).filter((l) => l.construct === 'tier') : [];
      const amount = tierLines.reduce((a, l) => a.plus(l.amount), amountOf(scoped));
      const basis = d.basis === 'amount' ? amount : convertVolume(volumeOf(svc, scoped), svc.unit, d.unit);
      if (basis.isZero()) continue;
      const where = `${svc.name}${d.zone ? ` zone ${d.zone}` : ''}`;
      const shares = d.style === 'incremental' ? splitIncremental(d.tiers, basis) : [{ tier: reachedTier(d.tiers, basis), quantity: basis }];
      for (const { tier, quantity } of shares) {
        // the rated amount attributable to this tier's share of the volume
        const base = d.basis === 'amount' ? quantity : amount.times(quantity).div(basis);
        const value = roundTo(base.times(tier.percent!).div(100).neg(), r);
        const share = d.style === 'incremental'
          ? `${show(quantity)} ${d.unit} of ${show(basis)} ${d.unit}`
          : `all ${show(basis)} ${d.unit} (${d.style}: tier ${tier.index} reached)`;
        add(dp, line({
          construct: 'discount', subject: d.name ?? svc.name, clauseSource: tier.source, tier: tier.index, tierFrom: tier.from, tierTo: tier.to,
          basisQuantity: d.basis === 'volume' ? quantity.toFixed() : null, basisUnit: d.unit, basisAmount: base.toFixed(),
          percent: tier.percent, amount: value,
          explanation: `tier ${tier.index} (${tierRange(tier, d.unit)}): ${share} → ${tier.percent}% of ${show(base.toDecimalPlaces(r.decimals + 4))} ${plan.currency} rated on ${where} = ${value} ${plan.currency}`,
        }));
      }
    }

    const cap = svc.maximumPerPeriod;
    const cp = cap && periods.get(cap.period);
    if (cap && cp) {
      const net = amountOf(own(cp)).plus((byUnit.get(cp.unit) ?? []).reduce((a, l) => a.plus(l.amount), new D(0)));
      if (net.gt(cap.amount)) {
        const value = roundTo(new D(cap.amount).minus(net), r);
        add(cp, lineFor(hp, svc, cp)({
          construct: 'cap', clauseSource: cap.source, basisAmount: net.toFixed(), amount: value,
          explanation: `cap ${show(cap.amount)} ${plan.currency} per ${cap.period}: ${svc.name} came to ${show(net)} ${plan.currency}, so ${value} ${plan.currency}`,
        }));
      }
    }

    const min = svc.minimumFee;
    const mp = min && periods.get(min.period);
    // a revenue share's minimum is applied to the share (runtime/period/digital-charges.ts)
    if (min && mp && !svc.digital?.revenueShare) {
      const net = amountOf(own(mp)).plus((byUnit.get(mp.unit) ?? []).reduce((a, l) => a.plus(l.amount), new D(0)));
      if (net.lt(min.amount)) {
        const value = roundTo(new D(min.amount).minus(net), r);
        add(mp, lineFor(hp, svc, mp)({
          construct: 'minimum-fee', clauseSource: min.source, basisAmount: net.toFixed(), amount: value,
          explanation: `minimum ${show(min.amount)} ${plan.currency} per ${min.period}: ${svc.name} came to ${show(net)} ${plan.currency}, top-up ${value} ${plan.currency}`,
        }));
      }
    }

    for (const c of (plan.commitments ?? []).filter((x) => x.service === svc.name)) {
      const pp = periods.get(c.period);
      if (!pp) continue;
      const svcRows = own(pp);
      // spend on a tiered service is the tiered price (rated + tier lines of the same period)
      const tierAdj = (byUnit.get(pp.unit) ?? []).filter((l) => l.construct === 'tier').reduce((a, l) => a.plus(l.amount), new D(0));
      const actual = c.basis === 'spend' ? amountOf(svcRows).plus(tierAdj) : convertVolume(volumeOf(svc, svcRows), svc.unit, c.unit);
      const shortfall = new D(c.quantity).minus(actual);
      if (shortfall.lte(0)) continue;
      const value = roundTo(c.basis === 'spend' ? shortfall : shortfall.times(c.shortfallPrice!), r);
      const direction = c.committedBy === 'us' ? 'payable' : 'receivable';
      const priced = c.basis === 'spend' ? '' : ` × ${c.shortfallPrice} ${plan.currency}/${c.unit}`;
      lines.push(lineFor(hp, svc, pp)({
        construct: 'commitment-shortfall', direction, clauseSource: c.source,
        basisQuantity: c.basis === 'volume' ? shortfall.toFixed() : null, basisUnit: c.unit,
        basisAmount: c.basis === 'spend' ? actual.toFixed() : null, price: c.shortfallPrice, amount: value,
        explanation: `${c.party} committed ${show(c.quantity)} ${c.unit} per ${c.period} on ${svc.name}; actual ${show(actual)} ${c.unit}: shortfall ${show(shortfall)} ${c.unit}${priced} = ${value} ${plan.currency}, ${direction === 'payable' ? `payable to ${plan.partner.name}` : `receivable from ${plan.partner.name}`}`,
      }));
    }

    for (const fee of svc.recurringFees ?? []) {
      const month = periodOf('month', m);
      const from = [month.start, plan.validFrom, fee.effectiveFrom].sort().at(-1)!;
      const to = [month.end, plan.validTo ?? month.end, fee.effectiveTo ? dayBefore(fee.effectiveTo) : month.end].sort()[0]!;
      const days = daysBetween(from, to);
      if (days === 0) continue;
      const all = daysInMonth(m.year, m.month);
      const value = fee.prorated ? roundTo(new D(fee.amount).times(days).div(all), r) : roundTo(new D(fee.amount), r);
      lines.push(lineFor(hp, svc, month)({
        construct: 'recurring-fee', clauseSource: fee.source, basisQuantity: String(days), basisUnit: 'day', price: fee.amount, amount: value,
        explanation: fee.prorated
          ? `${show(fee.amount)} ${plan.currency}/month prorated by day: ${days} of ${all} days in force (${from} .. ${to}) = ${value} ${plan.currency}`
          : `${show(fee.amount)} ${plan.currency}/month, not prorated (in force ${days} of ${all} days) = ${value} ${plan.currency}`,
      }));
    }
  }
  return sortLines(lines);
}
