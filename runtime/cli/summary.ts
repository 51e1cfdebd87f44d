// The rating summary: one line per agreement/service/zone/band with records, billed minutes
// and the amount (exact decimal strings from the store, never floats), then totals per currency.
import { Decimal } from 'decimal.js';
import type { HashedAgreementPlan } from '../../compiler/index.js';
import type { RateResult } from '../index.js';
import { invoiceLines } from '../invoice-lines.js';
import { renderTable } from './table.js';

type Row = RateResult['summary'][number];

/** Billed minutes with 2 decimals; blank for sms (no seconds billed). */
function minutes(billedSeconds: string | null): string {
  if (billedSeconds === null || new Decimal(billedSeconds).isZero()) return '';
  return new Decimal(billedSeconds).div(60).toFixed(2);
}

/**
 * An exact amount shown to the places its service rounds to (0.0110 stays 0.0110: the
 * trailing zeros are what the agreement declared), or more if the value has more.
 */
function amount(a: Decimal | string, places: number): string {
  const d = new Decimal(a);
  return d.toFixed(Math.max(places, d.decimalPlaces()));
}

function units(u: string | null): string {
  return u === null || new Decimal(u).isZero() ? '' : u;
}

export function renderSummary(res: RateResult, plans: readonly HashedAgreementPlan[]): string {
  const lines = invoiceLines(res.summary, plans);
  const parts: string[] = [];
  if (lines.length === 0) parts.push('(nothing rated)');
  else {
    const body = lines.map((l) => [
      l.agreementId, l.service, l.zone, l.band ?? '', String(l.records), minutes(l.billedSeconds), units(l.units),
      amount(l.amount, l.recordDecimals), l.lineRounding ? amount(l.lineAmount, l.lineRounding.decimals) : '', l.currency,
    ]);
    // The invoiced total is the sum of the lines as invoiced: rounded where the agreement says so.
    const totals = new Map<string, { records: number; amount: Decimal; invoiced: Decimal; places: number }>();
    for (const l of lines) {
      const t = totals.get(l.currency) ?? { records: 0, amount: new Decimal(0), invoiced: new Decimal(0), places: 0 };
      t.records += l.records;
      t.amount = t.amount.plus(l.amount);
      t.invoiced = t.invoiced.plus(l.lineAmount);
      t.places = Math.max(t.places, l.recordDecimals);
      totals.set(l.currency, t);
    }
    for (const [currency, t] of totals) {
      body.push(['total', '', '', '', String(t.records), '', '', amount(t.amount, t.places), amount(t.invoiced, t.places), currency]);
    }
    const head = ['agreement', 'service', 'zone', 'band', 'records', 'billed min', 'units', 'amount', 'line amount', 'currency'];
    // services priced in another currency: the amount before FX, only when the run has any
    if (lines.some((l) => l.originalCurrency !== undefined)) {
      head.push('before fx');
      body.forEach((row, i) => {
        const l = lines[i];
        row.push(l?.originalCurrency !== undefined ? `${amount(l.originalAmount!, l.recordDecimals)} ${l.originalCurrency}` : '');
      });
    }
    parts.push(renderTable(head, body, new Set([4, 5, 6, 7, 8])));
    if (lines.some((l) => l.lineRounding)) {
      parts.push('amount: the sum of the rounded records; line amount: rounded again per invoice line as the agreement states.');
    }
    if (lines.some((l) => l.originalCurrency !== undefined)) {
      parts.push('before fx: the sum of the records\' amounts in the currency the service is priced in; amount is each record converted at its FX rate, then rounded.');
    }
  }
  if (res.suspenseByReason.length > 0) {
    const body = res.suspenseByReason.map((s) => [s.reason, String(s.records)]);
    parts.push(renderTable(['suspense reason', 'records'], body, new Set([1])));
  }
  return parts.join('\n\n');
}

export function summaryJson(res: RateResult, plans: readonly HashedAgreementPlan[], outDir: string): unknown {
  return {
    runId: res.runId,
    balanced: res.balanced,
    in: res.inCount,
    rated: res.ratedCount,
    suspense: res.suspenseCount,
    outputs: { rated: `${outDir}/rated.parquet`, suspense: `${outDir}/suspense.parquet` },
    summary: invoiceLines(res.summary, plans),
    suspenseByReason: res.suspenseByReason,
  };
}
