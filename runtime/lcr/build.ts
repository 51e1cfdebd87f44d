// The route table: for every prefix any supplier prices or bars, each supplier's offer at ITS
// longest prefix matching it, ranked by the cost of a typical call in the table currency.
//
// Set-based in one pass: the route prefixes are the union of all suppliers' prefixes, sorted
// so that a prefix comes right after its ancestors. A supplier's longest match for P is P
// itself when it has P, else its longest match for P's parent — the longest proper prefix of
// P in the union (every supplier prefix shorter than P that matches it is in the union). The
// parent comes from a stack walk of the sorted list: O(prefixes × suppliers), no per-digit probes.
import type { RateLinePlan } from '../../compiler/plan.js';
import { billedSeconds, callCost60, D, type Dec, incrementsOf, ratePerMinute } from './call-cost.js';
import { marginalCost60 } from './commitments.js';
import type { Supplier } from './suppliers.js';

export interface Offer {
  supplier: Supplier;
  /** the supplier's prefix that matched */
  matched: string;
  zone: string;
  clause: string;
  rate: string;
  firstSeconds: number;
  nextSeconds: number;
  billed: number;
  /** cost ×60 in the price currency, exact */
  native60: Dec;
  /** cost ×60 in the table currency, exact: what the ranking compares */
  cost60: Dec;
  /**
   * what the ranking compares: cost60, or the marginal cost ×60 when an unmet commitment
   * lowers it (runtime/lcr/commitments.ts); exact, in the table currency
   */
  rank60: Dec;
  /** rank60 shown, when it differs from the cost (a commitment applied); else null */
  marginalText: string | null;
  /** rank60's place among every distinct cost of the table (equal costs, equal order): a fast exact comparison */
  order: number;
  /** cost and native cost as shown (/60, 6 decimals), computed once per zone */
  costText: string;
  nativeText: string;
}

export interface Exclusion {
  supplier: Supplier;
  matched: string;
  zone: string;
  /** barred | closed | no-rate | margin */
  reason: string;
}

export interface Route {
  prefix: string;
  offers: Offer[];
  excluded: Exclusion[];
  /** the sell price ×call seconds that guarded this prefix (table currency), when one matched */
  sell60?: Dec;
}

type Resolved = { kind: 'offer'; offer: Offer } | { kind: 'excluded'; zone: string; reason: string };

/** Margin guard: the sell price per minute (table currency) of a route prefix, by longest prefix; undefined = none. */
export type SellLookup = (prefix: string) => Dec | undefined;

/**
 * `extraPrefixes`: the prefixes of suppliers left out (disabled, quality): they stay in the
 * table, so a destination only they served shows as a prefix without a route, not as nothing.
 */
export function buildRoutes(suppliers: readonly Supplier[], callSeconds: number, sell?: SellLookup, extraPrefixes: Iterable<string> = []): Route[] {
  // each supplier's prefix → what it resolves to at --at (cached per zone/tariff: a deck has
  // many prefixes per destination)
  const own = suppliers.map((s) => resolvePrefixes(s, callSeconds));
  rankCosts(own);
  const union = new Set<string>();
  for (const m of own) for (const p of m.keys()) union.add(p);
  for (const p of extraPrefixes) union.add(p);
  const sorted = [...union].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const best: (number | undefined)[][] = new Array(sorted.length); // per route, per supplier: index of the matched route
  const stack: number[] = [];
  const routes: Route[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i]!;
    while (stack.length > 0 && !p.startsWith(sorted[stack[stack.length - 1]!]!)) stack.pop();
    const parent = stack.length > 0 ? stack[stack.length - 1]! : undefined;
    const row: (number | undefined)[] = new Array(suppliers.length);
    for (let s = 0; s < suppliers.length; s++) row[s] = own[s]!.has(p) ? i : parent === undefined ? undefined : best[parent]![s];
    best[i] = row;
    stack.push(i);

    const route: Route = { prefix: p, offers: [], excluded: [] };
    const sell60 = sell?.(p)?.times(callSeconds);
    if (sell60 !== undefined) route.sell60 = sell60;
    for (let s = 0; s < suppliers.length; s++) {
      const at = row[s];
      if (at === undefined) continue;
      const matched = sorted[at]!;
      const r = own[s]!.get(matched)!;
      if (r.kind === 'excluded') route.excluded.push({ supplier: suppliers[s]!, matched, zone: r.zone, reason: r.reason });
      else if (sell60 !== undefined && r.offer.cost60.gt(sell60)) route.excluded.push({ supplier: suppliers[s]!, matched, zone: r.offer.zone, reason: 'margin' });
      else route.offers.push(r.offer);
    }
    route.offers.sort(compareOffers);
    routes.push(route);
  }
  return routes;
}

/** Cheapest first; ties by supplier name, agreement id, service: the same input always gives the same order. */
function compareOffers(a: Offer, b: Offer): number {
  return a.order - b.order || cmp(a.supplier.name, b.supplier.name) || cmp(a.supplier.agreement, b.supplier.agreement) || cmp(a.supplier.service.name, b.supplier.service.name);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Numbers every distinct cost once — one exact Decimal sort of the zone-level costs (the
 * prefix-level offers share their zone's cost60 object) — so ranking compares integers.
 */
function rankCosts(own: Map<string, Resolved>[]): void {
  const byCost = new Map<Dec, Offer[]>();
  for (const m of own) {
    for (const r of m.values()) {
      if (r.kind !== 'offer') continue;
      const list = byCost.get(r.offer.rank60);
      if (list) list.push(r.offer);
      else byCost.set(r.offer.rank60, [r.offer]);
    }
  }
  const costs = [...byCost.keys()].sort((a, b) => a.cmp(b));
  let order = 0;
  costs.forEach((c, i) => {
    if (i > 0 && !c.eq(costs[i - 1]!)) order++;
    for (const o of byCost.get(c)!) o.order = order;
  });
}

function resolvePrefixes(s: Supplier, callSeconds: number): Map<string, Resolved> {
  const barred = new Set(s.service.barredZones);
  // rate lines in force at the supplier's local date and band, by zone/tariff
  const lines = new Map<string, RateLinePlan>();
  for (const r of s.service.rates) {
    if (r.origin || r.band !== s.band || r.effectiveFrom > s.localDate || (r.effectiveTo !== null && s.localDate >= r.effectiveTo)) continue;
    lines.set(`${r.zone}\u0000${r.tariff ?? ''}`, r);
  }
  const byKey = new Map<string, Resolved>();
  const out = new Map<string, Resolved>();
  for (const { prefix, zone, tariff } of s.service.prefixes) {
    const key = `${zone}\u0000${tariff ?? ''}`;
    let r = byKey.get(key);
    if (!r) {
      r = resolveZone(s, zone, barred.has(zone), lines.get(key), callSeconds);
      byKey.set(key, r);
    }
    // one offer per supplier prefix (it records the prefix that matched), sharing the zone's figures
    out.set(prefix, r.kind === 'offer' ? { kind: 'offer', offer: { ...r.offer, matched: prefix } } : r);
  }
  return out;
}

function resolveZone(s: Supplier, zone: string, barred: boolean, line: RateLinePlan | undefined, callSeconds: number): Resolved {
  // (matched is set per prefix by resolvePrefixes; order by rankCosts)
  if (barred) return { kind: 'excluded', zone, reason: 'barred' };
  if (!line) return { kind: 'excluded', zone, reason: 'no-rate' };
  if (line.closed) return { kind: 'excluded', zone, reason: 'closed' };
  const inc = incrementsOf(s.service, line);
  const billed = billedSeconds(callSeconds, inc);
  const native60 = callCost60(s.service, line, billed);
  const cost60 = native60.times(s.fxRate);
  const rank60 = s.commitment ? marginalCost60(native60, billed, s.commitment).times(s.fxRate) : cost60;
  return {
    kind: 'offer',
    offer: {
      supplier: s, zone, clause: line.clause, rate: ratePerMinute(line),
      firstSeconds: inc.firstSeconds, nextSeconds: inc.nextSeconds, billed,
      native60, cost60, rank60, marginalText: s.commitment ? showCost(rank60) : null, matched: '', order: 0, costText: showCost(cost60), nativeText: showCost(native60),
    },
  };
}

/** A cost ×60 shown as money: /60, half-up to 6 decimals (the default record rounding). */
export function showCost(n60: Dec): string {
  return n60.div(60).toDecimalPlaces(6, D.ROUND_HALF_UP).toFixed(6);
}
