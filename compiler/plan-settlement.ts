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
}
