// The rating summary: one line per agreement/service/zone/band with records, billed minutes
// and the amount (exact decimal strings from the store, never floats), then totals per currency.
import { Decimal } from 'decimal.js';
import type { HashedAgreementPlan } from '../../compiler/index.js';
import type { RateResult } from '../index.js';
import { renderTable } from './table.js';

type Row = RateResult['summary'][number];

/** Billed minutes with 2 decimals; blank for sms (no seconds billed). */
function minutes(billedSeconds: string | null): string {
  if (billedSeconds === null || new Decimal(billedSeconds).isZero()) return '';
  return new Decimal(billedSeconds).div(60).toFixed(2);
}

/**
 * An exact amount shown to the places its service rounds records to (0.0110 stays 0.0110: the
 * trailing zeros are what the agreement declared), or more if the value has more.
 */
function amount(a: Decimal | string, places: number): string {
  const d = new Decimal(a);
  return d.toFixed(Math.max(places, d.decimalPlaces()));
}

/** Declared per-record decimals of each agreement's service, keyed `agreement/service`. */
function recordPlaces(plans: readonly HashedAgreementPlan[]): Map<string, number> {
  const places = new Map<string, number>();
  for (const { plan } of plans) for (const s of plan.services) places.set(`${plan.id}/${s.name}`, s.recordRounding.decimals);
  return places;
}

function units(u: string | null): string {
  return u === null || new Decimal(u).isZero() ? '' : u;
}

export function renderSummary(res: RateResult, plans: readonly HashedAgreementPlan[]): string {
  const rows: Row[] = res.summary;
  const parts: string[] = [];
  if (rows.length === 0) parts.push('(nothing rated)');
  else {
    const places = recordPlaces(plans);
    const placesOf = (r: Row) => places.get(`${r.agreementId}/${r.service}`) ?? 2;
    const body = rows.map((r) => [r.agreementId, r.service, r.zone, r.band ?? '', String(r.records), minutes(r.billedSeconds), units(r.units), amount(r.amount, placesOf(r)), r.currency]);
    const totals = new Map<string, { records: number; amount: Decimal; places: number }>();
    for (const r of rows) {
      const t = totals.get(r.currency) ?? { records: 0, amount: new Decimal(0), places: 0 };
      t.records += Number(r.records);
      t.amount = t.amount.plus(r.amount);
      t.places = Math.max(t.places, placesOf(r));
      totals.set(r.currency, t);
    }
    for (const [currency, t] of totals) body.push(['total', '', '', '', String(t.records), '', '', amount(t.amount, t.places), currency]);
    parts.push(renderTable(['agreement', 'service', 'zone', 'band', 'records', 'billed min', 'units', 'amount', 'currency'], body, new Set([4, 5, 6, 7])));
  }
  if (res.suspenseByReason.length > 0) {
    const body = res.suspenseByReason.map((s) => [s.reason, String(s.records)]);
    parts.push(renderTable(['suspense reason', 'records'], body, new Set([1])));
  }
  return parts.join('\n\n');
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
