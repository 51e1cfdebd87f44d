// The KPI input (`--kpi FILE`): measured service levels per agreement, service and month,
// for SLA credits. CSV read with DuckDB's reader (all text); the file is small (a few rows per
// service and month), so each row is validated here and reported with file, line and field.
//   agreement,service,period,kpi,value
//   ACME-FACTORY-SLICE,urllc,2026-03,availability,99.97%
//   ACME-FACTORY-SLICE,urllc,2026-03,latency-p99,12ms
// availability: a percentage (the % sign optional); latency-pNN: a duration with its unit
// (ms or s). Decimal text only; the same KPI twice for one month is an error.
import { KPI_COLUMNS } from '../../compiler/sql/period-digital-sql.js';
import { queryJson, type Store } from '../store/store.js';
import { readMonth } from './calendar.js';
import { X } from './digital-math.js';
import { badInputFile, withInputCsv } from './input-csv.js';

export interface KpiValue {
  /** availability: percent; latency: milliseconds (decimal text) */
  value: string;
  /** `<file>:<line>` */
  source: string;
}

/** agreement|service|YYYY-MM|kpi → the measurement */
export type KpiTable = Map<string, KpiValue>;

export function kpiKey(agreement: string, service: string, month: string, kpi: string): string {
  return `${agreement}|${service}|${month}|${kpi}`;
}

/** The KPI name an SLA reads: `availability`, `latency-p99`. */
export function kpiName(metric: string, statistic: string | null): string {
  return statistic ? `${metric}-${statistic}` : metric;
}

const DECIMAL = /^[0-9]+(\.[0-9]+)?$/;

export async function loadKpis(store: Store, files: readonly string[]): Promise<KpiTable> {
  const out: KpiTable = new Map();
  for (const file of files) await loadOne(store, file, out);
  return out;
}

async function loadOne(store: Store, file: string, out: KpiTable): Promise<void> {
  await withInputCsv(store, { file, what: 'KPI', table: 'kpi_file', required: KPI_COLUMNS, listing: KPI_COLUMNS.join(', ') }, async ({ byLower, extra }) => {
    const pick = (k: string) => `nullif(trim("${byLower.get(k)!.replace(/"/g, '""')}"), '') AS ${k}`;
    const rows = await queryJson(
      store,
      `SELECT rowid - (SELECT min(rowid) FROM kpi_file) + 2 AS line, ${KPI_COLUMNS.map(pick).join(', ')}${
        extra.length ? `, concat_ws(',', ${extra.map((e) => `"${e}"`).join(', ')}) AS overflow` : ', NULL AS overflow'
      } FROM kpi_file ORDER BY line`,
    );
    for (const r of rows) {
      const at = `${file}:${r.line}`;
      const bad = (field: string, message: string) => badInputFile('KPI', file, [{ line: r.line, field, message }]);
      if (r.overflow) throw bad('(row)', `fields beyond the header: ${r.overflow}`);
      for (const k of KPI_COLUMNS) if (r[k] === null) throw bad(k, 'missing');
      const month = String(r.period);
      if (!readMonth(month)) throw bad('period', `"${month}" is not a month YYYY-MM`);
      const kpi = String(r.kpi).toLowerCase();
      const value = String(r.value);
      let parsed: string;
      if (kpi === 'availability') {
        const v = value.replace(/%$/, '');
        if (!DECIMAL.test(v) || new X(v).gt(100)) throw bad('value', `"${value}" is not a percentage from 0 to 100 (e.g. 99.97%)`);
        parsed = new X(v).toFixed();
      } else if (/^latency-p\d{1,2}(\.\d+)?$/.test(kpi)) {
        const m = /^([0-9]+(?:\.[0-9]+)?)(ms|s)$/.exec(value);
        if (!m) throw bad('value', `"${value}" is not a duration with its unit (e.g. 12ms or 0.012s)`);
        parsed = new X(m[1]!).times(m[2] === 's' ? 1000 : 1).toFixed();
      } else {
        throw bad('kpi', `"${r.kpi}" is not a KPI icx knows (availability, latency-p99, latency-p95, ...)`);
      }
      const key = kpiKey(String(r.agreement), String(r.service), month, kpi);
      const prev = out.get(key);
      if (prev) throw bad('kpi', `${kpi} of ${r.agreement} ${r.service} for ${month} is already given at ${prev.source}`);
      out.set(key, { value: parsed, source: at });
    }
  });
}
