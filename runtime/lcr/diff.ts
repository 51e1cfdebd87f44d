// `icx lcr diff`: the route changes between two instants (a rate change, a new band, a deck
// re-issue). Pure: two route tables in, per prefix the first choice before and after, out. A
// prefix is listed when its first choice changes supplier, when its cost changes, or when it
// gains or loses its last route; with `ranks` > 1 also when the first choice stands but the
// fallbacks behind it (ranks 2..N: who, in which order, at what cost) change.
import { showCost, type Route } from './build.js';

export interface Choice {
  supplier: string;
  agreement: string;
  zone: string;
  /** cost of the typical call in the table currency, as shown (6 decimals) */
  cost: string;
}

export interface RouteChange {
  prefix: string;
  before: Choice | null;
  after: Choice | null;
  /**
   * supplier: another supplier is first; cost: the same supplier at another cost; new / lost: a
   * route appears or goes; ranking: the first choice stands, ranks 2..N change
   */
  change: 'supplier' | 'cost' | 'new' | 'lost' | 'ranking';
  /** after − before, as shown (6 decimals, signed); null for new and lost */
  difference: string | null;
  /** with ranks > 1: the top N before and after */
  beforeRanks?: Choice[];
  afterRanks?: Choice[];
}

function first(r: Route | undefined): (Choice & { cost60: Route['offers'][number]['cost60'] }) | null {
  const o = r?.offers[0];
  if (!o) return null;
  return { supplier: o.supplier.name, agreement: o.supplier.agreement, zone: o.zone, cost: showCost(o.cost60), cost60: o.cost60 };
}

function top(r: Route | undefined, ranks: number): Choice[] {
  return (r?.offers ?? []).slice(0, ranks).map((o) => ({ supplier: o.supplier.name, agreement: o.supplier.agreement, zone: o.zone, cost: showCost(o.cost60) }));
}

function sameRanks(a: Route | undefined, b: Route | undefined, ranks: number): boolean {
  const x = (a?.offers ?? []).slice(0, ranks);
  const y = (b?.offers ?? []).slice(0, ranks);
  return x.length === y.length && x.every((o, i) => {
    const p = y[i]!;
    return o.supplier.agreement === p.supplier.agreement && o.supplier.service.name === p.supplier.service.name && o.cost60.eq(p.cost60);
  });
}

/** `ranks`: how many ranks per prefix to compare (1: the first choice only). */
export function diffRoutes(before: readonly Route[], after: readonly Route[], ranks = 1): RouteChange[] {
  const a = new Map(before.map((r) => [r.prefix, r]));
  const b = new Map(after.map((r) => [r.prefix, r]));
  const prefixes = [...new Set([...a.keys(), ...b.keys()])].sort();
  const out: RouteChange[] = [];
  for (const prefix of prefixes) {
    const x = first(a.get(prefix));
    const y = first(b.get(prefix));
    if (!x && !y) continue;
    const strip = (c: typeof x) => (c ? { supplier: c.supplier, agreement: c.agreement, zone: c.zone, cost: c.cost } : null);
    const lists = ranks > 1 ? { beforeRanks: top(a.get(prefix), ranks), afterRanks: top(b.get(prefix), ranks) } : {};
    if (!x || !y) {
      out.push({ prefix, before: strip(x), after: strip(y), change: x ? 'lost' : 'new', difference: null, ...lists });
      continue;
    }
    const sameSupplier = x.supplier === y.supplier && x.agreement === y.agreement;
    if (sameSupplier && x.cost60.eq(y.cost60)) {
      if (ranks > 1 && !sameRanks(a.get(prefix), b.get(prefix), ranks)) out.push({ prefix, before: strip(x), after: strip(y), change: 'ranking', difference: null, ...lists });
      continue;
    }
    const d = y.cost60.minus(x.cost60);
    out.push({
      prefix, before: strip(x), after: strip(y), change: sameSupplier ? 'cost' : 'supplier',
      difference: `${d.isPositive() && !d.isZero() ? '+' : ''}${showCost(d)}`, ...lists,
    });
  }
  return out;
}
