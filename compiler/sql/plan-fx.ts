// The plan tables of multi-currency, and their rows. Rates are integers in nano-units
// (10^-9, exact: the compiler refuses a rate with more decimals), like prices.
import type { AgreementPlan, ServicePlan } from '../plan.js';
import { toNano } from './money.js';
import type { TableDef } from './plan-schema.js';

type Row = Record<string, string | number | boolean | null>;

export const FX_PLAN_TABLE_DEFS: TableDef[] = [
  {
    name: 'plan_fx',
    comment: 'fx lines: amounts priced in `currency` are settled in the agreement currency by the table rates',
    columns: [
      ['fx_idx', 'INTEGER'], ['ag_idx', 'INTEGER'], ['currency', 'VARCHAR'], ['period_end', 'BOOLEAN'],
      ['table_uri', 'VARCHAR'], ['source', 'VARCHAR'],
    ],
  },
  {
    name: 'plan_fx_rates',
    comment: 'the table row of each date: 1 unit of plan_fx.currency = rate_n / 10^9 of the agreement currency',
    columns: [['fx_idx', 'INTEGER'], ['day', 'DATE'], ['rate_n', 'BIGINT']],
  },
  {
    name: 'plan_fx_services',
    comment: 'services priced in another currency than their agreement: that currency and its fx line',
    columns: [['svc_idx', 'INTEGER'], ['fx_idx', 'INTEGER'], ['currency', 'VARCHAR']],
  },
];

/** Counts fx lines across the plans of one layout (fx_idx is global to the run). */
export class FxLayout {
  private next = 0;
  /** fx_idx by `${agIdx}/${currency}` */
  private readonly byCurrency = new Map<string, number>();

  /** plan_fx and plan_fx_rates rows of one agreement. */
  agreement(t: Record<string, Row[]>, plan: AgreementPlan, agIdx: number): void {
    for (const fx of plan.fx ?? []) {
      const fxIdx = this.next++;
      this.byCurrency.set(`${agIdx}/${fx.from}`, fxIdx);
      t.plan_fx!.push({
        fx_idx: fxIdx, ag_idx: agIdx, currency: fx.from, period_end: fx.rule === 'period-end',
        table_uri: fx.table, source: fx.source,
      });
      for (const r of fx.rates) {
        t.plan_fx_rates!.push({ fx_idx: fxIdx, day: r.date, rate_n: toNano(r.rate, `agreement ${plan.id} fx ${fx.from} rate of ${r.date}`).toString() });
      }
    }
  }

  /** The plan_fx_services row of a service priced in another currency (after agreement()). */
  service(t: Record<string, Row[]>, plan: AgreementPlan, s: ServicePlan, agIdx: number, svcIdx: number): void {
    if (s.priceCurrency === undefined || s.priceCurrency === plan.currency) return;
    // the compiler guarantees an fx line; a plan without one leaves fx_idx NULL → no-fx-rate
    t.plan_fx_services!.push({ svc_idx: svcIdx, fx_idx: this.byCurrency.get(`${agIdx}/${s.priceCurrency}`) ?? null, currency: s.priceCurrency });
  }
}
