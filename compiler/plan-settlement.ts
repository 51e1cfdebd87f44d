// How a plan's amounts are settled: currency conversion by an FX table, and the settlement
// terms recorded for bill runs and disputes (rating reads the first, not the second).
// Re-exported by plan.ts.

/**
 * How amounts priced in `from` are settled in the agreement currency (`to`): the rate of the
 * table row dated the record's local start date (`usage-date`) or the last day of that
 * calendar month (`period-end`). No row for that date → suspense `no-fx-rate`, never 1.
 */
export interface FxPlan {
  from: string;
  to: string;
  rule: 'usage-date' | 'period-end';
  /** the table file, relative to the agreements root */
  table: string;
  /** `<uri>:<line>` of the fx line */
  source: string;
  /** the table's rows for this pair, by date: 1 `from` = `rate` `to`, exact decimal text */
  rates: { date: string; rate: string }[];
}

/** `settlement { invoicing monthly, due 30 days / netting bilateral / dispute tolerance 1% or 500 EUR }` */
export interface SettlementPlan {
  /** how often invoices are raised; null = not stated */
  invoicing: 'monthly' | 'quarterly' | 'yearly' | null;
  /** days from the invoice date to the due date; null = not stated */
  dueDays: number | null;
  /** `bilateral`: the two directions' invoices are netted into one payment; `none`: paid gross */
  netting: 'bilateral' | 'none' | null;
  /**
   * A difference between the two sides' figures is within tolerance when it is at most
   * `percent` % of the invoiced amount OR at most `amount` (so the larger threshold applies).
   * Decimal strings; either may be null when only the other is stated.
   */
  disputeTolerance: { percent: string | null; amount: string | null; currency: string | null } | null;
  /**
   * `currency USD from table "fx/ecb-2026.csv"`: the currency a netted balance is paid in.
   * Absent (not null, so plans that do not state it keep their hash) when the agreement does
   * not say: its documents settle in the agreement currency.
   */
  currency?: SettlementCurrencyPlan;
  /**
   * `dispute within 30 days` / `dispute answer within 15 days`: the days after the partner's
   * invoice date within which we may raise a dispute, and the days after raising it within which
   * the partner must answer (acknowledge or resolve); null when that one is not stated. Absent
   * (not null, so plans that state neither keep their hash) when the agreement states neither.
   */
  disputeDeadlines?: DisputeDeadlinesPlan;
}

export interface DisputeDeadlinesPlan {
  raiseDays: number | null;
  answerDays: number | null;
}

/**
 * The settlement currency and how the agreement's documents (in `from`, the agreement
 * currency) are converted into it: 1 `from` = `rate` `code`, the table row dated the billed
 * period's last day. `table` null and `rates` empty when `code` is the agreement currency.
 */
export interface SettlementCurrencyPlan {
  code: string;
  from: string;
  /** the table file, relative to the agreements root */
  table: string | null;
  /** `<uri>:<line>` of the `currency` line */
  source: string;
  rates: { date: string; rate: string }[];
}
