// SQL of period charges (runtime/period/): the aggregates the charge constructs read, and the
// table charges.parquet is written from. Pure text; every value is a bound parameter.

/**
 * Rated usage of one agreement whose local start falls in [$2, $3) (local timestamps
 * 'YYYY-MM-DD 00:00:00'), per service and zone. The store keeps every run: a record rated
 * again (same agreement, service and record id) counts once, in its latest run. $4/$5 narrow
 * to one run and a record-id prefix (agreement tests); NULL = every run, every record.
 * billed_seconds feeds voice minutes, units messages and events.
 */
export const PERIOD_AGGREGATE_SQL = `WITH scoped AS (
  SELECT r.service, r.zone, r.billed_seconds, r.units, r.amount,
         row_number() OVER (PARTITION BY r.service, r.record_id ORDER BY x.started_at DESC, r.run_id DESC, r.seq DESC) AS k
  FROM rated r JOIN rating_runs x ON x.run_id = r.run_id
  WHERE r.agreement_id = $1
    AND r.local_start >= CAST($2 AS TIMESTAMP) AND r.local_start < CAST($3 AS TIMESTAMP)
    AND ($4::VARCHAR IS NULL OR r.run_id = $4::VARCHAR)
    AND ($5::VARCHAR IS NULL OR starts_with(r.record_id, $5::VARCHAR))
)
SELECT service, zone, count(*) AS records,
       CAST(coalesce(sum(billed_seconds), 0) AS VARCHAR) AS billed_seconds,
       CAST(coalesce(sum(units), 0) AS VARCHAR) AS units,
       CAST(coalesce(sum(amount), 0) AS VARCHAR) AS amount
FROM scoped WHERE k = 1
GROUP BY service, zone
ORDER BY service, zone`;

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
