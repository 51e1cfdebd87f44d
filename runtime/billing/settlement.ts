// Settlement statements: for agreements that net both directions (`settlement { netting
// bilateral }`), one statement per bill run, partner (and our entity) and settlement currency:
// what we owe the partner (the statements of their invoices to us), what they owe us (our
// invoices), the net balance and who pays it. A partner with several netting agreements gets
// ONE statement summing them, per settlement currency — one payment, as a billing team expects.
//
// The settlement currency is the agreement's `settlement { currency X from table "…" }`, else
// the agreement currency. A document in another currency is converted with the agreement's
// settlement table: its gross × the rate dated the billed period's LAST DAY (1 document
// currency = rate settlement currency), rounded half-up to the settlement currency's minor unit,
// once per document; the sums and the balance are then exact. A missing rate is an error naming
// the agreement, the pair and the date (never a rate of 1). Amounts in the settlement currency
// already are taken exactly as the document states them.
import { Decimal } from 'decimal.js';
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { RuntimeError } from '../errors.js';
import { minorUnits, roundTo, D } from '../period/lines.js';
import type { FxUsed, InvoiceDocument } from './invoice-document.js';

export const SETTLEMENT_FORMAT = 2;

export class SettlementError extends RuntimeError {
  override name = 'SettlementError';
}

/** A conversion into the settlement currency: the FX used, and for which agreement. */
export interface SettlementFx extends FxUsed {
  agreement: string;
}

export interface SettledDocument {
  kind: 'invoice' | 'statement';
  agreement: string;
  /** the document's file name without extension: its number once issued, else its draft name */
  document: string;
  /** the invoice number, null while a draft (and for statements, which we do not number) */
  number: string | null;
  /** the document's own currency and gross, as it states them */
  currency: string;
  gross: string;
  /** units of the settlement currency per unit of `currency`; null when no conversion */
  rate: string | null;
  /** the gross in the settlement currency (converted and rounded, or as stated) */
  amount: string;
}

export interface SettlementStatement {
  format: typeof SETTLEMENT_FORMAT;
  billRunId: string;
  period: { start: string; end: string };
  /** our entity and the partner, by the names agreements use */
  us: string;
  partner: string;
  /** the settlement currency: every amount below but the documents' own gross is in it */
  currency: string;
  /** the agreements netted (id, version), by id */
  agreements: { id: string; version: number }[];
  /** sum of the statements of the partner's invoices to us (payable), "0.00" without one */
  weOwe: string;
  /** sum of our invoices to the partner (receivable), "0.00" without one */
  theyOwe: string;
  /** the balance, never negative, and who pays it ('none' when the two are equal) */
  net: string;
  payer: 'us' | 'partner' | 'none';
  /** how converted amounts were rounded (documented default; agreements cannot change it yet) */
  rounding: string;
  documents: SettledDocument[];
  /** the FX rates used to convert into the settlement currency (empty when nothing was converted) */
  fx: SettlementFx[];
  /** the FX rates the documents themselves used (prices in other currencies), once each */
  documentFx: FxUsed[];
}

/** File name (without extension) of a statement: `<run>-<us>-<partner>-<currency>-settlement`. */
export function settlementBaseName(s: SettlementStatement): string {
  return `${s.billRunId}-${s.us}-${s.partner}-${s.currency}-settlement`;
}

/** Same as write.ts documentBaseName (kept here so this module needs no renderer). */
function baseName(d: InvoiceDocument): string {
  return d.number ?? `${d.billRunId}-${d.agreement.id}-${d.kind}`;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The settlement currency of a plan: its `settlement { currency … }`, else the agreement currency. */
export function settlementCurrency(plan: HashedAgreementPlan['plan']): string {
  return plan.settlement?.currency?.code ?? plan.currency;
}

function convert(doc: InvoiceDocument, hp: HashedAgreementPlan, to: string): { rate: string | null; amount: string; fx: SettlementFx | null } {
  if (doc.currency === to) return { rate: null, amount: doc.totals.gross, fx: null };
  const sc = hp.plan.settlement?.currency;
  const date = doc.period.end;
  if (!sc || sc.from !== doc.currency || sc.table === null) {
    throw new SettlementError(`${hp.plan.id}: its ${doc.kind} is in ${doc.currency} and settles in ${to}, but the agreement names no ${doc.currency}->${to} table; nothing was netted`);
  }
  const row = sc.rates.find((r) => r.date === date);
  if (!row) {
    throw new SettlementError(
      `${hp.plan.id}: no ${doc.currency}->${to} rate dated ${date} (the period's last day) in ${sc.table} (settlement currency line ${sc.source}); ` +
        `add that row to the table and bill again — a balance is never converted at an assumed rate`,
    );
  }
  const amount = roundTo(new D(doc.totals.gross).times(row.rate), { method: 'half-up', decimals: minorUnits(to) });
  return { rate: row.rate, amount, fx: { from: doc.currency, to, rate: row.rate, date, table: sc.table, agreement: hp.plan.id } };
}

/** Sum of decimal strings, shown with at least `places` digits (exact). */
function sum(amounts: readonly string[], places: number): string {
  let s = new Decimal(0);
  let p = places;
  for (const a of amounts) {
    s = s.plus(a);
    p = Math.max(p, new Decimal(a).decimalPlaces());
  }
  return (s.isZero() ? s.abs() : s).toFixed(p);
}

/**
 * The statements of a bill run's documents (invoices and statements of netting agreements;
 * other kinds and agreements are left out). Throws SettlementError on a missing rate.
 */
export function settlementStatements(docs: readonly InvoiceDocument[], plans: readonly HashedAgreementPlan[]): SettlementStatement[] {
  const byId = new Map(plans.filter(({ plan }) => plan.settlement?.netting === 'bilateral').map((hp) => [hp.plan.id, hp]));
  const groups = new Map<string, { hp: HashedAgreementPlan; doc: InvoiceDocument }[]>();
  for (const doc of docs) {
    const hp = byId.get(doc.agreement.id);
    if (!hp || (doc.kind !== 'invoice' && doc.kind !== 'statement')) continue;
    const key = JSON.stringify([doc.billRunId, hp.plan.us.name, hp.plan.partner.name, settlementCurrency(hp.plan)]);
    groups.set(key, [...(groups.get(key) ?? []), { hp, doc }]);
  }
  const out: SettlementStatement[] = [];
  for (const key of [...groups.keys()].sort(cmp)) {
    const [billRunId, us, partner, currency] = JSON.parse(key) as [string, string, string, string];
    const members = groups.get(key)!.sort((a, b) => cmp(a.doc.agreement.id, b.doc.agreement.id) || cmp(a.doc.kind, b.doc.kind));
    const documents: SettledDocument[] = [];
    const fx = new Map<string, SettlementFx>();
    for (const { hp, doc } of members) {
      const c = convert(doc, hp, currency);
      if (c.fx) fx.set(JSON.stringify(c.fx), c.fx);
      documents.push({
        kind: doc.kind as SettledDocument['kind'], agreement: doc.agreement.id, document: baseName(doc), number: doc.number,
        currency: doc.currency, gross: doc.totals.gross, rate: c.rate, amount: c.amount,
      });
    }
    const places = minorUnits(currency);
    const theyOwe = sum(documents.filter((d) => d.kind === 'invoice').map((d) => d.amount), places);
    const weOwe = sum(documents.filter((d) => d.kind === 'statement').map((d) => d.amount), places);
    const balance = new Decimal(theyOwe).minus(weOwe);
    const netPlaces = Math.max(new Decimal(theyOwe).decimalPlaces(), new Decimal(weOwe).decimalPlaces(), places);
    const agreements = [...new Map(members.map(({ doc }) => [doc.agreement.id, { id: doc.agreement.id, version: doc.agreement.version }])).values()];
    const documentFx = [...new Map(members.flatMap(({ doc }) => doc.fx).map((f) => [`${f.from}|${f.to}|${f.date}|${f.table}|${f.rate}`, f])).values()];
    out.push({
      format: SETTLEMENT_FORMAT, billRunId, period: members[0]!.doc.period, us, partner, currency, agreements,
      weOwe, theyOwe, net: balance.abs().toFixed(netPlaces),
      payer: balance.isZero() ? 'none' : balance.isNegative() ? 'us' : 'partner',
      rounding: `each converted document: gross × rate, half-up to ${places} decimals (${currency} minor unit)`,
      documents, fx: [...fx.values()], documentFx,
    });
  }
  return out;
}

/**
 * The statements with each document referenced by its number once issued (the documents of the
 * same run after `icx bill issue`, matched by agreement and kind).
 */
export function withNumbers(statements: readonly SettlementStatement[], docs: readonly InvoiceDocument[]): SettlementStatement[] {
  return statements.map((s) => ({
    ...s,
    documents: s.documents.map((d) => {
      const doc = docs.find((x) => x.billRunId === s.billRunId && x.agreement.id === d.agreement && x.kind === d.kind);
      return doc ? { ...d, number: doc.number, document: baseName(doc) } : d;
    }),
  }));
}

/**
 * One line for the terminal:
 * `ACME-UK/ORANGE (ACME-ORANGE-FR-2026): ACME-UK owes 250000.00, ORANGE owes 0.02 EUR: ACME-UK pays ORANGE 249999.98 EUR`,
 * then `; FX GBP->EUR 1.17 on 2026-03-31 (fx/ecb-2026.csv)` for each conversion.
 */
export function settlementLine(s: SettlementStatement): string {
  const who = s.payer === 'none' ? 'nothing to pay' : s.payer === 'us' ? `${s.us} pays ${s.partner} ${s.net} ${s.currency}` : `${s.partner} pays ${s.us} ${s.net} ${s.currency}`;
  const fx = s.fx.map((f) => `; FX ${f.from}->${f.to} ${f.rate} on ${f.date} (${f.table})`).join('');
  return `${s.us}/${s.partner} (${s.agreements.map((a) => a.id).join(', ')}): ${s.us} owes ${s.weOwe}, ${s.partner} owes ${s.theyOwe} ${s.currency}: ${who}${fx}`;
}
