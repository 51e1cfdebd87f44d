// What a dispute claims, and by when. The claim is the sum of the POSITIVE differences
// (theirs − ours) of the disputed lines: what the partner charged us beyond the agreement.
// A disputed line with a negative difference (an undercharge: they invoiced less than the
// agreement gives them) does NOT reduce the claim: it is the partner's to re-invoice under the
// agreement, not ours to offset against their errors. Such lines stay in the dispute and its
// document, and their total is shown apart as `undercharged`. Exact: decimal.js sums the
// strings of findings.json; nothing is rounded (the differences are already amounts in currency).
import { Decimal } from 'decimal.js';
import type { FindingLine } from '../reconcile/findings.js';
import { addDays } from './dates.js';

export interface Claim {
  /** Σ max(difference, 0) over the disputed lines, exact */
  claimed: string;
  /** Σ −min(difference, 0) over the disputed lines (a positive number), exact; not offset. Both keep the largest scale of the differences. */
  undercharged: string;
  overchargedLines: number;
  underchargedLines: number;
}

export function claimOf(disputed: readonly FindingLine[]): Claim {
  let claimed = new Decimal(0);
  let under = new Decimal(0);
  let over = 0;
  let underLines = 0;
  // sums keep the scale of the amounts summed ("1268.30", not "1268.3"): no digit added or dropped
  let scale = 0;
  for (const l of disputed) {
    const d = new Decimal(l.difference);
    scale = Math.max(scale, (l.difference.split('.')[1] ?? '').length);
    if (d.gt(0)) {
      claimed = claimed.plus(d);
      over++;
    } else if (d.lt(0)) {
      under = under.minus(d);
      underLines++;
    }
  }
  return { claimed: claimed.toFixed(scale), undercharged: under.toFixed(scale), overchargedLines: over, underchargedLines: underLines };
}

export interface Deadlines {
  /** the last day a dispute of this invoice is on time (invoice date + raise days); null when the agreement states none */
  raiseBy: string | null;
  /** the last day for the partner's answer (raised + answer days); null when the agreement states none */
  answerDue: string | null;
}

export function deadlinesOf(invoiceDate: string | null, raised: string, rules: { raiseDays: number | null; answerDays: number | null } | null): Deadlines {
  return {
    raiseBy: rules?.raiseDays != null && invoiceDate !== null ? addDays(invoiceDate, rules.raiseDays) : null,
    answerDue: rules?.answerDays != null ? addDays(raised, rules.answerDays) : null,
  };
}
