// The documents of a bill run: one per agreement × direction (an agreement has one currency,
// so this is also per partner × direction × currency × agreement). Receivable services make the
// `invoice` we issue (issuer: our entity); payable ones the `statement` of what the partner
// should invoice us (issuer: the partner). Plain data; the money is exact decimal text.
import { Decimal } from 'decimal.js';
import type { HashedAgreementPlan, PartyPlan } from '../../compiler/plan.js';
import type { ChargeLine } from '../period/lines.js';
import { minorUnits } from '../period/lines.js';
import { INVOICE_DOCUMENT_FORMAT, type InvoiceDocument, type InvoiceDocumentLine, type PartyDetails } from './invoice-document.js';
import { taxesOf } from './tax.js';
import type { UsageLinesResult } from './usage-lines.js';

/** Days from the issue date to the due date when the agreement's settlement terms state none. */
export const DEFAULT_DUE_DAYS = 30;

export interface DocumentInputs {
  hp: HashedAgreementPlan;
  usage: UsageLinesResult;
  charges: readonly ChargeLine[];
  billRunId: string;
  period: { start: string; end: string };
  issueDate: string;
}

function party(p: PartyPlan): PartyDetails {
  return { name: p.name, legalName: p.legalName, vat: p.vat ?? null, address: p.address ?? null };
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function chargeLine(c: ChargeLine): InvoiceDocumentLine {
  const rate = c.price ?? c.percent;
  return {
    kind: 'charge', service: c.service, zone: null, band: null, construct: c.construct, tier: c.tier,
    description: c.explanation, records: null,
    quantity: c.basisQuantity, unit: c.basisUnit,
    rate, rateUnit: c.price !== null ? `${c.currency}${c.basisUnit ? `/${c.basisUnit}` : ''}` : c.percent !== null ? '%' : null,
    amount: c.amount, source: c.clauseSource,
  };
}

/** Sum of decimal strings, shown with at least the currency's minor digits. */
export function total(amounts: readonly string[], currency: string): string {
  let places = minorUnits(currency);
  let sum = new Decimal(0);
  for (const a of amounts) {
    sum = sum.plus(a);
    places = Math.max(places, new Decimal(a).decimalPlaces());
  }
  return (sum.isZero() ? sum.abs() : sum).toFixed(places);
}

/** The agreement's documents of the period: none for a direction with no line. */
export function buildDocuments(inp: DocumentInputs): InvoiceDocument[] {
  const { hp, usage, charges } = inp;
  const plan = hp.plan;
  const out: InvoiceDocument[] = [];
  for (const direction of ['receivable', 'payable'] as const) {
    const lines: InvoiceDocumentLine[] = [
      ...usage.lines.filter((l) => l.direction === direction).map(({ direction: _d, ...l }) => l),
      ...charges.filter((c) => c.direction === direction && c.agreementId === plan.id).map(chargeLine),
    ];
    if (lines.length === 0) continue;
    const we = party(plan.us);
    const they = party(plan.partner);
    const [issuer, recipient] = direction === 'receivable' ? [we, they] : [they, we];
    const notes: string[] = [];
    const dueDays = plan.settlement?.dueDays ?? null;
    if (dueDays === null) notes.push(`Payment terms are not stated in the agreement: due ${DEFAULT_DUE_DAYS} days after the issue date.`);
    else notes.push(`Payment due ${dueDays} days after the issue date (agreement settlement terms).`);
    if (direction === 'payable') notes.push(`Statement of what ${they.legalName ?? they.name} should invoice ${we.legalName ?? we.name}; not an invoice.`);
    if (plan.settlement?.netting === 'bilateral') notes.push('Netted with the invoice of the other direction (bilateral netting): one payment settles both.');
    const net = total(lines.map((l) => l.amount), plan.currency);
    const tax = taxesOf(issuer, recipient, net);
    notes.push(...tax.notes);
    const taxTotal = total(tax.lines.map((t) => t.amount), plan.currency);
    out.push({
      format: INVOICE_DOCUMENT_FORMAT,
      kind: direction === 'receivable' ? 'invoice' : 'statement',
      number: null,
      billRunId: inp.billRunId,
      issueDate: inp.issueDate,
      dueDate: addDays(inp.issueDate, dueDays ?? DEFAULT_DUE_DAYS),
      period: inp.period,
      issuer, recipient,
      agreement: { id: plan.id, version: plan.version, title: plan.title, planHash: hp.hash },
      currency: plan.currency,
      lines,
      fx: usage.fx.filter((f) => f.direction === direction).map(({ direction: _d, ...f }) => f),
      taxes: tax.lines,
      totals: { net, tax: taxTotal, gross: total([net, taxTotal], plan.currency) },
      corrects: null,
      notes,
    });
  }
  return out;
}
