// Commitments in routing: while OUR commitment to a supplier is not met, a call routed to it
// lowers the shortfall we would pay anyway, so its marginal cost is lower than its price:
//   spend  (`ACME commits 250_000 EUR per quarter`): every unit spent until the commitment is
//          met is owed anyway → marginal = max(0, cost − remaining spend);
//   volume (`ACME commits 1_000_000 min per month`, `shortfall at 0.0100 EUR/min`): each
//          billed minute until it is met saves the shortfall price → marginal = cost −
//          min(billed minutes, remaining) × shortfall price, floored at 0.
// What is already used in the period comes from the user (`--commitment-used AGREEMENT=QTY`,
// the spend in the agreement currency or the volume in the commitment's unit) or, with
// `--store`, from our rated traffic (runtime/lcr/commitment-use.ts); the explicit figure wins.
// icx does not guess it: a commitment without either is reported in the notes and not applied.
import type { AgreementPlan, ServicePlan } from '../../compiler/plan.js';
import { D, type Dec } from './call-cost.js';
import { measureKey } from './quality.js';
import type { StoreCommitmentUse } from './commitment-use.js';
import { LcrError } from './errors.js';

export interface CommitmentCredit {
  basis: 'spend' | 'volume';
  /** what is left to meet: spend in the agreement currency, or minutes */
  remaining: Dec;
  /**
   * remaining × 60, exact: what the marginal cost uses (minutes read from the store are billed
   * seconds / 60, which a decimal cannot always hold; their ×60 is the seconds themselves)
   */
  remaining60: Dec;
  /** volume: per minute of shortfall */
  shortfallPrice: Dec | null;
  /** as shown in the output */
  text: string;
}

/** The credit of the supplier's commitment, or null (none, met, or no use stated: then a note). */
export function commitmentCredit(
  plan: AgreementPlan, svc: ServicePlan, used: ReadonlyMap<string, string>, notes: string[],
  fromStore?: ReadonlyMap<string, StoreCommitmentUse>,
): CommitmentCredit | null {
  const c = plan.commitments?.find((x) => x.service === svc.name && x.committedBy === 'us');
  if (!c) return null;
  const given = used.get(plan.id);
  const stored = fromStore?.get(measureKey(plan.id, svc.name));
  if (given === undefined && stored === undefined) {
    notes.push(`${plan.id} has a ${c.basis} commitment (${c.quantity} ${c.unit} per ${c.period}); give --commitment-used ${plan.id}=QTY${fromStore ? '' : ' (or --store)'} to let it lower the marginal cost`);
    return null;
  }
  if (stored !== undefined) notes.push(`${plan.id}: ${given === undefined ? stored.describe : `--commitment-used ${given} wins over the store (${stored.describe})`}`);
  const u = given ?? stored!.used;
  // used × 60: the store gives it exactly (billed seconds for minutes)
  const used60 = given !== undefined ? new D(given).times(60) : new D(stored!.used60);
  const remaining60 = new D(c.quantity).times(60).minus(used60);
  const remaining = remaining60.div(60);
  const text = `${c.basis} ${c.quantity} ${c.unit} per ${c.period}, used ${u}`;
  if (remaining60.lte(0)) return null;
  if (c.basis === 'spend') {
    if ((svc.priceCurrency ?? plan.currency) !== c.unit) {
      notes.push(`${plan.id}: the commitment is in ${c.unit} but the service prices in ${svc.priceCurrency ?? plan.currency}; not applied`);
      return null;
    }
    return { basis: 'spend', remaining, remaining60, shortfallPrice: null, text };
  }
  if (c.unit !== 'min' || c.shortfallPrice === null) {
    notes.push(`${plan.id}: a volume commitment in ${c.unit}${c.shortfallPrice === null ? ' without a shortfall price' : ''} is not applied (minutes with a shortfall price only)`);
    return null;
  }
  return { basis: 'volume', remaining, remaining60, shortfallPrice: new D(c.shortfallPrice), text };
}

/** The marginal cost ×60 (price currency) of a call of `billed` seconds costing native60. */
export function marginalCost60(native60: Dec, billed: number, credit: CommitmentCredit): Dec {
  const saved60 = credit.basis === 'spend'
    ? credit.remaining60
    : D.min(new D(billed), credit.remaining60).times(credit.shortfallPrice!);
  return D.max(0, native60.minus(saved60));
}

/** Parses `--commitment-used AGREEMENT=QTY` values. */
export function parseCommitmentUsed(values: readonly string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const v of values) {
    const x = /^([^=]+)=(\d+(?:\.\d+)?)$/.exec(v.replace(/_/g, ''));
    if (!x) throw new LcrError(`--commitment-used: \`${v}\` is not AGREEMENT=QUANTITY (e.g. ACME-ORANGE-FR-2026=120000)`, 'usage');
    m.set(x[1]!, x[2]!);
  }
  return m;
}
