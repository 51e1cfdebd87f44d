// Multi-currency stage of rating: a record whose service is priced in another currency than
// its agreement (plan_fx_services) is first rated exactly as any other, in that currency,
// then converted: settlement = original (unrounded) × rate, rounded ONCE by the service's
// record rounding. The original amount is rounded by the same rule, for display only: the
// settlement amount is never computed from a rounded original (no double rounding).
// The rate is the FX table row dated the record's local start date (`at usage date`) or the
// last day of that calendar month (`at period end`); no such row → suspense `no-fx-rate`.
// All integer arithmetic: amount n60 (nano × 60, BIGINT) × rate (nano, BIGINT) in HUGEINT,
// then one integer division by 60 × 10^9 × 10^(9−d); never DECIMAL division (DOUBLE in DuckDB).
import { USAGE_FIELDS } from './store-schema.js';

const raw = USAGE_FIELDS.map((f) => `w.${f}`).join(', ');
const SOURCE_FILE = `list_extract((SELECT sources FROM rating_runs WHERE run_id = $1), w.src_no)`;

/** One nano-unit rate of 1.0 (an amount already in the settlement currency). */
export const FX_RATE_ONE_N = 1_000_000_000;

/**
 * SQL of an exact rounding: |num| / den rounded to a whole number by `method` ('down' towards
 * zero, 'up' and 'half-up' away from zero, else half-even), sign restored, × mul, as a
 * DECIMAL(18,9) of nano-units. num, den, mul, method are SQL expressions (integers; den > 0).
 */
export function roundedNanoSql(num: string, den: string, mul: string, method: string): string {
  const q = `(abs(${num}) // (${den}))`;
  const r = `(abs(${num}) % (${den}))`;
  return `CAST(CAST((CASE WHEN ${num} < 0 THEN -1 ELSE 1 END) * (${q} + CASE ${method}
      WHEN 'down' THEN 0
      WHEN 'up' THEN CASE WHEN ${r} > 0 THEN 1 ELSE 0 END
      WHEN 'half-up' THEN CASE WHEN 2 * ${r} >= (${den}) THEN 1 ELSE 0 END
      ELSE CASE WHEN 2 * ${r} > (${den}) OR (2 * ${r} = (${den}) AND ${q} % 2 = 1) THEN 1 ELSE 0 END
    END) * (${mul}) AS DECIMAL(18,0)) * 0.000000001 AS DECIMAL(18,9))`;
}

/**
 * Reusable (e.g. for period charges in any currency): the nano rate of 1 `fromSql` in the
 * agreement `agIdxSql`'s currency on local date `dateSql`, by that agreement's fx line and its
 * rule (the date itself, or the last day of its month). 10^9 exactly when `fromSql` is the
 * agreement currency; NULL when no fx line or no row for that date: the caller must send the
 * record to suspense (`no-fx-rate`), never assume 1. Needs the plan tables plan_agreements,
 * plan_fx, plan_fx_rates. Arguments are SQL expressions (column names), never values.
 */
export function fxRateSql(agIdxSql: string, fromSql: string, dateSql: string): string {
  return `(CASE WHEN ${fromSql} = (SELECT pa.currency FROM plan_agreements pa WHERE pa.ag_idx = ${agIdxSql})
      THEN ${FX_RATE_ONE_N}::BIGINT
      ELSE (SELECT fr.rate_n FROM plan_fx pf JOIN plan_fx_rates fr ON fr.fx_idx = pf.fx_idx
            WHERE pf.ag_idx = ${agIdxSql} AND pf.currency = ${fromSql}
              AND fr.day = CASE WHEN pf.period_end THEN last_day(${dateSql}) ELSE ${dateSql} END) END)`;
}

/**
 * Reusable: `amountN` (an exact amount in nano-units, BIGINT, unrounded) × `rateN` (nano
 * rate) rounded to `decimals` (an integer 0..9) by `method`, as DECIMAL(18,9). Exact (HUGEINT).
 */
export function fxConvertSql(amountN: string, rateN: string, decimals: number, method: string): string {
  const mul = 10n ** BigInt(9 - decimals);
  return roundedNanoSql(`(CAST(${amountN} AS HUGEINT) * (${rateN}))`, `CAST(1000000000 AS HUGEINT) * ${mul}`, `${mul}`, method);
}

/**
 * The FX date and rate of every record that is otherwise rated (the rated condition of
 * rate_amount) and whose service is priced in another currency; others have no row here.
 * The date is projected before the join so it is an equality join.
 */
export const RATE_FX_SQL = rateFxSql(true);

/** RATE_FX_SQL; without any fx service in the run, the same (empty) table without reading rate_ctx. */
export function rateFxSql(hasFx: boolean): string {
  return `CREATE OR REPLACE TEMP TABLE rate_fx AS
WITH x AS (
  SELECT c.seq, c.ag_idx, c.svc_idx, c.local_date, fs.fx_idx, fs.currency AS original_currency,
         CASE WHEN pf.period_end THEN last_day(c.local_date) ELSE c.local_date END AS fx_date
  FROM rate_ctx c
  JOIN plan_fx_services fs ON fs.svc_idx = c.svc_idx
  LEFT JOIN plan_fx pf ON pf.fx_idx = fs.fx_idx
  LEFT JOIN rate_split sp ON sp.seq = c.seq
  WHERE ${hasFx ? 'c.reason IS NULL AND NOT coalesce(c.crossing AND (sp.missing_rate OR sp.seq IS NULL), false)' : 'false'}
)
SELECT x.*, r.rate_n
FROM x LEFT JOIN plan_fx_rates r ON r.fx_idx = x.fx_idx AND r.day = x.fx_date`;
}

export const RATE_SETTLED_VIEW_SQL = rateSettledViewSql(true);

/**
 * RATE_SETTLED_VIEW_SQL; a run without any fx service reads rate_amount as before, with the
 * three FX columns NULL (no join: DuckDB keeps an unused LEFT JOIN, a probe per record).
 */
export function rateSettledViewSql(hasFx: boolean): string {
  if (!hasFx) {
    return `CREATE OR REPLACE TEMP VIEW rate_settled AS
SELECT *, NULL::DECIMAL(18,9) AS original_amount, NULL::DECIMAL(18,9) AS fx_rate, NULL::DATE AS fx_date
FROM rate_amount`;
  }
  return `CREATE OR REPLACE TEMP VIEW rate_settled AS
-- a.den = round_den × vol_den: data amounts carry their volume factor's denominator
SELECT a.* EXCLUDE (amount),
  CASE WHEN x.seq IS NULL THEN a.amount
       ELSE ${roundedNanoSql('(CAST(a.capped_n60 AS HUGEINT) * x.rate_n)', 'CAST(a.den AS HUGEINT) * 1000000000', 'a.round_mul', 'a.round_method')}
  END AS amount,
  CASE WHEN x.seq IS NOT NULL THEN a.amount END AS original_amount,
  CASE WHEN x.seq IS NOT NULL THEN CAST(CAST(x.rate_n AS DECIMAL(18,0)) * 0.000000001 AS DECIMAL(18,9)) END AS fx_rate,
  x.fx_date
FROM rate_amount a LEFT JOIN rate_fx x ON x.seq = a.seq
WHERE x.seq IS NULL OR x.rate_n IS NOT NULL`;
}

/** Records that would be rated but have no FX rate for their date: suspense `no-fx-rate`. */
export const INSERT_FX_SUSPENSE_SQL = `INSERT INTO suspense
SELECT $1::VARCHAR, x.seq, ${SOURCE_FILE}, i.source_line, 'no-fx-rate',
  'no ' || x.original_currency || '->' || a.currency || ' rate dated ' || x.fx_date
    || CASE WHEN pf.period_end THEN ' (period end of local date ' || x.local_date || ')' ELSE ' (local date of the start)' END
    || ' in ' || coalesce(pf.table_uri, '(no fx line)') || ' for ' || a.agreement_id || ' service ' || s.service,
  a.agreement_id, ${raw}
FROM rate_fx x
JOIN run_input i ON i.seq = x.seq
JOIN run_raw w ON w.seq = x.seq
JOIN plan_agreements a ON a.ag_idx = x.ag_idx
JOIN plan_services s ON s.svc_idx = x.svc_idx
LEFT JOIN plan_fx pf ON pf.fx_idx = x.fx_idx
WHERE x.rate_n IS NULL`;
