// SQL of `icx reconcile cdrs`: our rated records and their CDR file as two narrow TEMP tables
// (integer keys, epoch microseconds), then candidate pairs, all whole-table statements (no
// per-record JavaScript). Values travel as bound parameters; only integer constants of ours
// (tolerances in microseconds) are written into the text.
import { latestRatedCtes } from '../../compiler/sql/latest-rated-sql.js';

/**
 * Numbers as rating reads them (compiler/sql/ingest-sql.ts PARSE_SQL): trimmed, a leading '+'
 * dropped; spaces inside are dropped too ("+33 6 12 34 56 78"), which rating would refuse, so
 * both sides compare the same digits. An absent number is '' so it can be a join key.
 */
export const normNumber = (col: string) => `ltrim(replace(coalesce(${col}, ''), ' ', ''), '+')`;

/**
 * cdr_ours: the agreement's rated records whose local start falls in the period, in the
 * services reconciled, each record in its latest rating run (the invoice rule of
 * runtime/billing/usage-lines.ts). $1 agreement id, $2/$3 local period bounds, $4 services (JSON).
 */
export const OURS_SQL = `CREATE OR REPLACE TEMP TABLE cdr_ours AS
WITH scoped AS (
  SELECT r.run_id, x.started_at, r.record_id, d.service, d.zone, coalesce(d.band, 'any') AS band, d.plan_hash,
         r.a_number, r.b_number, r.start_time, r.duration_s, r.billed_seconds, r.units, r.amount
  FROM rated_rows r
  JOIN rated_dims d ON d.run_id = r.run_id AND d.dim = r.dim
  JOIN rating_runs x ON x.run_id = r.run_id
  WHERE d.agreement_id = $1
    AND r.local_start >= CAST($2 AS TIMESTAMP) AND r.local_start < CAST($3 AS TIMESTAMP)
    AND list_contains(from_json($4::JSON, '["VARCHAR"]'), d.service)
)${latestRatedCtes(['service', 'record_id'])}
SELECT row_number() OVER () AS oid, record_id, service, zone, band, plan_hash,
       ${normNumber('a_number')} AS a, ${normNumber('b_number')} AS b,
       epoch_us(start_time) AS t_us, start_time,
       duration_s, CAST(coalesce(duration_s, 0) * 1000000 AS BIGINT) AS d_us,
       billed_seconds, units, amount
FROM latest`;

const OFFSET_RE = `[T ][0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?\\s*([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)$`;

/**
 * cdr_theirs: their file (already in run_raw, by runtime/ingest) parsed as rating parses usage:
 * trimmed text, numbers normalised, start to an instant ($1 = --assume-timezone for starts
 * without offset), duration as plain decimal seconds (absent = 0: messages). `reason` names
 * the first field a row gets wrong; such rows fail the command (they cannot be matched).
 */
export const THEIRS_SQL = `CREATE OR REPLACE TEMP TABLE cdr_theirs AS
WITH t AS (
  SELECT seq AS tid, source_line AS line, nullif(trim(record_id), '') AS record_id,
         nullif(trim(a_number), '') AS a_raw, nullif(trim(b_number), '') AS b_raw,
         nullif(trim(start_time), '') AS s_raw, nullif(trim(duration_s), '') AS d_raw
  FROM run_raw
), p AS (
  SELECT t.*, ${normNumber('b_raw')} AS b, ${normNumber('a_raw')} AS a,
         regexp_matches(s_raw, '${OFFSET_RE}') AS has_offset,
         CASE WHEN regexp_full_match(d_raw, '[0-9]+(\\.[0-9]+)?') THEN TRY_CAST(d_raw AS DECIMAL(18,6)) END AS dur
  FROM t
), q AS (
  SELECT p.*, CASE WHEN has_offset THEN TRY_CAST(s_raw AS TIMESTAMPTZ)
                   ELSE timezone($1::VARCHAR, TRY_CAST(s_raw AS TIMESTAMP)) END AS start_time
  FROM p
)
SELECT tid, line, record_id, a, b, start_time, epoch_us(start_time) AS t_us,
       coalesce(dur, 0) AS duration_s, CAST(coalesce(dur, 0) * 1000000 AS BIGINT) AS d_us,
       CASE
         WHEN b_raw IS NULL THEN 'b_number: missing'
         WHEN NOT regexp_full_match(b, '[0-9]{1,18}') THEN 'b_number "' || b_raw || '" is not digits (a leading + is allowed)'
         WHEN s_raw IS NULL THEN 'start_time: missing'
         WHEN NOT has_offset AND $1::VARCHAR IS NULL AND TRY_CAST(s_raw AS TIMESTAMP) IS NOT NULL
           THEN 'start_time "' || s_raw || '" has no UTC offset and no --assume-timezone was given'
         WHEN start_time IS NULL THEN 'start_time "' || s_raw || '" is not an ISO 8601 date-time'
         WHEN d_raw IS NOT NULL AND dur IS NULL THEN 'duration_s "' || d_raw || '" is not a plain decimal number of seconds'
       END AS reason
FROM q`;

/** Candidate pairs by a shared call id. */
export const CAND_ID_SQL = `CREATE OR REPLACE TEMP TABLE cdr_cand AS
SELECT t.tid, o.oid, t.t_us - o.t_us AS sdt, abs(t.d_us - o.d_us) AS dd
FROM cdr_theirs t JOIN cdr_ours o ON o.record_id = t.record_id`;

/**
 * Candidate pairs by A-number, B-number and start within ±tol µs, duration within ±dtol µs,
 * among the records not matched by id. A hash join, not a range join: starts are cut into
 * buckets of width w = 2·tol; a start within tol of ours lies in our bucket or in the neighbour
 * on the side of the bucket our start is in, so each of our records is joined under two keys.
 */
export function candTimeSql(tolUs: bigint, dtolUs: bigint): string {
  const w = tolUs * 2n > 2n ? tolUs * 2n : 2n;
  const half = w / 2n;
  return `CREATE OR REPLACE TEMP TABLE cdr_cand AS
WITH t AS (
  SELECT x.tid, x.a, x.b, x.t_us, x.d_us, x.t_us // ${w} AS bk FROM cdr_theirs x ANTI JOIN cdr_pairs p ON p.tid = x.tid
), o0 AS (
  SELECT x.oid, x.a, x.b, x.t_us, x.d_us, x.t_us // ${w} AS bk FROM cdr_ours x ANTI JOIN cdr_pairs p ON p.oid = x.oid
), o AS (
  SELECT oid, a, b, t_us, d_us, bk FROM o0
  UNION ALL
  SELECT oid, a, b, t_us, d_us, CASE WHEN t_us - bk * ${w} < ${half} THEN bk - 1 ELSE bk + 1 END FROM o0
)
SELECT t.tid, o.oid, t.t_us - o.t_us AS sdt, abs(t.d_us - o.d_us) AS dd
FROM t JOIN o ON o.a = t.a AND o.b = t.b AND o.bk = t.bk
WHERE abs(t.t_us - o.t_us) <= ${tolUs} AND abs(t.d_us - o.d_us) <= ${dtolUs}`;
}
