// Every rated version of a record stays in the store (rating runs are never deleted), and every
// bill run records the rating runs whose records of its period it counted. Together they answer
// "what did we charge for this call on each bill run": in a run, a record counts in the latest
// of those rating runs that rated it (the rule of usage-lines.ts and period charges).
import { queryJson, type Store } from '../store/store.js';

/** Rated rows of the agreements ($1, JSON list) in [$2, $3), with their run's start and zone default. */
export const SCOPED_RATED_SQL = `SELECT r.run_id, r.seq, r.record_id, d.agreement_id, d.agreement_version, d.service, d.direction,
         d.zone, coalesce(d.band, 'any') AS band, coalesce(r.clause, d.clause) AS clause,
         coalesce(r.rate_source, d.rate_source) AS rate_source, r.amount, x.started_at, x.assume_timezone
  FROM rated_rows r
  JOIN rated_dims d ON d.run_id = r.run_id AND d.dim = r.dim
  JOIN rating_runs x ON x.run_id = r.run_id
  WHERE list_contains(from_json($1::JSON, '["VARCHAR"]'), d.agreement_id)
    AND r.local_start >= CAST($2 AS TIMESTAMP) AND r.local_start < CAST($3 AS TIMESTAMP)`;

/** The rating runs with records of these agreements in [start, endExclusive), oldest first. */
export async function countedRatingRuns(store: Store, agreements: readonly string[], start: string, endExclusive: string): Promise<string[]> {
  const rows = await queryJson(
    store,
    `SELECT run_id, min(started_at) AS s FROM (${SCOPED_RATED_SQL}) GROUP BY run_id ORDER BY s, run_id`,
    [JSON.stringify(agreements), `${start} 00:00:00`, `${endExclusive} 00:00:00`],
  );
  return rows.map((r) => String(r.run_id));
}

export interface RecordVersion {
  /** the bill run or correction run */
  billRun: string;
  status: string;
  /** the rating run whose version of the record the run counted */
  ratingRun: string;
  agreementId: string;
  agreementVersion: number;
  service: string;
  zone: string;
  band: string;
  clause: string | null;
  rateSource: string | null;
  /** as rated, exact (9 decimals) */
  amount: string;
  currency: string;
}

const HISTORY_SQL = `WITH counted AS (
  SELECT run_id AS bill_run, status, created_at, unnest(rating_runs) AS rating_run FROM bill_runs
), versions AS (
  SELECT c.bill_run, c.status, c.created_at, r.run_id, d.agreement_id, d.agreement_version, d.service, d.zone,
         coalesce(d.band, 'any') AS band, coalesce(r.clause, d.clause) AS clause,
         coalesce(r.rate_source, d.rate_source) AS rate_source, CAST(r.amount AS VARCHAR) AS amount, d.currency, x.started_at
  FROM counted c
  JOIN rated_rows r ON r.run_id = c.rating_run
  JOIN rated_dims d ON d.run_id = r.run_id AND d.dim = r.dim
  JOIN rating_runs x ON x.run_id = r.run_id
  WHERE r.record_id = $1 AND ($2::VARCHAR IS NULL OR d.service = $2)
)
SELECT * FROM versions
QUALIFY row_number() OVER (PARTITION BY bill_run, service ORDER BY started_at DESC, run_id DESC) = 1
ORDER BY created_at, bill_run, service`;

/** What each bill run (and correction run) charged for one record, oldest run first. */
export async function recordHistory(store: Store, recordId: string, service?: string): Promise<RecordVersion[]> {
  const exists = await queryJson(store, `SELECT 1 FROM information_schema.tables WHERE table_name = 'bill_runs'`);
  if (exists.length === 0) return [];
  const rows = await queryJson(store, HISTORY_SQL, [recordId, service ?? null]);
  return rows.map((r) => ({
    billRun: String(r.bill_run), status: String(r.status), ratingRun: String(r.run_id),
    agreementId: String(r.agreement_id), agreementVersion: Number(r.agreement_version), service: String(r.service),
    zone: String(r.zone), band: String(r.band), clause: r.clause === null ? null : String(r.clause),
    rateSource: r.rate_source === null ? null : String(r.rate_source), amount: String(r.amount), currency: String(r.currency),
  }));
}
