// The period charges part of `icx rate --period` output: one row per charge line, totals per
// agreement, direction and currency, and each line's explanation.
import { Decimal } from 'decimal.js';
import type { ChargeLine } from '../period/lines.js';
import { renderTable } from './table.js';

export function renderCharges(month: string, lines: readonly ChargeLine[]): string {
  if (lines.length === 0) return `period ${month}: no period charges`;
  const body = lines.map((l) => [
    l.agreementId, l.service, l.construct, l.subject, l.tier === null ? '' : String(l.tier), `${l.periodStart} .. ${l.periodEnd}`,
    l.direction, l.amount, l.currency,
  ]);
  // totals per agreement, direction and currency, shown to the places of their lines
  const totals = new Map<string, { sum: Decimal; places: number }>();
  for (const l of lines) {
    const k = `${l.agreementId}\u0000${l.direction}\u0000${l.currency}`;
    const t = totals.get(k) ?? { sum: new Decimal(0), places: 0 };
    totals.set(k, { sum: t.sum.plus(l.amount), places: Math.max(t.places, new Decimal(l.amount).decimalPlaces(), (l.amount.split('.')[1] ?? '').length) });
  }
  for (const [k, t] of [...totals].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [agreement, direction, currency] = k.split('\u0000');
    body.push([`total ${agreement}`, '', '', '', '', '', direction!, t.sum.toFixed(t.places), currency!]);
  }
  const head = ['agreement', 'service', 'construct', 'subject', 'tier', 'period', 'direction', 'amount', 'currency'];
  const explain = lines.map((l, i) => `  ${i + 1}. ${l.explanation}  (${l.clauseSource})`);
  return [`period charges ${month}`, renderTable(head, body, new Set([4, 7])), explain.join('\n')].join('\n\n');
}
