// Plan-table rows for data volume pricing, call categories and origin pricing (see
// compiler/lower/unit-pricing.ts). Pure, integer-exact: nothing here is a JS number of money.
import type { ServicePlan } from '../plan.js';
import { PlanLayoutError, toNano } from './money.js';

export type Row = Record<string, string | number | boolean | null>;

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * plan_services columns of this concern. A data record's amount in n60 units is
 * units × vol_unit bytes × price_n × 60 / bytes-per-price-unit; vol_num/vol_den is that
 * factor reduced, so the SQL multiplies integers and divides once, with the rounding.
 */
export function serviceColumns(s: ServicePlan, where: string): Row {
  let volUnit: string | null = null;
  let volNum = '1';
  let volDen = '1';
  if (s.kind === 'data') {
    if (!s.volumeUnitBytes || !s.priceUnitBytes) throw new PlanLayoutError(`${where}: a data service needs its volume rounding unit and a price per KB, MB or GB`);
    const num = BigInt(s.volumeUnitBytes) * 60n;
    const den = BigInt(s.priceUnitBytes);
    const g = gcd(num, den);
    volUnit = String(s.volumeUnitBytes);
    volNum = (num / g).toString();
    volDen = (den / g).toString();
  }
  return { vol_unit: volUnit, vol_num: volNum, vol_den: volDen, by_category: s.byCategory === true, has_origin: !!s.origin, origin_none_idx: null };
}

/**
 * plan_origin_prefixes rows of one service, plus the service's no-match row (plen -1):
 * per row the origin zone id for origin-keyed rate lines and the summed surcharge per unit.
 */
export function originRows(s: ServicePlan, svcIdx: number, zoneOf: (z: string) => number, firstIdx: number, where: string): { rows: Row[]; noneIdx: number | null; lengths: number[] } {
  const o = s.origin;
  if (!o) return { rows: [], noneIdx: null, lengths: [] };
  const byClause = new Map(o.surcharges.map((x) => [x.clause, x]));
  const sum = (clauses: string[]) => {
    const xs = clauses.map((c) => byClause.get(c)!);
    if (xs.length === 0) return { sur_n: null, sur_clauses: null, sur_sources: null };
    return {
      sur_n: xs.reduce((n, x) => n + toNano(x.price, `${where} ${x.clause}`), 0n).toString(),
      sur_clauses: xs.map((x) => x.clause).join(' + '),
      sur_sources: xs.map((x) => x.source).join(' + '),
    };
  };
  const rows: Row[] = [];
  let idx = firstIdx;
  const lengths = new Set<number>();
  for (const p of o.prefixes) {
    if (!/^\d{1,18}$/.test(p.prefix)) throw new PlanLayoutError(`${where}: origin prefix "${p.prefix}" must be 1 to 18 digits`);
    lengths.add(p.prefix.length);
    rows.push({
      opx_idx: idx++, svc_idx: svcIdx, plen: p.prefix.length, pkey: BigInt(p.prefix).toString(), prefix: p.prefix,
      ozone_idx: p.rateZone === null ? null : zoneOf(p.rateZone), ...sum(p.surcharges),
    });
  }
  const noneIdx = idx;
  rows.push({ opx_idx: noneIdx, svc_idx: svcIdx, plen: -1, pkey: null, prefix: null, ozone_idx: null, ...sum(o.unmatchedSurcharges) });
  return { rows, noneIdx, lengths: [...lengths] };
}
