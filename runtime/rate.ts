// rate(): one rating run in one transaction. Ingest fills run_raw, the plan tables are
// loaded, then the SQL of compiler/sql runs over whole tables (no per-record JS). The
// run commits only if in = rated + suspense; any failure rolls the store back untouched.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { HashedAgreementPlan } from '../compiler/plan.js';
import { ratingStatements, RUN_SCRATCH, type Statement } from '../compiler/sql/index.js';
import { RateInputError, UnbalancedRunError } from './errors.js';
import { ingestSources, sourceLabel, type UsageSource } from './ingest/ingest.js';
import { phaseProgress, type Progress } from './progress.js';
import { capMemory } from './rate-memory.js';
import { explainAnalyze, profiled } from './rate-profile.js';
import { checkZones, loadPlans } from './store/load-plans.js';
import { inTransaction, queryJson, type JsonRow, type Store } from './store/store.js';

export interface RateOptions {
  plans: HashedAgreementPlan[];
  usage: UsageSource[];
  /** IANA zone for start times without an offset; absent → such records go to suspense */
  assumeTimezone?: string;
  /** default: generated from the clock and a random suffix */
  runId?: string;
  /** show the stderr progress bar (default: when stderr is a TTY) */
  progress?: boolean;
  /** sha256 of each usage source, in order (null for inline rows), recorded with the run */
  sourceHashes?: (string | null)[];
  /** phases of the caller's `inspect` (a bill run's charges, documents…), shown after rating's */
  morePhases?: string[];
  /**
   * also copy every input record's text into the `usage` table (default false). Every
   * record is accounted for without it: suspense rows keep the record's original text and
   * rated rows carry its fields (id, trunk, numbers, start instant, duration, units) with
   * its source file and line; the copy cost about as much as all of rating.
   */
  storeUsage?: boolean;
}

export interface SummaryRow {
  agreementId: string;
  service: string;
  zone: string;
  band: string | null;
  currency: string;
  records: number;
  billedSeconds: string;
  units: string;
  /** exact decimal string */
  amount: string;
  /** services priced in another currency: that currency and the sum of the original amounts */
  originalCurrency?: string;
  originalAmount?: string;
}

export interface RateResult {
  runId: string;
  inCount: number;
  ratedCount: number;
  suspenseCount: number;
  balanced: boolean;
  summary: SummaryRow[];
  /** per suspense reason */
  suspenseByReason: { reason: string; records: number }[];
}

export const RATE_PHASES = ['ingest', 'plans', 'parse', 'zones', 'resolve', 'split', 'steps', 'amount', 'store usage', 'store rated', 'store suspense', 'check'];

export async function rate(store: Store, opts: RateOptions): Promise<RateResult> {
  return rateWith(store, opts, true, async (res) => res);
}

/**
 * One run. The scratch work (ingest, plan tables, parse, resolve, split, steps) builds
 * TEMP tables outside any transaction: they are private to the connection and never
 * persist, and DuckDB's transaction-local storage made them 2× slower. Only the writes to
 * the store tables and the balance check run inside one transaction; `commit: false`
 * rolls it back after `inspect` has read the results (agreement tests).
 */
export async function rateWith<T>(
  store: Store, opts: RateOptions, commit: boolean, inspect: (res: RateResult, progress: Progress) => Promise<T>,
): Promise<T> {
  // the same file twice would rate every record twice: refuse before any work
  const seen = new Set<string>();
  for (const src of opts.usage) {
    if (!('path' in src)) continue;
    const resolved = path.resolve(src.path);
    if (seen.has(resolved)) throw new RateInputError(`usage file ${src.path} given twice`);
    seen.add(resolved);
  }
  const progress = phaseProgress([...RATE_PHASES, ...(opts.morePhases ?? [])], opts.progress);
  const c = store.connection;
  try {
    const runId = opts.runId ?? newRunId();
    if (opts.assumeTimezone !== undefined) await checkZones(store, [opts.assumeTimezone], 'assume-timezone');
    const exists = await queryJson(store, `SELECT 1 FROM rating_runs WHERE run_id = $1`, [runId]);
    if (exists.length) throw new RateInputError(`run ${runId} already exists in the store`);

    await capMemory(store);
    progress.phase('ingest');
    const inCount = await profiled({ name: 'ingest' }, () => ingestSources(store, opts.usage));
    progress.phase('plans');
    const layout = await profiled({ name: 'plans' }, () => loadPlans(store, opts.plans));
    const statements = ratingStatements(layout.shape);
    const bind = (st: Statement) =>
      st.param === 'run_id' ? [runId] : st.param === 'assume_timezone' ? [opts.assumeTimezone ?? null] : undefined;
    for (const st of statements.filter((x) => !x.stores)) {
      progress.phase(st.name);
      await profiled(st, () => c.run(st.sql, bind(st)), () => explainAnalyze(store, st.sql, bind(st)));
    }

    return await inTransaction(
      store,
      async () => {
        await c.run(
          `INSERT INTO rating_runs (run_id, started_at, assume_timezone, plan_hashes, sources, source_hashes)
           VALUES ($1, now(), $2, from_json($3::JSON, '["VARCHAR"]'), from_json($4::JSON, '["VARCHAR"]'), from_json($5::JSON, '["VARCHAR"]'))`,
          [
            runId, opts.assumeTimezone ?? null,
            JSON.stringify(opts.plans.map((p) => `${p.plan.id}@${p.plan.version}:${p.hash}`)),
            JSON.stringify(opts.usage.map(sourceLabel)),
            opts.sourceHashes ? JSON.stringify(opts.sourceHashes) : null,
          ],
        );
        for (const st of statements.filter((x) => x.stores && (opts.storeUsage === true || x.name !== 'store usage'))) {
          progress.phase(st.name);
          await profiled(st, () => c.run(st.sql, bind(st)), () => explainAnalyze(store, st.sql, bind(st)));
        }
        progress.phase('check');
        const res = await profiled({ name: 'check' }, () => checkBalance(store, runId, inCount));
        return inspect({ ...res, ...(await summarize(store, runId)) }, progress);
      },
      commit,
    );
  } catch (e) {
    return explainOverflow(e);
  } finally {
    progress.stop();
    await dropScratch(store);
  }
}

/**
 * Amounts are whole billionths in 64-bit integers: a record whose duration × price exceeds
 * that (about 9.2 billion currency units) cannot be rated exactly. Say so, not "internal error".
 */
function explainOverflow(e: unknown): never {
  const message = String((e as Error)?.message ?? e);
  if (/Overflow in (multiplication|addition)|Out of Range/i.test(message)) {
    throw new RateInputError(
      `a record's charge is too large to rate exactly (duration × price beyond ~9.2 billion at 9 decimals); ` +
        `look for absurd durations in the usage. Nothing was written. (${message.split('\n')[0]})`,
    );
  }
  throw e;
}

async function checkBalance(store: Store, runId: string, inCount: number) {
  // counted on rated_rows (the view's join is paid only where someone reads names); every
  // dim a rated row points at must exist, else the view would lose the row. Distinct seqs:
  // a run's seqs are 0 .. inCount-1, so one bit each (bitstring_agg was 6× faster than
  // count(DISTINCT) at 10M; a seq outside the range raises, which also fails the run).
  // Its bounds must be constants: the count (an integer of ours, not a usage value) is in the text
  const distinct = inCount > 0
    ? `(SELECT bit_count(bitstring_agg(seq, 0, ${BigInt(inCount - 1)})) FROM (SELECT seq FROM rated_rows WHERE run_id = $1
                                              UNION ALL SELECT seq FROM suspense WHERE run_id = $1))`
    : `(SELECT count(*) FROM (SELECT seq FROM rated_rows WHERE run_id = $1 UNION ALL SELECT seq FROM suspense WHERE run_id = $1))`;
  let counts: JsonRow | undefined;
  try {
    [counts] = await queryJson(
      store,
      `SELECT (SELECT count(*) FROM run_raw) AS n_in,
              (SELECT count(*) FROM rated_rows WHERE run_id = $1) AS n_rated,
              (SELECT count(*) FROM suspense WHERE run_id = $1) AS n_suspense,
              ${distinct} AS n_distinct,
              (SELECT count(*) FROM (SELECT DISTINCT dim FROM rated_rows WHERE run_id = $1) r
               WHERE r.dim NOT IN (SELECT dim FROM rated_dims WHERE run_id = $1)) AS n_orphan_dims`,
      [runId],
    );
  } catch (e) {
    if (/outside of provided min and max/i.test(String((e as Error).message))) throw new UnbalancedRunError(runId, inCount, -1, -1);
    throw e;
  }
  const nIn = Number(counts!.n_in);
  const ratedCount = Number(counts!.n_rated);
  const suspenseCount = Number(counts!.n_suspense);
  // every record exactly once: counts add up and no record is in both or twice
  const balanced = nIn === inCount && nIn === ratedCount + suspenseCount && Number(counts!.n_distinct) === nIn
    && Number(counts!.n_orphan_dims) === 0;
  if (!balanced) throw new UnbalancedRunError(runId, nIn, ratedCount, suspenseCount);
  await store.connection.run(
    `UPDATE rating_runs SET finished_at = now(), in_count = $2, rated_count = $3, suspense_count = $4, balanced = true
     WHERE run_id = $1`,
    [runId, BigInt(nIn), BigInt(ratedCount), BigInt(suspenseCount)],
  );
  return { runId, inCount: nIn, ratedCount, suspenseCount, balanced };
}

/** The run's TEMP tables hold a copy of the whole input: free them when the run ends. */
async function dropScratch(store: Store): Promise<void> {
  for (const v of RUN_SCRATCH.views) await store.connection.run(`DROP VIEW IF EXISTS ${v}`).catch(() => undefined);
  for (const t of RUN_SCRATCH.tables) await store.connection.run(`DROP TABLE IF EXISTS ${t}`).catch(() => undefined);
}

async function summarize(store: Store, runId: string): Promise<Pick<RateResult, 'summary' | 'suspenseByReason'>> {
  const rows = await queryJson(
    store,
    // summed per dim on the narrow rows first, names joined to the few sums
    `SELECT d.agreement_id, d.service, d.zone, d.band, d.currency, sum(g.records) AS records,
            coalesce(sum(g.billed_seconds), 0) AS billed_seconds, coalesce(sum(g.units), 0) AS units,
            CAST(sum(g.amount) AS VARCHAR) AS amount,
            d.original_currency, CAST(sum(g.original_amount) AS VARCHAR) AS original_amount
     FROM (SELECT dim, count(*) AS records, sum(billed_seconds) AS billed_seconds, sum(units) AS units,
                  sum(amount) AS amount, sum(original_amount) AS original_amount
           FROM rated_rows WHERE run_id = $1 GROUP BY dim) g
     JOIN rated_dims d ON d.run_id = $1 AND d.dim = g.dim
     GROUP BY ALL ORDER BY ALL`,
    [runId],
  );
  const reasons = await queryJson(
    store,
    `SELECT reason, count(*) AS records FROM suspense WHERE run_id = $1 GROUP BY reason ORDER BY reason`,
    [runId],
  );
  return {
    summary: rows.map((r) => ({
      agreementId: String(r.agreement_id), service: String(r.service), zone: String(r.zone),
      band: r.band === null ? null : String(r.band), currency: String(r.currency), records: Number(r.records),
      billedSeconds: String(r.billed_seconds), units: String(r.units), amount: String(r.amount),
      ...(r.original_currency !== null && r.original_currency !== undefined
        ? { originalCurrency: String(r.original_currency), originalAmount: String(r.original_amount) } : {}),
    })),
    suspenseByReason: reasons.map((r) => ({ reason: String(r.reason), records: Number(r.records) })),
  };
}

function newRunId(): string {
  const t = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `run-${t}-${randomBytes(3).toString('hex')}`;
}
