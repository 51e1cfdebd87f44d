// The whole rating run as an ordered list of statements, and the readable script of it
// that `icx compile --sql` prints. Bound parameters: $1 is always the run id (or the
// assume-timezone for the parse step); no value is ever spliced into the text.
import { PARSE_SQL } from './ingest-sql.js';
import type { PlanShape } from './plan-layout.js';
import { PLAN_DERIVED_SQL, PLAN_TABLE_DEFS, planLoadSql, tableDdl } from './plan-schema.js';
import { RATE_FINAL_VIEW_SQL, RATE_SPLIT_SQL, RATE_STEPS_SQL, rateAmountViewSql } from './rating-amount-sql.js';
import { rateCtxSql, RUN_TZ_OFFSETS_SQL } from './rating-ctx-sql.js';
import { INSERT_FX_SUSPENSE_SQL, rateFxSql, rateSettledViewSql } from './rating-fx-sql.js';
import { planLpmSql } from './rating-lpm-sql.js';
import { planOriginLpmSql } from './rating-origin-sql.js';
import { STORE_DDL, USAGE_FIELDS } from './store-schema.js';

export interface Statement {
  /** what the runtime reports as the phase */
  name: string;
  sql: string;
  /** what $1 is bound to, if anything */
  param?: 'run_id' | 'assume_timezone';
  /** writes the persistent store tables (runs inside the run's transaction); the others only build TEMP scratch */
  stores?: boolean;
}

const raw = USAGE_FIELDS.map((f) => `w.${f}`).join(', ');
/** a run_raw row's source name: the run's list of sources (rating_runs is written first) */
const SOURCE_FILE = `list_extract((SELECT sources FROM rating_runs WHERE run_id = $1), w.src_no)`;

export const INSERT_USAGE_SQL = `INSERT INTO usage
SELECT $1::VARCHAR, seq, ${SOURCE_FILE}, source_line, ${USAGE_FIELDS.join(', ')} FROM run_raw w`;

export const INSERT_RATED_SQL = `INSERT INTO rated_rows
SELECT $1::VARCHAR, seq, record_id, src_no, source_line, dim,
       CASE WHEN sur_clause IS NOT NULL THEN sur_clause WHEN crossing THEN split_clauses END,
       CASE WHEN sur_source IS NOT NULL THEN sur_source WHEN crossing THEN split_sources END,
       start_time, local_ts, duration_s,
       billed, CASE WHEN svc_kind IN ('sms', 'event', 'iot', 'subscription') THEN units END,
       amount, trunk, a_number, b_number,
       original_amount, fx_rate, fx_date, billed_bytes
FROM rate_settled`;

/**
 * What the run's rated records share, once per dim (see rate_ctx.dim): names, plan hash,
 * currency, the clause of a rate line. Dims of records that end in suspense are harmless
 * extras; a missing one would drop rated rows from the view and fail the balance check.
 */
export const INSERT_RATED_DIMS_SQL = `INSERT INTO rated_dims
WITH u AS (
  SELECT dim, any_value(ag_idx) AS ag_idx, any_value(svc_idx) AS svc_idx, any_value(zone_idx) AS zone_idx,
         any_value(band_code) AS band_code
  FROM rate_ctx WHERE reason IS NULL GROUP BY dim
)
SELECT $1::VARCHAR, u.dim, a.agreement_id, a.version, a.plan_hash, s.service, s.kind, s.direction, z.zone, b.band,
       CASE WHEN u.dim >= 0 THEN r.clause WHEN (-2 - u.dim) % 2 = 1 THEN CASE WHEN s.kind = 'data' THEN 'zero-volume' ELSE 'zero-duration' END END,
       CASE WHEN u.dim >= 0 THEN r.source END,
       s.round_decimals, a.currency, fs.currency
FROM u
JOIN plan_agreements a ON a.ag_idx = u.ag_idx
JOIN plan_services s ON s.svc_idx = u.svc_idx
LEFT JOIN plan_fx_services fs ON fs.svc_idx = u.svc_idx
JOIN plan_zones z ON z.zone_idx = u.zone_idx
LEFT JOIN plan_bands b ON b.ag_idx = u.ag_idx AND b.code = u.band_code
LEFT JOIN plan_rates r ON r.rate_idx = u.dim`;

/** Parse failures and rating failures, with the record's original text and a human detail. */
export const INSERT_SUSPENSE_SQL = `INSERT INTO suspense
SELECT $1::VARCHAR, i.seq, ${SOURCE_FILE}, i.source_line, i.reason, i.detail, NULL, ${raw}
FROM run_input i JOIN run_raw w ON w.seq = i.seq WHERE i.reason IS NOT NULL
UNION ALL
SELECT $1::VARCHAR, o.seq, ${SOURCE_FILE}, o.source_line, o.final_reason,
  CASE o.final_reason
    WHEN 'no-agreement' THEN CASE WHEN o.agreement IS NOT NULL
      THEN 'agreement "' || o.agreement || '" is not among the compiled agreements'
      WHEN o.trunk IS NOT NULL
      THEN 'trunk "' || o.trunk || '" is not a trunk of any agreement'
      ELSE 'partner code "' || o.partner || '" finds no agreement (of a declared partner, without trunks) with a '
        || coalesce(o.kind, '?') || ' service for direction ' || coalesce(o.direction, '?') END
    WHEN 'no-service' THEN CASE WHEN o.service IS NOT NULL AND ps.svc_idx IS NOT NULL
      THEN 'pre-assigned service "' || o.service || '" of ' || o.agreement_id || ' does not match the record: '
        || concat_ws('; ',
             CASE WHEN o.kind <> ps.kind THEN 'record kind ' || o.kind || ', service kind ' || ps.kind END,
             CASE WHEN o.direction <> ps.direction THEN 'record direction ' || o.direction || ', service direction '
               || ps.direction || CASE ps.direction WHEN 'out' THEN ' (payable)' ELSE ' (receivable)' END END)
      WHEN o.service IS NOT NULL
      THEN o.agreement_id || ' has no service named "' || o.service || '"'
      ELSE o.agreement_id || ' has no ' || o.kind || ' service for direction ' || o.direction END
    WHEN 'outside-validity' THEN 'local date ' || o.local_date || ' (' || o.timezone || ') is outside the validity '
      || o.valid_from || ' .. ' || o.valid_to || ' of ' || o.agreement_id
    WHEN 'missing-field' THEN CASE WHEN o.svc_kind = 'data' THEN 'data record without bytes'
      WHEN o.no_b THEN o.svc_kind || ' record without b_number' ELSE 'voice record without duration_s' END
    WHEN 'no-category' THEN CASE WHEN o.category IS NULL THEN 'record has no call category; '
      ELSE 'call category "' || o.category || '" is not priced by ' END || o.agreement_id || ' service ' || o.svc_name
    WHEN 'no-zone' THEN 'B-number ' || o.b_number || ' matches no prefix of ' || o.agreement_id || ' service ' || o.svc_name
    WHEN 'barred' THEN 'B-number ' || o.b_number || ' is in barred zone ' || o.zone || ' (prefix ' || o.matched_prefix
      || ') of ' || o.agreement_id || ' service ' || o.svc_name
    WHEN 'no-rate' THEN 'no rate line of ' || o.agreement_id || ' service ' || o.svc_name || ' for zone ' || o.zone
      || ' band ' || coalesce(o.reason_band, '(none)') || ' in force on ' || o.local_date
    WHEN 'closed' THEN 'prefix ' || o.matched_prefix || ' (' || o.zone || ') of ' || o.agreement_id || ' service ' || o.svc_name
      || ' is closed from ' || CAST(r_closed.eff_from AS VARCHAR) || ' (' || r_closed.source || ')'
  END,
  o.agreement_id, ${raw}
FROM rate_final o JOIN run_raw w ON w.seq = o.seq
-- the pre-assigned service by name (only to explain a kind/direction mismatch)
LEFT JOIN plan_services ps ON ps.ag_idx = o.ag_idx AND ps.service = o.service
-- the closing line of a deck prefix (only to explain a closed reason); the condition is in
-- the key, so the join stays a hash join (a second ON term made it a nested loop: 0.15 s per
-- 8,500 suspended records against a 4,600-line deck, growing with both)
LEFT JOIN plan_rates r_closed ON r_closed.rate_idx = CASE WHEN o.final_reason = 'closed' THEN o.rate_idx END
-- the first test only reads rate_ctx, so it filters before the joins of the view
WHERE (o.reason IS NOT NULL OR o.crossing) AND o.final_reason IS NOT NULL`;

/**
 * Subscriber and bytes of the run's rated records of digital kinds (after rated_rows and
 * rated_dims): narrow, and only for those kinds, so voice and sms runs pay a scan, not a copy.
 */
export const INSERT_RATED_DIGITAL_SQL = `INSERT INTO rated_digital
SELECT $1::VARCHAR, r.seq, nullif(trim(w.subscriber), ''), nullif(trim(w.bytes), '')
FROM rated_rows r
JOIN (SELECT dim FROM rated_dims WHERE run_id = $1 AND kind IN ('iot', 'event', 'subscription')) d ON d.dim = r.dim
JOIN run_raw w ON w.seq = r.seq
WHERE r.run_id = $1`;

/** Scratch tables and views of a run, dropped when it ends. */
export const RUN_SCRATCH = {
  views: ['rate_settled', 'rate_amount', 'rate_final', 'run_raw'],
  tables: ['rate_fx', 'rate_steps', 'rate_split', 'rate_ctx', 'plan_lpm', 'plan_origin_lpm', 'run_tz_offsets', 'run_input', 'run_raw_rows'],
};

/** Statements of one rating run, after run_raw has been filled by ingest. */
export function ratingStatements(shape: PlanShape): Statement[] {
  return [
    { name: 'parse', sql: PARSE_SQL, param: 'assume_timezone' },
    { name: 'zones', sql: RUN_TZ_OFFSETS_SQL },
    { name: 'resolve', sql: planLpmSql(shape) },
    { name: 'resolve', sql: planOriginLpmSql(shape) },
    { name: 'resolve', sql: rateCtxSql(shape) },
    { name: 'split', sql: RATE_SPLIT_SQL },
    { name: 'steps', sql: RATE_STEPS_SQL },
    { name: 'amount', sql: RATE_FINAL_VIEW_SQL },
    { name: 'amount', sql: rateAmountViewSql((shape.originPrefixLengths ?? []).length > 0) },
    { name: 'amount', sql: rateFxSql(shape.hasFx !== false) },
    { name: 'amount', sql: rateSettledViewSql(shape.hasFx !== false) },
    { name: 'store usage', sql: INSERT_USAGE_SQL, param: 'run_id', stores: true },
    { name: 'store rated', sql: INSERT_RATED_SQL, param: 'run_id', stores: true },
    { name: 'store rated', sql: INSERT_RATED_DIMS_SQL, param: 'run_id', stores: true },
    { name: 'store rated', sql: INSERT_RATED_DIGITAL_SQL, param: 'run_id', stores: true },
    { name: 'store suspense', sql: INSERT_SUSPENSE_SQL, param: 'run_id', stores: true },
    { name: 'store suspense', sql: INSERT_FX_SUSPENSE_SQL, param: 'run_id', stores: true },
  ];
}

/** The full, readable SQL of a run for `icx compile --sql` (store, plan tables, rating). */
export function ratingSqlScript(shape: PlanShape): string {
  const parts: string[] = [
    '-- icx rating SQL (DuckDB). Values are never in this text: plan tables are loaded from one',
    '-- bound JSON parameter each, and $1 below is the run id or the assume-timezone.',
    "SET TimeZone = 'UTC';",
    '',
    '-- ===== store tables =====',
    ...STORE_DDL.map((s) => `${s};\n`),
    '-- ===== plan tables =====',
    ...PLAN_TABLE_DEFS.flatMap((t) => [`${tableDdl(t, true)};`, `${planLoadSql(t)};\n`]),
    ...PLAN_DERIVED_SQL.map((s) => `${s};\n`),
    '-- ===== rating run (after ingest has filled run_raw) =====',
    ...ratingStatements(shape).map((s) => `-- ${s.name}${s.param ? ` ($1 = ${s.param})` : ''}\n${s.sql};\n`),
  ];
  return parts.join('\n');
}
