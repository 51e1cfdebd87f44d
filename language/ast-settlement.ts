// How amounts are settled between the parties: currency conversion (fx) and the settlement
// terms recorded for bill runs and disputes. Re-exported by ast.ts.
import type { MoneyLit, Name, Node, NumberLit, PercentLit, StringLit } from './ast.js';

/** `fx SDR -> EUR from table "fx/gsma-2026.csv" at usage date`: how amounts priced in `from` are settled. */
export interface FxDecl extends Node {
  kind: 'fx';
  from: Name;
  to: Name;
  /** path of the FX table (CSV date,from,to,rate), relative to the agreement file */
  table: StringLit;
  /** which table row a record uses: the local date of its start, or the last day of that month */
  rule: 'usage-date' | 'period-end';
}

// ---- settlement terms: recorded for bill runs and disputes ----

export interface SettlementBlock extends Node {
  kind: 'settlement';
  items: SettlementItem[];
}

export type SettlementItem =
  /** `invoicing monthly, due 30 days` */
  | (Node & { kind: 'invoicing'; period: Name; dueDays?: NumberLit; dueUnit?: Name })
  /** `netting bilateral` */
  | (Node & { kind: 'netting'; mode: Name })
  /** `dispute tolerance 1% or 500 EUR`: one or two thresholds, each a percentage or an amount */
  | (Node & { kind: 'disputeTolerance'; thresholds: (PercentLit | MoneyLit)[] })
  /** `currency EUR from table "fx/ecb-2026.csv"`: the settlement currency, and the FX table converting into it */
  | (Node & { kind: 'currency'; currency: Name; table?: StringLit })
  /** `dispute within 30 days`: days after the partner's invoice date within which we may raise a dispute */
  | (Node & { kind: 'disputeWithin'; days: NumberLit; unit?: Name })
  /** `dispute answer within 15 days`: days after we raise a dispute within which the partner answers it */
  | (Node & { kind: 'disputeAnswer'; days: NumberLit; unit?: Name });
