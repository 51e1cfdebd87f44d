// What `icx lcr simulate` reports: per actual route → simulated route (supplier, or supplier and
// zone with `by: 'zone'`: a big deck has thousands of zones per supplier), the calls,
// their minutes and both costs in the table currency, with the accounting of every input record.
// Sums stay exact (DuckDB DECIMAL, then decimal.js); each sum is converted into the table
// currency at its agreement's rate of the call's local date (the rule of `icx lcr`); amounts are
// shown half-up to 6 decimals, the savings percentage half-up to 2.
import type { AgreementPlan, HashedAgreementPlan } from '../../compiler/plan.js';
import type { RateResult } from '../rate.js';
import { queryJson, type Store } from '../store/store.js';
import { D, type Dec } from './call-cost.js';
import type { LcrTable } from './index.js';
import { conversion, type FxRow } from './suppliers.js';

export interface RouteSide {
  supplier: string;
  agreement: string;
  /** grouped by zone only (`by: 'zone'`) */
  zone?: string;
}

export interface SimulationGroup {
  actual: RouteSide;
  /** equal to actual when the call kept its route */
  routed: RouteSide;
  /** rerouted: another supplier is first; same: the route used was already the first choice; kept: see reason */
  status: 'rerouted' | 'same' | 'kept';
  /** kept only: no-route (no route prefix matches the number), no-offer (every supplier excluded), or the chosen supplier's suspense reason */
  reason?: string;
  calls: number;
  /** the calls' durations as given, in minutes (2 decimals) */
  minutes: string;
  actualCost: string;
  routedCost: string;
  /** actual − routed: positive is money the routes would have saved */
  savings: string;
}

export interface SimulationResult {
  currency: string;
  callSeconds: number;
  /** what a group is: a pair of suppliers, or of supplier zones */
  by: 'supplier' | 'zone';
  /** route tables built: one per distinct state of the suppliers' local dates and bands */
  tables: number;
  records: {
    in: number;
    /** the actual run's suspense: not priced, so not simulated */
    suspense: number;
    /** rated, but not an outbound voice call on a supplier's termination service */
    outside: number;
    /** priced on both routes (rerouted or same) */
    simulated: number;
    /** priced on the route used only: no route, or the chosen supplier could not price them */
    kept: number;
  };
  suspenseByReason: { reason: string; records: number }[];
  keptByReason: { reason: string; records: number }[];
  groups: SimulationGroup[];
  totals: { calls: number; actualCost: string; routedCost: string; savings: string; savingsPercent: string | null };
  notes: string[];
}

interface Context {
  currency: string;
  fx: FxRow[];
  callSeconds: number;
  actual: RateResult;
  tables: LcrTable[];
  by: 'supplier' | 'zone';
}

const GROUPS_SQL = `
SELECT a.agreement_id AS a_agreement, CASE WHEN $4 THEN a.zone END AS a_zone, a.currency AS a_currency,
       CASE WHEN a.currency <> $3 THEN strftime(a.local_start, '%Y-%m-%d') END AS a_date,
       s.outcome, x.reason AS routed_suspense,
       b.agreement_id AS b_agreement, CASE WHEN $4 THEN b.zone END AS b_zone, b.currency AS b_currency,
       CASE WHEN b.currency <> $3 THEN strftime(b.local_start, '%Y-%m-%d') END AS b_date,
       count(*) AS calls, sum(a.duration_s) AS seconds, sum(a.amount) AS a_amount, sum(b.amount) AS b_amount
FROM rated a
JOIN sim_scope s ON s.seq = a.seq
LEFT JOIN rated b ON b.run_id = $2 AND b.source_file = a.source_file AND b.source_line = a.source_line
LEFT JOIN suspense x ON x.run_id = $2 AND x.source_file = a.source_file AND x.source_line = a.source_line
WHERE a.run_id = $1
GROUP BY ALL`;
// (the date matters only to convert: an amount already in the table currency is summed across days)

export async function aggregate(store: Store, plans: readonly HashedAgreementPlan[], c: Context): Promise<SimulationResult> {
  const byId = new Map(plans.map(({ plan }) => [plan.id, plan]));
  const rates = new Map<string, Dec>();
  const inTable = (agreement: string, currency: string, date: string | null, amount: string): Dec => {
    if (date === null) return new D(amount);
    const key = `${agreement}\u0000${currency}\u0000${date}`;
    let r = rates.get(key);
    if (r === undefined) {
      r = conversion(byId.get(agreement)!, currency, c.currency, date, c.fx).rate;
      rates.set(key, r);
    }
    return new D(amount).times(r);
  };
  const side = (plan: AgreementPlan, zone: unknown): RouteSide => ({ supplier: plan.partner.name, agreement: plan.id, ...(zone !== null ? { zone: String(zone) } : {}) });

  const groups = new Map<string, { g: Omit<SimulationGroup, 'minutes' | 'actualCost' | 'routedCost' | 'savings'>; seconds: Dec; actual: Dec; routed: Dec }>();
  const kept = new Map<string, number>();
  let inScope = 0;
  for (const row of await queryJson(store, GROUPS_SQL, ['actual', 'routed', c.currency, c.by === 'zone'])) {
    const a = { agreement: String(row.a_agreement), zone: row.a_zone, currency: String(row.a_currency), date: row.a_date === null ? null : String(row.a_date) };
    const calls = Number(row.calls);
    inScope += calls;
    const actualCost = inTable(a.agreement, a.currency, a.date, String(row.a_amount));
    const reason = row.outcome !== 'routed' ? String(row.outcome) : row.b_agreement === null ? String(row.routed_suspense) : null;
    const actualSide = side(byId.get(a.agreement)!, a.zone);
    let status: SimulationGroup['status'];
    let routedSide: RouteSide;
    let routedCost: Dec;
    if (reason !== null) {
      kept.set(reason, (kept.get(reason) ?? 0) + calls);
      [status, routedSide, routedCost] = ['kept', actualSide, actualCost];
    } else {
      const b = String(row.b_agreement);
      routedSide = side(byId.get(b)!, row.b_zone);
      routedCost = inTable(b, String(row.b_currency), row.b_date === null ? null : String(row.b_date), String(row.b_amount));
      status = b === a.agreement ? 'same' : 'rerouted';
    }
    const key = [actualSide.agreement, actualSide.zone ?? '', routedSide.agreement, routedSide.zone ?? '', status, reason ?? ''].join('\u0000');
    const acc = groups.get(key) ?? { g: { actual: actualSide, routed: routedSide, status, ...(reason !== null ? { reason } : {}), calls: 0 }, seconds: new D(0), actual: new D(0), routed: new D(0) };
    acc.g.calls += calls;
    acc.seconds = acc.seconds.plus(String(row.seconds ?? '0'));
    acc.actual = acc.actual.plus(actualCost);
    acc.routed = acc.routed.plus(routedCost);
    groups.set(key, acc);
  }

  const out: SimulationGroup[] = [...groups.values()]
    .map((x) => ({ ...x.g, minutes: x.seconds.div(60).toDecimalPlaces(2, D.ROUND_HALF_UP).toFixed(2), actualCost: money(x.actual), routedCost: money(x.routed), savings: money(x.actual.minus(x.routed)), _s: x.actual.minus(x.routed) }))
    .sort((p, q) => q._s.cmp(p._s) || cmp(p.actual.agreement, q.actual.agreement) || cmp(p.actual.zone ?? '', q.actual.zone ?? '') || cmp(p.routed.agreement, q.routed.agreement) || cmp(p.routed.zone ?? '', q.routed.zone ?? '') || cmp(p.status, q.status))
    .map(({ _s, ...g }) => g);
  const totalActual = [...groups.values()].reduce((s, x) => s.plus(x.actual), new D(0));
  const totalRouted = [...groups.values()].reduce((s, x) => s.plus(x.routed), new D(0));
  const keptCount = [...kept.values()].reduce((s, n) => s + n, 0);
  const savings = totalActual.minus(totalRouted);
  const notes = [...new Set(c.tables.flatMap((t) => [...t.set.notes, ...t.set.excluded.map((x) => `${x.name} (${x.agreement}) left out: ${x.reason}`)]))];
  return {
    currency: c.currency,
    callSeconds: c.callSeconds,
    by: c.by,
    tables: c.tables.length,
    records: { in: c.actual.inCount, suspense: c.actual.suspenseCount, outside: c.actual.ratedCount - inScope, simulated: inScope - keptCount, kept: keptCount },
    suspenseByReason: c.actual.suspenseByReason,
    keptByReason: [...kept].map(([reason, records]) => ({ reason, records })).sort((p, q) => q.records - p.records || cmp(p.reason, q.reason)),
    groups: out,
    totals: {
      calls: inScope, actualCost: money(totalActual), routedCost: money(totalRouted), savings: money(savings),
      savingsPercent: totalActual.isZero() ? null : savings.div(totalActual).times(100).toDecimalPlaces(2, D.ROUND_HALF_UP).toFixed(2),
    },
    notes,
  };
}

function money(d: Dec): string {
  return d.toDecimalPlaces(6, D.ROUND_HALF_UP).toFixed(6);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
