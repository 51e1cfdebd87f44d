// Quoting helpers: the only way a value of ours reaches SQL text. Values taken from
// agreements or usage are never spliced into SQL; they travel as bound parameters.
// These two exist for what cannot be a parameter: file paths handed to the readers
// (read_csv/read_parquet/COPY TO take a literal) and column names from a mapping.

/** A SQL string literal: single quotes doubled, NUL rejected (DuckDB cannot hold it). */
export function sqlString(value: string): string {
  if (value.includes('\u0000')) throw new Error('a SQL string literal cannot contain a NUL character');
  return `'${value.replace(/'/g, "''")}'`;
}

/** A quoted SQL identifier: double quotes doubled. */
export function sqlIdent(name: string): string {
  if (name.includes('\u0000')) throw new Error('a SQL identifier cannot contain a NUL character');
  return `"${name.replace(/"/g, '""')}"`;
}
