// The arithmetic of the digital-partner terms, on aggregates (a few rows per agreement and
// month): active-unit fees, pooled-data overage, revenue share with a per-subscriber floor,
// commission on first-month retail, SLA credits with steps and a cap. Exact decimals only;
// nothing here rounds: the charge line rounds once (runtime/period/digital-charges.ts).
import { Decimal } from 'decimal.js';

/** 60 significant digits: sums of millions of retail lines stay exact. */
export const X = Decimal.clone({ precision: 60 });
export type Exact = InstanceType<typeof X>;

/** Fee per active unit: units × price. */
export function activeUnitFee(units: number | bigint, price: string): Exact {
  return new X(units.toString()).times(price);
}

export interface PoolResult {
  /** allowance × active devices, bytes (exact; may be fractional for `0.3 KB` allowances) */
  poolBytes: Exact;
  /** max(0, used − pool), bytes */
  overageBytes: Exact;
  /** overage in the overage unit (bytes / unit size) */
  overageUnits: Exact;
  amount: Exact;
}

/** Pooled data: the devices share one allowance; only what the pool does not cover is charged. */
export function poolOverage(o: { devices: number | bigint; usedBytes: string; allowanceBytes: string; overagePrice: string; overageUnitBytes: string }): PoolResult {
  const poolBytes = new X(o.devices.toString()).times(o.allowanceBytes);
  const used = new X(o.usedBytes);
  const overageBytes = X.max(0, used.minus(poolBytes));
  const overageUnits = overageBytes.div(o.overageUnitBytes);
  return { poolBytes, overageBytes, overageUnits, amount: overageUnits.times(o.overagePrice) };
}

export interface ShareResult {
  /** Σ net over the subscribers */
  net: Exact;
  /** percent × Σ net */
  share: Exact;
  /** Σ max(0, floor − percent × net_s): what raises each subscriber to the floor */
  floorTopUp: Exact;
  /** subscribers whose share was below the floor */
  raised: number;
  subscribers: number;
}

/** Percent of an amount: `5` of 120.00 → 6.00 (exact). */
export function percentOf(percent: string, amount: Exact | string): Exact {
  return new X(amount).times(percent).div(100);
}

export interface SlaSpec {
  metric: 'availability' | 'latency';
  op: '>=' | '<=';
  target: string;
  creditPercent: string;
  stepPercent: string | null;
}

export interface SlaOutcome {
  met: boolean;
  /** availability: full steps below the target (partial steps do not count) */
  steps: number | null;
  /** % of the monthly fee credited by this SLA, before the cap */
  creditPercent: Exact;
}

/**
 * One SLA against its measured KPI. Availability `>= 99.99%, credit 10% per 0.01% below`:
 * one credit per FULL step below the target (99.97 → 2 steps → 20%; 99.955 → 3 full steps
 * of 0.035 → 30%). Without a step, any miss credits the flat percentage. Latency
 * `p99 <= 10ms, credit 5%`: above the target → 5%.
 */
export function slaOutcome(sla: SlaSpec, measured: string): SlaOutcome {
  const value = new X(measured);
  const met = sla.op === '>=' ? value.gte(sla.target) : value.lte(sla.target);
  if (met) return { met, steps: sla.stepPercent ? 0 : null, creditPercent: new X(0) };
  if (sla.stepPercent) {
    const gap = sla.op === '>=' ? new X(sla.target).minus(value) : value.minus(sla.target);
    const steps = gap.div(sla.stepPercent).floor();
    return { met, steps: steps.toNumber(), creditPercent: steps.times(sla.creditPercent) };
  }
  return { met, steps: null, creditPercent: new X(sla.creditPercent) };
}

/** The cap on all SLA credits of a service: the capped total, and what the cap took off. */
export function capCredits(total: Exact, capPercent: string | null): { credited: Exact; removed: Exact } {
  if (capPercent === null || total.lte(capPercent)) return { credited: total, removed: new X(0) };
  return { credited: new X(capPercent), removed: total.minus(capPercent) };
}
