// SQL of `icx reconcile cdrs`: their CDR file and our rated records as two narrow TEMP tables
// (integer keys, epoch microseconds), then the candidate pairs, all whole-table statements (no
// per-record JavaScript). Values travel as bound parameters; only integer constants of ours
// (tolerances in microseconds) and the reader of their file (cdr-source.ts) are in the text.
import { latestRatedCtes } from '../../compiler/sql/latest-rated-sql.js';

/**
 * Numbers as rating reads them (compiler/sql/ingest-sql.ts PARSE_SQL): a leading '+' dropped;
 * spaces dropped too ("+33 6 12 34 56 78"; rating trims them and refuses inner ones), so both
 * sides compare the same digits. An absent number is '' so it can be a join key. The string
 * functions run only where they change something: replace() on every row cost 2–3× the copy.
 */
export const normNumber = (col: string) =>
  `CASE WHEN contains(${col}, ' ') THEN ltrim(replace(${col}, ' ', ''), '+') WHEN starts_with(${col}, '+') THEN substr(${col}, 2) ELSE coalesce(${col}, '') END`;

/** trim() only where it can change something (as compiler/sql/ingest-sql.ts): empty = absent. */
const trimmed = (col: string) =>
  `nullif(CASE WHEN starts_with(${col}, ' ') OR ends_with(${col}, ' ') OR strlen(${col}) <> length(${col}) THEN trim(${col}) ELSE ${col} END, '')`;

const OFFSET_RE = `[T ][0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?\\s*([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)$`;

/** Microseconds as exact decimal text of seconds: 61500000 → '61.5'. */
export const usText = (col: string) =>
  `CAST(${col} // 1000000 AS VARCHAR) || CASE WHEN ${col} % 1000000 = 0 THEN '' ELSE '.' || rtrim(lpad(CAST(${col} % 1000000 AS VARCHAR), 6, '0'), '0') END`;

/** Epoch microseconds as an ISO 8601 UTC instant. */
export const usInstant = (col: string) => `strftime(make_timestamp(${col}), '%Y-%m-%dT%H:%M:%S.%fZ')`;

/**
 * The parse of their text, shared by the table and the error message. $1 = --assume-timezone.
 * Numbers are not trimmed here: normNumber drops every space anyway.
 */
const parsed = (select: string, extra: string) => `WITH src AS (${select}), t AS (
  SELECT ${trimmed('record_id')} AS record_id, a_number AS a_raw, nullif(b_number, '') AS b_raw,
         ${trimmed('start_time')} AS s_raw, ${trimmed('duration_s')} AS d_raw, overflow${extra}
  FROM src
), p AS (
  SELECT t.*, regexp_matches(s_raw, '${OFFSET_RE}') AS has_offset,
         CASE WHEN regexp_full_match(d_raw, '[0-9]+(\\.[0-9]+)?') THEN TRY_CAST(d_raw AS DECIMAL(18,6)) END AS dur
  FROM t
), q AS (
  SELECT p.*, CASE WHEN has_offset THEN TRY_CAST(s_raw AS TIMESTAMPTZ) ELSE timezone($1::VARCHAR, TRY_CAST(s_raw AS TIMESTAMP)) END AS st
  FROM p
)`;

/**
 * cdr_theirs, in file order (rowid = position): call id, normalised numbers, start as epoch
 * µs, duration in µs (absent = 0: messages), `bad` when a row cannot be matched (no B-number,
 * an unreadable start or duration, fields beyond the header), and the raw text of the price
 * fields the file has.
 */
export function theirsSql(select: string, present: readonly string[]): string {
  const extra = present.map((f) => `, ${trimmed(f)} AS ${f}`).join('');
  return `CREATE OR REPLACE TEMP TABLE cdr_theirs AS
${parsed(select, extra)}
SELECT record_id, ${normNumber('a_raw')} AS a, ${normNumber('b_raw')} AS b, epoch_us(st) AS t_us,
       CAST(coalesce(dur, 0) * 1000000 AS BIGINT) AS d_us,
       (st IS NULL OR ${normNumber('b_raw')} = '' OR (d_raw IS NOT NULL AND dur IS NULL) OR overflow IS NOT NULL) AS bad${present.map((f) => `, ${f}`).join('')}
FROM q`;
}

/** The first bad rows of cdr_raw (their file again, as text) with the field they get wrong. */
export const THEIR_REASON_SQL = `${parsed('SELECT rowid AS pos, * FROM cdr_raw', ', pos')}
SELECT pos, CASE
    WHEN overflow IS NOT NULL THEN 'fields beyond the header: ' || overflow
    WHEN ${normNumber('b_raw')} = '' THEN 'b_number: missing'
    WHEN s_raw IS NULL THEN 'start_time: missing'
    WHEN NOT has_offset AND $1::VARCHAR IS NULL AND TRY_CAST(s_raw AS TIMESTAMP) IS NOT NULL
      THEN 'start_time "' || s_raw || '" has no UTC offset and no --assume-timezone was given'
    WHEN st IS NULL THEN 'start_time "' || s_raw || '" is not an ISO 8601 date-time'
    ELSE 'duration_s "' || d_raw || '" is not a plain decimal number of seconds'
  END AS reason
FROM q WHERE st IS NULL OR ${normNumber('b_raw')} = '' OR (d_raw IS NOT NULL AND dur IS NULL) OR overflow IS NOT NULL
ORDER BY pos LIMIT 5`;

/**
 * cdr_dims: what our records of the scope share, one row per (run, dim): dk, service, zone,
 * band, plan, the run's start and rank. $1 agreement id, $2 services (JSON).
 */
export const DIMS_SQL = `CREATE OR REPLACE TEMP TABLE cdr_dims AS
WITH runs AS (
  SELECT run_id, started_at, row_number() OVER (ORDER BY run_id) AS idx FROM rating_runs
  WHERE run_id IN (SELECT run_id FROM rated_dims WHERE agreement_id = $1)
)
SELECT CAST(row_number() OVER (ORDER BY d.run_id, d.dim) AS INTEGER) AS dk, d.run_id, d.dim, d.service, d.zone,
       coalesce(d.band, 'any') AS band, d.plan_hash, x.started_at, x.idx
FROM rated_dims d JOIN runs x ON x.run_id = d.run_id
WHERE d.agreement_id = $1 AND list_contains(from_json($2::JSON, '["VARCHAR"]'), d.service)`;

/**
 * cdr_ours: the scope's rated records whose local start falls in the period ($1/$2 local
 * bounds). oid = the run's rank × 2^40 + the record's seq in its run: unique without numbering
 * 10M rows (row_number() OVER () runs on one thread). With `latest` (several rating runs in the
 * scope) each record counts in its latest run only, the invoice rule of
 * runtime/billing/usage-lines.ts; with one run that rule's grouping is skipped.
 */
export function oursSql(latest: boolean): string {
  return `CREATE OR REPLACE TEMP TABLE cdr_ours AS
WITH scoped AS (
  SELECT r.run_id, x.started_at, x.service, x.idx * 1099511627776 + r.seq AS oid, r.record_id, x.dk,
         r.a_number, r.b_number, r.start_time, r.duration_s, r.billed_seconds, r.units, r.amount
  FROM rated_rows r JOIN cdr_dims x ON x.run_id = r.run_id AND x.dim = r.dim
  WHERE r.local_start >= CAST($1 AS TIMESTAMP) AND r.local_start < CAST($2 AS TIMESTAMP)
)${latest ? latestRatedCtes(['service', 'record_id']) : ', latest AS (SELECT * FROM scoped)'}
SELECT oid, record_id, ${normNumber('a_number')} AS a, coalesce(b_number, '') AS b,
       epoch_us(start_time) AS t_us, CAST(coalesce(duration_s, 0) * 1000000 AS BIGINT) AS d_us,
       dk, billed_seconds, units, amount
FROM latest`;
}

/** Number of rating runs among cdr_dims that hold records of the period ($1/$2). */
export const OUR_RUNS_SQL = `SELECT count(DISTINCT x.run_id) AS n FROM cdr_dims x
WHERE EXISTS (SELECT 1 FROM rated_rows r WHERE r.run_id = x.run_id AND r.dim = x.dim
              AND r.local_start >= CAST($1 AS TIMESTAMP) AND r.local_start < CAST($2 AS TIMESTAMP))`;

/**
 * By call id, one full outer hash join: pairs (both sides), and the records of each side with
 * no counterpart by id (tid or oid NULL; their records without an id among them).
 */
export const ID_JOIN_SQL = `CREATE OR REPLACE TEMP TABLE cdr_j AS
SELECT t.rowid AS tid, o.oid, t.t_us - o.t_us AS sdt, abs(t.d_us - o.d_us) AS dd
FROM cdr_theirs t FULL OUTER JOIN cdr_ours o ON o.record_id = t.record_id`;

/**
 * By A-number, B-number and start within ±tol µs, duration within ±dtol µs, among the records
 * left (cdr_t2, cdr_o2). A hash join, not a range join: starts are cut into buckets of width
 * w = 2·tol; a start within tol of ours lies in our bucket or in the neighbour on the side of
 * the bucket our start is in, so each of our records is joined under two keys.
 */
export function candTimeSql(tolUs: bigint, dtolUs: bigint): string {
  const w = tolUs * 2n > 2n ? tolUs * 2n : 2n;
  const half = w / 2n;
  return `CREATE OR REPLACE TEMP TABLE cdr_cand AS
WITH t AS (
  SELECT tid, a, b, t_us, d_us, t_us // ${w} AS bk FROM cdr_t2
), o0 AS (
  SELECT oid, a, b, t_us, d_us, t_us // ${w} AS bk FROM cdr_o2
), o AS (
  SELECT oid, a, b, t_us, d_us, bk FROM o0
  UNION ALL
  SELECT oid, a, b, t_us, d_us, CASE WHEN t_us - bk * ${w} < ${half} THEN bk - 1 ELSE bk + 1 END FROM o0
)
SELECT t.tid, o.oid, t.t_us - o.t_us AS sdt, abs(t.d_us - o.d_us) AS dd
FROM t JOIN o ON o.a = t.a AND o.b = t.b AND o.bk = t.bk
WHERE abs(t.t_us - o.t_us) <= ${tolUs} AND abs(t.d_us - o.d_us) <= ${dtolUs}`;
}
