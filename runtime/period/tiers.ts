// Tier arithmetic shared by tiered pricing and discounts. Bounds: lower inclusive, upper
// exclusive, contiguous from 0, the last open (checked by the compiler).
import type { TierPlan } from '../../compiler/plan.js';
import { DATA_UNIT_BYTES } from '../../compiler/values.js';
import { D, type Dec } from './lines.js';

export interface TierShare {
  tier: TierPlan;
  /** the part of the quantity inside this tier */
  quantity: Dec;
}

/** Incremental: the quantity cut at the tier bounds; only tiers the quantity reaches. */
export function splitIncremental(tiers: TierPlan[], quantity: Dec): TierShare[] {
  const out: TierShare[] = [];
  for (const t of tiers) {
    const from = new D(t.from);
    if (quantity.lte(from) && !(from.isZero() && quantity.isZero())) break;
    const top = t.to === null ? quantity : D.min(quantity, new D(t.to));
    out.push({ tier: t, quantity: D.max(top.minus(from), 0) });
  }
  return out;
}

/** Retroactive: the tier the whole quantity reached (from <= q < to). */
export function reachedTier(tiers: TierPlan[], quantity: Dec): TierPlan {
  for (const t of tiers) {
    if (quantity.gte(t.from) && (t.to === null || quantity.lt(t.to))) return t;
  }
  return tiers[tiers.length - 1]!;
}

/** Tiers count data in KB, MB, GB or TB: each unit's size in KB. */
const DATA_FACTORS: Record<string, number> = Object.fromEntries(['KB', 'MB', 'GB', 'TB'].map((u) => [u, Number(DATA_UNIT_BYTES[u]! / 1024n)]));

/** A volume in the service's unit expressed in the unit tiers count (binary data units as in rating: 1 GB = 1,024 MB). */
export function convertVolume(q: Dec, from: string, to: string): Dec {
  if (from === to || DATA_FACTORS[from] === undefined || DATA_FACTORS[to] === undefined) return q;
  return q.times(DATA_FACTORS[from]!).div(DATA_FACTORS[to]!);
}

export function tierRange(t: TierPlan, unit: string): string {
  return t.to === null ? `${showBound(t.from)} ${unit} ..` : `${showBound(t.from)} .. ${showBound(t.to)} ${unit}`;
}

function showBound(s: string): string {
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
