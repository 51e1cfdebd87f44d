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
  const totals = new Map<string, Decimal>();
  for (const l of lines) {
    const k = `${l.agreementId}\u0000${l.direction}\u0000${l.currency}`;
    totals.set(k, (totals.get(k) ?? new Decimal(0)).plus(l.amount));
  }
  for (const [k, v] of [...totals].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [agreement, direction, currency] = k.split('\u0000');
    body.push(['total', agreement!, '', '', '', '', direction!, v.toFixed(), currency!]);
  }
  const head = ['agreement', 'service', 'construct', 'subject', 'tier', 'period', 'direction', 'amount', 'currency'];
  const explain = lines.map((l, i) => `  ${i + 1}. ${l.explanation}  (${l.clauseSource})`);
  return [`period charges ${month}`, renderTable(head, body, new Set([4, 7])), explain.join('\n')].join('\n\n');
}
