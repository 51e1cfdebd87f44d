// The rating summary: one line per agreement/service/zone/band with records, billed minutes
// and the amount (exact decimal strings from the store, never floats), then totals per currency.
import { Decimal } from 'decimal.js';
import type { RateResult } from '../index.js';
import { renderTable } from './table.js';

type Row = RateResult['summary'][number];

/** Billed minutes with 2 decimals; blank for sms (no seconds billed). */
function minutes(billedSeconds: string | null): string {
  if (billedSeconds === null || new Decimal(billedSeconds).isZero()) return '';
  return new Decimal(billedSeconds).div(60).toFixed(2);
}

/** Exact amount without the store's padding zeros, at least 2 decimals: 39.665000000 → 39.665. */
function amount(a: Decimal | string): string {
  const d = new Decimal(a);
  return d.toFixed(Math.max(2, d.decimalPlaces()));
}

function units(u: string | null): string {
  return u === null || new Decimal(u).isZero() ? '' : u;
}

export function renderSummary(res: RateResult): string {
  const rows: Row[] = res.summary;
  if (rows.length === 0) return '(nothing rated)';
  const body = rows.map((r) => [r.agreementId, r.service, r.zone, r.band ?? '', String(r.records), minutes(r.billedSeconds), units(r.units), amount(r.amount), r.currency]);
  const totals = new Map<string, { records: number; amount: Decimal }>();
  for (const r of rows) {
    const t = totals.get(r.currency) ?? { records: 0, amount: new Decimal(0) };
    t.records += Number(r.records);
    t.amount = t.amount.plus(r.amount);
    totals.set(r.currency, t);
  }
  for (const [currency, t] of totals) body.push(['total', '', '', '', String(t.records), '', '', amount(t.amount), currency]);
  return renderTable(['agreement', 'service', 'zone', 'band', 'records', 'billed min', 'units', 'amount', 'currency'], body, new Set([4, 5, 6, 7]));
}

export function summaryJson(res: RateResult, outDir: string): unknown {
  return {
    runId: res.runId,
    balanced: res.balanced,
    in: res.inCount,
    rated: res.ratedCount,
    suspense: res.suspenseCount,
    outputs: { rated: `${outDir}/rated.parquet`, suspense: `${outDir}/suspense.parquet` },
    summary: res.summary,
  };
}
