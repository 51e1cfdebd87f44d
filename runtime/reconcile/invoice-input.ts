// The partner's invoice as icx reads it (docs/usage.md "Reconciling a partner's invoice"): a CSV
// with one row per invoice line, or a JSON envelope { invoiceNumber, invoiceDate, currency,
// partner, agreement, lines: [...] }. Columns/keys are the INVOICE_FIELDS below, or the partner's
// own names through `--map field=Their Column`. Strict: every bad cell is an error naming the
// file, the line (CSV) or element (JSON) and the field — never a silent 0. Money stays text.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { CsvSyntaxError, parseCsv } from './invoice-csv.js';

export const INVOICE_FIELDS = [
  'service', 'zone', 'band', 'records', 'quantity', 'unit', 'rate', 'amount', 'construct', 'description',
  // header values, repeated on every row of a CSV (or given as options)
  'invoice_number', 'invoice_date', 'currency',
] as const;
export type InvoiceField = (typeof INVOICE_FIELDS)[number];
export type InvoiceColumnMap = Partial<Record<InvoiceField, string>>;

export interface TheirLine {
  /** where it was read: `file:LINE` (CSV) or `file: lines[i]` (JSON) */
  at: string;
  service: string;
  /** null on a charge line */
  zone: string | null;
  /** null = not split by band (compared with the sum of our bands) */
  band: string | null;
  records: number | null;
  quantity: string | null;
  unit: string | null;
  rate: string | null;
  /** signed exact decimal text */
  amount: string;
  /** a period charge line (commitment-shortfall, discount, …); null = usage */
  construct: string | null;
  description: string | null;
}

export interface PartnerInvoice {
  file: string;
  sha256: string;
  invoiceNumber: string | null;
  invoiceDate: string | null;
  currency: string | null;
  partner: string | null;
  agreement: string | null;
  lines: TheirLine[];
}

export class InvoiceInputError extends Error {}

export interface InvoiceHeaderOverrides {
  invoiceNumber?: string;
  invoiceDate?: string;
  currency?: string;
}

const SIGNED = /^-?\d+(\.\d+)?$/;
const UNSIGNED = /^\d+(\.\d+)?$/;
const WHOLE = /^\d+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CCY = /^[A-Z]{3}$/;

interface Problem {
  where: string;
  field: string;
  message: string;
}

/** Checks one line's raw text values (trimmed, '' = absent) and builds it, or records problems. */
function buildLine(at: string, get: (f: InvoiceField) => string, problems: Problem[], whereOf: (f: InvoiceField) => string): TheirLine | null {
  const before = problems.length;
  const bad = (f: InvoiceField, message: string) => problems.push({ where: at, field: whereOf(f), message });
  const service = get('service');
  if (service === '') bad('service', 'empty: every line names the service it charges (e.g. voice-termination)');
  const construct = get('construct') || null;
  const zone = get('zone') || null;
  if (zone === null && construct === null) bad('zone', 'empty: a usage line names its zone (a charge line names its construct instead)');
  const amount = get('amount');
  if (amount === '') bad('amount', 'empty: every line has an amount');
  else if (!SIGNED.test(amount)) bad('amount', `${JSON.stringify(amount)} is not a decimal amount (digits, optional - and decimal point, e.g. 1234.56)`);
  const records = get('records');
  if (records !== '' && !WHOLE.test(records)) bad('records', `${JSON.stringify(records)} is not a whole number of records`);
  else if (records !== '' && !Number.isSafeInteger(Number(records))) bad('records', `${records} is too large`);
  for (const f of ['quantity', 'rate'] as const) {
    const v = get(f);
    if (v !== '' && !UNSIGNED.test(v)) bad(f, `${JSON.stringify(v)} is not a non-negative decimal number`);
  }
  if (problems.length > before) return null;
  const opt = (f: InvoiceField) => get(f) || null;
  return {
    at, service, zone, band: opt('band'), records: records === '' ? null : Number(records),
    quantity: opt('quantity'), unit: opt('unit'), rate: opt('rate'), amount, construct, description: opt('description'),
  };
}

function fail(file: string, problems: Problem[]): never {
  const shown = problems.slice(0, 20).map((p) => `${p.where}: ${p.field}: ${p.message}`);
  const more = problems.length > 20 ? `\n(and ${problems.length - 20} more problems)` : '';
  throw new InvoiceInputError(`bad partner invoice ${file}:\n${shown.join('\n')}${more}`);
}

function checkHeader(file: string, h: { invoiceDate: string | null; currency: string | null }): void {
  if (h.invoiceDate !== null && !DATE.test(h.invoiceDate)) {
    throw new InvoiceInputError(`bad partner invoice ${file}: invoice date ${JSON.stringify(h.invoiceDate)} is not a date (YYYY-MM-DD)`);
  }
  if (h.currency !== null && !CCY.test(h.currency)) {
    throw new InvoiceInputError(`bad partner invoice ${file}: currency ${JSON.stringify(h.currency)} is not an ISO 4217 code (e.g. EUR)`);
  }
}

function readCsv(file: string, text: string, map: InvoiceColumnMap, over: InvoiceHeaderOverrides): Omit<PartnerInvoice, 'sha256'> {
  let rows;
  try {
    rows = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new InvoiceInputError(`bad partner invoice ${file}:${e.line}: ${e.message}`);
    throw e;
  }
  if (rows.length === 0) throw new InvoiceInputError(`bad partner invoice ${file}: the file is empty (a header line and one line per invoice line expected)`);
  const header = rows[0]!.cells.map((c) => c.trim());
  const index = new Map(header.map((h, i) => [h.toLowerCase(), i]));
  const colOf = (f: InvoiceField) => map[f] ?? f;
  const missing = (['service', 'amount'] as const).filter((f) => !index.has(colOf(f).toLowerCase()));
  if (missing.length) {
    throw new InvoiceInputError(`bad partner invoice ${file}:1: no column ${missing.map(colOf).join(', ')} (columns: ${header.join(', ')}; map others with --map ${missing[0]}=COLUMN)`);
  }
  for (const [f, col] of Object.entries(map)) {
    if (!index.has(col.toLowerCase())) throw new InvoiceInputError(`bad partner invoice ${file}:1: --map ${f}=${col}: no column ${col} (columns: ${header.join(', ')})`);
  }
  const problems: Problem[] = [];
  const lines: TheirLine[] = [];
  const headerValues: Partial<Record<'invoice_number' | 'invoice_date' | 'currency', string>> = {};
  for (const r of rows.slice(1)) {
    if (r.cells.length !== header.length) {
      problems.push({ where: `${file}:${r.line}`, field: '(row)', message: `${r.cells.length} fields, the header has ${header.length}` });
      continue;
    }
    const get = (f: InvoiceField) => {
      const i = index.get(colOf(f).toLowerCase());
      return i === undefined ? '' : r.cells[i]!.trim();
    };
    for (const f of ['invoice_number', 'invoice_date', 'currency'] as const) {
      const v = get(f);
      if (v === '') continue;
      if (headerValues[f] === undefined) headerValues[f] = v;
      else if (headerValues[f] !== v) problems.push({ where: `${file}:${r.line}`, field: colOf(f), message: `${JSON.stringify(v)} differs from ${JSON.stringify(headerValues[f])} on an earlier line (one invoice per file)` });
    }
    const l = buildLine(`${file}:${r.line}`, get, problems, colOf);
    if (l) lines.push(l);
  }
  if (problems.length) fail(file, problems);
  const inv = {
    file,
    invoiceNumber: over.invoiceNumber ?? headerValues.invoice_number ?? null,
    invoiceDate: over.invoiceDate ?? headerValues.invoice_date ?? null,
    currency: over.currency ?? headerValues.currency ?? null,
    partner: null, agreement: null, lines,
  };
  checkHeader(file, inv);
  return inv;
}

const ENVELOPE_KEYS = ['invoiceNumber', 'invoiceDate', 'currency', 'partner', 'agreement', 'lines'];

function readJson(file: string, text: string, map: InvoiceColumnMap, over: InvoiceHeaderOverrides): Omit<PartnerInvoice, 'sha256'> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new InvoiceInputError(`bad partner invoice ${file}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new InvoiceInputError(`bad partner invoice ${file}: expected an object { "invoiceNumber", "invoiceDate", "currency", "lines": [...] }`);
  }
  const env = doc as Record<string, unknown>;
  const unknown = Object.keys(env).filter((k) => !ENVELOPE_KEYS.includes(k));
  if (unknown.length) throw new InvoiceInputError(`bad partner invoice ${file}: unknown key ${unknown.map((k) => JSON.stringify(k)).join(', ')} (keys: ${ENVELOPE_KEYS.join(', ')})`);
  const str = (k: string): string | null => {
    const v = env[k];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') throw new InvoiceInputError(`bad partner invoice ${file}: ${k}: expected a string, got ${JSON.stringify(v)}`);
    return v.trim() || null;
  };
  if (!Array.isArray(env.lines)) throw new InvoiceInputError(`bad partner invoice ${file}: lines: expected an array of invoice lines`);
  const problems: Problem[] = [];
  const lines: TheirLine[] = [];
  env.lines.forEach((raw, i) => {
    const at = `${file}: lines[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push({ where: at, field: '(line)', message: 'expected an object' });
      return;
    }
    const o = raw as Record<string, unknown>;
    const keyOf = (f: InvoiceField) => map[f] ?? f;
    // each value's JSON type first; a line with a wrongly typed value is not checked further
    const before = problems.length;
    const values = new Map<InvoiceField, string>();
    for (const f of INVOICE_FIELDS) {
      const v = o[keyOf(f)];
      if (v === undefined || v === null) continue;
      // money and quantities must be JSON strings: a JSON number has already lost its exact text
      if (typeof v === 'number' && f === 'records' && Number.isSafeInteger(v) && v >= 0) values.set(f, String(v));
      else if (typeof v === 'string') values.set(f, v.trim());
      else problems.push({ where: at, field: keyOf(f), message: `expected a string${f === 'records' ? ' or a whole number' : ' (amounts as exact text, e.g. "0.0123")'}, got ${JSON.stringify(v)}` });
    }
    if (problems.length > before) return;
    const l = buildLine(at, (f) => values.get(f) ?? '', problems, keyOf);
    if (l) lines.push(l);
  });
  if (problems.length) fail(file, problems);
  const inv = {
    file,
    invoiceNumber: over.invoiceNumber ?? str('invoiceNumber'),
    invoiceDate: over.invoiceDate ?? str('invoiceDate'),
    currency: over.currency ?? str('currency'),
    partner: str('partner'), agreement: str('agreement'), lines,
  };
  checkHeader(file, inv);
  return inv;
}

/** Reads `.json` as the envelope, anything else as CSV. `file` is shown as given. */
export async function readPartnerInvoice(file: string, map: InvoiceColumnMap = {}, over: InvoiceHeaderOverrides = {}): Promise<PartnerInvoice> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new InvoiceInputError(`cannot read partner invoice ${file}: no such file or not readable`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const text = bytes.toString('utf8');
  const inv = file.toLowerCase().endsWith('.json') ? readJson(file, text, map, over) : readCsv(file, text, map, over);
  if (inv.lines.length === 0) throw new InvoiceInputError(`bad partner invoice ${file}: no invoice line`);
  return { ...inv, sha256 };
}
