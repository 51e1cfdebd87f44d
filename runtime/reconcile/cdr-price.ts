// What the differences are worth: the records that are not simply matched (cdr_issues), and
// their pricing under the agreement in a rating run that is rolled back (rateWith, commit
// false), as agreement tests rate. Their unmatched and duplicated records are rated as they
// wrote them; a duration disagreement is our record rated again with their duration, so the
// difference is the duration's alone.
import { USAGE_FIELDS } from '../../compiler/sql/index.js';
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { rateWith } from '../rate.js';
import { queryJson, type Store } from '../store/store.js';

/** $1 = duration tolerance in µs. */
export const ISSUES_SQL = `CREATE OR REPLACE TEMP TABLE cdr_issues AS
SELECT CASE WHEN k.tid IS NOT NULL THEN 'duplicate-theirs' ELSE 'unmatched-theirs' END AS category,
       t.tid, t.line, t.record_id AS their_record_id, NULL::BIGINT AS oid, NULL::VARCHAR AS our_record_id,
       t.a, t.b, t.start_time AS their_start, NULL::TIMESTAMPTZ AS our_start,
       t.duration_s AS their_duration, NULL::DECIMAL(18,6) AS our_duration,
       NULL::VARCHAR AS service, NULL::VARCHAR AS zone, NULL::VARCHAR AS band,
       NULL::BIGINT AS our_billed_seconds, NULL::BIGINT AS our_units, NULL::DECIMAL(18,9) AS our_amount
FROM cdr_theirs t ANTI JOIN cdr_pairs p ON p.tid = t.tid
LEFT JOIN (SELECT DISTINCT tid FROM cdr_contested) k ON k.tid = t.tid
UNION ALL
SELECT 'duration', t.tid, t.line, t.record_id, o.oid, o.record_id, o.a, o.b, t.start_time, o.start_time,
       t.duration_s, o.duration_s, o.service, o.zone, o.band, o.billed_seconds, o.units, o.amount
FROM (SELECT * FROM cdr_pairs WHERE dd > $1) p JOIN cdr_theirs t ON t.tid = p.tid JOIN cdr_ours o ON o.oid = p.oid
UNION ALL
SELECT 'unmatched-ours', NULL, NULL, NULL, o.oid, o.record_id, o.a, o.b, NULL, o.start_time,
       NULL, o.duration_s, o.service, o.zone, o.band, o.billed_seconds, o.units, o.amount
FROM cdr_ours o ANTI JOIN cdr_pairs p ON p.oid = o.oid`;

/**
 * The records to price, as the stored-usage source of ingest reads them (runtime/ingest
 * StoredUsageSource: TEMP table rerate_input). Their records keep their text (run_raw still
 * holds the file), under the agreement ($1) and, when they name no service, the one
 * reconciled ($2, NULL when several: their kind and direction then choose). A service we
 * assign drops their kind and direction, which may be written from their side. $3 = the
 * --assume-timezone, $4 = their file as shown.
 */
const PRICE_INPUT_SQL = `CREATE OR REPLACE TEMP TABLE rerate_input AS
SELECT NULL::VARCHAR AS orig_run, i.tid AS orig_seq, false AS missing, $4::VARCHAR AS source_file, i.line AS source_line,
       CASE WHEN i.category = 'duration' THEN NULL ELSE $3::VARCHAR END AS assume_tz,
${USAGE_FIELDS.map((f) => `       ${priceField(f)} AS ${f}`).join(',\n')}
FROM cdr_issues i JOIN run_raw w ON w.seq = i.tid
WHERE i.category <> 'unmatched-ours'`;

function priceField(f: (typeof USAGE_FIELDS)[number]): string {
  const theirs = (x: string) => `CASE WHEN i.category = 'duration' THEN ${x} ELSE w.${f} END`;
  const assigned = `(nullif(trim(w.service), '') IS NULL AND $2::VARCHAR IS NOT NULL)`;
  switch (f) {
    case 'record_id': return `'cdr-' || i.tid`;
    case 'agreement': return '$1::VARCHAR';
    case 'partner': return 'NULL::VARCHAR';
    case 'service': return `CASE WHEN i.category = 'duration' THEN i.service ELSE coalesce(nullif(trim(w.service), ''), $2::VARCHAR) END`;
    case 'kind': case 'direction': return `CASE WHEN i.category = 'duration' OR ${assigned} THEN NULL ELSE w.${f} END`;
    case 'a_number': return theirs('i.a');
    case 'b_number': return theirs('i.b');
    // our instant, written with its offset so no zone is assumed
    case 'start_time': return theirs(`strftime(i.our_start, '%Y-%m-%dT%H:%M:%S.%fZ')`);
    // their duration as they wrote it (rating rounds it up to whole seconds itself)
    case 'duration_s': return 'w.duration_s';
    case 'trunk': return theirs('NULL::VARCHAR');
    default: return theirs(`NULL::VARCHAR`);
  }
}

/** cdr_priced = cdr_issues with the pricing of each record (or its suspense reason). */
const PRICED_SQL = `CREATE OR REPLACE TEMP TABLE cdr_priced AS
SELECT i.*, r.service AS p_service, r.zone AS p_zone, r.band AS p_band, r.billed_seconds AS p_billed_seconds,
       r.units AS p_units, r.amount AS their_amount, s.reason AS p_reason, s.detail AS p_detail
FROM cdr_issues i
LEFT JOIN (SELECT record_id, service, zone, coalesce(band, 'any') AS band, billed_seconds, units, amount FROM rated WHERE run_id = $1) r
  ON r.record_id = 'cdr-' || i.tid
LEFT JOIN (SELECT record_id, reason, detail FROM suspense WHERE run_id = $1) s ON s.record_id = 'cdr-' || i.tid`;

const UNPRICED_SQL = `CREATE OR REPLACE TEMP TABLE cdr_priced AS
SELECT i.*, NULL::VARCHAR AS p_service, NULL::VARCHAR AS p_zone, NULL::VARCHAR AS p_band, NULL::BIGINT AS p_billed_seconds,
       NULL::BIGINT AS p_units, NULL::DECIMAL(18,9) AS their_amount, NULL::VARCHAR AS p_reason, NULL::VARCHAR AS p_detail
FROM cdr_issues i`;

export interface PriceOptions {
  plan: HashedAgreementPlan;
  /** the service their records without one are priced as; null when several are reconciled */
  defaultService: string | null;
  assumeTimezone: string | null;
  /** their file as shown */
  file: string;
}

/**
 * Prices cdr_issues and calls `use` while the priced records are readable (TEMP table
 * cdr_priced); the pricing run is rolled back afterwards, so the store is left unchanged.
 */
export async function withPrices<T>(store: Store, o: PriceOptions, use: () => Promise<T>): Promise<T> {
  const c = store.connection;
  const [n] = await queryJson(store, `SELECT count(*) AS n FROM cdr_issues WHERE category <> 'unmatched-ours'`);
  if (Number(n!.n) === 0) {
    await c.run(UNPRICED_SQL);
    try {
      return await use();
    } finally {
      await c.run(`DROP TABLE IF EXISTS cdr_priced`);
    }
  }
  await c.run(PRICE_INPUT_SQL, [o.plan.plan.id, o.defaultService, o.assumeTimezone, o.file]);
  const runId = `cdr-reconcile-${process.pid}-${Date.now()}`;
  try {
    return await rateWith(
      store,
      { plans: [o.plan], usage: [{ stored: 'rerate_input', name: o.file }], runId, progress: false },
      false,
      async (res) => {
        // created inside the rolled-back transaction: gone with it
        await c.run(PRICED_SQL, [res.runId]);
        return use();
      },
    );
  } finally {
    await c.run(`DROP TABLE IF EXISTS rerate_input`);
  }
}
