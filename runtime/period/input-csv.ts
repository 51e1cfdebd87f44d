// The steps the period input files (`--retail`, `--kpi`) share: read a CSV with DuckDB's
// reader (all text) into a TEMP table, check its required columns (matched case-insensitively),
// and report bad lines as `file:line: field: message`. What each file means is checked by its
// own loader (retail-input.ts, kpi-input.ts).
import { access } from 'node:fs/promises';
import { readInputCsvSql } from '../../compiler/sql/period-digital-sql.js';
import { RateInputError } from '../errors.js';
import { queryJson, type Store } from '../store/store.js';

export interface InputCsv {
  /** the TEMP table holding the file */
  table: string;
  /** its columns as the header names them */
  columns: string[];
  /** lower-cased column name → the column as named */
  byLower: Map<string, string>;
  /** columns DuckDB made up for fields beyond the header (column05, …) */
  extra: string[];
}

/**
 * Reads `file` into TEMP table `table`, checks that it has every `required` column, calls
 * `use`, and drops the table whatever happens. `what` names the file in messages ("retail",
 * "KPI"); `listing` is the columns a missing one is told among.
 */
export async function withInputCsv<T>(
  store: Store,
  input: { file: string; what: string; table: string; required: readonly string[]; listing: string },
  use: (csv: InputCsv) => Promise<T>,
): Promise<T> {
  const { file, what, table } = input;
  try {
    await access(file);
  } catch {
    throw new RateInputError(`cannot read ${what} file ${file}: no such file or not readable`);
  }
  const c = store.connection;
  try {
    await c.run(readInputCsvSql(table, file));
  } catch (e) {
    throw new RateInputError(`cannot read ${what} file ${file} as CSV: ${String((e as Error).message).split('\n')[0]}`);
  }
  try {
    const columns = (await queryJson(store, `SELECT column_name FROM (DESCRIBE ${table})`)).map((r) => String(r.column_name));
    const byLower = new Map(columns.map((x) => [x.toLowerCase(), x]));
    const missing = input.required.filter((x) => !byLower.has(x));
    if (missing.length) throw new RateInputError(`${file}:1: the ${what} file has no column ${missing.join(', ')} (columns: ${input.listing})`);
    return await use({ table, columns, byLower, extra: columns.filter((x) => /^column\d+$/.test(x)) });
  } finally {
    await c.run(`DROP TABLE IF EXISTS ${table}`);
  }
}

export interface InputProblem {
  line: unknown;
  field: string;
  message: string;
}

/** `bad <what> file:` and a line `file:line: field: message` a problem; `total` more than listed adds "(and N more …)". */
export function badInputFile(what: string, file: string, problems: readonly InputProblem[], total = problems.length): RateInputError {
  const lines = problems.map((p) => `${file}:${p.line}: ${p.field}: ${p.message}`);
  const more = total > problems.length ? `\n(and ${total - problems.length} more problem line(s))` : '';
  return new RateInputError(`bad ${what} file:\n${lines.join('\n')}${more}`);
}
