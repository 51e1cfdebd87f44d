// Text shared by the HTML and PDF renderings, so both print the same words and the same figures.
// Amounts arrive as exact decimal strings and are only re-spelled here (thousands separators by
// string manipulation); no JS number ever carries money.

import type { InvoiceDocument, InvoiceDocumentLine, InvoiceKind, PartyDetails } from '../invoice-document.js';

const KIND_TITLES: Record<InvoiceKind, string> = {
  invoice: 'Invoice',
  statement: 'Expected statement',
  'credit-note': 'Credit note',
  'debit-note': 'Debit note',
  'expected-credit-note': 'Expected credit note',
  'expected-debit-note': 'Expected debit note',
};

export function kindTitle(kind: InvoiceKind): string {
  return KIND_TITLES[kind];
}

/** The label of the gross total: a credit note credits it, every other document asks for it. */
export function totalLabel(kind: InvoiceKind): string {
  return kind === 'credit-note' || kind === 'expected-credit-note' ? 'Total credited' : 'Total due';
}

/** The number as printed: a draft bill run has none yet. */
export function numberText(doc: InvoiceDocument): string {
  return doc.number ?? 'DRAFT';
}

/**
 * "1234567.891" → "1,234,567.891", "-39.50" → "-39.50". Only the integer digits are grouped;
 * anything that is not a plain decimal string is printed as given (never reinterpreted).
 */
export function groupThousands(value: string): string {
  const m = /^([+-]?)(\d+)(\.\d+)?$/.exec(value);
  if (m === null) return value;
  const [, sign, int, frac] = m;
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${frac ?? ''}`;
}

/** "1,992.54 EUR" */
export function money(amount: string, currency: string): string {
  return `${groupThousands(amount)} ${currency}`;
}

/** The lines a party block prints: name, legal name, address lines, VAT number. */
export function partyLines(p: PartyDetails): string[] {
  const out: string[] = [];
  out.push(p.legalName ?? p.name);
  if (p.legalName !== null && p.legalName !== p.name) out.push(`(${p.name})`);
  if (p.address !== null) for (const l of p.address.split('\n')) if (l.trim() !== '') out.push(l);
  out.push(p.vat !== null ? `VAT: ${p.vat}` : 'VAT: none declared');
  return out;
}

export function quantityText(l: InvoiceDocumentLine): string {
  if (l.quantity === null) return '';
  return l.unit !== null ? `${groupThousands(l.quantity)} ${l.unit}` : groupThousands(l.quantity);
}

export function rateText(l: InvoiceDocumentLine): string {
  if (l.rate === null) return '';
  return l.rateUnit !== null ? `${l.rate} ${l.rateUnit}` : l.rate;
}

export function recordsText(l: InvoiceDocumentLine): string {
  return l.records === null ? '' : groupThousands(String(l.records));
}

/** For charge lines: "commitment-shortfall", "tier · tier 2 reached". */
export function chargeText(l: InvoiceDocumentLine): string {
  if (l.kind !== 'charge') return '';
  const parts: string[] = [];
  // a tier line says it once: "tier 2 reached", not "tier · tier 2 reached"
  if (l.construct !== null && !(l.construct === 'tier' && l.tier !== null)) parts.push(l.construct);
  if (l.tier !== null) parts.push(`tier ${l.tier} reached`);
  return parts.join(' · ');
}

/** Key facts of the header, in print order (label, value). */
export function headerFacts(doc: InvoiceDocument): Array<[string, string]> {
  const facts: Array<[string, string]> = [
    ['Number', numberText(doc)],
    ['Issue date', doc.issueDate],
    ['Due date', doc.dueDate],
    ['Period', `${doc.period.start} to ${doc.period.end}`],
    ['Currency', doc.currency],
    ['Bill run', doc.billRunId],
  ];
  if (doc.corrects !== null) facts.push(['Corrects', doc.corrects]);
  return facts;
}

/** "ACME-ORANGE-FR-2026 v4 (title) · plan sha256:…" */
export function agreementText(doc: InvoiceDocument): string {
  const a = doc.agreement;
  const title = a.title !== null ? ` (${a.title})` : '';
  return `${a.id} version ${a.version}${title} · plan ${a.planHash}`;
}
