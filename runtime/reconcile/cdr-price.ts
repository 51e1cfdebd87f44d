// What the differences are worth: the records that are not simply matched (cdr_issue_rows),
// and their pricing under the agreement in a rating run that is rolled back (rateWith, commit
// false), as agreement tests rate. Their unmatched and duplicated records are rated as they
// wrote them; a duration disagreement is our record rated again with their duration, so the
// difference is the duration's alone.
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { USAGE_FIELDS } from '../../compiler/sql/index.js';
import { rateWith } from '../rate.js';
import { queryJson, type Store } from '../store/store.js';
import { PRICE_FIELDS } from './cdr-source.js';
import { usInstant, usText } from './cdr-sql.js';

/**
 * cdr_issues: every record that is not simply matched, by category. $1 = duration tolerance µs.
 * An unmatched record of theirs that had a candidate lost it to another of theirs: a duplicate.
 */
const ISSUES_SQL = `CREATE OR REPLACE TEMP TABLE cdr_issues AS
SELECT CASE WHEN c.tid IS NOT NULL THEN 'duplicate-theirs' ELSE 'unmatched-theirs' END AS category, u.tid, NULL::BIGINT AS oid
FROM (SELECT tid FROM cdr_t2 EXCEPT SELECT tid FROM cdr_pairs) u LEFT JOIN (SELECT DISTINCT tid FROM cdr_contested) c ON c.tid = u.tid
UNION ALL SELECT 'duration', tid, oid FROM cdr_matched WHERE dd > $1
UNION ALL SELECT 'unmatched-ours', NULL, oid FROM (SELECT oid FROM cdr_o2 EXCEPT SELECT oid FROM cdr_pairs)`;

/** cdr_issue_rows: the issues with both records' fields (inner joins: the small side is built). $1 = line of rowid 0. */
function issueRowsSql(present: readonly string[]): string {
  const theirExtra = PRICE_FIELDS.map((f) => (present.includes(f) ? `t.${f} AS t_${f}` : `NULL::VARCHAR AS t_${f}`)).join(', ');
  const noExtra = PRICE_FIELDS.map((f) => `NULL::VARCHAR AS t_${f}`).join(', ');
  const ours = `o.record_id AS our_record_id, o.t_us AS our_t_us, o.d_us AS our_d_us, d.service, d.zone, d.band, o.dk,
       o.billed_seconds AS our_billed_seconds, o.units AS our_units, o.amount AS our_amount`;
  const noOurs = `NULL::VARCHAR AS our_record_id, NULL::BIGINT AS our_t_us, NULL::BIGINT AS our_d_us, NULL::VARCHAR AS service,
       NULL::VARCHAR AS zone, NULL::VARCHAR AS band, NULL::INTEGER AS dk, NULL::BIGINT AS our_billed_seconds,
       NULL::BIGINT AS our_units, NULL::DECIMAL(18,9) AS our_amount`;
  const theirs = `i.tid + $1 AS line, t.record_id AS their_record_id, t.t_us AS their_t_us, t.d_us AS their_d_us`;
  const noTheirs = `NULL::BIGINT AS line, NULL::VARCHAR AS their_record_id, NULL::BIGINT AS their_t_us, NULL::BIGINT AS their_d_us`;
  return `CREATE OR REPLACE TEMP TABLE cdr_issue_rows AS
SELECT i.category, i.tid, i.oid, t.a, t.b, ${theirs}, ${noOurs}, ${theirExtra}
FROM cdr_issues i JOIN cdr_theirs t ON t.rowid = i.tid WHERE i.category IN ('unmatched-theirs', 'duplicate-theirs')
UNION ALL
SELECT i.category, i.tid, i.oid, o.a, o.b, ${theirs}, ${ours}, ${noExtra}
FROM cdr_issues i JOIN cdr_theirs t ON t.rowid = i.tid JOIN cdr_ours o ON o.oid = i.oid JOIN cdr_dims d ON d.dk = o.dk
WHERE i.category = 'duration'
UNION ALL
SELECT i.category, i.tid, i.oid, o.a, o.b, ${noTheirs}, ${ours}, ${noExtra}
FROM cdr_issues i JOIN cdr_ours o ON o.oid = i.oid JOIN cdr_dims d ON d.dk = o.dk WHERE i.category = 'unmatched-ours'`;
}

/**
 * The records to price, as the stored-usage source of ingest reads them (runtime/ingest
 * StoredUsageSource: TEMP table rerate_input), under the agreement ($1) and, when they name
 * no service, the one reconciled ($2, NULL when several: their kind and direction then
 * choose). A service we assign drops their kind and direction, which may be written from their
 * side. Start instants and durations are written exactly (to the µs) as parsed. $3 = their file.
 */
const PRICE_INPUT_SQL = `CREATE OR REPLACE TEMP TABLE rerate_input AS
SELECT NULL::VARCHAR AS orig_run, i.tid AS orig_seq, false AS missing, $3::VARCHAR AS source_file, i.line AS source_line,
       NULL::VARCHAR AS assume_tz,
${USAGE_FIELDS.map((f) => `       ${priceField(f)} AS ${f}`).join(',\n')}
FROM cdr_issue_rows i WHERE i.category <> 'unmatched-ours'`;

function priceField(f: (typeof USAGE_FIELDS)[number]): string {
  const dur = `i.category = 'duration'`;
  const assigned = `(i.t_service IS NULL AND $2::VARCHAR IS NOT NULL)`;
  switch (f) {
    case 'record_id': return `'cdr-' || i.tid`;
    case 'agreement': return '$1::VARCHAR';
    case 'service': return `CASE WHEN ${dur} THEN i.service ELSE coalesce(i.t_service, $2::VARCHAR) END`;
    case 'kind': case 'direction': return `CASE WHEN ${dur} OR ${assigned} THEN NULL ELSE i.t_${f} END`;
    case 'a_number': return 'i.a';
    case 'b_number': return 'i.b';
    // our instant for a duration disagreement, theirs otherwise, with its offset (Z)
    case 'start_time': return `${usInstant(`CASE WHEN ${dur} THEN i.our_t_us ELSE i.their_t_us END`)}`;
    case 'duration_s': return usText('i.their_d_us');
    case 'units': case 'category': case 'bytes': return `i.t_${f}`;
    default: return 'NULL::VARCHAR';
  }
}

/** cdr_priced = cdr_issue_rows with the pricing of each record (or its suspense reason). */
const PRICED_SQL = `CREATE OR REPLACE TEMP TABLE cdr_priced AS
SELECT i.*, r.service AS p_service, r.zone AS p_zone, r.band AS p_band, r.billed_seconds AS p_billed_seconds,
       r.units AS p_units, r.amount AS their_amount, s.reason AS p_reason, s.detail AS p_detail
FROM cdr_issue_rows i
LEFT JOIN (SELECT record_id, service, zone, coalesce(band, 'any') AS band, billed_seconds, units, amount FROM rated WHERE run_id = $1) r
  ON r.record_id = 'cdr-' || i.tid
LEFT JOIN (SELECT record_id, reason, detail FROM suspense WHERE run_id = $1) s ON s.record_id = 'cdr-' || i.tid`;

const UNPRICED_SQL = `CREATE OR REPLACE TEMP TABLE cdr_priced AS
SELECT i.*, NULL::VARCHAR AS p_service, NULL::VARCHAR AS p_zone, NULL::VARCHAR AS p_band, NULL::BIGINT AS p_billed_seconds,
       NULL::BIGINT AS p_units, NULL::DECIMAL(18,9) AS their_amount, NULL::VARCHAR AS p_reason, NULL::VARCHAR AS p_detail
FROM cdr_issue_rows i`;

export interface PriceOptions {
  plan: HashedAgreementPlan;
  /** the service their records without one are priced as; null when several are reconciled */
  defaultService: string | null;
  /** their file as shown */
  file: string;
  /** line of their record at rowid 0 */
  lineBase: number;
  /** the price fields their file has */
  present: readonly string[];
  durationToleranceUs: bigint;
}

/** Builds cdr_issue_rows (outside any transaction). */
export async function buildIssues(store: Store, o: PriceOptions): Promise<void> {
  await store.connection.run(ISSUES_SQL, [o.durationToleranceUs]);
  await store.connection.run(issueRowsSql(o.present), [BigInt(o.lineBase)]);
}

/**
 * Prices cdr_issue_rows and calls `use` while the priced records are readable (TEMP table
 * cdr_priced); the pricing run is rolled back afterwards, so the store is left unchanged.
 */
export async function withPrices<T>(store: Store, o: PriceOptions, use: () => Promise<T>): Promise<T> {
  const c = store.connection;
  const [n] = await queryJson(store, `SELECT count(*) AS n FROM cdr_issue_rows WHERE category <> 'unmatched-ours'`);
  if (Number(n!.n) === 0) {
    await c.run(UNPRICED_SQL);
    try {
      return await use();
    } finally {
      await c.run(`DROP TABLE IF EXISTS cdr_priced`);
    }
  }
  await c.run(PRICE_INPUT_SQL, [o.plan.plan.id, o.defaultService, o.file]);
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
