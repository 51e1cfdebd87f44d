// Ingest: usage files (CSV, Parquet, JSON) and inline rows → run_raw (a view: copied rows +
// Parquet files read in place), all text, each row
// with its source file and line. DuckDB's own readers do the reading; parsing and
// validation happen afterwards in SQL (PARSE_SQL), so a bad row becomes a suspense row,
// while a file that cannot be read at all fails the run naming the file.
import { access } from 'node:fs/promises';
import path from 'node:path';
import {
  jsonKeysSql, RAW_JSON_INSERT_SQL, rawInsertSql, rawParquetSelectSql, readFileSql, RUN_RAW_DDL, runRawViewSql, USAGE_FIELDS,
  type UsageField, type UsageFormat,
} from '../../compiler/sql/index.js';
import { IngestError, RateInputError } from '../errors.js';
import { queryJson, type Store } from '../store/store.js';

/** A usage record as text (numbers accepted for convenience); every field optional. */
export type UsageRow = Record<UsageField, string>;
export type InlineUsageRow = Partial<Record<UsageField, string | number | null>>;

export interface FileUsageSource {
  path: string;
  /** default: from the extension (.csv/.csv.gz, .parquet, .json/.ndjson/.jsonl) */
  format?: UsageFormat;
  /** usage field → column name in the file, e.g. { record_id: 'call_id' } */
  mapping?: Partial<Record<UsageField, string>>;
}

export interface InlineUsageSource {
  rows: InlineUsageRow[];
  /** reported as the source file of these rows; default "inline" */
  name?: string;
  /** per-row zone for start times without offset (agreement tests); overrides the run's */
  assumeTimezones?: (string | null)[];
}

/**
 * Records already in the store, re-read for a re-rating (runtime/billing/rerate-input.ts): the
 * rows of the TEMP table `rerate_input` (usage columns, source_line, assume_tz) whose
 * source_file is `name`. A record whose id an earlier source of the run already has is skipped:
 * a late file that re-sends a record replaces its stored copy.
 */
export interface StoredUsageSource {
  stored: 'rerate_input';
  /** the original file the rows were read from (the run's source name) */
  name: string;
}

export type UsageSource = FileUsageSource | InlineUsageSource | StoredUsageSource;

export function formatOf(file: string): UsageFormat | null {
  // gzip-compressed CSV: DuckDB's read_csv decompresses .gz by itself
  if (/\.(csv|tsv|txt)\.gz$/i.test(file)) return 'csv';
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  if (ext === '.parquet') return 'parquet';
  if (ext === '.json' || ext === '.ndjson' || ext === '.jsonl') return 'json';
  return null;
}

export function sourceLabel(s: UsageSource): string {
  return 'path' in s ? s.path : 'stored' in s ? s.name : (s.name ?? 'inline');
}

/** Fills run_raw from the sources in order; returns the number of rows read. */
export async function ingestSources(store: Store, sources: UsageSource[]): Promise<number> {
  const c = store.connection;
  await c.run(RUN_RAW_DDL);
  // Parquet sources are read in place: run_raw is a view over the copied rows and them,
  // rebuilt after each source (a stored source looks at the records of the earlier ones)
  const parquet: string[] = [];
  await c.run(runRawViewSql(parquet));
  let seq = 0;
  for (const [i, src] of sources.entries()) {
    if ('path' in src) seq += await ingestFile(store, src, seq, i + 1, parquet);
    else if ('stored' in src) seq += await ingestStored(store, src, seq, i + 1);
    else seq += await ingestInline(store, src, seq, i + 1);
    await c.run(runRawViewSql(parquet));
  }
  return seq;
}

async function ingestFile(store: Store, src: FileUsageSource, offset: number, srcNo: number, parquet: string[]): Promise<number> {
  const format = src.format ?? formatOf(src.path);
  if (!format) throw new RateInputError(`cannot tell the format of ${src.path}: use .csv, .csv.gz, .parquet or .json, or give the format`);
  for (const [field, col] of Object.entries(src.mapping ?? {})) {
    if (!(USAGE_FIELDS as readonly string[]).includes(field)) {
      throw new RateInputError(`column mapping: "${field}" is not a usage field (mapped to "${col}")`);
    }
  }
  try {
    await access(src.path);
  } catch {
    throw new IngestError(`cannot read usage file ${src.path}: no such file or not readable`, src.path);
  }
  const c = store.connection;
  try {
    await c.run(readFileSql('ingest_file', format, src.path));
  } catch (e) {
    throw new IngestError(`cannot read usage file ${src.path} as ${format}: ${firstLine(e)}`, src.path);
  }
  const colsSql = format === 'json' ? jsonKeysSql('ingest_file') : `SELECT column_name FROM (DESCRIBE ingest_file)`;
  const cols = (await queryJson(store, colsSql)).map((r) => String(r.column_name));
  if (format === 'parquet') parquet.push(rawParquetSelectSql({ path: src.path, columns: cols, mapping: src.mapping ?? {} }, offset, srcNo));
  else {
    await c.run(rawInsertSql({ table: 'ingest_file', columns: cols, mapping: src.mapping ?? {}, format }), [
      BigInt(offset), srcNo,
    ]);
  }
  const [n] = await queryJson(store, `SELECT count(*) AS n FROM ingest_file`); // Parquet: from the footer
  await c.run(format === 'parquet' ? `DROP VIEW ingest_file` : `DROP TABLE ingest_file`);
  return Number(n!.n);
}

async function ingestInline(store: Store, src: InlineUsageSource, offset: number, srcNo: number): Promise<number> {
  if (!src.rows.length) return 0;
  const rows = src.rows.map((r, i) => {
    const out: Record<string, string | number | null> = {
      seq: offset + i, src_no: srcNo, source_line: i + 1,
      assume_tz: src.assumeTimezones?.[i] ?? null, overflow: null,
    };
    for (const f of USAGE_FIELDS) {
      const v = r[f];
      out[f] = v === undefined || v === null ? null : String(v);
    }
    return out;
  });
  await store.connection.run(RAW_JSON_INSERT_SQL, [JSON.stringify(rows)]);
  return rows.length;
}

async function ingestStored(store: Store, src: StoredUsageSource, offset: number, srcNo: number): Promise<number> {
  const [before] = await queryJson(store, `SELECT count(*) AS n FROM run_raw`);
  await store.connection.run(
    `INSERT INTO run_raw_rows BY NAME
     SELECT $1 + row_number() OVER (ORDER BY i.source_line, i.orig_run, i.orig_seq) - 1 AS seq, $2::INTEGER AS src_no,
            i.source_line, i.assume_tz, NULL::VARCHAR AS overflow, ${USAGE_FIELDS.map((f) => `i.${f}`).join(', ')}
     FROM rerate_input i
     WHERE NOT i.missing AND i.source_file IS NOT DISTINCT FROM $3
       AND NOT EXISTS (SELECT 1 FROM run_raw w WHERE w.record_id = i.record_id)`,
    [BigInt(offset), srcNo, src.name],
  );
  const [after] = await queryJson(store, `SELECT count(*) AS n FROM run_raw`);
  return Number(after!.n) - Number(before!.n);
}

function firstLine(e: unknown): string {
  return String((e as Error).message ?? e).split('\n')[0]!;
}
