// The cost of one typical call under a supplier's rate line, exactly as rating prices a call
// that stays in its start band (docs/internal-contracts.md "Rating semantics"): billed seconds
// by the increments (a deck line's own increments override the service's; the minimum still
// applies), Σ over price steps of the billed seconds in the step × price / 60, + connect fee,
// capped by the maximum per call. Amounts are kept ×60 so that nothing is divided: the
// ranking compares exact decimals; the /60 happens only when a cost is displayed.
import { Decimal } from 'decimal.js';
import type { RateLinePlan, ServicePlan } from '../../compiler/plan.js';

/** decimal.js with room for exact products (prices ≤ 9 decimals × FX rates ≤ 18 decimals). */
export const D = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

export interface Increments {
  firstSeconds: number;
  nextSeconds: number;
  minimumSeconds: number;
}

export function incrementsOf(svc: ServicePlan, line: RateLinePlan): Increments {
  const b = svc.billing ?? { firstSeconds: 1, nextSeconds: 1, minimumSeconds: 0 };
  return { firstSeconds: line.increments?.firstSeconds ?? b.firstSeconds, nextSeconds: line.increments?.nextSeconds ?? b.nextSeconds, minimumSeconds: b.minimumSeconds };
}

/** Billed seconds of an answered call of `seconds` (> 0), the rating formula of rating-ctx-sql.ts. */
export function billedSeconds(seconds: number, inc: Increments): number {
  const d = Math.max(seconds, inc.minimumSeconds);
  if (d <= inc.firstSeconds) return inc.firstSeconds;
  return inc.firstSeconds + Math.ceil((d - inc.firstSeconds) / inc.nextSeconds) * inc.nextSeconds;
}

/** Cost ×60 of a call billed `billed` seconds, in the service's price currency. */
export function callCost60(svc: ServicePlan, line: RateLinePlan, billed: number): Dec {
  let n = new D(0);
  for (const st of line.steps) {
    const to = st.toSecond ?? Number.MAX_SAFE_INTEGER;
    const secs = Math.max(0, Math.min(billed, to) - st.fromSecond);
    if (secs > 0) n = n.plus(new D(st.price).times(secs));
  }
  if (svc.connectFee !== null) n = n.plus(new D(svc.connectFee).times(60));
  if (svc.maximumPerCall !== null) {
    const max60 = new D(svc.maximumPerCall).times(60);
    if (n.gt(max60)) n = max60;
  }
  return n;
}

/** The per-minute price shown beside the cost: the price of the step that starts the call. */
export function ratePerMinute(line: RateLinePlan): string {
  const first = [...line.steps].sort((a, b) => a.fromSecond - b.fromSecond)[0];
  return first ? first.price : '0';
}
