// Disputes in the store: `disputes` (one row each, its current status), `dispute_lines` (the
// disputed lines of the findings), `dispute_evidence` (the evidence files' content and sha256,
// copied in: a dispute outlives the reconciliation folder it came from) and `dispute_events`
// (its history: every status change, who, when, note). Like the bill run tables (billing/store.ts)
// there are no primary keys — DuckDB checks them eagerly on an UPDATE inside a transaction — so
// uniqueness is kept here, always inside the action's transaction. Amounts are exact decimal
// text (decimal.js adds them); dates are DATE, read back as YYYY-MM-DD.
import type { FindingLine, FindingSide } from '../reconcile/findings.js';
import { exec, queryJson, type Store } from '../store/store.js';
import type { EvidenceFile } from './findings-read.js';

export const DISPUTE_DDL = [
  `CREATE TABLE IF NOT EXISTS disputes (
  dispute_id VARCHAR NOT NULL,      -- D-<partner>-<period>-<NNN>
  partner VARCHAR NOT NULL,
  agreement_id VARCHAR NOT NULL,
  agreement_version INTEGER NOT NULL,
  plan_hash VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,            -- invoice, cdrs: which reconciliation found it
  period VARCHAR NOT NULL,          -- YYYY-MM
  invoice_number VARCHAR,           -- the partner's invoice disputed
  invoice_date DATE,
  source_file VARCHAR NOT NULL,     -- the partner's document compared, and its sha256
  source_sha256 VARCHAR NOT NULL,
  findings_sha256 VARCHAR NOT NULL,
  currency VARCHAR NOT NULL,
  claimed VARCHAR NOT NULL,         -- exact decimal: Σ positive differences of the disputed lines
  undercharged VARCHAR NOT NULL,    -- exact decimal: Σ of their undercharges (not offset)
  totals VARCHAR NOT NULL,          -- JSON: theirs, ours, difference of the whole comparison
  verdict VARCHAR NOT NULL,
  verdict_reason VARCHAR NOT NULL,
  tolerance VARCHAR,                -- JSON: the agreement's dispute tolerance, or NULL
  status VARCHAR NOT NULL,          -- open, acknowledged, resolved-credit, rejected
  credited VARCHAR,                 -- exact decimal, when resolved with a credit
  raise_days INTEGER,               -- the agreement's deadlines (NULL: not stated)
  answer_days INTEGER,
  raised_on DATE NOT NULL,
  raise_by DATE,                    -- invoice date + raise_days
  answer_due DATE,                  -- raised_on + answer_days
  late BOOLEAN NOT NULL,            -- raised after raise_by (with --late)
  late_reason VARCHAR,
  parties VARCHAR,                  -- JSON: us and partner details, when the agreement was compiled
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
)`,
  `CREATE TABLE IF NOT EXISTS dispute_lines (
  dispute_id VARCHAR NOT NULL,
  line_no INTEGER NOT NULL,         -- 1, 2… in findings order
  category VARCHAR NOT NULL,
  subject VARCHAR NOT NULL,
  service VARCHAR,
  zone VARCHAR,
  band VARCHAR,
  theirs VARCHAR,                   -- JSON FindingSide, or NULL
  ours VARCHAR,
  difference VARCHAR NOT NULL,      -- exact decimal, theirs − ours
  explanation VARCHAR NOT NULL,
  evidence VARCHAR                  -- name of a dispute_evidence file, or NULL
)`,
  `CREATE TABLE IF NOT EXISTS dispute_evidence (
  dispute_id VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  bytes BIGINT NOT NULL,
  content VARCHAR NOT NULL
)`,
  `CREATE TABLE IF NOT EXISTS dispute_events (
  dispute_id VARCHAR NOT NULL,
  seq INTEGER NOT NULL,             -- 1, 2… per dispute
  event_at TIMESTAMPTZ NOT NULL,
  actor VARCHAR NOT NULL,
  action VARCHAR NOT NULL,          -- open, acknowledge, resolve, reject
  from_status VARCHAR,
  to_status VARCHAR NOT NULL,
  amount VARCHAR,                   -- the credit, for resolve
  note VARCHAR
)`,
];

export type DisputeStatus = 'open' | 'acknowledged' | 'resolved-credit' | 'rejected';

export interface PartyDetails { name: string; legalName: string | null; vat: string | null; address: string | null }

export interface DisputeRow {
  id: string;
  partner: string;
  agreement: { id: string; version: number; planHash: string };
  kind: 'invoice' | 'cdrs';
  period: string;
  invoiceNumber: string | null;
  invoiceDate: string | null;
  source: { file: string; sha256: string };
  findingsSha256: string;
  currency: string;
  claimed: string;
  undercharged: string;
  totals: { theirs: string; ours: string; difference: string };
  verdict: 'accept' | 'dispute';
  verdictReason: string;
  tolerance: { percent: string | null; amount: string | null; currency: string | null } | null;
  status: DisputeStatus;
  credited: string | null;
  raiseDays: number | null;
  answerDays: number | null;
  raisedOn: string;
  raiseBy: string | null;
  answerDue: string | null;
  late: boolean;
  lateReason: string | null;
  parties: { us: PartyDetails; partner: PartyDetails } | null;
  createdAt: string;
  updatedAt: string;
}

export interface DisputeLineRow extends Omit<FindingLine, 'disputed'> { lineNo: number }
export interface DisputeEvent { seq: number; at: string; actor: string; action: string; from: DisputeStatus | null; to: DisputeStatus; amount: string | null; note: string | null }

export async function ensureDisputeTables(store: Store): Promise<void> {
  for (const ddl of DISPUTE_DDL) await exec(store, ddl);
}

/** Whether the store has dispute tables (reading never creates them). */
export async function hasDisputeTables(store: Store): Promise<boolean> {
  return (await queryJson(store, `SELECT 1 FROM information_schema.tables WHERE table_name = 'disputes'`)).length > 0;
}

/** The next id of the partner's disputes of a period: D-ORANGE-2026-03-001, -002… */
export async function nextDisputeId(store: Store, partner: string, period: string): Promise<string> {
  const prefix = `D-${partner}-${period}-`;
  const rows = await queryJson(store, `SELECT dispute_id FROM disputes WHERE starts_with(dispute_id, $1)`, [prefix]);
  const last = rows.reduce((n, r) => Math.max(n, Number(String(r.dispute_id).slice(prefix.length)) || 0), 0);
  return `${prefix}${String(last + 1).padStart(3, '0')}`;
}

export async function insertDispute(store: Store, d: DisputeRow, lines: readonly DisputeLineRow[], evidence: readonly EvidenceFile[]): Promise<void> {
  await exec(
    store,
    `INSERT INTO disputes VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CAST($9 AS DATE), $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
       $21, $22, $23, CAST($24 AS DATE), CAST($25 AS DATE), CAST($26 AS DATE), $27, $28, $29, CAST($30 AS TIMESTAMPTZ), CAST($31 AS TIMESTAMPTZ))`,
    [
      d.id, d.partner, d.agreement.id, d.agreement.version, d.agreement.planHash, d.kind, d.period, d.invoiceNumber, d.invoiceDate,
      d.source.file, d.source.sha256, d.findingsSha256, d.currency, d.claimed, d.undercharged, JSON.stringify(d.totals), d.verdict,
      d.verdictReason, d.tolerance === null ? null : JSON.stringify(d.tolerance), d.status, d.credited, d.raiseDays, d.answerDays,
      d.raisedOn, d.raiseBy, d.answerDue, d.late, d.lateReason, d.parties === null ? null : JSON.stringify(d.parties), d.createdAt, d.updatedAt,
    ],
  );
  for (const l of lines) {
    await exec(store, `INSERT INTO dispute_lines VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`, [
      d.id, l.lineNo, l.category, l.subject, l.service, l.zone, l.band, side(l.theirs), side(l.ours), l.difference, l.explanation, l.evidence,
    ]);
  }
  for (const e of evidence) {
    await exec(store, `INSERT INTO dispute_evidence VALUES ($1, $2, $3, $4, $5)`, [d.id, e.name, e.sha256, BigInt(e.bytes), e.content]);
  }
}

function side(s: FindingSide | null): string | null {
  return s === null ? null : JSON.stringify(s);
}

const DATE = (c: string) => `strftime(${c}, '%Y-%m-%d') AS ${c}`;
const TS = (c: string) => `strftime(${c} AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS ${c}`;
const COLUMNS = `* EXCLUDE (invoice_date, raised_on, raise_by, answer_due, created_at, updated_at), ${['invoice_date', 'raised_on', 'raise_by', 'answer_due'].map(DATE).join(', ')}, ${TS('created_at')}, ${TS('updated_at')}`;

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const json = <T>(v: unknown): T | null => (v === null || v === undefined ? null : (JSON.parse(String(v)) as T));

function toRow(r: Record<string, unknown>): DisputeRow {
  return {
    id: String(r.dispute_id), partner: String(r.partner),
    agreement: { id: String(r.agreement_id), version: Number(r.agreement_version), planHash: String(r.plan_hash) },
    kind: r.kind as DisputeRow['kind'], period: String(r.period), invoiceNumber: str(r.invoice_number), invoiceDate: str(r.invoice_date),
    source: { file: String(r.source_file), sha256: String(r.source_sha256) }, findingsSha256: String(r.findings_sha256),
    currency: String(r.currency), claimed: String(r.claimed), undercharged: String(r.undercharged), totals: json(r.totals)!,
    verdict: r.verdict as DisputeRow['verdict'], verdictReason: String(r.verdict_reason), tolerance: json(r.tolerance),
    status: r.status as DisputeStatus, credited: str(r.credited),
    raiseDays: r.raise_days === null ? null : Number(r.raise_days), answerDays: r.answer_days === null ? null : Number(r.answer_days),
    raisedOn: String(r.raised_on), raiseBy: str(r.raise_by), answerDue: str(r.answer_due), late: Boolean(r.late), lateReason: str(r.late_reason),
    parties: json(r.parties), createdAt: String(r.created_at), updatedAt: String(r.updated_at),
  };
}

/** `where` is code of ours; values are bound ($1…). */
export async function findDisputes(store: Store, where = 'true', params: string[] = []): Promise<DisputeRow[]> {
  const rows = await queryJson(store, `SELECT ${COLUMNS} FROM disputes WHERE ${where} ORDER BY created_at, dispute_id`, params);
  return rows.map(toRow);
}

export async function disputeLines(store: Store, id: string): Promise<DisputeLineRow[]> {
  const rows = await queryJson(store, `SELECT * FROM dispute_lines WHERE dispute_id = $1 ORDER BY line_no`, [id]);
  return rows.map((r) => ({
    lineNo: Number(r.line_no), category: r.category as DisputeLineRow['category'], subject: String(r.subject),
    service: str(r.service), zone: str(r.zone), band: str(r.band), theirs: json(r.theirs), ours: json(r.ours),
    difference: String(r.difference), explanation: String(r.explanation), evidence: str(r.evidence),
  }));
}

export async function disputeEvidence(store: Store, id: string): Promise<EvidenceFile[]> {
  const rows = await queryJson(store, `SELECT name, sha256, CAST(bytes AS VARCHAR) AS bytes, content FROM dispute_evidence WHERE dispute_id = $1 ORDER BY name`, [id]);
  return rows.map((r) => ({ name: String(r.name), sha256: String(r.sha256), bytes: Number(r.bytes), content: String(r.content) }));
}

export async function disputeEvents(store: Store, id: string): Promise<DisputeEvent[]> {
  const rows = await queryJson(store, `SELECT seq, ${TS('event_at')}, actor, action, from_status, to_status, amount, note FROM dispute_events WHERE dispute_id = $1 ORDER BY seq`, [id]);
  return rows.map((r) => ({
    seq: Number(r.seq), at: String(r.event_at), actor: String(r.actor), action: String(r.action),
    from: str(r.from_status) as DisputeStatus | null, to: r.to_status as DisputeStatus, amount: str(r.amount), note: str(r.note),
  }));
}

export async function appendEvent(store: Store, id: string, e: Omit<DisputeEvent, 'seq' | 'at'> & { at: Date }): Promise<void> {
  const [last] = await queryJson(store, `SELECT coalesce(max(seq), 0) AS seq FROM dispute_events WHERE dispute_id = $1`, [id]);
  await exec(store, `INSERT INTO dispute_events VALUES ($1, $2, CAST($3 AS TIMESTAMPTZ), $4, $5, $6, $7, $8, $9)`, [
    id, Number(last!.seq) + 1, e.at.toISOString(), e.actor, e.action, e.from, e.to, e.amount, e.note,
  ]);
}
