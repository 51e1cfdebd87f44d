// An invoice (or the statement we expect to receive) as plain data: what a bill run produces for
// one partner, one direction, one currency and one period, and what every rendering (JSON, CSV,
// HTML, PDF) prints. Amounts are exact decimal strings, already rounded as the agreement and the
// invoice's currency say; renderers format them, they never compute money. The same document
// renders to the same bytes (no clock, no random ids inside renderers).

export const INVOICE_DOCUMENT_FORMAT = 1;

export type InvoiceKind =
  /** we issue it: the partner pays us (receivable services) */
  | 'invoice'
  /** what we expect the partner to invoice us (payable services): to check their invoice against */
  | 'statement'
  /** corrections of an issued invoice (re-rating): the differences that lower it, or raise it */
  | 'credit-note'
  | 'debit-note'
  /** corrections of a statement: the credit or debit note we expect the partner to issue us */
  | 'expected-credit-note'
  | 'expected-debit-note';

export interface PartyDetails {
  /** the name agreements use (ACME-UK, ORANGE) */
  name: string;
  legalName: string | null;
  vat: string | null;
  /** as declared, lines separated by `\n` */
  address: string | null;
}

export interface InvoiceDocumentLine {
  /** usage: rated records of one service × zone × band; charge: a period charge line */
  kind: 'usage' | 'charge';
  service: string;
  zone: string | null;
  band: string | null;
  /** for charges: the construct (tier, discount, commitment-shortfall, sla-credit, revenue-share…) */
  construct: string | null;
  /** the tier reached, for tier lines */
  tier: number | null;
  /** one line of text a reader understands without the agreement, e.g. "FR-MOBILE peak" or "Commitment shortfall Q1 2026" */
  description: string;
  /** number of records (calls, messages, sessions…), usage lines only */
  records: number | null;
  /** billed quantity and its unit, e.g. "1234.5" "min", "5000" "msg" */
  quantity: string | null;
  unit: string | null;
  /** the price per unit as the agreement states it, e.g. "0.0123" with rateUnit "EUR/min" */
  rate: string | null;
  rateUnit: string | null;
  /** signed; discounts, credits and caps are negative */
  amount: string;
  /** `<file>:<line>` of the clause that priced it */
  source: string | null;
  /** notes only: why the line changed (which clause, which records) */
  reason?: string;
}

export interface FxUsed {
  from: string;
  to: string;
  /** units of `to` per unit of `from`, exact as in the FX table */
  rate: string;
  /** the table row's date (usage date or period end) */
  date: string;
  table: string;
}

export interface TaxLine {
  /** e.g. "VAT 20%" or "VAT reverse charge" */
  label: string;
  /** percent as a decimal string ("20"), "0" under reverse charge */
  rate: string;
  base: string;
  amount: string;
  reverseCharge: boolean;
  /** the legal mention printed on the invoice, e.g. "Reverse charge: VAT to be accounted for by the recipient (Art. 196 Directive 2006/112/EC)" */
  note: string | null;
}

export interface InvoiceDocument {
  format: typeof INVOICE_DOCUMENT_FORMAT;
  kind: InvoiceKind;
  /** per-issuer sequence without gaps, e.g. "ACME-UK-2026-000042"; null while the bill run is a draft */
  number: string | null;
  billRunId: string;
  /** YYYY-MM-DD */
  issueDate: string;
  dueDate: string;
  period: { start: string; end: string };
  issuer: PartyDetails;
  recipient: PartyDetails;
  agreement: { id: string; version: number; title: string | null; planHash: string };
  currency: string;
  lines: InvoiceDocumentLine[];
  fx: FxUsed[];
  taxes: TaxLine[];
  totals: { net: string; tax: string; gross: string };
  /** the invoice a credit or debit note corrects */
  corrects: string | null;
  notes: string[];
}
