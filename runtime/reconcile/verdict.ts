// The verdict on a reconciliation (an invoice, or CDRs) against the agreement's `dispute tolerance P% or A CCY`
// (docs/language.md "Settlement"): the difference (theirs − ours) is within tolerance when it is
// at most P% of their invoiced total or at most A, whichever threshold is larger — so exactly at
// either threshold is within. No tolerance stated: any overcharge disputes. An invoice LOWER than
// our rating is accepted whatever the gap (there is nothing to claim back); the reason says so.
// Disputed lines: when the verdict is `dispute`, every line where they charge more than we rated.
import { Decimal } from 'decimal.js';
import type { SettlementPlan } from '../../compiler/plan.js';
import { minorUnits } from '../period/lines.js';
import type { FindingLine, Findings } from './findings.js';

export interface Verdict {
  tolerance: Findings['tolerance'];
  verdict: Findings['verdict'];
  verdictReason: string;
}

export function judge(
  tol: SettlementPlan['disputeTolerance'] | undefined, totals: { theirs: string; difference: string }, currency: string,
): Verdict {
  const diff = new Decimal(totals.difference);
  const tolerance = tol ? { percent: tol.percent, amount: tol.amount, currency: tol.currency } : null;
  const d = `${totals.difference} ${currency}`;
  // computed figures with at least the currency's minor digits (2530 → 2530.00), never cut
  const show = (x: Decimal) => x.toFixed(Math.max(minorUnits(currency), x.decimalPlaces()));
  if (diff.isZero()) return { tolerance, verdict: 'accept', verdictReason: `their total ${totals.theirs} ${currency} equals our rating: no difference` };
  let threshold = new Decimal(0);
  let rule = 'the agreement states no dispute tolerance, so any overcharge is disputed';
  if (tol) {
    const parts: string[] = [];
    let pct: Decimal | null = null;
    if (tol.percent !== null) {
      pct = new Decimal(tol.percent).div(100).times(new Decimal(totals.theirs).abs());
      parts.push(`${tol.percent}% of their total ${totals.theirs} ${currency} = ${show(pct)} ${currency}`);
    }
    // the language states the amount in the agreement's currency; one in another is said, never converted
    const foreign = tol.amount !== null && tol.currency !== null && tol.currency !== currency;
    if (tol.amount !== null) parts.push(foreign ? `${tol.amount} ${tol.currency} (not in ${currency}: not applied)` : `${tol.amount} ${currency}`);
    threshold = Decimal.max(pct ?? 0, foreign ? 0 : (tol.amount ?? 0));
    rule = parts.length === 2
      ? `the tolerance is the larger of ${parts[0]} and ${parts[1]}: ${show(threshold)} ${currency}`
      : `the tolerance is ${parts[0]}`;
  }
  if (diff.isNegative()) {
    return {
      tolerance, verdict: 'accept',
      verdictReason: `they invoice ${totals.difference.replace(/^-/, '')} ${currency} less than our rating (difference ${d}): nothing to claim back, accepted; ${rule}`,
    };
  }
  if (diff.lte(threshold)) {
    return { tolerance, verdict: 'accept', verdictReason: `difference ${d} is within tolerance (at most ${show(threshold)} ${currency}): ${rule}` };
  }
  return {
    tolerance, verdict: 'dispute',
    verdictReason: tol
      ? `difference ${d} is beyond tolerance (more than ${show(threshold)} ${currency}): ${rule}`
      : `difference ${d}: ${rule}`,
  };
}

/** Marks the lines we dispute: on a `dispute` verdict, those where they charge more than we rated. */
export function markDisputed(lines: FindingLine[], verdict: Findings['verdict']): FindingLine[] {
  return lines.map((l) => ({ ...l, disputed: verdict === 'dispute' && new Decimal(l.difference).gt(0) }));
}
