// The settlement block: how invoices are raised and paid, netting, and the dispute tolerance.
// Recorded in the plan for bill runs and disputes (issues 6 and 7); these checks make sure what
// is recorded means one thing: known words, whole days, one threshold of each kind, money in
// the agreement's currency.
import type { MoneyLit, Node, PercentLit, SettlementBlock } from '../../language/ast.js';
import type { AgreementModel } from '../model.js';
import { at, type Sink } from '../sink.js';
import { isCurrency } from './currencies.js';
import { checkDisputeDeadline, DISPUTE_DEADLINE_WORDS } from './settlement-dispute.js';

export const INVOICING_PERIODS = ['monthly', 'quarterly', 'yearly'] as const;
export const NETTING_MODES = ['bilateral', 'none'] as const;
/** the most days an invoice may give before it is due (a longer term is a typo) */
export const MAX_DUE_DAYS = 366;

export function settlementBlocks(m: AgreementModel): SettlementBlock[] {
  return (m.ast.items ?? []).filter((i): i is SettlementBlock => i?.kind === 'settlement');
}

export function checkSettlement(m: AgreementModel, sink: Sink): void {
  const blocks = settlementBlocks(m);
  for (const b of blocks.slice(1)) {
    sink.report('ICX3006', `\`settlement\` is already declared at ${at(m.uri, blocks[0]!.range)}; keep one and delete this one.`, b.range);
  }
  const block = blocks[0];
  if (block === undefined) return;
  const seen = new Map<string, Node>();
  for (const item of block.items ?? []) {
    const first = seen.get(item.kind);
    if (first !== undefined) {
      const word = item.kind === 'disputeTolerance' ? 'dispute tolerance' : (DISPUTE_DEADLINE_WORDS as Record<string, string>)[item.kind] ?? item.kind;
      sink.report('ICX3006', `\`${word}\` is already stated at ${at(m.uri, first.range)}; keep one.`, item.range);
      continue;
    }
    seen.set(item.kind, item);
    if (item.kind === 'invoicing') {
      if (item.period?.text && !(INVOICING_PERIODS as readonly string[]).includes(item.period.text)) {
        sink.report('ICX3202', `Unknown invoicing period ${item.period.text}; use one of: ${INVOICING_PERIODS.join(', ')}.`, item.period.range);
      }
      if (item.dueDays !== undefined) {
        const d = item.dueDays.value ?? '';
        if (!/^[0-9]+$/.test(d) || Number(d) > MAX_DUE_DAYS) {
          sink.report('ICX3202', `The payment term is a whole number of days from 0 to ${MAX_DUE_DAYS}, not ${item.dueDays.text}.`, item.dueDays.range);
        }
      }
      if (item.dueUnit?.text && item.dueUnit.text !== 'days') {
        sink.report('ICX3202', `Write the payment term in days, e.g. \`due 30 days\` (not ${item.dueUnit.text}).`, item.dueUnit.range);
      }
    } else if (item.kind === 'netting') {
      if (item.mode?.text && !(NETTING_MODES as readonly string[]).includes(item.mode.text)) {
        sink.report('ICX3202', `Unknown netting ${item.mode.text}; use one of: ${NETTING_MODES.join(', ')}.`, item.mode.range);
      }
    } else if (item.kind === 'disputeTolerance') {
      checkTolerance(m, item.thresholds ?? [], sink);
    } else if (item.kind === 'disputeWithin' || item.kind === 'disputeAnswer') {
      checkDisputeDeadline(item, sink);
    }
    // `currency`: check/settlement-currency.ts (it reads the FX table through the host)
  }
}

function isPercent(t: PercentLit | MoneyLit): t is PercentLit {
  return !('amount' in t);
}

function checkTolerance(m: AgreementModel, thresholds: (PercentLit | MoneyLit)[], sink: Sink): void {
  let percent: PercentLit | undefined;
  let money: MoneyLit | undefined;
  for (const t of thresholds) {
    if (isPercent(t)) {
      if (percent !== undefined) {
        sink.report('ICX3202', 'The tolerance already has a percentage; give at most one percentage and one amount (`1% or 500 EUR`).', t.range);
        continue;
      }
      percent = t;
      const v = Number(t.value);
      if (!/^[0-9]+(\.[0-9]+)?$/.test(t.value ?? '') || v > 100) {
        sink.report('ICX3202', `A dispute tolerance is a share of the invoice from 0% to 100%, not ${t.text}.`, t.range);
      }
    } else {
      if (money !== undefined) {
        sink.report('ICX3202', 'The tolerance already has an amount; give at most one percentage and one amount (`1% or 500 EUR`).', t.range);
        continue;
      }
      money = t;
      const code = t.currency?.text;
      if (code && !isCurrency(code)) {
        sink.report('ICX3003', `${code} is not an active ISO 4217 currency code; write one such as EUR, USD or GBP.`, t.currency.range);
      } else if (code && m.currency && isCurrency(m.currency) && code !== m.currency) {
        sink.report('ICX3002', `The tolerance is in ${code} but the agreement settles in ${m.currency}; write it in ${m.currency}.`, t.currency.range);
      }
    }
  }
}
