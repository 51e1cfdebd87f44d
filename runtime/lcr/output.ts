// The route table as CSV, JSON and a readable table. Ranked offers first (rank 1 = cheapest),
// then the suppliers excluded for the prefix (rank empty, `excluded` = barred, closed, no-rate, margin).
import { showCost, type Exclusion, type Offer, type Route } from './build.js';
import type { SupplierSet } from './suppliers.js';

export interface TableMeta {
  at: string;
  currency: string;
  callSeconds: number;
  /** ranks kept per prefix; undefined = all */
  maxSuppliers?: number;
}

export const CSV_COLUMNS = [
  'prefix', 'rank', 'supplier', 'agreement', 'service', 'zone', 'matched_prefix', 'band', 'rate', 'rate_currency',
  'increments', 'billed_seconds', 'cost', 'currency', 'call_seconds', 'native_cost', 'fx_rate', 'clause', 'excluded', 'marginal_cost',
] as const;

function offerRow(r: Route, rank: number, o: Offer, m: TableMeta): string[] {
  const s = o.supplier;
  return [r.prefix, String(rank), s.name, s.agreement, s.service.name, o.zone, o.matched, s.band, o.rate, s.priceCurrency,
    `${o.firstSeconds}/${o.nextSeconds}`, String(o.billed), o.costText, m.currency, String(m.callSeconds),
    o.nativeText, s.fxText, o.clause, '', o.marginalText ?? ''];
}

function excludedRow(r: Route, x: Exclusion, m: TableMeta): string[] {
  const s = x.supplier;
  return [r.prefix, '', s.name, s.agreement, s.service.name, x.zone, x.matched, s.band, '', s.priceCurrency, '', '', '', m.currency, String(m.callSeconds), '', '', '', x.reason, ''];
}

function kept(r: Route, m: TableMeta): Offer[] {
  return m.maxSuppliers === undefined ? r.offers : r.offers.slice(0, m.maxSuppliers);
}

function csvCell(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function routesCsv(routes: readonly Route[], m: TableMeta): string {
  const out: string[] = [CSV_COLUMNS.join(',')];
  for (const r of routes) {
    kept(r, m).forEach((o, i) => out.push(offerRow(r, i + 1, o, m).map(csvCell).join(',')));
    for (const x of r.excluded) out.push(excludedRow(r, x, m).map(csvCell).join(','));
  }
  return out.join('\n') + '\n';
}

export function routesJson(routes: readonly Route[], set: SupplierSet, m: TableMeta): string {
  const doc = {
    at: m.at,
    currency: m.currency,
    callSeconds: m.callSeconds,
    suppliers: set.suppliers.map((s) => ({ supplier: s.name, agreement: s.agreement, service: s.service.name, localDate: s.localDate, band: s.band, priceCurrency: s.priceCurrency, fxRate: s.fxRate.toFixed(), fx: s.fxSource, ...(s.quality ? { quality: s.quality.report } : {}) })),
    excludedSuppliers: set.excluded,
    notes: set.notes,
    routes: routes.map((r) => ({
      prefix: r.prefix,
      ...(r.sell60 !== undefined ? { sellCost: showCost(r.sell60) } : {}),
      routes: kept(r, m).map((o, i) => ({
        rank: i + 1, supplier: o.supplier.name, agreement: o.supplier.agreement, service: o.supplier.service.name, zone: o.zone,
        matchedPrefix: o.matched, band: o.supplier.band, rate: o.rate, rateCurrency: o.supplier.priceCurrency,
        increments: `${o.firstSeconds}/${o.nextSeconds}`, billedSeconds: o.billed, cost: o.costText,
        nativeCost: o.nativeText, fxRate: o.supplier.fxText, clause: o.clause,
        ...(o.marginalText !== null ? { marginalCost: o.marginalText, commitment: o.supplier.commitment!.text } : {}),
      })),
      excluded: r.excluded.map((x) => ({ supplier: x.supplier.name, agreement: x.supplier.agreement, zone: x.zone, matchedPrefix: x.matched, reason: x.reason })),
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** Counts for the summary line and the margin report. */
export function summarize(routes: readonly Route[]): { prefixes: number; unrouted: number; margin: number } {
  let unrouted = 0;
  let margin = 0;
  for (const r of routes) {
    if (r.offers.length === 0) unrouted++;
    margin += r.excluded.filter((x) => x.reason === 'margin').length;
  }
  return { prefixes: routes.length, unrouted, margin };
}
