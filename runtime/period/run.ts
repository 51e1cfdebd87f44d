// periodCharges(): the period charges of every agreement for one month, over the rated usage
// in the store (every run; a record re-rated counts once, in its latest run). Aggregates are
// SQL (compiler/sql/period-sql.ts); the charge arithmetic runs on the few aggregate rows.
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { Decimal } from 'decimal.js';
import { periodAggregateSql, PERIOD_RUNS_SQL } from '../../compiler/sql/index.js';
import { queryJson, type Store } from '../store/store.js';
import { parseMonth } from './calendar.js';
import { computeCharges, periodsNeeded, type AggregateRow } from './compute.js';
import { sortLines, type ChargeLine } from './lines.js';
import { digitalCharges, hasDigitalTerms, type DigitalInputs } from './digital-charges.js';
import { loadKpis } from './kpi-input.js';
import { loadRetail } from './retail-input.js';

export interface PeriodOptions {
  /** only this run's records (agreement tests); default every run */
  runId?: string;
  /** only records whose id starts with this (one agreement test); default all */
  recordPrefix?: string;
  /** retail revenue files (revenue shares, commissions on retail); absent → `retail-missing` lines */
  retail?: string[];
  /** KPI files (SLA credits); absent → `sla-kpi-missing` lines */
  kpi?: string[];
  /** retail and KPI inputs already read (loadDigitalInputs, e.g. before rating); else read here */
  digital?: DigitalInputs;
}

/**
 * Reads and validates the retail and KPI files (a bad line is an error naming file, line and
 * field). The retail lines stay in the connection's TEMP table period_retail, so `icx rate`
 * reads them before rating: a bad input file then costs nothing and stores nothing.
 */
export async function loadDigitalInputs(
  store: Store, plans: readonly HashedAgreementPlan[], files: { retail?: string[]; kpi?: string[] },
): Promise<DigitalInputs> {
  const digital: DigitalInputs = { retail: files.retail !== undefined, kpis: null };
  if (plans.some(hasDigitalTerms) || files.retail || files.kpi) {
    await loadRetail(store, files.retail ?? [], plans);
    digital.kpis = files.kpi ? await loadKpis(store, files.kpi) : null;
  }
  return digital;
}

export async function periodCharges(
  store: Store, plans: readonly HashedAgreementPlan[], month: string, opts: PeriodOptions = {},
): Promise<ChargeLine[]> {
  const m = parseMonth(month);
  const out: ChargeLine[] = [];
  // digital-partner inputs, read once for every agreement (runtime/period/digital-charges.ts)
  const digital = opts.digital ?? (await loadDigitalInputs(store, plans, opts));
  for (const hp of plans) {
    const periods = periodsNeeded(hp, m);
    if (periods.length === 0) {
      const own = computeCharges(hp, m, () => []);
      out.push(...own, ...(await digitalCharges(store, hp, m, digital, own, opts)));
      continue;
    }
    // One query per agreement over the widest period (all end with this month), by local month;
    // each period then sums its months.
    const start = periods.map((p) => p.start).sort()[0]!;
    const params = [hp.plan.id, `${start} 00:00:00`, `${periods[0]!.endExclusive} 00:00:00`, opts.runId ?? null, opts.recordPrefix ?? null];
    const [runs] = await queryJson(store, PERIOD_RUNS_SQL, params);
    const rows = await queryJson(store, periodAggregateSql(Number(runs?.runs ?? 0) > 1), params);
    const byMonth = rows.map((r) => ({
      month: String(r.month),
      row: {
        service: String(r.service), zone: String(r.zone), records: Number(r.records),
        billedSeconds: String(r.billed_seconds), units: String(r.units), billedBytes: String(r.billed_bytes), amount: String(r.amount),
      },
    }));
    const own = computeCharges(hp, m, (p) => sumMonths(byMonth.filter((x) => x.month >= p.start.slice(0, 7) && x.month < p.endExclusive.slice(0, 7)).map((x) => x.row)));
    out.push(...own, ...(await digitalCharges(store, hp, m, digital, own, opts)));
  }
  return sortLines(out);
}

/** Rows of several months, summed per service and zone (exact decimal strings). */
function sumMonths(rows: AggregateRow[]): AggregateRow[] {
  const acc = new Map<string, AggregateRow>();
  for (const r of rows) {
    const k = `${r.service}\u0000${r.zone}`;
    const a = acc.get(k);
    acc.set(k, a === undefined ? { ...r } : {
      ...a,
      records: a.records + r.records,
      billedSeconds: new Decimal(a.billedSeconds).plus(r.billedSeconds).toFixed(),
      units: new Decimal(a.units).plus(r.units).toFixed(),
      billedBytes: new Decimal(a.billedBytes).plus(r.billedBytes).toFixed(),
      amount: new Decimal(a.amount).plus(r.amount).toFixed(),
    });
  }
  return [...acc.values()];
}
