// JSON and CSV renderings of invoice documents, written atomically: every file of a bill run
// goes to a temporary folder inside --out first, then each is renamed into place, so a failure
// leaves no half-written file (a crash between two renames leaves whole files of the run only).
import { writeInvoiceRenderings } from './render/index.js';
import { writeFile } from 'node:fs/promises';
import { stagedWrite } from '../files/staged-write.js';
import path from 'node:path';
import type { InvoiceDocument } from './invoice-document.js';
import { settlementBaseName, type SettlementStatement } from './settlement.js';

/** The document as 2-space JSON with the keys in a fixed (sorted) order, ending with a newline. */
export function invoiceJson(doc: InvoiceDocument): string {
  return JSON.stringify(sortKeys(doc), null, 2) + '\n';
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  }
  return v;
}

export const CSV_COLUMNS = [
  'kind', 'service', 'zone', 'band', 'construct', 'tier', 'description', 'records', 'quantity', 'unit', 'rate', 'rate_unit', 'amount',
] as const;

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled; CRLF line ends. */
function field(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per line of the document, in the document's order. */
export function invoiceCsv(doc: InvoiceDocument): string {
  const rows = doc.lines.map((l) =>
    [l.kind, l.service, l.zone, l.band, l.construct, l.tier, l.description, l.records, l.quantity, l.unit, l.rate, l.rateUnit, l.amount]
      .map(field).join(','));
  return [CSV_COLUMNS.join(','), ...rows].map((r) => `${r}\r\n`).join('');
}

/** RFC 4180 CSV of plain rows, in the order of `columns`. */
export function rowsCsv<C extends string>(columns: readonly C[], rows: readonly Record<C, string | number | null>[]): string {
  return [columns.join(','), ...rows.map((r) => columns.map((c) => field(r[c])).join(','))].map((r) => `${r}\r\n`).join('');
}

/** File name (without extension) of a document: its number once issued, else a draft id. */
export function documentBaseName(doc: InvoiceDocument): string {
  return doc.number ?? `${doc.billRunId}-${doc.agreement.id}-${doc.kind}`;
}

/**
 * Writes `<base>.json`, `<base>.csv`, `<base>.html` and `<base>.pdf` of every document, and
 * `<run>-<us>-<partner>-<currency>-settlement.json` of every settlement statement, into `outDir`, all or
 * none, returning the paths written.
 */
export async function writeInvoiceFiles(
  docs: readonly InvoiceDocument[], outDir: string, settlements: readonly SettlementStatement[] = [],
  /** other files of the run (a correction's records CSV), written with the documents, all or none */
  extra: readonly { name: string; text: string }[] = [],
): Promise<string[]> {
  // every file, whatever its rendering, moves into place only once all are written
  const { written } = await stagedWrite(outDir, 'bill', async (tmp) => {
    for (const doc of docs) {
      const base = documentBaseName(doc);
      await writeFile(path.join(tmp, `${base}.json`), invoiceJson(doc));
      await writeFile(path.join(tmp, `${base}.csv`), invoiceCsv(doc));
      // the printable renderings of the same document: <base>.html and <base>.pdf
      await writeInvoiceRenderings(doc, tmp, base);
    }
    // bilateral netting: what each side owes and who pays the balance (settlement.ts)
    for (const st of settlements) {
      await writeFile(path.join(tmp, `${settlementBaseName(st)}.json`), JSON.stringify(sortKeys(st), null, 2) + '\n');
    }
    for (const f of extra) await writeFile(path.join(tmp, f.name), f.text);
  });
  return written;
}
