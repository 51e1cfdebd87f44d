// The route tables in force over a stretch of past traffic, for `icx lcr simulate`. Pure.
//
// A route table depends on the instant only through each supplier's local date (the rate in
// force, validity, FX date) and its band at that minute. So the instants of the traffic fall into
// a few states — about one per supplier band change and local midnight — and a table is built
// once per state, with the very options of `icx lcr` (lcrTable), not a second ranking rule.
// A called number takes the route of its longest prefix in the table: every supplier was ranked
// at ITS longest match for that prefix, which is its longest match for the number too.
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import type { Route, SellLookup } from './build.js';
import { lcrTable, type LcrTable } from './index.js';
import { bandAt, localTime } from './local-time.js';
import { isSupplierService, type LcrOptions } from './suppliers.js';

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
  private readonly supplierPlans: HashedAgreementPlan[];

  constructor(
    private readonly plans: readonly HashedAgreementPlan[],
    private readonly options: TimelessOptions,
  ) {
    this.supplierPlans = plans.filter(({ plan }) => plan.services.some(isSupplierService));
  }

  /** The route table in force at a minute (minutes since 1970-01-01T00:00Z). */
  at(epochMinute: number): RouteIndex {
    const cached = this.byMinute.get(epochMinute);
    if (cached) return cached;
    const at = new Date(epochMinute * 60_000);
    const state = this.supplierPlans
      .map(({ plan }) => {
        const t = localTime(at, plan.timezone);
        return `${t.date}/${bandAt(plan, t)}`;
      })
      .join('|');
    let index = this.byState.get(state);
    if (!index) {
      index = new RouteIndex(lcrTable(this.plans, { ...this.options, at }));
      this.byState.set(state, index);
    }
    this.byMinute.set(epochMinute, index);
    return index;
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
