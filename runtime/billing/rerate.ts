// A re-rating (docs/usage.md "Re-rating: `icx rerate`"): the records an issued bill run counted
// are rated again from their stored input with the agreements as they are now, with any late
// usage files, in one new rating run; the period's documents are built again and compared line
// by line with what was billed (the issued documents and the notes issued since); the
// differences become a correction run — a draft of credit and debit notes, each line with its
// reason — approved and issued like a bill run. All in one transaction. Issued documents are
// never touched; every rated version of a record stays in the store.
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { monthBounds } from '../period/calendar.js';
import { loadDigitalInputs, periodCharges } from '../period/run.js';
import type { Progress } from '../progress.js';
import { rateWith, type RateResult } from '../rate.js';
import { queryJson, type Store } from '../store/store.js';
import { appendAudit, currentActor } from './audit.js';
import { correctionNotes } from './corrections.js';
import { buildDocuments } from './documents.js';
import type { PeriodRunOptions } from './run.js';
import { BillError } from './errors.js';
import type { InvoiceDocument } from './invoice-document.js';
import { buildRerateInput, checkRerateInput, dropRerateInput } from './rerate-input.js';
import { lineReason, planChanges, recordChanges, recordTransitions, type RecordChange } from './rerate-reasons.js';
import { dropDraftCorrections, ensureBillingTables, findRuns, runDocuments, runPlans, runTotals, storeDraft, type BillRunRow } from './store.js';
import { usageLines } from './usage-lines.js';
import { sha256File } from './hash.js';

/** `usage`: late files — records not billed yet, or sent again (a file's copy replaces the stored one). The issue date defaults to today by `now`. */
export type RerateOptions = PeriodRunOptions;

export interface Correction {
  /** `<bill run>-C<n>`: the n-th correction of that bill run */
  runId: string;
  corrects: string;
  documents: InvoiceDocument[];
  /** the records whose charge changed, as billed and now */
  records: RecordChange[];
}

export interface RerateResult {
  rating: RateResult;
  /** records rated again from the store's copy of their input */
  stored: number;
  corrections: Correction[];
  /** corrected bill runs whose documents did not change */
  unchanged: string[];
}

interface Target {
  run: BillRunRow;
  plans: HashedAgreementPlan[];
  /** issued corrections of the run, oldest first */
  issued: BillRunRow[];
  suffix: string;
}

const validIn = (plans: readonly HashedAgreementPlan[], start: string, end: string) =>
  plans.filter(({ plan }) => plan.validFrom <= end && (plan.validTo === null || plan.validTo >= start));

async function targets(store: Store, opts: RerateOptions, end: string, start: string): Promise<Target[]> {
  const valid = validIn(opts.plans, start, end);
  const runs = await findRuns(store, `period = $1 AND corrects IS NULL`, [opts.period]);
  const issued = runs.filter((r) => r.status === 'issued');
  const out: Target[] = [];
  for (const run of issued) {
    const ids = run.agreements.filter((id) => opts.partner === undefined || opts.plans.some((p) => p.plan.id === id && p.plan.partner.name === opts.partner));
    if (ids.length === 0) continue;
    const gone = ids.filter((id) => !valid.some((p) => p.plan.id === id));
    if (gone.length) {
      throw new BillError(`bill run ${run.runId} billed ${gone.join(', ')}, which ${gone.length === 1 ? 'is' : 'are'} not among the agreements given (valid in ${opts.period})`);
    }
    const corrections = await findRuns(store, `corrects = $1 AND status <> 'draft'`, [run.runId]);
    // corrections of other agreements of the run (another --partner's) do not stand in the way
    const approved = corrections.find((c) => c.status === 'approved' && c.agreements.some((a) => ids.includes(a)));
    if (approved) throw new BillError(`correction ${approved.runId} of ${run.runId} is approved but not issued: issue it (icx bill issue ${approved.runId}) before re-rating again`);
    out.push({
      run, plans: valid.filter((p) => ids.includes(p.plan.id)).sort((a, b) => (a.plan.id < b.plan.id ? -1 : 1)),
      issued: corrections.filter((c) => c.status === 'issued'),
      // a correction of part of the run's agreements is named for its partner
      suffix: opts.partner !== undefined && run.agreements.some((a) => !ids.includes(a)) ? `-${opts.partner}` : '',
    });
  }
  if (out.length === 0) {
    const pending = runs.find((r) => r.status !== 'issued');
    const who = opts.partner ? ` for partner ${opts.partner}` : '';
    throw new BillError(pending
      ? `bill run ${pending.runId} for ${opts.period} is ${pending.status}, not issued: ${pending.status === 'draft' ? 'run icx bill again to re-rate a draft' : `issue it first (icx bill issue ${pending.runId})`}`
      : `no issued bill run for ${opts.period}${who}: nothing to correct (icx bill --period ${opts.period} makes one)`);
  }
  return out;
}

export async function rerate(store: Store, opts: RerateOptions): Promise<RerateResult> {
  const { start, end, endExclusive } = monthBounds(opts.period);
  if (opts.issueDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.issueDate)) {
    throw new BillError(`--issue-date ${JSON.stringify(opts.issueDate)} is not a date; write it as YYYY-MM-DD`);
  }
  const now = opts.now ?? (() => new Date());
  const issueDate = opts.issueDate ?? now().toISOString().slice(0, 10);
  await ensureBillingTables(store);
  const todo = await targets(store, opts, end, start);
  const scope = [...new Map(todo.flatMap((t) => t.plans).map((p) => [p.plan.id, p])).values()];
  const usageHashes: string[] = [];
  for (const u of opts.usage ?? []) usageHashes.push(`${u.path}:${await sha256File(u.path)}`);
  // retail and KPI lines are checked against every agreement given: a line of another partner's is not an error
  const digital = await loadDigitalInputs(store, validIn(opts.plans, start, end), { ...(opts.retail ? { retail: opts.retail } : {}), ...(opts.kpi ? { kpi: opts.kpi } : {}) });
  try {
    const input = await buildRerateInput(store, scope.map((p) => p.plan.id), start, endExclusive);
    const body = async (rating: RateResult, progress: Progress): Promise<RerateResult> => {
      await checkRerateInput(store);
      progress.phase('charges');
      const charges = await periodCharges(store, scope, opts.period, { digital });
      const missing = charges.filter((c) => c.construct.endsWith('-missing'));
      if (missing.length) {
        throw new BillError(missing.map((c) => `${c.agreementId} ${c.service}: ${c.explanation}`).join('; ') + ' (give --retail / --kpi)');
      }
      const corrections: Correction[] = [];
      const unchanged: string[] = [];
      progress.phase('notes');
      for (const t of todo) {
        const runId = `${t.run.runId}-C${t.issued.length + 1}${t.suffix}`;
        await dropDraftCorrections(store, t.run.runId, t.plans.map((p) => p.plan.id));
        const billedRuns = [...new Set([...t.run.ratingRuns, ...t.issued.flatMap((c) => c.ratingRuns)])];
        const billedDocs = await runDocuments(store, t.run.runId);
        const priorNotes = (await Promise.all(t.issued.map((c) => runDocuments(store, c.runId)))).flat();
        // the plans of the latest issued document: the clauses changed since are the reason
        const billedPlans = await runPlans(store, t.run.runId);
        for (const c of t.issued) for (const [id, plan] of await runPlans(store, c.runId)) billedPlans.set(id, plan);
        const docs: InvoiceDocument[] = [];
        for (const hp of t.plans) {
          const id = hp.plan.id;
          const fresh = buildDocuments({
            hp, usage: await usageLines(store, hp, start, endExclusive), charges, billRunId: runId, period: { start, end }, issueDate,
          });
          const transitions = await recordTransitions(store, id, start, endExclusive, billedRuns, rating.runId);
          const billedPlan = billedPlans.get(id);
          const changes = planChanges(billedPlan, hp.plan);
          const notes = [
            `Re-rated on ${issueDate} with ${id} version ${hp.plan.version}` +
              (billedPlan ? (billedPlan.version === hp.plan.version && changes.length === 0 ? ' (the version billed)' : `; billed with version ${billedPlan.version}`) : '') + '.',
            ...changes.filter((c) => c.service === null).map((c) => `Agreement change: ${c.text}.`),
          ];
          docs.push(...correctionNotes({
            billed: billedDocs.filter((d) => d.agreement.id === id),
            priorNotes: priorNotes.filter((d) => d.agreement.id === id),
            fresh,
            reason: (direction, line) => lineReason(direction, line, changes, transitions),
            notes, correctionRunId: runId, issueDate, dueDays: hp.plan.settlement?.dueDays ?? null,
          }));
        }
        const at = now();
        if (docs.length === 0) {
          unchanged.push(t.run.runId);
          await appendAudit(store, {
            at, actor: opts.actor ?? currentActor(), action: 'rerate', subject: t.run.runId,
            details: { period: opts.period, corrects: t.run.runId, ratingRun: rating.runId, usageHashes, documents: 0, result: 'no differences' },
          });
          continue;
        }
        const planHashes = t.plans.map(({ plan, hash }) => `${plan.id}@${plan.version}:${hash}`);
        await storeDraft(store, {
          runId, period: opts.period, partners: [...new Set(t.plans.map((p) => p.plan.partner.name))].sort(),
          agreements: t.plans.map((p) => p.plan.id), createdAt: at, issueDate, planHashes, usageHashes,
          ratingRun: rating.runId, ratingRuns: [rating.runId], corrects: t.run.runId, plans: t.plans, sourceHashes: opts.sourceHashes ?? [], docs,
        });
        await appendAudit(store, {
          at, actor: opts.actor ?? currentActor(), action: 'rerate', subject: runId,
          details: { period: opts.period, corrects: t.run.runId, ratingRun: rating.runId, billedRuns, sourceHashes: opts.sourceHashes ?? [], planHashes, usageHashes, documents: docs.length, totals: runTotals(docs) },
        });
        const records = await recordChanges(store, t.plans.map((p) => p.plan.id), start, endExclusive, billedRuns, rating.runId);
        corrections.push({ runId, corrects: t.run.runId, documents: docs, records });
      }
      if (opts.beforeCommit) await opts.beforeCommit();
      // the late files come first in the run's sources; a record they re-send was not read from the store
      const [fromFiles] = await queryJson(store, `SELECT count(*) AS n FROM run_raw WHERE src_no <= $1`, [(opts.usage ?? []).length]);
      return { rating, stored: rating.inCount - Number(fromFiles!.n), corrections, unchanged };
    };
    return await rateWith(
      store,
      {
        plans: [...opts.plans],
        // late files first: a record they re-send replaces its stored copy (StoredUsageSource)
        usage: [...(opts.usage ?? []), ...input.sources],
        storeUsage: true,
        morePhases: ['charges', 'notes'],
        ...(opts.assumeTimezone ? { assumeTimezone: opts.assumeTimezone } : {}),
      },
      true,
      body,
    );
  } finally {
    await dropRerateInput(store);
  }
}
