// What a reconciliation found, as plain data: the contract between `icx reconcile invoice|cdrs`
// (which write it as findings.json, with evidence CSV files beside it) and `icx dispute open`
// (which reads it). Amounts are exact decimal strings in `currency`; a difference is always
// theirs − ours, so a positive difference is an overcharge by the partner.

export const FINDINGS_FORMAT = 1;

export type FindingCategory =
  // invoice reconciliation (their invoice lines vs our rating of the same traffic)
  | 'matched' | 'volume' | 'rate' | 'amount' | 'only-theirs' | 'only-ours'
  // CDR reconciliation (their records vs ours)
  | 'unmatched-theirs' | 'unmatched-ours' | 'duration' | 'duplicate-theirs';

export interface FindingSide {
  /** records (calls, messages…) */
  records: number | null;
  /** quantity in `unit` (minutes for voice) */
  quantity: string | null;
  unit: string | null;
  /** their rate as invoiced / the agreement's rate in force */
  rate: string | null;
  amount: string | null;
}

export interface FindingLine {
  category: FindingCategory;
  /** what a reader recognises, e.g. "voice-termination FR-MOBILE peak" */
  subject: string;
  service: string | null;
  zone: string | null;
  band: string | null;
  theirs: FindingSide | null;
  ours: FindingSide | null;
  /** theirs − ours (amount), exact */
  difference: string;
  /** whether the line is part of what we dispute (a difference we do not accept) */
  disputed: boolean;
  /** one sentence: why the line differs, e.g. "their rate 0.0150 vs 0.0123 EUR/min in force from 2026-03-01" */
  explanation: string;
  /** evidence file (beside findings.json) listing the records behind this line, when there are any */
  evidence: string | null;
}

export interface Findings {
  format: typeof FINDINGS_FORMAT;
  kind: 'invoice' | 'cdrs';
  /** partner name as agreements use it */
  partner: string;
  agreement: { id: string; version: number; planHash: string };
  /** YYYY-MM */
  period: string;
  currency: string;
  /** the partner's document compared */
  source: { file: string; sha256: string; invoiceNumber: string | null; invoiceDate: string | null };
  /** theirs, ours and theirs − ours, exact */
  totals: { theirs: string; ours: string; difference: string };
  /** the agreement's `dispute tolerance` as stated, null when it states none */
  tolerance: { percent: string | null; amount: string | null; currency: string | null } | null;
  /** accept: the difference is within tolerance (or none); dispute: beyond it */
  verdict: 'accept' | 'dispute';
  /** one sentence explaining the verdict with the arithmetic */
  verdictReason: string;
  lines: FindingLine[];
  /**
   * Optional (added for `icx dispute`): the agreement's `settlement.disputeDeadlines` as compiled —
   * days after the invoice date to raise a dispute, days after raising it for the partner to answer;
   * null when the agreement states neither. When absent, `icx dispute open` needs --agreements.
   */
  disputeDeadlines?: { raiseDays: number | null; answerDays: number | null } | null;
  /** kind 'cdrs' only (optional, added by the CDR reconciliation): how the records were matched */
  cdrs?: CdrMatchSummary;
}

/** The counts behind a CDR reconciliation's lines (times in seconds, exact decimal strings). */
export interface CdrMatchSummary {
  theirRecords: number;
  ourRecords: number;
  matchedById: number;
  matchedByTime: number;
  /** the services whose records were reconciled */
  services: string[];
  timeToleranceSeconds: string;
  durationToleranceSeconds: string;
  /** their start − ours over the matched records (positive: their clock is late); null when none matched */
  clockSkewSeconds: { median: string | null; mean: string | null };
}
