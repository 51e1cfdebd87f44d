// Their CDR file, read by DuckDB's own readers (CSV, Parquet, JSON, as runtime/ingest reads
// usage) straight into one narrow TEMP table, cdr_theirs, in file order: the record's position
// is the table's rowid. Columns are found by usage field name or by the --map column mapping,
// case-insensitively, as rating's ingest finds them (compiler/sql/ingest-sql.ts rawInsertSql).
// Unlike ingest, the text is not copied first (a 10M-record copy cost as much as all the
// matching): a row that cannot be read fails the command, naming file, line and field.
import { access } from 'node:fs/promises';
import { jsonKeysSql, readFileSql, USAGE_FIELDS, type UsageField } from '../../compiler/sql/index.js';
import { sqlIdent, sqlString } from '../../compiler/sql/sql-string.js';
import { IngestError, RateInputError } from '../errors.js';
import { formatOf } from '../ingest/ingest.js';
import { queryJson, type Store } from '../store/store.js';
import { theirsSql, THEIR_REASON_SQL } from './cdr-sql.js';

/** Fields kept beside the matching keys: what pricing their records may need. */
export const PRICE_FIELDS = ['service', 'kind', 'direction', 'units', 'category', 'bytes'] as const;
const READ_FIELDS: UsageField[] = ['record_id', 'a_number', 'b_number', 'start_time', 'duration_s', ...PRICE_FIELDS];

export interface TheirFile {
  /** line of the record at rowid 0 (CSV: 2, after the header; Parquet and JSON: 1) */
  lineBase: number;
  /** the price fields the file has */
  present: (typeof PRICE_FIELDS)[number][];
}

const firstLine = (e: unknown) => String((e as Error).message ?? e).split('\n')[0]!;

/** Reads the file into cdr_theirs (see cdr-sql.ts theirsSql); refuses rows it cannot match. */
export async function readTheirFile(
  store: Store, file: string, display: string, mapping: Partial<Record<UsageField, string>>, assumeTimezone: string | null,
): Promise<TheirFile> {
  const format = formatOf(file);
  if (!format) throw new RateInputError(`cannot tell the format of ${display}: use .csv, .csv.gz, .parquet or .json`);
  try {
    await access(file);
  } catch {
    throw new IngestError(`cannot read ${display}: no such file or not readable`, file);
  }
  const c = store.connection;
  let rel: string;
  let columns: string[];
  try {
    if (format === 'json') {
      await c.run(readFileSql('cdr_json', 'json', file));
      rel = 'cdr_json';
      columns = (await queryJson(store, jsonKeysSql('cdr_json'))).map((r) => String(r.column_name));
    } else {
      // null_padding: a row with fields beyond the header gives extra columns (column5...) rather
      // than a failed sniff; such a row is refused below, naming its line
      rel = format === 'csv'
        ? `read_csv(${sqlString(file)}, all_varchar = true, header = true, null_padding = true)`
        : `read_parquet(${sqlString(file)})`;
      columns = (await queryJson(store, `SELECT column_name FROM (DESCRIBE SELECT * FROM ${rel})`)).map((r) => String(r.column_name));
    }
  } catch (e) {
    throw new IngestError(`cannot read ${display} as ${format}: ${firstLine(e)}`, file);
  }
  const byLower = new Map(columns.map((col) => [col.toLowerCase(), col]));
  const expr = (f: UsageField): string | null => {
    const col = byLower.get((mapping[f] ?? f).toLowerCase());
    if (col === undefined) return null;
    return format === 'json' ? `__obj ->> ${sqlString(col)}` : `CAST(${sqlIdent(col)} AS VARCHAR)`;
  };
  for (const f of ['b_number', 'start_time'] as const) {
    if (expr(f) === null) {
      const shown = columns.slice(0, 12).join(', ') + (columns.length > 12 ? ', …' : '');
      throw new RateInputError(
        `${display} has no column ${mapping[f] ?? f}${mapping[f] ? ` (mapped to ${f})` : ''}: name it with --map ${f}=COLUMN (its columns: ${shown})`,
      );
    }
  }
  for (const [field, col] of Object.entries(mapping)) {
    if (!(USAGE_FIELDS as readonly string[]).includes(field)) throw new RateInputError(`column mapping: "${field}" is not a usage field (mapped to "${col}")`);
  }
  const present = PRICE_FIELDS.filter((f) => expr(f) !== null);
  const used = new Set(USAGE_FIELDS.map((f) => byLower.get((mapping[f] ?? f).toLowerCase())));
  const extra = format === 'csv' ? columns.filter((col) => !used.has(col) && /^column\d+$/.test(col)) : [];
  const overflow = extra.length ? `nullif(concat_ws(',', ${extra.map((col) => sqlIdent(col)).join(', ')}), '')` : 'NULL::VARCHAR';
  const select = `SELECT ${READ_FIELDS.map((f) => `${expr(f) ?? 'NULL::VARCHAR'} AS ${f}`).join(', ')}, ${overflow} AS overflow FROM ${rel}`;
  try {
    await c.run(theirsSql(select, present), [assumeTimezone]);
    await refuseBadRows(store, select, display, format === 'csv' ? 2 : 1, assumeTimezone);
  } catch (e) {
    if (e instanceof RateInputError) throw e;
    throw new IngestError(`cannot read ${display} as ${format}: ${firstLine(e)}`, file);
  } finally {
    if (format === 'json') await c.run(`DROP TABLE IF EXISTS cdr_json`);
  }
  return { lineBase: format === 'csv' ? 2 : 1, present };
}

/**
 * Their rows that cannot be matched fail the command, naming file, line and field. Only then
 * is the file read a second time, as text, for the message.
 */
async function refuseBadRows(store: Store, select: string, display: string, lineBase: number, assumeTimezone: string | null): Promise<void> {
  const [n] = await queryJson(store, `SELECT count(*) AS n FROM cdr_theirs WHERE bad`);
  const bad = Number(n!.n);
  if (bad === 0) return;
  const c = store.connection;
  await c.run(`CREATE OR REPLACE TEMP TABLE cdr_raw AS ${select}`);
  try {
    const rows = await queryJson(store, THEIR_REASON_SQL, [assumeTimezone]);
    const shown = rows.map((r) => `${display}:${Number(r.pos) + lineBase}: ${String(r.reason)}`).join('\n');
    throw new RateInputError(`${bad} record${bad === 1 ? '' : 's'} of ${display} cannot be reconciled; nothing was written\n${shown}${bad > rows.length ? `\n… (first ${rows.length} shown)` : ''}`);
  } finally {
    await c.run(`DROP TABLE IF EXISTS cdr_raw`);
  }
}
