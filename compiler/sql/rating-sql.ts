// The whole rating run as an ordered list of statements, and the readable script of it
// that `icx compile --sql` prints. Bound parameters: $1 is always the run id (or the
// assume-timezone for the parse step); no value is ever spliced into the text.
import { PARSE_SQL } from './ingest-sql.js';
import type { PlanShape } from './plan-layout.js';
import { PLAN_DERIVED_SQL, PLAN_TABLE_DEFS, planLoadSql, tableDdl } from './plan-schema.js';
import { RATE_OUT_SQL, RATE_SPLIT_SQL } from './rating-amount-sql.js';
import { rateCtxSql } from './rating-ctx-sql.js';
import { STORE_DDL, USAGE_FIELDS } from './store-schema.js';

export interface Statement {
  /** what the runtime reports as the phase */
  name: string;
  sql: string;
  /** what $1 is bound to, if anything */
  param?: 'run_id' | 'assume_timezone';
}

const raw = USAGE_FIELDS.map((f) => `raw_${f}`).join(', ');

export const INSERT_USAGE_SQL = `INSERT INTO usage
SELECT $1::VARCHAR, seq, source_file, source_line, ${USAGE_FIELDS.join(', ')} FROM run_raw`;

export const INSERT_RATED_SQL = `INSERT INTO rated
SELECT $1::VARCHAR, o.seq, o.record_id, i.source_file, i.source_line,
       o.agreement_id, o.version, o.plan_hash, o.svc_name, o.svc_kind, o.svc_dir, o.zone, o.band,
       o.rated_clause, o.rated_source, o.start_time, o.local_ts, o.duration_s,
       o.billed, CASE WHEN o.svc_kind = 'sms' THEN o.units END,
       o.amount, o.round_decimals, o.currency, o.trunk, o.a_number, o.b_number
FROM rate_out o JOIN run_input i ON i.seq = o.seq
WHERE o.final_reason IS NULL`;

/** Parse failures and rating failures, with the record's original text and a human detail. */
export const INSERT_SUSPENSE_SQL = `INSERT INTO suspense
SELECT $1::VARCHAR, i.seq, i.source_file, i.source_line, i.reason, i.detail, NULL, ${raw}
FROM run_input i WHERE i.reason IS NOT NULL
UNION ALL
SELECT $1::VARCHAR, i.seq, i.source_file, i.source_line, o.final_reason,
  CASE o.final_reason
    WHEN 'no-agreement' THEN CASE WHEN o.agreement IS NOT NULL
      THEN 'agreement "' || o.agreement || '" is not among the compiled agreements'
      ELSE 'trunk "' || o.trunk || '" is not a trunk of any agreement' END
    WHEN 'no-service' THEN CASE WHEN o.service IS NOT NULL
      THEN o.agreement_id || ' has no service named "' || o.service || '"'
      ELSE o.agreement_id || ' has no ' || o.kind || ' service for direction ' || o.direction END
    WHEN 'outside-validity' THEN 'local date ' || o.local_date || ' (' || o.timezone || ') is outside the validity '
      || o.valid_from || ' .. ' || o.valid_to || ' of ' || o.agreement_id
    WHEN 'missing-field' THEN 'voice record without duration_s'
    WHEN 'no-zone' THEN 'B-number ' || o.b_number || ' matches no prefix of ' || o.agreement_id || ' service ' || o.svc_name
    WHEN 'barred' THEN 'B-number ' || o.b_number || ' is in barred zone ' || o.zone || ' (prefix ' || o.matched_prefix
      || ') of ' || o.agreement_id || ' service ' || o.svc_name
    WHEN 'no-rate' THEN 'no rate line of ' || o.agreement_id || ' service ' || o.svc_name || ' for zone ' || o.zone
      || ' band ' || coalesce(o.reason_band, '(none)') || ' in force on ' || o.local_date
  END,
  o.agreement_id, ${raw}
FROM rate_out o JOIN run_input i ON i.seq = o.seq
WHERE o.final_reason IS NOT NULL`;

/** Statements of one rating run, after run_raw has been filled by ingest. */
export function ratingStatements(shape: PlanShape): Statement[] {
  return [
    { name: 'parse', sql: PARSE_SQL, param: 'assume_timezone' },
    { name: 'resolve', sql: rateCtxSql(shape) },
    { name: 'split', sql: RATE_SPLIT_SQL },
    { name: 'amount', sql: RATE_OUT_SQL },
    { name: 'store usage', sql: INSERT_USAGE_SQL, param: 'run_id' },
    { name: 'store rated', sql: INSERT_RATED_SQL, param: 'run_id' },
    { name: 'store suspense', sql: INSERT_SUSPENSE_SQL, param: 'run_id' },
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
