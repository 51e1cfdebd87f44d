// "A record rated in several runs counts once, in its latest run": the rule invoices
// (runtime/billing/usage-lines.ts) and period charges (period-sql.ts) apply, as CTEs any
// report can append to its own `scoped` CTE. Pure text; no value is spliced in.

/**
 * `, rerated AS (...), latest AS (...)` to follow a CTE named `scoped` that has the columns
 * run_id, started_at (of the run) and the key columns. A key (e.g. agreement_id, service,
 * record_id) seen in one run only is kept as is; a key seen in several runs keeps the rows of
 * the run started last (arg_max over started_at), as usage-lines.ts keeps `keep_run`. Only the
 * re-rated keys are joined back (HAVING min <> max), so a store of single ratings pays one
 * grouping of the keys and no row is dropped or doubled by the join.
 */
export function latestRatedCtes(key: readonly string[]): string {
  for (const k of key) if (!/^[a-z_][a-z0-9_]*$/.test(k)) throw new Error(`latestRatedCtes: bad column name ${k}`);
  const cols = key.join(', ');
  const on = key.map((k) => `k.${k} = s.${k}`).join(' AND ');
  return `, rerated AS (
  SELECT ${cols}, arg_max(run_id, started_at) AS keep_run
  FROM scoped GROUP BY ${cols} HAVING min(run_id) <> max(run_id)
), latest AS (
  SELECT s.* FROM scoped s LEFT JOIN rerated k ON ${on}
  WHERE k.keep_run IS NULL OR s.run_id = k.keep_run
)`;
}
