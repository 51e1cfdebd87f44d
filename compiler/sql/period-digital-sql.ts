// SQL of the digital-partner period inputs and aggregates (runtime/period/digital-*.ts):
// the retail revenue file and the KPI file are read with DuckDB's CSV reader, all text, then
// validated here so a bad line is reported with its file, line and field. Pure text; values
// are bound parameters, paths go through sqlString (readFileSql).
import { readFileSql } from './ingest-sql.js';

export const RETAIL_COLUMNS = ['record_id', 'agreement', 'service', 'subscriber', 'date', 'gross', 'taxes', 'refunds', 'currency'] as const;
export const RETAIL_REQUIRED = ['record_id', 'service', 'subscriber', 'date', 'gross', 'taxes', 'refunds', 'currency'] as const;
export const KPI_COLUMNS = ['agreement', 'service', 'period', 'kpi', 'value'] as const;

/** One CSV file, read as usage CSV is: every field text, file order kept (rowid), fields beyond the header become columnN. */
export function readInputCsvSql(table: string, path: string): string {
  return readFileSql(table, 'csv', path);
}

/** A money amount in a retail line: plain decimal, not negative, at most 9 decimals. */
const AMOUNT_RE = `[0-9]+(\\.[0-9]{1,9})?`;

function col(c: string, present: ReadonlySet<string>): string {
  return present.has(c) ? `nullif(trim("${c}"), '')` : 'NULL::VARCHAR';
}

/**
 * Validated retail lines of one file: every row with its line (header = line 1) and the first
 * problem found on it (field, message), NULL when the row is good. `present` = the columns the
 * file has (lower case); `extra` = the reader's columnN for fields beyond the header.
 */
export function retailCheckSql(table: string, present: ReadonlySet<string>, extra: string[]): string {
  const c = (name: string) => col(name, present);
  const overflow = extra.length ? `concat_ws(',', ${extra.map((e) => `"${e}"`).join(', ')})` : 'NULL::VARCHAR';
  // the checks read the text columns of r (the typed columns of the result reuse the names)
  const amount = (f: string) =>
    `WHEN ${f}_text IS NULL THEN '${f}' || chr(0) || 'missing'
        WHEN NOT regexp_full_match(${f}_text, '${AMOUNT_RE}') THEN '${f}' || chr(0) || '"' || ${f}_text || '" is not an amount (digits, optionally a point and at most 9 decimals, not negative)'`;
  return `CREATE OR REPLACE TEMP TABLE ${table}_checked AS
WITH r AS (
  SELECT rowid - (SELECT min(rowid) FROM ${table}) + 2 AS line,
         ${c('record_id')} AS record_id, ${c('agreement')} AS agreement, ${c('service')} AS service,
         ${c('subscriber')} AS subscriber, ${c('date')} AS date_text, ${c('gross')} AS gross_text,
         ${c('taxes')} AS taxes_text, ${c('refunds')} AS refunds_text, upper(${c('currency')}) AS currency,
         nullif(${overflow}, '') AS overflow
  FROM ${table}
), d AS (
  SELECT r.*, count(*) OVER (PARTITION BY record_id) AS copies, min(line) OVER (PARTITION BY record_id) AS first_line FROM r
)
SELECT line, record_id, agreement, service, subscriber, currency,
       TRY_CAST(date_text AS DATE) AS date,
       TRY_CAST(gross_text AS DECIMAL(38,9)) AS gross, TRY_CAST(taxes_text AS DECIMAL(38,9)) AS taxes,
       TRY_CAST(refunds_text AS DECIMAL(38,9)) AS refunds,
       CASE
        WHEN overflow IS NOT NULL THEN '(row)' || chr(0) || 'fields beyond the header: ' || overflow
        WHEN record_id IS NULL THEN 'record_id' || chr(0) || 'missing'
        WHEN copies > 1 AND line > first_line THEN 'record_id' || chr(0) || '"' || record_id || '" already on line ' || first_line
        WHEN service IS NULL THEN 'service' || chr(0) || 'missing'
        WHEN subscriber IS NULL THEN 'subscriber' || chr(0) || 'missing'
        WHEN date_text IS NULL THEN 'date' || chr(0) || 'missing'
        WHEN NOT regexp_full_match(date_text, '[0-9]{4}-[0-9]{2}-[0-9]{2}') OR TRY_CAST(date_text AS DATE) IS NULL
          THEN 'date' || chr(0) || '"' || date_text || '" is not a local date YYYY-MM-DD'
        ${amount('gross')}
        ${amount('taxes')}
        ${amount('refunds')}
        WHEN currency IS NULL THEN 'currency' || chr(0) || 'missing'
        WHEN NOT regexp_full_match(currency, '[A-Z]{3}') THEN 'currency' || chr(0) || '"' || currency || '" is not an ISO 4217 code'
       END AS problem
FROM d`;
}

/**
 * A revenue share of one service in a month, over the table, not per subscriber in JavaScript:
 * per subscriber net = Σ (gross − taxes − refunds) of its retail lines in local dates [$3, $4);
 * then Σ net, the subscribers, and with a floor ($6, per subscriber; NULL = none) at the rate
 * $5 (the percentage ÷ 100, exact decimal text), the subscribers whose share rate × net falls
 * below it and Σ (floor − rate × net) over them. Exact DECIMAL throughout.
 */
export const REVENUE_SHARE_SQL = `WITH per AS (
  SELECT sum(gross - taxes - refunds) AS net FROM period_retail
  WHERE agreement_id = $1 AND service = $2 AND date >= CAST($3 AS DATE) AND date < CAST($4 AS DATE)
  GROUP BY subscriber
), shared AS (
  SELECT net, net * CAST($5 AS DECIMAL(38,18)) AS share, CAST($6 AS DECIMAL(38,18)) AS floor FROM per
)
SELECT count(*) AS subscribers, CAST(coalesce(sum(net), 0) AS VARCHAR) AS net,
       count(*) FILTER (WHERE share < floor) AS raised,
       CAST(coalesce(sum(floor - share) FILTER (WHERE share < floor), 0) AS VARCHAR) AS floor_top_up
FROM shared`;

/**
 * Rated records of one agreement in a month of local starts [$2, $3), as digital usage: the
 * record's subscriber (device) and bytes come from rated_digital (every run keeps them for its
 * rated iot, event and subscription records). Suspended records are not here: not active usage.
 * A record rated again counts once, in its latest run (as the period aggregates). $4 narrows
 * to one run and $5 to a record-id prefix (agreement tests); NULL = every run, every record.
 */
function digitalUsage(): string {
  return `SELECT r.service, u.subscriber, u.bytes AS bytes_text,
         row_number() OVER (PARTITION BY r.service, r.record_id ORDER BY x.started_at DESC, r.run_id DESC, r.seq DESC) AS k
  FROM rated r
  JOIN rating_runs x ON x.run_id = r.run_id
  JOIN rated_digital u ON u.run_id = r.run_id AND u.seq = r.seq
  WHERE r.agreement_id = $1
    AND r.local_start >= CAST($2 AS TIMESTAMP) AND r.local_start < CAST($3 AS TIMESTAMP)
    AND ($4::VARCHAR IS NULL OR r.run_id = $4::VARCHAR)
    AND ($5::VARCHAR IS NULL OR starts_with(r.record_id, $5::VARCHAR))`;
}

/**
 * Per service: records, distinct active subscribers (devices), bytes summed exactly, and the
 * records that cannot be counted (no subscriber, or bytes that are not a whole number).
 */
export const DIGITAL_USAGE_SQL = `WITH scoped AS (${digitalUsage()})
SELECT service, count(*) AS records, count(DISTINCT subscriber) AS subscribers,
       CAST(coalesce(sum(TRY_CAST(bytes_text AS HUGEINT)), 0) AS VARCHAR) AS bytes,
       count(*) FILTER (WHERE subscriber IS NULL) AS without_subscriber,
       count(*) FILTER (WHERE bytes_text IS NOT NULL AND NOT regexp_full_match(bytes_text, '[0-9]+')) AS bad_bytes
FROM scoped WHERE k = 1
GROUP BY service ORDER BY service`;

/**
 * Commission on first-month retail: the subscribers activated (an event record) in the month
 * of $2..$3 for service $6, and their net retail of that service in the same month (local
 * dates [$7, $8)) from period_retail. Σ net, and how many activated subscribers had retail.
 */
export const COMMISSION_RETAIL_SQL = `WITH act AS (
  SELECT DISTINCT subscriber FROM (${digitalUsage()}) s WHERE k = 1 AND service = $6 AND subscriber IS NOT NULL
), net AS (
  SELECT subscriber, sum(gross - taxes - refunds) AS net FROM period_retail
  WHERE agreement_id = $1 AND service = $6 AND date >= CAST($7 AS DATE) AND date < CAST($8 AS DATE)
  GROUP BY subscriber
)
SELECT (SELECT count(*) FROM act) AS activated, count(net.subscriber) AS with_retail,
       CAST(coalesce(sum(net.net), 0) AS VARCHAR) AS net
FROM act LEFT JOIN net ON net.subscriber = act.subscriber`;

/**
 * Active subscribers of a subscription service in the month: distinct subscribers with a
 * rated usage record ($2..$3 local starts) or a retail line (local dates [$7, $8)) of service $6.
 */
export const ACTIVE_SUBSCRIBERS_SQL = `SELECT count(DISTINCT subscriber) AS subscribers FROM (
  SELECT subscriber FROM (${digitalUsage()}) s WHERE k = 1 AND service = $6 AND subscriber IS NOT NULL
  UNION ALL
  SELECT subscriber FROM period_retail
  WHERE agreement_id = $1 AND service = $6 AND date >= CAST($7 AS DATE) AND date < CAST($8 AS DATE)
)`;
