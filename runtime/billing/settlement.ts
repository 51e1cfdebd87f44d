// Settlement statements: for an agreement that nets both directions (`settlement { netting
// bilateral }`), one statement per bill run saying what we owe the partner (the statement of
// their invoice to us), what they owe us (our invoice), the net balance and who pays it. Built
// from the bill run's documents, so its figures are theirs exactly; the FX rates those used are
// listed. Both documents must be in one currency (the agreement's): amounts are never converted
// here, and a pair in two currencies is reported instead of netted.
import { Decimal } from 'decimal.js';
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import type { FxUsed, InvoiceDocument } from './invoice-document.js';

export interface SettlementStatement {
  format: 1;
  billRunId: string;
  agreement: { id: string; version: number };
  period: { start: string; end: string };
  /** our entity and the partner, by the names agreements use */
  us: string;
  partner: string;
  currency: string;
  /** gross of the statement of the partner's invoice to us (payable), "0.00" without one */
  weOwe: string;
  /** gross of our invoice to the partner (receivable), "0.00" without one */
  theyOwe: string;
  /** the balance, never negative, and who pays it ('none' when the two are equal) */
  net: string;
  payer: 'us' | 'partner' | 'none';
  /** the documents netted: kind, number (null while a draft), gross */
  documents: { kind: string; number: string | null; gross: string }[];
  fx: FxUsed[];
}

export interface SettlementResult {
  statements: SettlementStatement[];
  /** agreements that net but whose two documents are in different currencies */
  notNetted: string[];
}

export function settlementStatements(docs: readonly InvoiceDocument[], plans: readonly HashedAgreementPlan[]): SettlementResult {
  const netting = new Set(plans.filter(({ plan }) => plan.settlement?.netting === 'bilateral').map(({ plan }) => plan.id));
  const byAgreement = new Map<string, InvoiceDocument[]>();
  for (const d of docs) {
    if (!netting.has(d.agreement.id) || (d.kind !== 'invoice' && d.kind !== 'statement')) continue;
    byAgreement.set(d.agreement.id, [...(byAgreement.get(d.agreement.id) ?? []), d]);
  }
  const statements: SettlementStatement[] = [];
  const notNetted: string[] = [];
  for (const [id, pair] of [...byAgreement].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const currencies = [...new Set(pair.map((d) => d.currency))];
    if (currencies.length !== 1) {
      notNetted.push(`${id}: its documents are in ${currencies.join(' and ')}; settle them gross`);
      continue;
    }
    const invoice = pair.find((d) => d.kind === 'invoice');
    const statement = pair.find((d) => d.kind === 'statement');
    const first = (invoice ?? statement)!;
    const decimals = Math.max(...pair.map((d) => (d.totals.gross.split('.')[1] ?? '').length));
    const theyOwe = new Decimal(invoice?.totals.gross ?? 0);
    const weOwe = new Decimal(statement?.totals.gross ?? 0);
    const balance = theyOwe.minus(weOwe);
    const fx = [...new Map(pair.flatMap((d) => d.fx).map((f) => [`${f.from}|${f.to}|${f.date}|${f.table}|${f.rate}`, f])).values()];
    statements.push({
      format: 1,
      billRunId: first.billRunId,
      agreement: { id, version: first.agreement.version },
      period: first.period,
      us: invoice?.issuer.name ?? statement!.recipient.name,
      partner: invoice?.recipient.name ?? statement!.issuer.name,
      currency: currencies[0]!,
      weOwe: weOwe.toFixed(decimals),
      theyOwe: theyOwe.toFixed(decimals),
      net: balance.abs().toFixed(decimals),
      payer: balance.isZero() ? 'none' : balance.isNegative() ? 'us' : 'partner',
      documents: [invoice, statement].flatMap((d) => (d ? [{ kind: d.kind, number: d.number, gross: d.totals.gross }] : [])),
      fx,
    });
  }
  return { statements, notNetted };
}

/** One line for the terminal: `ACME-ORANGE-FR-2026: we owe 250000.00, ORANGE owes 0.02: ACME-UK pays ORANGE 249999.98 EUR`. */
export function settlementLine(s: SettlementStatement): string {
  const who = s.payer === 'none' ? 'nothing to pay' : s.payer === 'us' ? `${s.us} pays ${s.partner} ${s.net} ${s.currency}` : `${s.partner} pays ${s.us} ${s.net} ${s.currency}`;
  return `${s.agreement.id}: ${s.us} owes ${s.weOwe}, ${s.partner} owes ${s.theyOwe} ${s.currency}: ${who}`;
}
