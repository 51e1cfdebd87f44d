// Loads the plan tables for a run. Each table's rows travel as one bound JSON parameter
// (from_json + unnest in DuckDB): set-based, and no plan value is ever spliced into SQL.
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import {
  layoutPlans, PLAN_DERIVED_SQL, PLAN_TABLE_DEFS, planLoadSql, tableDdl, type PlanLayout,
} from '../../compiler/sql/index.js';
import { RateInputError } from '../errors.js';
import { queryJson, type Store } from './store.js';

export async function loadPlans(store: Store, plans: HashedAgreementPlan[]): Promise<PlanLayout> {
  const layout = layoutPlans(plans);
  await checkZones(store, [...new Set(plans.map((p) => p.plan.timezone))], 'agreement time zone');
  for (const def of PLAN_TABLE_DEFS) {
    await store.connection.run(tableDdl(def, true));
    const rows = layout.tables[def.name] ?? [];
    if (rows.length) await store.connection.run(planLoadSql(def), [JSON.stringify(rows)]);
  }
  for (const sql of PLAN_DERIVED_SQL) await store.connection.run(sql);
  return layout;
}

/** ICU raises a bare error deep inside a query for an unknown zone: check names up front. */
export async function checkZones(store: Store, zones: string[], what: string): Promise<void> {
  if (!zones.length) return;
  const known = await queryJson(
    store,
    `SELECT z FROM (SELECT unnest(from_json($1::JSON, '["VARCHAR"]')) AS z)
     WHERE z IN (SELECT name FROM pg_timezone_names())`,
    [JSON.stringify(zones)],
  );
  const ok = new Set(known.map((r) => String(r.z)));
  const bad = zones.filter((z) => !ok.has(z));
  if (bad.length) throw new RateInputError(`unknown ${what}: ${bad.join(', ')} (expected an IANA name such as Europe/Paris)`);
}
