// A bill run (docs/usage.md "Bill runs"): rate the given usage, compute the period charges,
// build one document per agreement × direction, and record the run and its documents — all in
// ONE transaction, so a failure part-way leaves the store as it was. Draft runs are replaced
// by re-running; approved and issued runs are never changed (corrections are credit and debit
// notes, a later slice). The clock is injected: nothing in a document depends on wall time.
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { BillError } from './errors.js';
import type { FileUsageSource } from '../ingest/ingest.js';
import { monthBounds } from '../period/calendar.js';
import { loadDigitalInputs, periodCharges } from '../period/run.js';
import { phaseProgress, type Progress } from '../progress.js';
import { rateWith, type RateResult } from '../rate.js';
import { inTransaction, queryJson, type Store } from '../store/store.js';
import { appendAudit, currentActor } from './audit.js';
import { sha256File } from './hash.js';
import { countedRatingRuns } from './record-versions.js';
import { buildDocuments } from './documents.js';
import type { InvoiceDocument } from './invoice-document.js';
import { ensureBillingTables, findRuns, numberInvoices, runDocuments, runTotals, storeDraft } from './store.js';
import { usageLines } from './usage-lines.js';

export { BillError };

/** What a bill run and a re-rating are given (runtime/billing/rerate.ts extends it). */
export interface PeriodRunOptions {
  /** every compiled plan (usage is rated against all of them, as `icx rate` does) */
  plans: readonly HashedAgreementPlan[];
  /** YYYY-MM */
  period: string;
  /** only this partner's agreements */
  partner?: string;
  usage?: FileUsageSource[];
  assumeTimezone?: string;
  retail?: string[];
  kpi?: string[];
  /** YYYY-MM-DD; the default is the caller's */
  issueDate?: string;
  /** the clock of created_at / approved_at / issued_at; default the wall clock */
  now?: () => Date;
  /** who runs it, for the audit log (default: currentActor()) */
  actor?: string;
  /** `<uri>:sha256` of the agreement, deck and FX files the plans were compiled from (LoadedSources.hashes) */
  sourceHashes?: string[];
  /** runs inside the run's transaction once its documents are stored (settlement statements) */
  inRun?: () => Promise<void>;
  /** test hook: runs inside the transaction after every write, just before the commit */
  beforeCommit?: () => Promise<void>;
  /** the stderr progress bar (default: when stderr is a TTY, after a second) */
  progress?: boolean;
}

/** The issue date defaults to the period's last day. */
export type BillRunOptions = PeriodRunOptions;

/** What a bill run does after rating, as the progress bar names it. */
export const BILL_PHASES = ['charges', 'documents', 'store'];

export interface BillRunResult {
  runId: string;
  documents: InvoiceDocument[];
  /** the rating run of the usage files not rated before; null when there was none */
  rating: RateResult | null;
  /** usage files whose content a rating run already rated with the same agreements: not rated again */
  alreadyRated: { path: string; ratingRun: string }[];
}

/**
 * The rating run that already rated a file of this content with exactly these plans, when no run
 * since used other plans (whose versions of the same records would then be the latest): rating it
 * again would only make an identical version of every record.
 */
async function ratedAlready(store: Store, sha: string, plans: readonly string[]): Promise<string | null> {
  const [r] = await queryJson(
    store,
    `WITH last AS (
       SELECT run_id, started_at, plan_hashes FROM rating_runs WHERE balanced AND list_contains(source_hashes, $1)
       ORDER BY started_at DESC LIMIT 1)
     SELECT l.run_id FROM last l
     WHERE list_sort(l.plan_hashes) = list_sort(from_json($2::JSON, '["VARCHAR"]'))
       AND NOT EXISTS (SELECT 1 FROM rating_runs x WHERE x.started_at > l.started_at
                       AND list_sort(x.plan_hashes) <> list_sort(from_json($2::JSON, '["VARCHAR"]')))`,
    [sha, JSON.stringify(plans)],
  );
  return r ? String(r.run_id) : null;
}

export function billRunId(period: string, partner?: string): string {
  return `BR-${period}${partner ? `-${partner}` : ''}`;
}


export async function billRun(store: Store, opts: BillRunOptions): Promise<BillRunResult> {
  const { start, end, endExclusive } = monthBounds(opts.period);
  if (opts.issueDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.issueDate)) {
    throw new BillError(`--issue-date ${JSON.stringify(opts.issueDate)} is not a date; write it as YYYY-MM-DD`);
  }
  const issueDate = opts.issueDate ?? end;
  const now = opts.now ?? (() => new Date());

  const billed = opts.plans
    .filter(({ plan }) => plan.validFrom <= end && (plan.validTo === null || plan.validTo >= start))
    .filter(({ plan }) => opts.partner === undefined || plan.partner.name === opts.partner)
    .sort((a, b) => (a.plan.id < b.plan.id ? -1 : a.plan.id > b.plan.id ? 1 : 0));
  if (billed.length === 0) {
    throw new BillError(`no agreement${opts.partner ? ` with partner ${opts.partner}` : ''} is valid in ${opts.period}`);
  }
  const runId = billRunId(opts.period, opts.partner);
  await ensureBillingTables(store);
  // refused before any work: an approved or issued run is frozen
  const ids = billed.map((b) => b.plan.id);
  const frozen = (await findRuns(store, `period = $1 AND status <> 'draft'`, [opts.period]))
    .filter((r) => r.runId === runId || r.agreements.some((a) => ids.includes(a)));
  if (frozen.length) {
    const f = frozen[0]!;
    throw new BillError(
      `bill run ${f.runId} for ${opts.period} is ${f.status}: its documents are never changed; ` +
        `corrections are credit and debit notes: icx rerate --period ${opts.period}${opts.partner ? ` --partner ${opts.partner}` : ''}`,
    );
  }
  const usageHashes: string[] = [];
  const toRate: FileUsageSource[] = [];
  const toRateHashes: string[] = [];
  const alreadyRated: { path: string; ratingRun: string }[] = [];
  const current = opts.plans.map(({ plan, hash }) => `${plan.id}@${plan.version}:${hash}`);
  for (const u of opts.usage ?? []) {
    const sha = await sha256File(u.path);
    usageHashes.push(`${u.path}:${sha}`);
    const done = await ratedAlready(store, sha, current);
    if (done) alreadyRated.push({ path: u.path, ratingRun: done });
    else {
      toRate.push(u);
      toRateHashes.push(sha);
    }
  }
  // retail and KPI files are read and checked first: a bad line costs nothing
  // checked against every agreement valid in the month: with --partner, another partner's line is not an error
  const digital = await loadDigitalInputs(store, opts.plans.filter(({ plan }) => plan.validFrom <= end && (plan.validTo === null || plan.validTo >= start)), { ...(opts.retail ? { retail: opts.retail } : {}), ...(opts.kpi ? { kpi: opts.kpi } : {}) });

  const body = async (rating: RateResult | null, progress: Progress): Promise<BillRunResult> => {
    progress.phase('charges');
    const charges = await periodCharges(store, billed, opts.period, { digital });
    // an input a charge needs and did not get is an error, never a silently missing line
    const missing = charges.filter((c) => c.construct.endsWith('-missing'));
    if (missing.length) {
      throw new BillError(missing.map((c) => `${c.agreementId} ${c.service}: ${c.explanation}`).join('; ') +
        ' (give --retail / --kpi, or bill other partners with --partner)');
    }
    progress.phase('documents');
    const documents: InvoiceDocument[] = [];
    for (const hp of billed) {
      const usage = await usageLines(store, hp, start, endExclusive);
      documents.push(...buildDocuments({ hp, usage, charges, billRunId: runId, period: { start, end }, issueDate }));
    }
    const createdAt = now();
    const planHashes = billed.map(({ plan, hash }) => `${plan.id}@${plan.version}:${hash}`);
    progress.phase('store');
    const ratingRuns = await countedRatingRuns(store, ids, start, endExclusive);
    await storeDraft(store, {
      runId, period: opts.period,
      partners: [...new Set(billed.map((b) => b.plan.partner.name))].sort(),
      agreements: ids, createdAt, issueDate,
      planHashes, usageHashes, ratingRun: rating?.runId ?? null, ratingRuns, plans: billed, sourceHashes: opts.sourceHashes ?? [], docs: documents,
    });
    await appendAudit(store, {
      at: createdAt, actor: opts.actor ?? currentActor(), action: 'bill-run', subject: runId,
      details: { period: opts.period, agreements: ids, sourceHashes: opts.sourceHashes ?? [], planHashes, usageHashes, ratingRun: rating?.runId ?? null, ratingRuns, documents: documents.length, totals: runTotals(documents) },
    });
    if (opts.inRun) await opts.inRun();
    if (opts.beforeCommit) await opts.beforeCommit();
    return { runId, documents, rating, alreadyRated };
  };

  if (toRate.length) {
    return rateWith(
      store,
      // the input is kept: a later re-rating (icx rerate) rates these records again from it
      {
        plans: [...opts.plans], usage: toRate, sourceHashes: toRateHashes, storeUsage: true, morePhases: BILL_PHASES,
        ...(opts.assumeTimezone ? { assumeTimezone: opts.assumeTimezone } : {}), ...(opts.progress !== undefined ? { progress: opts.progress } : {}),
      },
      true,
      body,
    );
  }
  const progress = phaseProgress(BILL_PHASES, opts.progress);
  try {
    return await inTransaction(store, () => body(null, progress));
  } finally {
    progress.stop();
  }
}

/** draft → approved: the run is frozen (re-running its period is refused). */
export async function approveBillRun(store: Store, runId: string, now: () => Date = () => new Date(), actor = currentActor()): Promise<void> {
  await ensureBillingTables(store);
  await inTransaction(store, async () => {
    const [r] = await findRuns(store, `run_id = $1`, [runId]);
    if (!r) throw new BillError(`no bill run ${runId} in the store`);
    if (r.status !== 'draft') throw new BillError(`bill run ${runId} is already ${r.status}`);
    const at = now();
    await store.connection.run(`UPDATE bill_runs SET status = 'approved', approved_at = CAST($2 AS TIMESTAMPTZ) WHERE run_id = $1`, [runId, at.toISOString()]);
    await appendAudit(store, { at, actor, action: 'bill-approve', subject: runId, details: { period: r.period } });
  });
}

/** approved → issued: numbers the invoices (per issuer, no gaps) in the same transaction. */
export async function issueBillRun(store: Store, runId: string, now: () => Date = () => new Date(), actor = currentActor()): Promise<InvoiceDocument[]> {
  await ensureBillingTables(store);
  return inTransaction(store, async () => {
    const [r] = await findRuns(store, `run_id = $1`, [runId]);
    if (!r) throw new BillError(`no bill run ${runId} in the store`);
    if (r.status === 'draft') throw new BillError(`bill run ${runId} is a draft: approve it first (icx bill approve ${runId})`);
    if (r.status === 'issued') throw new BillError(`bill run ${runId} is already issued`);
    const docs = await runDocuments(store, runId);
    const year = (docs[0]?.issueDate ?? now().toISOString()).slice(0, 4);
    const numbered = await numberInvoices(store, runId, year);
    const at = now();
    await store.connection.run(`UPDATE bill_runs SET status = 'issued', issued_at = CAST($2 AS TIMESTAMPTZ) WHERE run_id = $1`, [runId, at.toISOString()]);
    await appendAudit(store, {
      at, actor, action: 'bill-issue', subject: runId,
      details: { period: r.period, numbers: numbered.flatMap((d) => (d.number ? [d.number] : [])), totals: runTotals(numbered) },
    });
    return numbered;
  });
}

export { runDocuments };
