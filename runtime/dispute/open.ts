// Opening a dispute from a reconciliation's findings: its disputed lines, evidence, claim and
// deadlines recorded in ONE transaction with its first history event and an audit entry, so a
// failure part-way leaves no row at all. The clock is injected; the raised date defaults to the
// clock's UTC date. Refused (nothing written): findings whose verdict is accept (unless force),
// findings with nothing disputed or nothing claimed, a partner's invoice already disputed, and a
// dispute after the agreement's deadline (unless `late` with a reason, which is recorded).
import { appendAudit, currentActor } from '../billing/audit.js';
import { inTransaction, queryJson, type Store } from '../store/store.js';
import { claimOf, deadlinesOf } from './claim.js';
import { requireDate, utcDate } from './dates.js';
import { DisputeError, DisputeInputError } from './errors.js';
import type { ReadFindings } from './findings-read.js';
import { appendEvent, ensureDisputeTables, insertDispute, nextDisputeId, type DisputeLineRow, type DisputeRow, type PartyDetails } from './store.js';

export interface OpenOptions {
  /** the agreement's deadlines (plan.settlement.disputeDeadlines); null when it states none */
  rules: { raiseDays: number | null; answerDays: number | null } | null;
  /** us and the partner, for the document (from the compiled agreement), when known */
  parties?: { us: PartyDetails; partner: PartyDetails } | null;
  /** YYYY-MM-DD; default the clock's UTC date */
  raised?: string;
  /** the partner's invoice date / number when findings.json has none */
  invoiceDate?: string;
  invoiceNumber?: string;
  /** dispute findings whose verdict is accept (within tolerance) */
  force?: boolean;
  /** open after the deadline to raise: the reason is recorded */
  late?: { reason: string };
  now?: () => Date;
  actor?: string;
  /**
   * Runs inside the transaction after every write, just before the commit (the CLI renders the
   * document there, so a rendering failure opens nothing; tests inject a failure)
   */
  beforeCommit?: (opened: Opened) => Promise<void>;
}

export interface Opened {
  dispute: DisputeRow;
  lines: DisputeLineRow[];
}

function pick(fromFindings: string | null, given: string | undefined, what: string, file: string): string | null {
  if (given !== undefined && fromFindings !== null && given !== fromFindings) {
    throw new DisputeInputError(`${what} ${given} disagrees with ${file} (${fromFindings}); leave it out`);
  }
  return fromFindings ?? given ?? null;
}

export async function openDispute(store: Store, read: ReadFindings, opts: OpenOptions): Promise<Opened> {
  const f = read.findings;
  const now = opts.now ?? (() => new Date());
  if (f.verdict === 'accept' && !opts.force) {
    throw new DisputeError(`${read.file}: the verdict is accept (${f.verdictReason}); nothing to dispute. To dispute it anyway: --force`);
  }
  if (read.disputed.length === 0) throw new DisputeError(`${read.file}: no line is marked disputed; nothing to dispute`);
  const claim = claimOf(read.disputed);
  if (claim.overchargedLines === 0) {
    throw new DisputeError(`${read.file}: the disputed lines are all undercharges (${claim.undercharged} ${f.currency} in the partner's disfavour); a dispute claims overcharges only`);
  }
  const invoiceDate = pick(f.source.invoiceDate, opts.invoiceDate === undefined ? undefined : requireDate(opts.invoiceDate, '--invoice-date'), '--invoice-date', read.file);
  const invoiceNumber = pick(f.source.invoiceNumber, opts.invoiceNumber, '--invoice-number', read.file);
  const raised = opts.raised === undefined ? utcDate(now()) : requireDate(opts.raised, '--raised');
  if (opts.rules?.raiseDays != null && invoiceDate === null) {
    throw new DisputeInputError(`${read.file}: source.invoiceDate is null and the agreement's deadline counts from it (dispute within ${opts.rules.raiseDays} days); give --invoice-date YYYY-MM-DD`);
  }
  if (invoiceDate !== null && raised < invoiceDate) {
    throw new DisputeInputError(`raised ${raised} is before the invoice date ${invoiceDate}`);
  }
  const { raiseBy, answerDue } = deadlinesOf(invoiceDate, raised, opts.rules);
  const late = raiseBy !== null && raised > raiseBy;
  if (late && opts.late === undefined) {
    throw new DisputeError(
      `too late: ${f.agreement.id} says dispute within ${opts.rules!.raiseDays} days of the invoice date ${invoiceDate}, so by ${raiseBy}; ` +
        `raised ${raised}. To record it anyway: --late --reason "why"`,
    );
  }
  if (opts.late !== undefined && opts.late.reason.trim() === '') throw new DisputeInputError('--late needs --reason "why the dispute is raised after the deadline"');

  await ensureDisputeTables(store);
  return inTransaction(store, async () => {
    const [dup] = await queryJson(store, `SELECT dispute_id, status FROM disputes WHERE source_sha256 = $1 AND kind = $2 AND partner = $3`, [f.source.sha256, f.kind, f.partner]);
    if (dup) throw new DisputeError(`${f.partner}'s ${f.source.file} (sha256 ${f.source.sha256.slice(0, 12)}…) is already disputed: ${String(dup.dispute_id)} (${String(dup.status)})`);
    const id = await nextDisputeId(store, f.partner, f.period);
    const at = now();
    const dispute: DisputeRow = {
      id, partner: f.partner, agreement: { ...f.agreement }, kind: f.kind, period: f.period, invoiceNumber, invoiceDate,
      source: { file: f.source.file, sha256: f.source.sha256 }, findingsSha256: read.sha256, currency: f.currency,
      claimed: claim.claimed, undercharged: claim.undercharged, totals: { ...f.totals }, verdict: f.verdict, verdictReason: f.verdictReason,
      tolerance: f.tolerance, status: 'open', credited: null, raiseDays: opts.rules?.raiseDays ?? null, answerDays: opts.rules?.answerDays ?? null,
      raisedOn: raised, raiseBy, answerDue, late, lateReason: late ? opts.late!.reason.trim() : null, parties: opts.parties ?? null,
      createdAt: at.toISOString().replace(/\.\d{3}Z$/, 'Z'), updatedAt: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
    const lines: DisputeLineRow[] = read.disputed.map((l, i) => ({
      lineNo: i + 1, category: l.category, subject: l.subject, service: l.service, zone: l.zone, band: l.band,
      theirs: l.theirs, ours: l.ours, difference: l.difference, explanation: l.explanation, evidence: l.evidence,
    }));
    await insertDispute(store, dispute, lines, read.evidence);
    const actor = opts.actor ?? currentActor();
    await appendEvent(store, id, { at, actor, action: 'open', from: null, to: 'open', amount: dispute.claimed, note: late ? `raised late: ${dispute.lateReason}` : null });
    await appendAudit(store, {
      at, actor, action: 'dispute-open', subject: id,
      details: {
        partner: f.partner, agreement: `${f.agreement.id}@${f.agreement.version}:${f.agreement.planHash}`, period: f.period, kind: f.kind,
        invoiceNumber, invoiceDate, source: `${f.source.file}:${f.source.sha256}`, findings: `${read.file}:${read.sha256}`,
        currency: f.currency, claimed: claim.claimed, lines: lines.length, evidence: read.evidence.map((e) => `${e.name}:${e.sha256}`),
        raised, raiseBy, answerDue, late, ...(late ? { lateReason: dispute.lateReason } : {}), ...(opts.force && f.verdict === 'accept' ? { forced: true } : {}),
      },
    });
    if (opts.beforeCommit) await opts.beforeCommit({ dispute, lines });
    return { dispute, lines };
  });
}
