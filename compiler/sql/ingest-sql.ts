// SQL of ingest: files → run_raw (all text, with source number and line) → run_input
// (typed, or a suspense reason). Nothing is dropped: a row that cannot be parsed keeps
// its text and gets a reason; only a file that cannot be read at all fails the run.
import { sqlIdent, sqlString } from './sql-string.js';
import { USAGE_FIELDS, type UsageField } from './store-schema.js';

export type UsageFormat = 'csv' | 'parquet' | 'json';

/**
 * The rows ingest copies (CSV, JSON, inline and stored sources). The run reads `run_raw`, a
 * view over this table and the Parquet sources read in place (runRawViewSql).
 */
export const RUN_RAW_DDL = `CREATE OR REPLACE TEMP TABLE run_raw_rows (
  seq BIGINT,
  src_no INTEGER,         -- 1-based position of the source in the run's list of sources (its
                          -- name is rating_runs.sources[src_no]: no constant string per row)
  source_line BIGINT,
  assume_tz VARCHAR,      -- per-row default zone for a start time without offset (agreement tests)
  overflow VARCHAR,       -- text of fields beyond the header (CSV): the row is unparsable
${USAGE_FIELDS.map((f) => `  ${f} VARCHAR`).join(',\n')}
)`;

/**
 * Reads one file into a temp table, in file order (insertion order is preserved, so
 * the table's rowid is the record's position in the file).
 * CSV: every field as text (all_varchar) so nothing is lost to type sniffing; short rows
 * are padded with NULL (null_padding, which needs the serial reader); the whole file is
 * sniffed (sample_size=-1) so a row with extra fields anywhere becomes extra columns
 * rather than a read error.
 */
export function readFileSql(table: string, format: UsageFormat, path: string): string {
  const p = sqlString(path);
  switch (format) {
    case 'csv':
      return `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * FROM read_csv(${p}, all_varchar = true, header = true, null_padding = true, parallel = false, sample_size = -1)`;
    case 'parquet':
      // a view, not a copy: Parquet gives each row's position itself (file_row_number), and
      // binding the view reads the footer, so a missing or corrupt file fails here
      return `CREATE OR REPLACE TEMP VIEW ${table} AS SELECT * FROM read_parquet(${p}, file_row_number = true)`;
    case 'json':
      // objects kept as JSON and fields extracted as text: the JSON reader's type sniffing
      // would turn "2026-03-02T10:00:00+01:00" into a TIMESTAMP and lose the offset
      return `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT json AS __obj FROM read_json_objects(${p}, format = 'auto')`;
  }
}

export interface RawInsertOptions {
  table: string;
  /** columns the file actually has, as DESCRIBE reports them (JSON: the objects' keys) */
  columns: string[];
  /** usage field → column name in the file */
  mapping: Partial<Record<UsageField, string>>;
  format: UsageFormat;
}

/**
 * Copies a read file into run_raw. Bound parameters: $1 seq offset, $2 the source's
 * 1-based number.
 * Line numbers: CSV counts the header as line 1 and each record as one line (record n is
 * line n + 1); blank lines are skipped by the reader and not counted, and a quoted field
 * spanning physical lines counts as one. JSON: the record's position (1-based), which is
 * the line in newline-delimited JSON. Parquet: the row's position (1-based).
 */
/** JSON sources: the keys present in any object of the file. */
export function jsonKeysSql(table: string): string {
  return `SELECT DISTINCT unnest(json_keys(__obj)) AS column_name FROM ${table}`;
}

export function rawInsertSql(o: RawInsertOptions): string {
  const { fields, overflow } = rawFields(o);
  const lineBase = o.format === 'csv' ? 2 : 1;
  // rowid is the position in insertion (= file) order, but inside a transaction the rows
  // of a new table are numbered from a large base (2^55): count from the table's first rowid
  return `INSERT INTO run_raw_rows BY NAME
SELECT $1::BIGINT + pos AS seq, $2::INTEGER AS src_no, pos + ${lineBase} AS source_line,
       NULL::VARCHAR AS assume_tz, nullif(${overflow}, '') AS overflow,
       ${fields.join(',\n       ')}
FROM (SELECT ${o.format === 'parquet' ? 'file_row_number' : `rowid - (SELECT min(rowid) FROM ${o.table})`} AS pos, * FROM ${o.table})`;
}

/** Each usage field as text from the file's columns, and the CSV overflow expression. */
function rawFields(o: Omit<RawInsertOptions, 'table'>): { fields: string[]; overflow: string } {
  const cols = o.format === 'parquet' ? o.columns.filter((c) => c !== 'file_row_number') : o.columns;
  const byLower = new Map(cols.map((c) => [c.toLowerCase(), c]));
  const used = new Set<string>();
  const fields = USAGE_FIELDS.map((f) => {
    const col = byLower.get((o.mapping[f] ?? f).toLowerCase());
    if (col === undefined) return `NULL::VARCHAR AS ${f}`;
    used.add(col);
    if (o.format === 'json') return `__obj ->> ${sqlString(col)} AS ${f}`;
    return `CAST(${sqlIdent(col)} AS VARCHAR) AS ${f}`;
  });
  // CSV: columns the sniffer had to invent (column3, ...) hold fields beyond the header
  const extra = o.format === 'csv' ? cols.filter((c) => !used.has(c) && /^column\d+$/.test(c)) : [];
  const overflow = extra.length ? `concat_ws(',', ${extra.map((c) => sqlIdent(c)).join(', ')})` : 'NULL::VARCHAR';
  return { fields, overflow };
}

/** run_raw's columns, in the order of RUN_RAW_DDL (the view's branches list them alike). */
const RAW_COLUMNS = ['seq', 'src_no', 'source_line', 'assume_tz', 'overflow', ...USAGE_FIELDS];

/**
 * A Parquet source as rows of run_raw, read in place: copying it into a table cost 0.6 CPU-s
 * per million records (as much as parsing them) and held the whole input in memory; reading
 * the file again where the run needs raw text (parse, suspense) cost no more than the table.
 * A view takes no parameters: the offset and source number are integers of ours, the path a
 * quoted literal (sqlString).
 */
export function rawParquetSelectSql(o: { path: string; columns: string[]; mapping: Partial<Record<UsageField, string>> }, offset: number, srcNo: number): string {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(srcNo)) throw new Error('offset and source number must be integers');
  const { fields } = rawFields({ columns: o.columns, mapping: o.mapping, format: 'parquet' });
  return `SELECT ${offset}::BIGINT + file_row_number AS seq, ${srcNo}::INTEGER AS src_no, file_row_number + 1 AS source_line,
       NULL::VARCHAR AS assume_tz, NULL::VARCHAR AS overflow,
       ${fields.join(',\n       ')}
FROM read_parquet(${sqlString(o.path)}, file_row_number = true)`;
}

/** run_raw: the copied rows, then each Parquet source in place (selects of rawParquetSelectSql). */
export function runRawViewSql(parquetSelects: readonly string[]): string {
  return `CREATE OR REPLACE TEMP VIEW run_raw AS
SELECT ${RAW_COLUMNS.join(', ')} FROM run_raw_rows${parquetSelects.map((q) => `\nUNION ALL\n${q}`).join('')}`;
}

/** Load inline rows (tests, agreement tests): $1 = JSON array of run_raw rows. */
export const RAW_JSON_INSERT_SQL = `INSERT INTO run_raw_rows BY NAME SELECT unnest(from_json($1::JSON, '${JSON.stringify([
  Object.fromEntries([
    ['seq', 'BIGINT'], ['src_no', 'INTEGER'], ['source_line', 'BIGINT'], ['assume_tz', 'VARCHAR'], ['overflow', 'VARCHAR'],
    ...USAGE_FIELDS.map((f) => [f, 'VARCHAR']),
  ]),
])}'), recursive := true)`;

/**
 * trim(x) strips Unicode space separators (' ', U+00A0, U+3000...) and was measured at 3×
 * the cost of copying the column; it only runs where it can change something: a leading or
 * trailing ' ' or any non-ASCII byte (strlen counts bytes, length characters).
 */
function trimmed(col: string): string {
  return `CASE WHEN starts_with(${col}, ' ') OR ends_with(${col}, ' ') OR strlen(${col}) <> length(${col}) THEN trim(${col}) ELSE ${col} END`;
}

const OFFSET_RE = `[T ][0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?\\s*([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)$`;

/**
 * run_raw → run_input: text trimmed (empty = absent), numbers without a leading '+',
 * start time to an instant, duration to whole seconds (ceil), and the first parse
 * failure as the suspense reason. $1 = the run's assume-timezone (NULL = none).
 */
export const PARSE_SQL = `CREATE OR REPLACE TEMP TABLE run_input AS
WITH t AS (
  SELECT seq, src_no, source_line, assume_tz, overflow,
${USAGE_FIELDS.map((f) => `         nullif(${trimmed(f)}, '') AS f_${f}`).join(',\n')}
  FROM run_raw
),
-- a record id read again in the same run (the same file or a later one): the first reading
-- (lowest seq) is the record, the others are duplicates, never billed twice. Ids are counted
-- by a hash aggregate, and only repeated ones are looked at again (a window over every id
-- doubled the cost of parsing)
repeated AS (SELECT f_record_id FROM t WHERE f_record_id IS NOT NULL GROUP BY f_record_id HAVING count(*) > 1),
dup AS (
  SELECT f_record_id AS dup_id, min(seq) AS first_seq, arg_min(source_line, seq) AS first_line, arg_min(src_no, seq) AS first_src
  FROM t SEMI JOIN repeated USING (f_record_id)
  GROUP BY f_record_id
), p AS (
  SELECT t.*, dup.first_seq, dup.first_line, dup.first_src,
         lower(f_kind) AS kind_l,
         lower(f_direction) AS dir_l,
         regexp_replace(f_b_number, '^\\+', '') AS b_digits,
         regexp_replace(f_a_number, '^\\+', '') AS a_digits,
         regexp_matches(f_start_time, '${OFFSET_RE}') AS has_offset,
         coalesce(assume_tz, $1::VARCHAR) AS zone_default,
         -- duration: plain decimal text only (no exponent, no '_'). Whole seconds exactly as on
         -- the text: integer part + 1 if any non-zero digit follows the point. With at most 6
         -- fraction digits ceil() of the DECIMAL(18,6) value (stored as duration_s) is exact;
         -- only longer fractions, which that cast rounds, take the string path (measured: the
         -- string path for every record cost 4x the cast, the length test almost nothing)
         regexp_full_match(f_duration_s, '[0-9]+(\\.[0-9]+)?') AS dur_ok,
         TRY_CAST(f_duration_s AS DECIMAL(18,6)) AS dur_dec,
         CASE WHEN strpos(f_duration_s, '.') > 0 AND strlen(f_duration_s) - strpos(f_duration_s, '.') > 6
              THEN TRY_CAST(split_part(f_duration_s, '.', 1) AS BIGINT)
                   + CASE WHEN rtrim(split_part(f_duration_s, '.', 2), '0') <> '' THEN 1 ELSE 0 END
              ELSE CAST(ceil(dur_dec) AS BIGINT) END AS dur_ceil,
         -- units: a positive integer in plain digits (2.5, 1e2, 0, -1 are malformed)
         CASE WHEN regexp_full_match(f_units, '[0-9]+') THEN TRY_CAST(f_units AS BIGINT) END AS units_i,
         -- bytes (data volume): a non-negative integer in plain digits; 0 is a valid (empty) session
         CASE WHEN regexp_full_match(f_bytes, '[0-9]+') THEN TRY_CAST(f_bytes AS BIGINT) END AS bytes_i
  FROM t LEFT JOIN dup ON dup.dup_id = t.f_record_id
), q AS (
  SELECT p.*,
         CASE WHEN has_offset THEN TRY_CAST(f_start_time AS TIMESTAMPTZ) END AS start_off,
         CASE WHEN NOT has_offset THEN TRY_CAST(f_start_time AS TIMESTAMP) END AS start_naive
  FROM p
), r AS (
  SELECT q.*,
    CASE
      WHEN overflow IS NOT NULL THEN 'unparsable-row'
      WHEN f_record_id IS NULL OR f_start_time IS NULL
        -- data and event records have no B-number (a pre-assigned service's kind is checked at rating)
        OR (f_b_number IS NULL AND (kind_l IS NULL OR kind_l NOT IN ('data', 'event', 'iot', 'subscription')) AND f_service IS NULL)
        OR (f_b_number IS NULL AND kind_l IN ('voice', 'sms'))
        OR (kind_l = 'data' AND f_bytes IS NULL)
        OR (f_trunk IS NULL AND f_agreement IS NULL AND f_partner IS NULL)
        OR (f_kind IS NULL AND f_service IS NULL)
        OR (f_direction IS NULL AND f_service IS NULL)
        OR (kind_l = 'voice' AND f_duration_s IS NULL) THEN 'missing-field'
      WHEN seq > first_seq THEN 'duplicate-record'
      WHEN has_offset AND start_off IS NULL THEN 'malformed-start'
      WHEN NOT has_offset AND start_naive IS NULL THEN 'malformed-start'
      WHEN NOT has_offset AND zone_default IS NULL THEN 'missing-offset'
      WHEN starts_with(f_duration_s, '-') AND regexp_full_match(f_duration_s, '-[0-9]+(\\.[0-9]+)?') THEN 'negative-duration'
      WHEN f_duration_s IS NOT NULL AND (NOT dur_ok OR dur_dec IS NULL OR dur_ceil IS NULL) THEN 'malformed-duration'
      -- longer than a day: a broken switch clock or a stuck record, not a call to bill
      WHEN dur_ceil > 86400 THEN 'implausible-duration'
      WHEN NOT regexp_full_match(b_digits, '[0-9]{1,18}') THEN 'malformed-number'
      -- a non-numeric A-number ("anonymous", "restricted": a withheld CLI) is kept as written and
      -- rated as a call without CLI (outside every origin zone), not suspended
      WHEN f_units IS NOT NULL AND (units_i IS NULL OR units_i < 1) THEN 'malformed-units'
      WHEN f_bytes IS NOT NULL AND bytes_i IS NULL THEN 'malformed-bytes'
      WHEN kind_l IS NOT NULL AND kind_l NOT IN ('voice', 'sms', 'data', 'event', 'iot', 'subscription') THEN 'unknown-kind'
      WHEN dir_l IS NOT NULL AND dir_l NOT IN ('out', 'in') THEN 'unknown-direction'
    END AS reason
  FROM q
)
-- no source_file: a constant string per row costs as much to materialise as a real column;
-- src_no identifies the source; its name is rating_runs.sources[src_no]
SELECT seq, src_no, source_line, reason,
       CASE reason
         WHEN 'unparsable-row' THEN 'fields beyond the header: ' || overflow
         WHEN 'missing-field' THEN 'required field(s) missing: ' || concat_ws(', ',
             CASE WHEN f_record_id IS NULL THEN 'record_id' END,
             CASE WHEN f_b_number IS NULL AND (kind_l IN ('voice', 'sms')
                    OR ((kind_l IS NULL OR kind_l NOT IN ('data', 'event', 'iot', 'subscription')) AND f_service IS NULL)) THEN 'b_number' END,
             CASE WHEN f_start_time IS NULL THEN 'start_time' END,
             CASE WHEN f_trunk IS NULL AND f_agreement IS NULL AND f_partner IS NULL THEN 'trunk (or partner)' END,
             CASE WHEN f_kind IS NULL AND f_service IS NULL THEN 'kind' END,
             CASE WHEN f_direction IS NULL AND f_service IS NULL THEN 'direction' END,
             CASE WHEN kind_l = 'voice' AND f_duration_s IS NULL THEN 'duration_s' END,
             CASE WHEN kind_l = 'data' AND f_bytes IS NULL THEN 'bytes' END)
         WHEN 'malformed-start' THEN 'start_time "' || f_start_time || '" is not an ISO 8601 date-time'
         WHEN 'missing-offset' THEN 'start_time "' || f_start_time || '" has no UTC offset and no --assume-timezone was given'
         WHEN 'malformed-duration' THEN 'duration_s "' || f_duration_s || '" is not a plain decimal number of seconds (digits, optionally a point and digits)'
         WHEN 'negative-duration' THEN 'duration_s ' || f_duration_s || ' is negative'
         WHEN 'implausible-duration' THEN 'duration_s ' || f_duration_s || ' is longer than a day (86400 s)'
         WHEN 'duplicate-record' THEN 'record_id "' || f_record_id || '" was already read at line ' || first_line
              || CASE WHEN first_src <> src_no THEN ' of usage source #' || first_src ELSE '' END || ' of this run'
         WHEN 'malformed-number' THEN 'b_number must be digits (a leading + is allowed), at most 18'
         WHEN 'malformed-units' THEN 'units "' || f_units || '" is not a positive integer'
         WHEN 'malformed-bytes' THEN 'bytes "' || f_bytes || '" is not a non-negative whole number of bytes'
         WHEN 'unknown-kind' THEN 'kind "' || f_kind || '" is not one of voice, sms, data, event'
         WHEN 'unknown-direction' THEN 'direction "' || f_direction || '" is neither out nor in'
       END AS detail,
       f_record_id AS record_id, f_trunk AS trunk, dir_l AS direction, kind_l AS kind,
       a_digits AS a_number, b_digits AS b_number,
       CASE WHEN reason IS NULL THEN TRY_CAST(b_digits AS BIGINT) END AS b_int,
       length(b_digits) AS b_len,
       CASE WHEN reason IS NOT NULL THEN NULL
            WHEN has_offset THEN start_off
            ELSE timezone(zone_default, start_naive) END AS start_time,
       dur_dec AS duration_s,
       CASE WHEN reason IS NULL THEN dur_ceil END AS dur,
       coalesce(units_i, 1) AS units,
       f_agreement AS agreement, f_service AS service,
       f_partner AS partner, bytes_i AS bytes, lower(f_category) AS category
FROM r`;
