// Rate lines compared as price histories per (zone, band, origin, tariff, step): what
// rose, fell, appeared or went, and from when. Pure.
import type { RateLinePlan, ServicePlan } from '../plan.js';
import { compareSpans, compareValues, percentChange, stretch, type Span } from './timeline.js';
import type { Change, PriceDetail } from './types.js';

export interface PriceContext {
  agreement: string;
  service: string;
  currency: string;
  unit: string;
  /** the band order of the new (else old) agreement, for a stable reading order */
  bands: string[];
  /** the later of the two validity starts: earlier dates are not compared */
  start: string | null;
}

interface Key {
  zone: string;
  band: string;
  origin: string | null;
  tariff: string | null;
  fromSecond: number;
}

const keyText = (k: Key) => JSON.stringify([k.zone, k.band, k.origin, k.tariff, k.fromSecond]);

function histories(rates: RateLinePlan[]): Map<string, { key: Key; spans: Span[] }> {
  const out = new Map<string, { key: Key; spans: Span[] }>();
  const add = (key: Key, span: Span) => {
    const k = keyText(key);
    let h = out.get(k);
    if (!h) out.set(k, (h = { key, spans: [] }));
    h.spans.push(span);
  };
  for (const r of rates) {
    // a tiered service's records are rated provisionally at tier 1's price: the tiers say it
    if (r.clause.endsWith('/tier-1-provisional')) continue;
    const base = { zone: r.zone, band: r.band, origin: r.origin ?? null, tariff: r.tariff ?? null };
    if (r.closed || r.steps.length === 0) {
      add({ ...base, fromSecond: 0 }, { from: r.effectiveFrom, to: r.effectiveTo, value: null });
      continue;
    }
    for (const s of r.steps) add({ ...base, fromSecond: s.fromSecond }, { from: r.effectiveFrom, to: r.effectiveTo, value: s.price });
  }
  return out;
}

/** `FR-MOBILE peak`, `FR-MOBILE origin EU`, `FR-MOBILE after 60 s` */
export function priceSubject(k: { zone: string; band: string | null; origin: string | null; tariff?: string | null; fromSecond: number }): string {
  let s = k.zone;
  if (k.tariff) s += ` [${k.tariff}]`;
  if (k.band !== null && k.band !== 'any') s += ` ${k.band}`;
  if (k.origin) s += ` origin ${k.origin}`;
  if (k.fromSecond > 0) s += ` after ${k.fromSecond} s`;
  return s;
}

/** One change per stretch of dates where a price differs. */
export function diffRates(ctx: PriceContext, oldSvc: ServicePlan, newSvc: ServicePlan): Change[] {
  const o = histories(oldSvc.rates);
  const n = histories(newSvc.rates);
  const keys = [...new Set([...o.keys(), ...n.keys()])].map((k) => (o.get(k) ?? n.get(k))!.key);
  const bandIndex = (b: string) => {
    const i = ctx.bands.indexOf(b);
    return i < 0 ? ctx.bands.length : i;
  };
  keys.sort((a, b) =>
    cmp(a.zone, b.zone) || bandIndex(a.band) - bandIndex(b.band) || cmp(a.band, b.band) || cmp(a.origin ?? '', b.origin ?? '') ||
    cmp(a.tariff ?? '', b.tariff ?? '') || a.fromSecond - b.fromSecond);
  const out: Change[] = [];
  for (const key of keys) {
    const k = keyText(key);
    for (const d of compareSpans(o.get(k)?.spans ?? [], n.get(k)?.spans ?? [], ctx.start)) {
      out.push(priceChange(ctx, key, d.from, d.to, d.old, d.new));
    }
  }
  return out;
}

export function priceChange(
  ctx: Pick<PriceContext, 'agreement' | 'service' | 'currency' | 'unit' | 'start'>,
  key: { zone: string; band: string | null; origin: string | null; tariff?: string | null; fromSecond: number },
  from: string, to: string | null, oldPrice: string | null, newPrice: string | null, subjectOverride?: string,
): Change {
  const subject = subjectOverride ?? priceSubject(key);
  const per = `${ctx.currency}/${ctx.unit}`;
  const when = stretch(from, to, ctx.start);
  const percent = percentChange(oldPrice, newPrice);
  const price: PriceDetail = {
    zone: key.zone, band: key.band === 'any' ? null : key.band, origin: key.origin, fromSecond: key.fromSecond,
    from, to, old: oldPrice, new: newPrice, percent, currency: ctx.currency, unit: ctx.unit,
  };
  const op = oldPrice === null ? 'added' : newPrice === null ? 'removed' : 'changed';
  const text = op === 'added' ? `${subject} ${newPrice} ${per}${when}`
    : op === 'removed' ? `${subject} ${oldPrice} ${per}${when}`
    : `${subject} ${oldPrice} → ${newPrice} ${per}${percent === null ? '' : ` (${percent}%)`}${when}`;
  return { agreement: ctx.agreement, service: ctx.service, kind: 'price', op, subject, old: oldPrice, new: newPrice, text, price };
}

const DECIMAL = /^[0-9]+(?:\.[0-9]+)?$/;

/** A changed price (rate line, deck prefix, tier or surcharge): up, down, or null (added, removed, not a price). */
export function priceDirection(c: Change): 'up' | 'down' | null {
  if (c.op !== 'changed' || !['price', 'tier', 'surcharge'].includes(c.kind)) return null;
  if (c.old === null || c.new === null || !DECIMAL.test(c.old) || !DECIMAL.test(c.new)) return null;
  const s = compareValues(c.new, c.old);
  return s > 0 ? 'up' : s < 0 ? 'down' : null;
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
