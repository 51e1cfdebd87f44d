// Credit and debit notes from a re-rating (pure): the documents the period gives now, compared
// line by line with what was billed (the issued documents plus the notes issued since), and
// only the differences kept. A line is keyed by kind, service, zone, band, construct and tier;
// what moved down goes on a credit note, what moved up on a debit note, each line with its
// reason. Statements (what the partner invoices us) get the notes we expect from the partner.
import { Decimal } from 'decimal.js';
import { addDays, DEFAULT_DUE_DAYS, total } from './documents.js';
import { INVOICE_DOCUMENT_FORMAT, type InvoiceDocument, type InvoiceDocumentLine, type InvoiceKind } from './invoice-document.js';
import { taxesOf } from './tax.js';

export type Direction = 'receivable' | 'payable';

export const directionOf = (kind: InvoiceKind): Direction =>
  kind === 'invoice' || kind === 'credit-note' || kind === 'debit-note' ? 'receivable' : 'payable';

export function lineKey(l: Pick<InvoiceDocumentLine, 'kind' | 'service' | 'zone' | 'band' | 'construct' | 'tier'>): string {
  return [l.kind, l.service, l.zone ?? '', l.band ?? '', l.construct ?? '', l.tier ?? ''].join('\u0000');
}

export interface CorrectionInputs {
  /** the agreement's documents as billed: the issued invoice and statement (either may be absent) */
  billed: readonly InvoiceDocument[];
  /** notes issued since for the same bill run and agreement */
  priorNotes: readonly InvoiceDocument[];
  /** the agreement's documents as the period gives them now */
  fresh: readonly InvoiceDocument[];
  /** why a line changed; '' when nothing more than the amounts can be said */
  reason: (direction: Direction, line: InvoiceDocumentLine) => string;
  /** notes on the whole agreement (its clauses that changed, the records re-rated) */
  notes: readonly string[];
  correctionRunId: string;
  issueDate: string;
  /** the agreement's `due N days`, null when not stated */
  dueDays: number | null;
}

interface Side {
  lines: Map<string, InvoiceDocumentLine[]>;
}

function collect(docs: readonly InvoiceDocument[], direction: Direction): Side {
  const lines = new Map<string, InvoiceDocumentLine[]>();
  for (const d of docs) {
    if (directionOf(d.kind) !== direction) continue;
    for (const l of d.lines) lines.set(lineKey(l), [...(lines.get(lineKey(l)) ?? []), l]);
  }
  return { lines };
}

const sum = (xs: readonly (string | null)[]): Decimal => xs.reduce<Decimal>((a, x) => (x === null ? a : a.plus(x)), new Decimal(0));
const places = (xs: readonly (string | null)[]): number => Math.max(0, ...xs.map((x) => (x === null ? 0 : new Decimal(x).decimalPlaces())));

/** One difference line: amounts, records and quantities as now minus as billed. */
function differenceLine(before: readonly InvoiceDocumentLine[], after: readonly InvoiceDocumentLine[]): InvoiceDocumentLine | null {
  const amounts = [...before, ...after].map((l) => l.amount);
  const diff = sum(after.map((l) => l.amount)).minus(sum(before.map((l) => l.amount)));
  if (diff.isZero()) return null;
  const model = after[0] ?? before[0]!;
  const units = new Set([...before, ...after].map((l) => l.unit));
  const quantities = [...before, ...after].map((l) => l.quantity);
  const hasRecords = [...before, ...after].some((l) => l.records !== null);
  // volumes are differences too; the same volume re-priced shows none (the reason says how many)
  const recordsDiff = after.reduce((n, l) => n + (l.records ?? 0), 0) - before.reduce((n, l) => n + (l.records ?? 0), 0);
  const records = hasRecords && recordsDiff !== 0 ? recordsDiff : null;
  const qtyDiff = sum(after.map((l) => l.quantity)).minus(sum(before.map((l) => l.quantity)));
  const qty = units.size === 1 && quantities.some((q) => q !== null) && !qtyDiff.isZero() ? qtyDiff.toFixed(places(quantities)) : null;
  return {
    kind: model.kind, service: model.service, zone: model.zone, band: model.band, construct: model.construct, tier: model.tier,
    description: model.description, records, quantity: qty, unit: qty === null ? null : model.unit,
    // the rate now in force, when the line has one
    rate: after[0]?.rate ?? null, rateUnit: after[0]?.rateUnit ?? null,
    amount: diff.toFixed(places(amounts)),
    source: after[0]?.source ?? before[0]?.source ?? null,
  };
}

const NOTE_KINDS: Record<Direction, { credit: InvoiceKind; debit: InvoiceKind }> = {
  receivable: { credit: 'credit-note', debit: 'debit-note' },
  payable: { credit: 'expected-credit-note', debit: 'expected-debit-note' },
};

/** The notes of one agreement: per direction a credit note, a debit note, both or none. */
export function correctionNotes(inp: CorrectionInputs): InvoiceDocument[] {
  const out: InvoiceDocument[] = [];
  for (const direction of ['receivable', 'payable'] as const) {
    const original = inp.billed.find((d) => directionOf(d.kind) === direction) ?? null;
    const fresh = inp.fresh.find((d) => directionOf(d.kind) === direction) ?? null;
    const model = fresh ?? original;
    if (!model) continue;
    const before = collect([...inp.billed, ...inp.priorNotes], direction);
    const after = collect(inp.fresh, direction);
    const keys = [...new Set([...before.lines.keys(), ...after.lines.keys()])];
    // in the order the documents print: the current document's lines, then the ones it lost
    const order = [...after.lines.keys(), ...keys.filter((k) => !after.lines.has(k))];
    const diffs: InvoiceDocumentLine[] = [];
    for (const k of order) {
      const d = differenceLine(before.lines.get(k) ?? [], after.lines.get(k) ?? []);
      if (!d) continue;
      const why = inp.reason(direction, d);
      diffs.push(why ? { ...d, reason: why } : d);
    }
    for (const sign of ['credit', 'debit'] as const) {
      const lines = diffs.filter((l) => (sign === 'credit' ? new Decimal(l.amount).isNegative() : new Decimal(l.amount).isPositive()));
      if (lines.length === 0) continue;
      const net = total(lines.map((l) => l.amount), model.currency);
      const tax = taxesOf(model.issuer, model.recipient, net);
      const taxTotal = total(tax.lines.map((t) => t.amount), model.currency);
      const corrects = original ? (original.number ?? `${original.billRunId}-${original.agreement.id}-${original.kind}`) : null;
      const notes = [
        corrects
          ? `Corrects ${original!.kind === 'invoice' ? 'invoice' : 'the statement'} ${corrects} of bill run ${original!.billRunId}: ${sign === 'credit' ? 'the amounts it overstated' : 'the amounts it understated'}.`
          : `No ${direction === 'receivable' ? 'invoice' : 'statement'} was issued for this direction: this note bills the period's re-rated ${direction} lines.`,
        ...inp.notes,
        ...lines.filter((l) => l.reason).map((l) => `${l.description}: ${l.reason}`),
        ...tax.notes,
        `Payment due ${inp.dueDays ?? DEFAULT_DUE_DAYS} days after the issue date${inp.dueDays === null ? ' (not stated in the agreement)' : ''}.`,
      ];
      out.push({
        format: INVOICE_DOCUMENT_FORMAT,
        kind: NOTE_KINDS[direction][sign],
        number: null,
        billRunId: inp.correctionRunId,
        issueDate: inp.issueDate,
        dueDate: addDays(inp.issueDate, inp.dueDays ?? DEFAULT_DUE_DAYS),
        period: model.period,
        issuer: model.issuer,
        recipient: model.recipient,
        agreement: (fresh ?? model).agreement,
        currency: model.currency,
        lines,
        fx: fresh?.fx ?? [],
        taxes: tax.lines,
        totals: { net, tax: taxTotal, gross: total([net, taxTotal], model.currency) },
        corrects,
        notes,
      });
    }
  }
  return out;
}
