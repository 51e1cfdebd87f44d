// The audit log: who did what to bill runs and documents, and when, with the hashes of what was
// read. Append-only: this module only ever INSERTs (nothing in icx updates or deletes its rows),
// and every entry is written in the same transaction as the action it records, so an action that
// rolls back leaves no entry and no action commits without one.
import { exec, queryJson, type Store } from '../store/store.js';

export const AUDIT_DDL = `CREATE TABLE IF NOT EXISTS audit_log (
  seq BIGINT NOT NULL,          -- 1, 2, 3… in the order the actions committed
  logged_at TIMESTAMPTZ NOT NULL,
  actor VARCHAR NOT NULL,       -- ICX_ACTOR, else the OS user
  action VARCHAR NOT NULL,      -- bill-run, bill-approve, bill-issue, rerate
  subject VARCHAR NOT NULL,     -- the bill run id (a correction run's for rerate)
  details VARCHAR NOT NULL      -- JSON: period, agreements, plan and usage hashes, documents, numbers…
)`;

export type AuditAction = 'bill-run' | 'bill-approve' | 'bill-issue' | 'rerate'
  // disputes of partners' invoices (runtime/dispute/lifecycle.ts)
  | 'dispute-open' | 'dispute-acknowledge' | 'dispute-resolve' | 'dispute-reject';

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: AuditAction;
  subject: string;
  details: Record<string, unknown>;
}

/** Who runs this process, for the log: `ICX_ACTOR` (set it in CI to the pipeline's user), else the OS user. */
export function currentActor(env: NodeJS.ProcessEnv = process.env): string {
  return env['ICX_ACTOR']?.trim() || env['USER']?.trim() || env['USERNAME']?.trim() || 'unknown';
}

/** Appends one entry; call it inside the transaction of the action it records. */
export async function appendAudit(store: Store, e: Omit<AuditEntry, 'seq' | 'at'> & { at: Date }): Promise<number> {
  await exec(store, AUDIT_DDL);
  const [last] = await queryJson(store, `SELECT coalesce(max(seq), 0) AS seq FROM audit_log`);
  const seq = Number(last!.seq) + 1;
  await store.connection.run(
    `INSERT INTO audit_log VALUES ($1, CAST($2 AS TIMESTAMPTZ), $3, $4, $5, $6)`,
    [seq, e.at.toISOString(), e.actor, e.action, e.subject, JSON.stringify(e.details)],
  );
  return seq;
}

/** Every entry, oldest first (none when the store has no log yet). */
export async function readAudit(store: Store): Promise<AuditEntry[]> {
  // reading never writes: a store without a log has no entries
  const exists = await queryJson(store, `SELECT 1 FROM information_schema.tables WHERE table_name = 'audit_log'`);
  if (exists.length === 0) return [];
  const rows = await queryJson(store, `SELECT seq, strftime(logged_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS logged_at, actor, action, subject, details FROM audit_log ORDER BY seq`);
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: String(r.logged_at),
    actor: String(r.actor),
    action: r.action as AuditAction,
    subject: String(r.subject),
    details: JSON.parse(String(r.details)) as Record<string, unknown>,
  }));
}
