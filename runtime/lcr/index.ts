// Least-cost routing (issue 8): `lcrTable(plans, options)` builds the route table from compiled
// plans — pure, no I/O. The CLI (runtime/cli/commands/lcr.ts) reads files and writes outputs.
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { buildRoutes, type Route, type SellLookup } from './build.js';
import { selectSuppliers, type LcrOptions, type SupplierSet } from './suppliers.js';
import { excludeByQuality } from './quality.js';

export { LcrError } from './errors.js';
export type { LcrOptions, SupplierSet } from './suppliers.js';
export type { Route } from './build.js';

export interface LcrTable {
  set: SupplierSet;
  routes: Route[];
}

export function lcrTable(plans: readonly HashedAgreementPlan[], o: LcrOptions & { sell?: (currency: string) => SellLookup }): LcrTable {
  const set = selectSuppliers(plans, o);
  // zones that measured quality excludes (--store) leave the ranking afterwards: runtime/lcr/quality.ts
  const routes = excludeByQuality(buildRoutes(set.suppliers, o.callSeconds, o.sell?.(set.currency), set.excludedPrefixes));
  return { set, routes };
}
