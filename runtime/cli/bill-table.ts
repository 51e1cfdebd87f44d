// The table `icx bill`, `icx bill issue` and `icx rerate` print: one row per document written.
import type { InvoiceDocument } from '../billing/invoice-document.js';

export function documentTable(docs: readonly InvoiceDocument[], names: readonly string[]): string {
  const rows = docs.map((d, i) => [names[i]!, d.kind, d.agreement.id, d.recipient.name, d.currency, d.totals.net, d.totals.gross]);
  const head = ['document', 'kind', 'agreement', 'to', 'currency', 'net', 'gross'];
  const w = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  return [head, ...rows].map((r) => r.map((x, c) => (c >= 5 ? x.padStart(w[c]!) : x.padEnd(w[c]!))).join('  ').trimEnd()).join('\n');
}
