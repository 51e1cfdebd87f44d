// Dispute deadlines of the settlement block: `dispute within 30 days` (days after the partner's
// invoice date within which we may raise a dispute) and `dispute answer within 15 days` (days after
// we raise it within which the partner answers). Recorded in the plan for `icx dispute`
// (runtime/dispute/); these checks make sure each is a whole number of days.
import type { SettlementItem } from '../../language/ast.js';
import type { Sink } from '../sink.js';

/** the longest deadline a contract plausibly gives (a longer one is a typo) */
export const MAX_DISPUTE_DAYS = 366;

/** How a duplicate is named in ICX3006 ("`dispute within` is already stated"). */
export const DISPUTE_DEADLINE_WORDS = { disputeWithin: 'dispute within', disputeAnswer: 'dispute answer within' } as const;

type DeadlineItem = Extract<SettlementItem, { kind: 'disputeWithin' | 'disputeAnswer' }>;

export function checkDisputeDeadline(item: DeadlineItem, sink: Sink): void {
  const word = DISPUTE_DEADLINE_WORDS[item.kind];
  const d = item.days?.value ?? '';
  // a recovered line has no number: the parser already reported it
  if (item.days?.text && (!/^[0-9]+$/.test(d) || Number(d) < 1 || Number(d) > MAX_DISPUTE_DAYS)) {
    sink.report('ICX3701', `A dispute deadline is a whole number of days from 1 to ${MAX_DISPUTE_DAYS}, not ${item.days.text}.`, item.days.range);
  }
  if (item.unit?.text && item.unit.text !== 'days') {
    sink.report('ICX3702', `Write the deadline in days, e.g. \`${word} 30 days\` (not ${item.unit.text}).`, item.unit.range);
  }
}
