// What a re-rating rates again: the stored input of every record the period's bill counts now
// (per agreement in scope, whose local start falls in the period; each record in its latest
// rating run, the rule of usage-lines.ts), put in the connection's TEMP table `rerate_input`
// for ingest (StoredUsageSource). A record whose input was not kept cannot be re-rated: the
// rerate is refused, naming the rating runs, rather than leaving those records at their old
// price while the others move.
import { USAGE_FIELDS } from '../../compiler/sql/index.js';
import type { StoredUsageSource } from '../ingest/ingest.js';
import { exec, queryJson, type Store } from '../store/store.js';
import { BillError } from './errors.js';
import { SCOPED_RATED_SQL } from './record-versions.js';

const INPUT_SQL = `CREATE OR REPLACE TEMP TABLE rerate_input AS
WITH scoped AS (${SCOPED_RATED_SQL}),
latest AS (
  SELECT * FROM scoped
  QUALIFY row_number() OVER (PARTITION BY service, record_id ORDER BY started_at DESC, run_id DESC) = 1
)
SELECT l.run_id AS orig_run, l.seq AS orig_seq, l.record_id AS rated_record_id, u.run_id IS NULL AS missing,
       u.source_file, u.source_line, l.assume_timezone AS assume_tz,
       ${USAGE_FIELDS.map((f) => `u.${f}`).join(', ')}
FROM latest l LEFT JOIN usage u ON u.run_id = l.run_id AND u.seq = l.seq`;

export interface RerateInput {
  /** one source per original file, in name order */
  sources: StoredUsageSource[];
  records: number;
}

export async function buildRerateInput(store: Store, agreements: readonly string[], start: string, endExclusive: string): Promise<RerateInput> {
  await exec(store, INPUT_SQL, [JSON.stringify(agreements), `${start} 00:00:00`, `${endExclusive} 00:00:00`]);
  const files = await queryJson(store, `SELECT source_file, count(*) AS n FROM rerate_input WHERE NOT missing GROUP BY source_file ORDER BY source_file NULLS LAST`);
  return {
    sources: files.map((f) => ({ stored: 'rerate_input' as const, name: f.source_file === null ? 'stored' : String(f.source_file) })),
    records: files.reduce((n, f) => n + Number(f.n), 0),
  };
}

/**
 * Call after ingest (run_raw holds the run's input): a record whose input was not kept and that
 * no late file of the run re-sends cannot be re-rated, so the rerate is refused.
 */
export async function checkRerateInput(store: Store): Promise<void> {
  const missing = await queryJson(
    store,
    `SELECT orig_run, count(*) AS n FROM rerate_input i
     WHERE missing AND NOT EXISTS (SELECT 1 FROM run_raw w WHERE w.record_id = i.rated_record_id)
     GROUP BY orig_run ORDER BY orig_run`,
  );
  if (missing.length) {
    const runs = missing.map((m) => `${String(m.orig_run)} (${Number(m.n)} records)`).join(', ');
    throw new BillError(
      `cannot re-rate: rating run${missing.length === 1 ? '' : 's'} ${runs} did not keep ${missing.length === 1 ? 'its' : 'their'} input records ` +
        `(icx bill --usage keeps them; icx rate only with --keep-usage): give those usage files again with --usage. Nothing was written`,
    );
  }
}

export async function dropRerateInput(store: Store): Promise<void> {
  await exec(store, `DROP TABLE IF EXISTS rerate_input`);
}
