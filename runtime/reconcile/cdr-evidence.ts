// Evidence files of a CDR reconciliation: one CSV per category of difference, the records
// behind its lines, written by DuckDB's COPY straight from cdr_priced (a category can hold
// millions of records). Every category's file is written, empty ones as a header only, so a
// folder re-used for a later reconciliation never keeps a stale file.
import path from 'node:path';
import { sqlString } from '../../compiler/sql/sql-string.js';
import type { Store } from '../store/store.js';
import { EVIDENCE_FILE } from './cdr-lines.js';
import { usInstant, usText } from './cdr-sql.js';

const text = (x: string) => `CASE WHEN ${x} IS NULL THEN NULL ELSE rtrim(rtrim(CAST(${x} AS VARCHAR), '0'), '.') END`;

const COLUMNS = `category, line AS their_line, their_record_id, our_record_id, a AS a_number, b AS b_number,
  ${usInstant('their_t_us')} AS their_start, ${usInstant('our_t_us')} AS our_start,
  ${usText('their_d_us')} AS their_duration_s, ${usText('our_d_us')} AS our_duration_s,
  coalesce(service, p_service) AS service, coalesce(zone, p_zone) AS zone, coalesce(band, p_band) AS band,
  coalesce(p_billed_seconds, p_units) AS their_billed, coalesce(our_billed_seconds, our_units) AS our_billed,
  ${text('their_amount')} AS their_amount, ${text('our_amount')} AS our_amount,
  ${text(`CASE category WHEN 'unmatched-ours' THEN -our_amount WHEN 'duration' THEN their_amount - our_amount ELSE their_amount END`)} AS difference,
  CASE WHEN p_reason IS NOT NULL THEN p_reason || ': ' || p_detail END AS not_priced`;

/** Writes the evidence CSVs into `dir` (a temporary folder of the caller); returns their names. */
export async function writeEvidence(store: Store, dir: string): Promise<string[]> {
  const names: string[] = [];
  for (const [category, name] of Object.entries(EVIDENCE_FILE)) {
    const file = path.join(dir, name!);
    await store.connection.run(
      `COPY (SELECT ${COLUMNS} FROM cdr_priced WHERE category = ${sqlString(category)} ORDER BY line NULLS LAST, our_record_id, service)
       TO ${sqlString(file)} (FORMAT csv, HEADER true)`,
    );
    names.push(name!);
  }
  return names;
}
