// SQL of period charges (runtime/period/): the aggregates the charge constructs read, and the
// table charges.parquet is written from. Pure text; every value is a bound parameter.

const SCOPE = `FROM rated_rows r
  JOIN rated_dims d ON d.run_id = r.run_id AND d.dim = r.dim
  WHERE d.agreement_id = $1
    AND r.local_start >= CAST($2 AS TIMESTAMP) AND r.local_start < CAST($3 AS TIMESTAMP)
    AND ($4::VARCHAR IS NULL OR r.run_id = $4::VARCHAR)
    AND ($5::VARCHAR IS NULL OR starts_with(r.record_id, $5::VARCHAR))`;

/**
 * The runs holding rated usage of one agreement whose local start falls in [$2, $3) (local
 * timestamps 'YYYY-MM-DD 00:00:00'); $4/$5 narrow to one run and a record-id prefix (agreement
 * tests), NULL = every run, every record. One run → no re-rated records to set aside.
 */
export const PERIOD_RUNS_SQL = `SELECT count(DISTINCT r.run_id) AS runs ${SCOPE}`;

/**
 * The same usage per service, zone and local month (one query serves a month, its quarter and
 * its year). With `dedupe`, a record rated again (same service and record id in several runs)
 * counts once, in its latest run: a grouping of the record ids (about 0.7 s per million rows,
 * measured), so it runs only when the scope spans several runs. billed_seconds feeds voice
 * minutes; units messages and events.
 */
export function periodAggregateSql(dedupe: boolean): string {
  const keep = dedupe
    ? `, rerated AS (
  SELECT service, record_id, arg_max(run_id, started_at) AS keep_run
  FROM scoped GROUP BY service, record_id HAVING min(run_id) <> max(run_id)
)`
    : '';
  return `WITH scoped AS (
  SELECT r.run_id, r.record_id, d.service, d.zone, r.local_start, r.billed_seconds, r.units, r.amount${dedupe ? ', x.started_at' : ''}
  ${SCOPE.replace('WHERE', dedupe ? 'JOIN rating_runs x ON x.run_id = r.run_id\n  WHERE' : 'WHERE')}
)${keep}
SELECT s.service, s.zone, strftime(s.local_start, '%Y-%m') AS month, count(*) AS records,
       CAST(coalesce(sum(s.billed_seconds), 0) AS VARCHAR) AS billed_seconds,
       CAST(coalesce(sum(s.units), 0) AS VARCHAR) AS units,
       CAST(coalesce(sum(s.amount), 0) AS VARCHAR) AS amount
FROM scoped s${dedupe ? `
LEFT JOIN rerated x ON x.service = s.service AND x.record_id = s.record_id
WHERE x.record_id IS NULL OR s.run_id = x.keep_run` : ''}
GROUP BY ALL
ORDER BY ALL`;
}

/** Columns of charges.parquet, in order (docs/internal-contracts.md "Period charges"). */
export const CHARGE_COLUMNS: [string, string][] = [
  ['line_no', 'INTEGER'],
  ['agreement_id', 'VARCHAR'],
  ['agreement_version', 'INTEGER'],
  ['plan_hash', 'VARCHAR'],
  ['service', 'VARCHAR'],
  ['direction', 'VARCHAR'],
  ['construct', 'VARCHAR'],
  ['subject', 'VARCHAR'],
  ['clause_source', 'VARCHAR'],
  ['period_start', 'DATE'],
  ['period_end', 'DATE'],
  ['tier', 'INTEGER'],
  ['tier_from', 'DECIMAL(38,9)'],
  ['tier_to', 'DECIMAL(38,9)'],
  ['basis_quantity', 'DECIMAL(38,9)'],
  ['basis_unit', 'VARCHAR'],
  ['basis_amount', 'DECIMAL(38,9)'],
  ['percent', 'DECIMAL(38,9)'],
  ['price', 'DECIMAL(38,9)'],
  ['amount', 'DECIMAL(38,9)'],
  ['currency', 'VARCHAR'],
  ['explanation', 'VARCHAR'],
];

/** A scratch table for one run's charge lines (TEMP: private to the connection). */
export function chargesTableDdl(table: string): string {
  return `CREATE OR REPLACE TEMP TABLE ${table} (\n${CHARGE_COLUMNS.map(([c, t]) => `  ${c} ${t}`).join(',\n')}\n)`;
}

/** One row; values bound as text and cast by the column types. */
export function chargeInsertSql(table: string): string {
  return `INSERT INTO ${table} VALUES (${CHARGE_COLUMNS.map(([, t], i) => `CAST($${i + 1} AS ${t})`).join(', ')})`;
}
