// The readable report of an invoice reconciliation (stdout of `icx reconcile invoice`): one row
// per finding line, the totals and the verdict, then each non-matched line's explanation.
import { renderTable } from '../cli/table.js';
import type { FindingSide, Findings } from './findings.js';

const side = (s: FindingSide | null, f: keyof FindingSide) => (s === null || s[f] === null ? '' : String(s[f]));

export function invoiceReport(f: Findings): string {
  const head =
    `${f.partner} invoice ${f.source.invoiceNumber ?? '(no number)'}${f.source.invoiceDate ? ` of ${f.source.invoiceDate}` : ''} ` +
    `for ${f.period} (${f.source.file}) vs our rating under ${f.agreement.id} v${f.agreement.version}, ${f.currency}`;
  const rows = f.lines.map((l) => [
    l.category, l.subject,
    side(l.theirs, 'records'), side(l.ours, 'records'),
    side(l.theirs, 'quantity'), side(l.ours, 'quantity'),
    side(l.theirs, 'rate'), side(l.ours, 'rate'),
    side(l.theirs, 'amount'), side(l.ours, 'amount'),
    l.difference, l.disputed ? 'yes' : '',
  ]);
  rows.push(['total', '', '', '', '', '', '', '', f.totals.theirs, f.totals.ours, f.totals.difference, '']);
  const table = renderTable(
    ['category', 'line', 'their recs', 'our recs', 'their qty', 'our qty', 'their rate', 'our rate', 'their amount', 'our amount', 'difference', 'disputed'],
    rows, new Set([2, 3, 4, 5, 6, 7, 8, 9, 10]),
  );
  const notes = f.lines
    .filter((l) => l.category !== 'matched')
    .map((l) => `- ${l.subject} (${l.category}): ${l.explanation}${l.evidence ? ` [evidence: ${l.evidence}]` : ''}`);
  return [head, '', table, '', ...(notes.length ? [...notes, ''] : []), `verdict: ${f.verdict.toUpperCase()}: ${f.verdictReason}`].join('\n') + '\n';
}
