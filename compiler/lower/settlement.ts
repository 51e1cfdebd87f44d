// The settlement block lowered to the plan's `settlement` (recorded, not used by rating).
import type { MoneyLit, PercentLit } from '../../language/ast.js';
import type { AgreementModel } from '../model.js';
import type { SettlementPlan } from '../plan.js';
import { settlementBlocks } from '../check/settlement.js';
import { decimalText } from '../values.js';

export function lowerSettlement(m: AgreementModel): SettlementPlan | null {
  const block = settlementBlocks(m)[0];
  if (block === undefined) return null;
  const plan: SettlementPlan = { invoicing: null, dueDays: null, netting: null, disputeTolerance: null };
  for (const item of block.items) {
    if (item.kind === 'invoicing' && plan.invoicing === null) {
      plan.invoicing = item.period.text as SettlementPlan['invoicing'];
      plan.dueDays = item.dueDays ? Number(decimalText(item.dueDays)) : null;
    } else if (item.kind === 'netting' && plan.netting === null) {
      plan.netting = item.mode.text as SettlementPlan['netting'];
    } else if (item.kind === 'disputeTolerance' && plan.disputeTolerance === null) {
      const pct = item.thresholds.find((t): t is PercentLit => !('amount' in t));
      const money = item.thresholds.find((t): t is MoneyLit => 'amount' in t);
      plan.disputeTolerance = {
        percent: pct ? decimalText(pct) : null,
        amount: money ? decimalText(money.amount) : null,
        currency: money ? money.currency.text : null,
      };
    } else if (item.kind === 'disputeWithin' || item.kind === 'disputeAnswer') {
      // the key only exists when a deadline is written: other plans keep their hash
      const d = (plan.disputeDeadlines ??= { raiseDays: null, answerDays: null });
      const days = Number(decimalText(item.days));
      if (item.kind === 'disputeWithin' && d.raiseDays === null) d.raiseDays = days;
      if (item.kind === 'disputeAnswer' && d.answerDays === null) d.answerDays = days;
    }
  }
  return plan;
}
