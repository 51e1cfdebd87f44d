// A dispute's life after it is opened: the partner acknowledges it, then resolves it with a credit
// or rejects it. An answer may skip the acknowledgement (a credit note is an answer too); resolved
// and rejected disputes are final. Each step is one transaction: the status, a history event and an
// audit entry, all or none. A step that does not fit the current status is refused (DisputeError).
import { Decimal } from 'decimal.js';
import { appendAudit, currentActor, type AuditAction } from '../billing/audit.js';
import { exec, inTransaction, type Store } from '../store/store.js';
import { DisputeError, DisputeInputError } from './errors.js';
import { appendEvent, findDisputes, hasDisputeTables, type DisputeRow, type DisputeStatus } from './store.js';

export type DisputeStep = 'acknowledge' | 'resolve' | 'reject';

/** Which statuses each step starts from, and where it leads. */
export const TRANSITIONS: Record<DisputeStep, { from: DisputeStatus[]; to: DisputeStatus; audit: AuditAction }> = {
  acknowledge: { from: ['open'], to: 'acknowledged', audit: 'dispute-acknowledge' },
  resolve: { from: ['open', 'acknowledged'], to: 'resolved-credit', audit: 'dispute-resolve' },
  reject: { from: ['open', 'acknowledged'], to: 'rejected', audit: 'dispute-reject' },
};

export interface StepOptions {
  /** resolve: the amount the partner credits, exact, > 0 and at most the claim */
  credit?: string;
  note?: string;
  now?: () => Date;
  actor?: string;
}

export async function getDispute(store: Store, id: string): Promise<DisputeRow> {
  const [d] = (await hasDisputeTables(store)) ? await findDisputes(store, 'dispute_id = $1', [id]) : [];
  if (!d) throw new DisputeError(`no dispute ${id} in the store`);
  return d;
}

function refuse(d: DisputeRow, step: DisputeStep): never {
  const final = d.status === 'resolved-credit' || d.status === 'rejected';
  const what = d.status === 'resolved-credit' ? `resolved with a credit of ${d.credited} ${d.currency}` : d.status;
  throw new DisputeError(
    `dispute ${d.id} is ${what}: it cannot be ${step === 'resolve' ? 'resolved' : `${step}d`}` +
      (final ? '; a resolved or rejected dispute is final' : ` (only a dispute that is ${TRANSITIONS[step].from.join(' or ')} can)`),
  );
}

export async function stepDispute(store: Store, id: string, step: DisputeStep, opts: StepOptions = {}): Promise<DisputeRow> {
  const now = opts.now ?? (() => new Date());
  const t = TRANSITIONS[step];
  let credit: string | null = null;
  if (step === 'resolve') {
    if (opts.credit === undefined || !/^\d+(\.\d+)?$/.test(opts.credit) || new Decimal(opts.credit).lte(0)) {
      throw new DisputeInputError(`--credit ${JSON.stringify(opts.credit ?? '')} is not an amount; write the credited amount such as 1234.56 (a rejection is --reject)`);
    }
    credit = opts.credit;
  }
  if (step === 'reject' && !opts.note?.trim()) throw new DisputeInputError('--reject needs --note "the partner\'s reason"');
  return inTransaction(store, async () => {
    const d = await getDispute(store, id);
    if (!t.from.includes(d.status)) refuse(d, step);
    if (credit !== null && new Decimal(credit).gt(d.claimed)) {
      throw new DisputeInputError(`--credit ${credit} ${d.currency} is more than dispute ${id} claims (${d.claimed} ${d.currency})`);
    }
    const at = now();
    const stamp = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
    await exec(store, `UPDATE disputes SET status = $2, credited = $3, updated_at = CAST($4 AS TIMESTAMPTZ) WHERE dispute_id = $1`, [id, t.to, credit, at.toISOString()]);
    const actor = opts.actor ?? currentActor();
    const note = opts.note?.trim() || null;
    await appendEvent(store, id, { at, actor, action: step, from: d.status, to: t.to, amount: credit, note });
    await appendAudit(store, {
      at, actor, action: t.audit, subject: id,
      details: { partner: d.partner, period: d.period, from: d.status, to: t.to, currency: d.currency, claimed: d.claimed, ...(credit !== null ? { credited: credit } : {}), ...(note !== null ? { note } : {}) },
    });
    return { ...d, status: t.to, credited: credit, updatedAt: stamp };
  });
}
