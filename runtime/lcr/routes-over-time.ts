// The route tables in force over a stretch of past traffic, for `icx lcr simulate`. Pure.
//
// A route table depends on the instant only through each supplier's local date (validity, the
// rate lines in force, the FX rate) and its band at that minute. So the instants of the traffic
// fall into a few states — one per band change, rate change or FX rate change — and a table is
// built once per state, with the very options of `icx lcr` (lcrTable), not a second ranking rule.
// A called number takes the route of its longest prefix in the table: every supplier was ranked
// at ITS longest match for that prefix, which is its longest match for the number too.
import type { AgreementPlan, HashedAgreementPlan, ServicePlan } from '../../compiler/plan.js';
import type { Route, SellLookup } from './build.js';
import { lcrTable, type LcrTable } from './index.js';
import { LcrError } from './errors.js';
import { bandAt, quarterHourClock } from './local-time.js';
import { conversion, isSupplierService, type LcrOptions } from './suppliers.js';

export type TimelessOptions = Omit<LcrOptions, 'at' | 'band'> & { currency: string; sell?: (currency: string) => SellLookup };

export class RouteIndex {
  private readonly byPrefix = new Map<string, Route>();
  private readonly longest: number;

  constructor(readonly table: LcrTable) {
    let longest = 0;
    for (const r of table.routes) {
      this.byPrefix.set(r.prefix, r);
      longest = Math.max(longest, r.prefix.length);
    }
    this.longest = longest;
  }

  /** The route of the number's longest prefix in the table; undefined when none matches. */
  lookup(number: string): Route | undefined {
    for (let n = Math.min(number.length, this.longest); n >= 0; n--) {
      const r = this.byPrefix.get(n === number.length ? number : number.slice(0, n));
      if (r) return r;
    }
    return undefined;
  }
}

export class RoutesOverTime {
  private readonly byState = new Map<string, RouteIndex>();
  private readonly byMinute = new Map<number, RouteIndex>();
  private readonly suppliers: { plan: AgreementPlan; services: ServicePlan[]; boundaries: string[] }[];
  private readonly fxByDate = new Map<string, string>();
  private readonly clock = quarterHourClock();

  constructor(
    private readonly plans: readonly HashedAgreementPlan[],
    private readonly options: TimelessOptions,
  ) {
    this.suppliers = plans
      .map(({ plan }) => ({ plan, services: plan.services.filter(isSupplierService) }))
      .filter((x) => x.services.length > 0)
      .map((x) => ({ ...x, boundaries: rateBoundaries(x.services) }));
  }

  /** The route table in force at a minute (minutes since 1970-01-01T00:00Z). */
  at(epochMinute: number): RouteIndex {
    const cached = this.byMinute.get(epochMinute);
    if (cached) return cached;
    const at = new Date(epochMinute * 60_000);
    const state = this.suppliers.map((s) => this.supplierState(s, at)).join('|');
    let index = this.byState.get(state);
    if (!index) {
      index = new RouteIndex(lcrTable(this.plans, { ...this.options, at }));
      this.byState.set(state, index);
    }
    this.byMinute.set(epochMinute, index);
    return index;
  }

  /**
   * What of the supplier a table depends on at an instant: in force or not, its band, which of
   * its rate lines are in force (the number of rate-change dates passed) and its FX rates. Two
   * instants with equal states have equal tables, so a month of traffic needs a table per band
   * change and rate change, not per day.
   */
  private supplierState(s: RoutesOverTime['suppliers'][number], at: Date): string {
    const t = this.clock(at, s.plan.timezone);
    if (t.date < s.plan.validFrom || (s.plan.validTo !== null && t.date > s.plan.validTo)) return '-';
    const passed = countAtMost(s.boundaries, t.date);
    const fxKey = `${s.plan.id}\u0000${t.date}`;
    let fx = this.fxByDate.get(fxKey);
    if (fx === undefined) {
      fx = s.services.map((svc) => this.fxRate(s.plan, svc, t.date)).join(',');
      this.fxByDate.set(fxKey, fx);
    }
    return `${bandAt(s.plan, t)}/${passed}/${fx}`;
  }

  /** A missing rate is part of the state too: the table says whether it matters (a disabled supplier needs none). */
  private fxRate(plan: AgreementPlan, svc: ServicePlan, date: string): string {
    try {
      return conversion(plan, svc.priceCurrency ?? plan.currency, this.options.currency, date, this.options.fx ?? []).rate.toFixed();
    } catch (e) {
      if (e instanceof LcrError) return 'missing';
      throw e;
    }
  }

  /** How many distinct route tables were built. */
  get tables(): number {
    return this.byState.size;
  }

  /** Every table built, in the order built (notes and exclusions for the report). */
  get built(): RouteIndex[] {
    return [...this.byState.values()];
  }
}

/** The dates on which a rate line of these services starts or stops being in force, sorted. */
function rateBoundaries(services: readonly ServicePlan[]): string[] {
  const dates = new Set<string>();
  for (const svc of services) {
    for (const r of svc.rates) {
      dates.add(r.effectiveFrom);
      if (r.effectiveTo !== null) dates.add(r.effectiveTo);
    }
  }
  return [...dates].sort();
}

/** How many of the sorted dates are ≤ date (binary search). */
function countAtMost(sorted: readonly string[], date: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
