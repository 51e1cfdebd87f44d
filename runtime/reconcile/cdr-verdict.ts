// Accept or dispute a CDR reconciliation: the same rule as an invoice's (verdict.ts), on the
// money of their records against ours.
import type { Decimal } from 'decimal.js';
import type { AgreementPlan } from '../../compiler/plan.js';
import type { Findings } from './findings.js';
import { judge } from './verdict.js';

export function verdict(plan: AgreementPlan, theirs: Decimal, difference: Decimal): Pick<Findings, 'tolerance' | 'verdict' | 'verdictReason'> {
  return judge(plan.settlement?.disputeTolerance, { theirs: theirs.toFixed(), difference: difference.toFixed() }, plan.currency);
}
