// Accept or dispute, against the agreement's `dispute tolerance` (compiler/plan-settlement.ts):
// the difference (theirs − ours) is within tolerance when it is at most `percent` % of their
// total OR at most `amount`, i.e. at most the larger threshold; exactly at it is within. Only
// an overcharge is disputed: a difference of zero or below (they bill less than our rating)
// is accepted. No tolerance stated: any overcharge is disputed.
import { Decimal } from 'decimal.js';
import type { AgreementPlan } from '../../compiler/plan.js';
import type { Findings } from './findings.js';

export function verdict(plan: AgreementPlan, theirs: Decimal, difference: Decimal): Pick<Findings, 'tolerance' | 'verdict' | 'verdictReason'> {
  const ccy = plan.currency;
  const tol = plan.settlement?.disputeTolerance ?? null;
  const tolerance = tol ? { percent: tol.percent, amount: tol.amount, currency: tol.currency } : null;
  const diff = `${difference.gt(0) ? '+' : ''}${difference.toFixed()} ${ccy}`;
  if (difference.lte(0)) {
    return { tolerance, verdict: 'accept', verdictReason: `difference ${diff}: their CDRs are worth no more than ours, nothing to dispute` };
  }
  const parts: string[] = [];
  let threshold = new Decimal(0);
  if (tol?.percent != null) {
    const p = theirs.abs().times(tol.percent).div(100);
    parts.push(`${tol.percent}% of their ${theirs.toFixed()} ${ccy} = ${p.toFixed()}`);
    threshold = Decimal.max(threshold, p);
  }
  if (tol?.amount != null) {
    // a threshold in another currency cannot be compared without a rate: said, not converted
    if (tol.currency !== null && tol.currency !== ccy) parts.push(`${tol.amount} ${tol.currency} (not in ${ccy}: not applied)`);
    else {
      parts.push(`${tol.amount} ${ccy}`);
      threshold = Decimal.max(threshold, new Decimal(tol.amount));
    }
  }
  if (parts.length === 0) {
    return { tolerance, verdict: 'dispute', verdictReason: `difference ${diff} and the agreement states no dispute tolerance` };
  }
  const within = difference.lte(threshold);
  const rule = parts.length > 1 ? `the larger of ${parts.join(' and ')}` : parts[0]!;
  return {
    tolerance,
    verdict: within ? 'accept' : 'dispute',
    verdictReason: `difference ${diff} ${within ? '≤' : '>'} ${threshold.toFixed()} ${ccy} (${rule}): ${within ? 'within tolerance' : 'beyond tolerance'}`,
  };
}
