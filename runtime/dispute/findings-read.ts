// Reads a reconciliation's findings.json (runtime/reconcile/findings.ts, the contract with
// `icx reconcile`) and the evidence files its disputed lines name. Everything is checked before a
// dispute is opened: a bad field is a DisputeInputError naming the file and the field (exit 2),
// never a half-opened dispute. Evidence names are file names beside findings.json: a path that
// leaves that folder is refused.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FINDINGS_FORMAT, type FindingLine, type Findings } from '../reconcile/findings.js';
import { isIsoDate } from './dates.js';
import { DisputeInputError } from './errors.js';

export interface EvidenceFile {
  /** the name as findings.json gives it (relative to its folder) */
  name: string;
  sha256: string;
  bytes: number;
  /** the file's text, copied into the store so the dispute outlives the reconciliation folder */
  content: string;
}

export interface ReadFindings {
  file: string;
  sha256: string;
  findings: Findings;
  /** the lines with disputed = true, in findings order */
  disputed: FindingLine[];
  evidence: EvidenceFile[];
}

const DECIMAL = /^-?\d+(\.\d+)?$/;
const CATEGORIES = new Set(['matched', 'volume', 'rate', 'amount', 'only-theirs', 'only-ours', 'unmatched-theirs', 'unmatched-ours', 'duration', 'duplicate-theirs']);

class Check {
  constructor(readonly file: string) {}
  fail(field: string, what: string): never {
    throw new DisputeInputError(`${this.file}: ${field}: ${what}`);
  }
  obj(v: unknown, field: string): Record<string, unknown> {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) this.fail(field, 'expected an object');
    return v as Record<string, unknown>;
  }
  str(v: unknown, field: string, nullable = false): string | null {
    if (v === null && nullable) return null;
    if (typeof v !== 'string' || v === '') this.fail(field, `expected a string${nullable ? ' or null' : ''}, got ${JSON.stringify(v)}`);
    return v;
  }
  dec(v: unknown, field: string, nullable = false): string | null {
    if (v === null && nullable) return null;
    // amounts are exact decimal strings: a JSON number may already have lost digits
    if (typeof v !== 'string' || !DECIMAL.test(v)) this.fail(field, `expected an exact decimal string such as "12.50"${nullable ? ' or null' : ''}, got ${JSON.stringify(v)}`);
    return v;
  }
  date(v: unknown, field: string): string | null {
    if (v === null) return null;
    if (typeof v !== 'string' || !isIsoDate(v)) this.fail(field, `expected a date YYYY-MM-DD or null, got ${JSON.stringify(v)}`);
    return v;
  }
  days(v: unknown, field: string): number | null {
    if (v === null) return null;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 366) this.fail(field, `expected a whole number of days from 1 to 366 or null, got ${JSON.stringify(v)}`);
    return v;
  }
}

function checkSide(c: Check, v: unknown, field: string): void {
  if (v === null) return;
  const s = c.obj(v, field);
  if (s['records'] !== null && !(typeof s['records'] === 'number' && Number.isInteger(s['records']) && s['records'] >= 0)) c.fail(`${field}.records`, 'expected a whole number or null');
  c.dec(s['quantity'], `${field}.quantity`, true);
  c.dec(s['rate'], `${field}.rate`, true);
  c.dec(s['amount'], `${field}.amount`, true);
  if (s['unit'] !== null) c.str(s['unit'], `${field}.unit`);
}

/** The findings checked field by field against the contract. */
export function checkFindings(file: string, raw: unknown): Findings {
  const c = new Check(file);
  const f = c.obj(raw, 'findings');
  if (f['format'] !== FINDINGS_FORMAT) c.fail('format', `expected ${FINDINGS_FORMAT}, got ${JSON.stringify(f['format'])} (made by another version of icx?)`);
  if (f['kind'] !== 'invoice' && f['kind'] !== 'cdrs') c.fail('kind', `expected "invoice" or "cdrs", got ${JSON.stringify(f['kind'])}`);
  c.str(f['partner'], 'partner');
  const a = c.obj(f['agreement'], 'agreement');
  c.str(a['id'], 'agreement.id');
  if (typeof a['version'] !== 'number' || !Number.isInteger(a['version'])) c.fail('agreement.version', 'expected a whole number');
  c.str(a['planHash'], 'agreement.planHash');
  if (typeof f['period'] !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(f['period'])) c.fail('period', `expected YYYY-MM, got ${JSON.stringify(f['period'])}`);
  if (typeof f['currency'] !== 'string' || !/^[A-Z]{3}$/.test(f['currency'])) c.fail('currency', `expected a currency code such as EUR, got ${JSON.stringify(f['currency'])}`);
  const src = c.obj(f['source'], 'source');
  c.str(src['file'], 'source.file');
  c.str(src['sha256'], 'source.sha256');
  c.str(src['invoiceNumber'], 'source.invoiceNumber', true);
  c.date(src['invoiceDate'], 'source.invoiceDate');
  const t = c.obj(f['totals'], 'totals');
  for (const k of ['theirs', 'ours', 'difference']) c.dec(t[k], `totals.${k}`);
  if (f['verdict'] !== 'accept' && f['verdict'] !== 'dispute') c.fail('verdict', `expected "accept" or "dispute", got ${JSON.stringify(f['verdict'])}`);
  if (typeof f['verdictReason'] !== 'string') c.fail('verdictReason', 'expected a string');
  if (!Array.isArray(f['lines'])) c.fail('lines', 'expected an array');
  (f['lines'] as unknown[]).forEach((v, i) => {
    const at = `lines[${i}]`;
    const l = c.obj(v, at);
    if (typeof l['category'] !== 'string' || !CATEGORIES.has(l['category'])) c.fail(`${at}.category`, `unknown category ${JSON.stringify(l['category'])}`);
    c.str(l['subject'], `${at}.subject`);
    for (const k of ['service', 'zone', 'band']) if (l[k] !== null) c.str(l[k], `${at}.${k}`);
    checkSide(c, l['theirs'], `${at}.theirs`);
    checkSide(c, l['ours'], `${at}.ours`);
    c.dec(l['difference'], `${at}.difference`);
    if (typeof l['disputed'] !== 'boolean') c.fail(`${at}.disputed`, 'expected true or false');
    if (typeof l['explanation'] !== 'string') c.fail(`${at}.explanation`, 'expected a string');
    if (l['evidence'] !== null) c.str(l['evidence'], `${at}.evidence`);
  });
  if (f['disputeDeadlines'] !== undefined && f['disputeDeadlines'] !== null) {
    const d = c.obj(f['disputeDeadlines'], 'disputeDeadlines');
    c.days(d['raiseDays'], 'disputeDeadlines.raiseDays');
    c.days(d['answerDays'], 'disputeDeadlines.answerDays');
  }
  return f as unknown as Findings;
}

/** Reads and checks findings.json and the evidence of its disputed lines. */
export async function readFindings(file: string): Promise<ReadFindings> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new DisputeInputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new DisputeInputError(`${file}: not JSON (${(e as Error).message})`);
  }
  const findings = checkFindings(file, raw);
  const disputed = findings.lines.filter((l) => l.disputed);
  const dir = path.dirname(path.resolve(file));
  const evidence: EvidenceFile[] = [];
  for (const [i, l] of findings.lines.entries()) {
    if (!l.disputed || l.evidence === null || evidence.some((e) => e.name === l.evidence)) continue;
    const abs = path.resolve(dir, l.evidence);
    if (path.isAbsolute(l.evidence) || path.relative(dir, abs).startsWith('..')) {
      throw new DisputeInputError(`${file}: lines[${i}].evidence: ${JSON.stringify(l.evidence)} is not a file beside findings.json`);
    }
    let content: Buffer;
    try {
      content = await readFile(abs);
    } catch (e) {
      throw new DisputeInputError(`${file}: lines[${i}].evidence: ${l.evidence}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
    evidence.push({ name: l.evidence, sha256: createHash('sha256').update(content).digest('hex'), bytes: content.length, content: content.toString('utf8') });
  }
  return { file, sha256: createHash('sha256').update(bytes).digest('hex'), findings, disputed, evidence };
}
