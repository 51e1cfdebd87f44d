// Invoice lines of a run's summary: one per agreement × service × zone × band, whose total is
// the sum of the rounded records, rounded again where the service states
// `rounding ... per invoice line`. A handful of rows, so decimal.js is the right tool here
// (the per-record rounding happens in SQL).
import { Decimal } from 'decimal.js';
import type { HashedAgreementPlan, RoundingPlan } from '../compiler/index.js';
import { ROUNDING_MODES } from './period/lines.js';
import type { SummaryRow } from './rate.js';

export interface InvoiceLine extends SummaryRow {
  /** the line's amount: `amount` rounded per the service's invoice-line rule, else `amount` */
  lineAmount: string;
  /** the rule applied, or null when the service states none */
  lineRounding: RoundingPlan | null;
  /** decimal places the service rounds each record to, for display */
  recordDecimals: number;
}

export function roundAmount(amount: string, rule: RoundingPlan): string {
  return new Decimal(amount).toDecimalPlaces(rule.decimals, ROUNDING_MODES[rule.method]).toFixed(rule.decimals);
}

export function invoiceLines(summary: readonly SummaryRow[], plans: readonly HashedAgreementPlan[]): InvoiceLine[] {
  const services = new Map<string, { line: RoundingPlan | null; record: number }>();
  for (const { plan } of plans) {
    for (const s of plan.services) services.set(`${plan.id}/${s.name}`, { line: s.invoiceLineRounding, record: s.recordRounding.decimals });
  }
  return summary.map((row) => {
    const rules = services.get(`${row.agreementId}/${row.service}`);
    const lineRounding = rules?.line ?? null;
    return {
      ...row,
      lineAmount: lineRounding ? roundAmount(row.amount, lineRounding) : row.amount,
      lineRounding,
      recordDecimals: rules?.record ?? 6,
    };
  });
}
