// Bill runs in the store: `bill_runs` (one row per run), `invoices` (its documents, as JSON)
// and `invoice_counters` (the last number of each issuer's sequence). No primary keys: DuckDB
// checks them eagerly on an UPDATE or DELETE + INSERT of the same key inside one transaction,
// which is exactly what replacing a draft and numbering do; uniqueness is kept by the code
// below, which always runs inside the bill run's transaction.
import { Decimal } from 'decimal.js';
import type { AgreementPlan, HashedAgreementPlan } from '../../compiler/plan.js';
import { exec, queryJson, type Store } from '../store/store.js';
import { total } from './documents.js';
import type { InvoiceDocument } from './invoice-document.js';

export const BILLING_DDL = [
  `CREATE TABLE IF NOT EXISTS bill_runs (
  run_id VARCHAR NOT NULL,      -- BR-<period>[-<partner>]
  period VARCHAR NOT NULL,      -- YYYY-MM
  partners VARCHAR[],           -- partner names billed
  agreements VARCHAR[],         -- agreement ids billed
  status VARCHAR NOT NULL,      -- draft, approved, issued
  created_at TIMESTAMPTZ NOT NULL,
  approved_at TIMESTAMPTZ,
  issued_at TIMESTAMPTZ,
  issue_date DATE NOT NULL,
  plan_hashes VARCHAR[],        -- agreement_id@version:hash of every plan billed
  usage_hashes VARCHAR[],       -- <file>:sha256 of every usage file rated by the run
  rating_run VARCHAR,           -- the rating run it made, if it rated usage
  documents INTEGER NOT NULL,
  lines INTEGER NOT NULL,
  records BIGINT NOT NULL,      -- rated records on its usage lines
  totals VARCHAR NOT NULL,      -- JSON: per kind and currency, net / tax / gross
  rating_runs VARCHAR[],        -- the rating runs whose records of the period it counted (record history)
  corrects VARCHAR,             -- a correction run (icx rerate): the bill run it corrects; else NULL
  source_hashes VARCHAR[]       -- <uri>:sha256 of every agreement file and deck / FX file compiled
)`,
  // stores from before re-rating: the two columns are added (NULL for their runs)
  `ALTER TABLE bill_runs ADD COLUMN IF NOT EXISTS rating_runs VARCHAR[]`,
  `ALTER TABLE bill_runs ADD COLUMN IF NOT EXISTS corrects VARCHAR`,
  `ALTER TABLE bill_runs ADD COLUMN IF NOT EXISTS source_hashes VARCHAR[]`,
  `-- the plans a run billed with, as JSON: a later re-rating says which clause changed
CREATE TABLE IF NOT EXISTS bill_plans (
  run_id VARCHAR NOT NULL,
  agreement_id VARCHAR NOT NULL,
  version INTEGER NOT NULL,
  plan_hash VARCHAR NOT NULL,
  plan VARCHAR NOT NULL
)`,
  `CREATE TABLE IF NOT EXISTS invoices (
  run_id VARCHAR NOT NULL,
  doc_no INTEGER NOT NULL,      -- order in the run
  kind VARCHAR NOT NULL,
  agreement_id VARCHAR NOT NULL,
  issuer VARCHAR NOT NULL,
  number VARCHAR,               -- set when issued (invoices only)
  document VARCHAR NOT NULL     -- the InvoiceDocument as JSON
)`,
  `CREATE TABLE IF NOT EXISTS invoice_counters (
  issuer VARCHAR NOT NULL,
  last_number BIGINT NOT NULL
)`,
];

export async function ensureBillingTables(store: Store): Promise<void> {
  for (const ddl of BILLING_DDL) await exec(store, ddl);
}

export interface BillRunRow {
  runId: string;
  period: string;
  status: 'draft' | 'approved' | 'issued';
  agreements: string[];
  ratingRuns: string[];
  /** correction runs: the bill run they correct */
  corrects: string | null;
}

/** `where` is code of ours; values are bound ($1…). */
export async function findRuns(store: Store, where: string, params: string[]): Promise<BillRunRow[]> {
  const rows = await queryJson(
    store,
    `SELECT run_id, period, status, agreements, rating_runs, corrects FROM bill_runs WHERE ${where} ORDER BY created_at, run_id`,
    params,
  );
  return rows.map((r) => ({
    runId: String(r.run_id), period: String(r.period),
    status: r.status as BillRunRow['status'], agreements: (r.agreements as string[] | null) ?? [],
    ratingRuns: (r.rating_runs as string[] | null) ?? [], corrects: r.corrects === null ? null : String(r.corrects),
  }));
}

/** Per kind and currency: net, tax and gross summed over the documents (exact). */
export function runTotals(docs: readonly InvoiceDocument[]): { kind: string; currency: string; net: string; tax: string; gross: string }[] {
  const acc = new Map<string, { kind: string; currency: string; net: Decimal; tax: Decimal; gross: Decimal }>();
  for (const d of docs) {
    const k = `${d.kind}/${d.currency}`;
    const a = acc.get(k) ?? { kind: d.kind, currency: d.currency, net: new Decimal(0), tax: new Decimal(0), gross: new Decimal(0) };
    a.net = a.net.plus(d.totals.net);
    a.tax = a.tax.plus(d.totals.tax);
    a.gross = a.gross.plus(d.totals.gross);
    acc.set(k, a);
  }
  return [...acc.keys()].sort().map((k) => {
    const a = acc.get(k)!;
    return { kind: a.kind, currency: a.currency, net: total([a.net.toFixed()], a.currency), tax: total([a.tax.toFixed()], a.currency), gross: total([a.gross.toFixed()], a.currency) };
  });
}

export interface NewRun {
  runId: string;
  period: string;
  partners: string[];
  agreements: string[];
  createdAt: Date;
  issueDate: string;
  planHashes: string[];
  usageHashes: string[];
  ratingRun: string | null;
  /** the rating runs whose records of the period the run counted */
  ratingRuns: string[];
  /** a correction run: the bill run it corrects */
  corrects?: string;
  /** the plans billed, stored as JSON */
  plans: readonly HashedAgreementPlan[];
  /** `<uri>:sha256` of the agreement, deck and FX files compiled (when the caller read them) */
  sourceHashes: readonly string[];
  docs: InvoiceDocument[];
}

/** Replaces a draft of the same id (if any) by this run and its documents. */
export async function storeDraft(store: Store, r: NewRun): Promise<void> {
  await exec(store, `DELETE FROM invoices WHERE run_id = $1`, [r.runId]);
  await exec(store, `DELETE FROM bill_runs WHERE run_id = $1 AND status = 'draft'`, [r.runId]);
  await exec(store, `DELETE FROM bill_plans WHERE run_id = $1`, [r.runId]);
  const records = r.docs.reduce((n, d) => n + d.lines.reduce((m, l) => m + (l.records ?? 0), 0), 0);
  await exec(
    store,
    `INSERT INTO bill_runs VALUES ($1, $2, from_json($3::JSON, '["VARCHAR"]'), from_json($4::JSON, '["VARCHAR"]'), 'draft',
       CAST($5 AS TIMESTAMPTZ), NULL, NULL, CAST($6 AS DATE), from_json($7::JSON, '["VARCHAR"]'), from_json($8::JSON, '["VARCHAR"]'),
       $9, $10, $11, $12, $13, from_json($14::JSON, '["VARCHAR"]'), $15, from_json($16::JSON, '["VARCHAR"]'))`,
    [
      r.runId, r.period, JSON.stringify(r.partners), JSON.stringify(r.agreements), r.createdAt.toISOString(), r.issueDate,
      JSON.stringify(r.planHashes), JSON.stringify(r.usageHashes), r.ratingRun, r.docs.length,
      r.docs.reduce((n, d) => n + d.lines.length, 0), BigInt(records), JSON.stringify(runTotals(r.docs)),
      JSON.stringify(r.ratingRuns), r.corrects ?? null, JSON.stringify(r.sourceHashes),
    ],
  );
  for (const { plan, hash } of r.plans) {
    await exec(store, `INSERT INTO bill_plans VALUES ($1, $2, $3, $4, $5)`, [r.runId, plan.id, plan.version, hash, JSON.stringify(plan)]);
  }
  for (const [i, d] of r.docs.entries()) {
    await exec(
      store,
      `INSERT INTO invoices VALUES ($1, $2, $3, $4, $5, NULL, $6)`,
      [r.runId, i + 1, d.kind, d.agreement.id, d.issuer.name, JSON.stringify(d)],
    );
  }
}

/** Removes the draft corrections of a bill run that correct any of these agreements: a new re-rating replaces them. */
export async function dropDraftCorrections(store: Store, billRunId: string, agreements: readonly string[]): Promise<void> {
  const drafts = (await findRuns(store, `corrects = $1 AND status = 'draft'`, [billRunId])).filter((d) => d.agreements.some((a) => agreements.includes(a)));
  for (const d of drafts) {
    for (const t of ['invoices', 'bill_plans']) await exec(store, `DELETE FROM ${t} WHERE run_id = $1`, [d.runId]);
    await exec(store, `DELETE FROM bill_runs WHERE run_id = $1 AND status = 'draft'`, [d.runId]);
  }
}

export async function runDocuments(store: Store, runId: string): Promise<InvoiceDocument[]> {
  const rows = await queryJson(store, `SELECT document FROM invoices WHERE run_id = $1 ORDER BY doc_no`, [runId]);
  return rows.map((r) => JSON.parse(String(r.document)) as InvoiceDocument);
}

/** The plans a run billed with (agreement id → plan). */
export async function runPlans(store: Store, runId: string): Promise<Map<string, AgreementPlan>> {
  const rows = await queryJson(store, `SELECT agreement_id, plan FROM bill_plans WHERE run_id = $1`, [runId]);
  return new Map(rows.map((r) => [String(r.agreement_id), JSON.parse(String(r.plan)) as AgreementPlan]));
}

/** Documents we issue and number: invoices and the credit and debit notes correcting them. */
export const NUMBERED_KINDS: readonly string[] = ['invoice', 'credit-note', 'debit-note'];

/**
 * Numbers the run's invoices and notes (the documents we issue) from each issuer's sequence,
 * in document order: the next number is the counter + 1, so issued numbers have no gaps as
 * long as this runs inside the transaction that marks the run issued.
 */
export async function numberInvoices(store: Store, runId: string, issueYear: string): Promise<InvoiceDocument[]> {
  const rows = await queryJson(store, `SELECT doc_no, issuer, document FROM invoices WHERE run_id = $1 ORDER BY doc_no`, [runId]);
  const docs: InvoiceDocument[] = [];
  for (const r of rows) {
    const doc = JSON.parse(String(r.document)) as InvoiceDocument;
    if (NUMBERED_KINDS.includes(doc.kind)) {
      const issuer = String(r.issuer);
      const [c] = await queryJson(store, `SELECT CAST(last_number AS VARCHAR) AS n FROM invoice_counters WHERE issuer = $1`, [issuer]);
      const next = (c ? BigInt(String(c.n)) : 0n) + 1n;
      if (c) await exec(store, `UPDATE invoice_counters SET last_number = $2 WHERE issuer = $1`, [issuer, next]);
      else await exec(store, `INSERT INTO invoice_counters VALUES ($1, $2)`, [issuer, next]);
      doc.number = `${issuer}-${issueYear}-${String(next).padStart(6, '0')}`;
      await exec(store, `UPDATE invoices SET number = $3, document = $4 WHERE run_id = $1 AND doc_no = $2`, [runId, Number(r.doc_no), doc.number, JSON.stringify(doc)]);
    }
    docs.push(doc);
  }
  return docs;
}
