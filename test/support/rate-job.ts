// Test helper: run `icx rate …` as a user would (icx() of test/cli/run-cli.ts: a child
// process of bin/icx.js) into a fresh temporary folder, and read back what it wrote.
//
//   runRateJob(args: string[], opts?: { db?: string })
//     => Promise<RateJob>
//
// `args` follow `icx rate` (agreements, --usage …, --period …; relative paths are from the
// repository's root); the helper adds `--out <tmp>/out --db <tmp>/icx.duckdb` (or the given
// --db, to run again over the same store). It never throws on a failed run: `code` and
// `stderr` say how it went. Rows come from the Parquet files the run wrote (an absent file
// gives no rows) as DuckDB's JSON objects (every value a string or null): rated and suspense
// by record_id, charges by line_no.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { icx, ROOT } from '../cli/run-cli.js';

/** The repository's root folder. */
export const root = ROOT;

export type Row = Record<string, string>;

export interface RateJob {
  /** the job's temporary folder (holds out/ and, unless given, icx.duckdb) */
  dir: string;
  /** the --out folder */
  out: string;
  /** the --db file */
  db: string;
  stdout: string;
  stderr: string;
  /** the exit status (null when killed) */
  code: number | null;
  rated: Row[];
  suspense: Row[];
  charges: Row[];
}

export async function runRateJob(args: string[], opts: { db?: string } = {}): Promise<RateJob> {
  const dir = mkdtempSync(join(tmpdir(), 'icx-rate-job-'));
  const out = join(dir, 'out');
  const db = opts.db ?? join(dir, 'icx.duckdb');
  const r = icx(['rate', ...args, '--out', out, '--db', db], root);
  const duck = await DuckDBInstance.create(':memory:');
  const con = await duck.connect();
  const read = async (file: string, orderBy: string) =>
    existsSync(join(out, file))
      ? ((await con.runAndReadAll(`SELECT * FROM read_parquet('${join(out, file)}') ORDER BY ${orderBy}`)).getRowObjectsJson() as Row[])
      : [];
  try {
    return {
      dir, out, db, stdout: r.stdout, stderr: r.stderr, code: r.code,
      rated: await read('rated.parquet', 'record_id'),
      suspense: await read('suspense.parquet', 'record_id'),
      charges: await read('charges.parquet', 'line_no'),
    };
  } finally {
    con.closeSync();
    duck.closeSync();
  }
}
