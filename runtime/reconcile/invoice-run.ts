// `icx reconcile invoice`: one partner invoice against our rating of the same month under the
// same agreement. Picks the agreement, computes our statement lines from the store, compares,
// and judges the whole invoice against the agreement's dispute tolerance → Findings.
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { monthBounds } from '../period/calendar.js';
import { minorUnits } from '../period/lines.js';
import { queryJson, type Store } from '../store/store.js';
import { FINDINGS_FORMAT, type Findings } from './findings.js';
import { compareInvoice } from './invoice-compare.js';
import type { PartnerInvoice } from './invoice-input.js';
import { ourLines } from './invoice-ours.js';
import { judge, markDisputed } from './verdict.js';

export class ReconcileError extends Error {}

export interface ReconcileInvoiceOptions {
  plans: readonly HashedAgreementPlan[];
  partner: string;
  /** YYYY-MM */
  period: string;
  invoice: PartnerInvoice;
  /** the agreement id, when the partner has several valid in the month */
  agreement?: string;
}

async function hasPayableUsage(store: Store, id: string, start: string, endExclusive: string): Promise<boolean> {
  const [r] = await queryJson(
    store,
    `SELECT count(*) AS n FROM rated_dims d JOIN rated_rows r ON r.run_id = d.run_id AND r.dim = d.dim
     WHERE d.agreement_id = $1 AND d.direction = 'out' AND r.local_start >= CAST($2 AS TIMESTAMP) AND r.local_start < CAST($3 AS TIMESTAMP)`,
    [id, `${start} 00:00:00`, `${endExclusive} 00:00:00`],
  );
  return Number(r?.n ?? 0) > 0;
}

/** The partner's agreement the invoice is about: --agreement, the invoice's own, or the only candidate. */
export async function pickAgreement(store: Store, opts: ReconcileInvoiceOptions): Promise<HashedAgreementPlan> {
  const { start, end, endExclusive } = monthBounds(opts.period);
  const wanted = opts.agreement ?? opts.invoice.agreement ?? undefined;
  const partnerOf = opts.plans.filter((h) => h.plan.partner.name === opts.partner);
  if (partnerOf.length === 0) {
    const names = [...new Set(opts.plans.map((h) => h.plan.partner.name))].sort();
    throw new ReconcileError(`no agreement with partner ${opts.partner} (partners: ${names.join(', ')})`);
  }
  if (opts.invoice.partner !== null && opts.invoice.partner !== opts.partner) {
    throw new ReconcileError(`${opts.invoice.file}: the invoice is from partner ${opts.invoice.partner}, not ${opts.partner}`);
  }
  const valid = partnerOf.filter(({ plan }) => plan.validFrom <= end && (plan.validTo === null || plan.validTo >= start));
  if (wanted !== undefined) {
    const hp = partnerOf.find((h) => h.plan.id === wanted);
    if (!hp) throw new ReconcileError(`partner ${opts.partner} has no agreement ${wanted} (agreements: ${partnerOf.map((h) => h.plan.id).join(', ')})`);
    if (!valid.includes(hp)) throw new ReconcileError(`agreement ${wanted} is not valid in ${opts.period} (valid ${hp.plan.validFrom} .. ${hp.plan.validTo ?? 'open'})`);
    return hp;
  }
  const payable = valid.filter((h) => h.plan.services.some((s) => s.direction === 'payable'));
  if (payable.length === 1) return payable[0]!;
  if (payable.length === 0) throw new ReconcileError(`partner ${opts.partner} has no agreement with a payable service valid in ${opts.period}: there is nothing they invoice us`);
  const used = [];
  for (const h of payable) if (await hasPayableUsage(store, h.plan.id, start, endExclusive)) used.push(h);
  if (used.length === 1) return used[0]!;
  throw new ReconcileError(
    `partner ${opts.partner} has ${payable.length} agreements valid in ${opts.period} (${payable.map((h) => h.plan.id).join(', ')}): name one with --agreement`,
  );
}

export async function reconcileInvoice(store: Store, opts: ReconcileInvoiceOptions): Promise<Findings> {
  const hp = await pickAgreement(store, opts);
  const plan = hp.plan;
  const inv = opts.invoice;
  if (inv.currency !== null && inv.currency !== plan.currency) {
    throw new ReconcileError(`${inv.file}: the invoice is in ${inv.currency}; agreement ${plan.id} is in ${plan.currency} (an invoice is compared in the agreement's currency)`);
  }
  const { start, end } = monthBounds(opts.period);
  const ours = await ourLines(store, hp, opts.period);
  const places = minorUnits(plan.currency);
  const cmp = compareInvoice(plan, inv.lines, ours, { period: opts.period, start, end }, places);
  const v = judge(plan.settlement?.disputeTolerance, cmp, plan.currency);
  return {
    format: FINDINGS_FORMAT,
    kind: 'invoice',
    partner: opts.partner,
    agreement: { id: plan.id, version: plan.version, planHash: hp.hash },
    period: opts.period,
    currency: plan.currency,
    source: { file: inv.file, sha256: inv.sha256, invoiceNumber: inv.invoiceNumber, invoiceDate: inv.invoiceDate },
    totals: { theirs: cmp.theirs, ours: cmp.ours, difference: cmp.difference },
    tolerance: v.tolerance,
    verdict: v.verdict,
    verdictReason: v.verdictReason,
    lines: markDisputed(cmp.lines, v.verdict),
    // icx dispute open takes its deadlines from here
    disputeDeadlines: plan.settlement?.disputeDeadlines ?? null,
  };
}
