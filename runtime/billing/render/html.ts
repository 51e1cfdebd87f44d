// The HTML rendering of an invoice document: one self-contained printable page (inline CSS, no
// scripts, no external assets), so it can be mailed, archived and opened offline as it is.
// Every string from the document goes through `esc`: legal names and descriptions come from
// agreements, which are user input.

import type { InvoiceDocument, InvoiceDocumentLine, PartyDetails } from '../invoice-document.js';
import {
  agreementText, chargeText, groupThousands, headerFacts, kindTitle, totalLabel, money, numberText, partyLines,
  quantityText, rateText, recordsText,
} from './text.js';

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
const esc = escapeHtml;

const CSS = `
body { font-family: Helvetica, Arial, sans-serif; font-size: 10pt; color: #111; margin: 24px; }
h1 { font-size: 18pt; margin: 0 0 4px 0; }
h2 { font-size: 11pt; margin: 18px 0 6px 0; border-bottom: 1px solid #999; }
.head { display: flex; justify-content: space-between; gap: 24px; }
.parties { display: flex; gap: 48px; margin-top: 16px; }
.party h3 { font-size: 9pt; color: #555; text-transform: uppercase; margin: 0 0 4px 0; }
.party div { line-height: 1.35; }
table { border-collapse: collapse; width: 100%; }
th, td { padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #eee; font-size: 8.5pt; }
tbody tr { border-bottom: 1px solid #ddd; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.facts { width: auto; }
.facts td:first-child { color: #555; padding-right: 12px; }
.sub { color: #666; font-size: 8.5pt; }
.totals { width: auto; margin-left: auto; }
.totals td { padding: 2px 8px; }
.totals tr.gross td { font-weight: bold; border-top: 2px solid #111; }
.note { margin: 4px 0; }
.draft { color: #b00; }
@media print { body { margin: 0; } thead { display: table-header-group; } tr { page-break-inside: avoid; } }
`;

export function renderInvoiceHtml(doc: InvoiceDocument): string {
  const title = `${kindTitle(doc.kind)} ${numberText(doc)}`;
  const out: string[] = [];
  out.push('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">');
  out.push(`<title>${esc(title)}</title>`, `<style>${CSS}</style>`, '</head>', '<body>');
  out.push('<div class="head"><div>');
  const numClass = doc.number === null ? ' class="draft"' : '';
  out.push(`<h1>${esc(kindTitle(doc.kind))} <span${numClass}>${esc(numberText(doc))}</span></h1>`);
  out.push(`<div class="sub">Agreement ${esc(agreementText(doc))}</div>`);
  out.push('</div><table class="facts"><tbody>');
  for (const [k, v] of headerFacts(doc)) out.push(`<tr><td>${esc(k)}</td><td>${esc(v)}</td></tr>`);
  out.push('</tbody></table></div>');

  out.push('<div class="parties">', party('From (issuer)', doc.issuer), party('To (recipient)', doc.recipient), '</div>');

  out.push('<h2>Lines</h2>', '<table class="lines"><thead><tr>');
  out.push('<th>Description</th><th>Service</th><th>Zone</th><th>Band</th>');
  out.push('<th class="num">Records</th><th class="num">Quantity</th><th class="num">Rate</th>');
  out.push(`<th class="num">Amount (${esc(doc.currency)})</th></tr></thead><tbody>`);
  for (const l of doc.lines) out.push(lineRow(l));
  if (doc.lines.length === 0) out.push('<tr><td colspan="8" class="sub">No lines in this period.</td></tr>');
  out.push('</tbody></table>');

  if (doc.fx.length > 0) {
    out.push('<h2>Exchange rates used</h2>', '<table class="fx"><thead><tr>');
    out.push('<th>From</th><th>To</th><th class="num">Rate</th><th>Date</th><th>Table</th></tr></thead><tbody>');
    for (const f of doc.fx) {
      out.push(`<tr><td>${esc(f.from)}</td><td>${esc(f.to)}</td><td class="num">${esc(f.rate)}</td>`
        + `<td>${esc(f.date)}</td><td>${esc(f.table)}</td></tr>`);
    }
    out.push('</tbody></table>');
  }

  if (doc.taxes.length > 0) {
    out.push('<h2>Taxes</h2>', '<table class="taxes"><thead><tr>');
    out.push('<th>Tax</th><th class="num">Rate</th><th class="num">Base</th><th class="num">Amount</th></tr></thead><tbody>');
    for (const t of doc.taxes) {
      out.push(`<tr><td>${esc(t.label)}</td><td class="num">${esc(t.rate)}%</td>`
        + `<td class="num">${esc(money(t.base, doc.currency))}</td><td class="num">${esc(money(t.amount, doc.currency))}</td></tr>`);
      if (t.note !== null) out.push(`<tr><td colspan="4" class="sub">${esc(t.note)}</td></tr>`);
    }
    out.push('</tbody></table>');
  }

  out.push('<h2>Totals</h2>', '<table class="totals"><tbody>');
  out.push(`<tr class="net"><td>Net</td><td class="num">${esc(money(doc.totals.net, doc.currency))}</td></tr>`);
  out.push(`<tr class="tax"><td>Tax</td><td class="num">${esc(money(doc.totals.tax, doc.currency))}</td></tr>`);
  out.push(`<tr class="gross"><td>${esc(totalLabel(doc.kind))}</td><td class="num">${esc(money(doc.totals.gross, doc.currency))}</td></tr>`);
  out.push('</tbody></table>');

  if (doc.notes.length > 0) {
    out.push('<h2>Notes</h2>');
    for (const n of doc.notes) out.push(`<p class="note">${esc(n)}</p>`);
  }
  out.push('</body>', '</html>', '');
  return out.join('\n');
}

function party(heading: string, p: PartyDetails): string {
  const rows = partyLines(p).map((l) => `<div>${esc(l)}</div>`).join('');
  return `<div class="party"><h3>${esc(heading)}</h3>${rows}</div>`;
}

function lineRow(l: InvoiceDocumentLine): string {
  const charge = chargeText(l);
  const desc = esc(l.description) + (charge !== '' ? `<div class="sub">${esc(charge)}</div>` : '') +
    (l.reason !== undefined ? `<div class="sub">${esc(l.reason)}</div>` : '');
  const cells = [
    `<td>${desc}</td>`,
    `<td>${esc(l.service)}</td>`,
    `<td>${esc(l.zone ?? '')}</td>`,
    `<td>${esc(l.band ?? '')}</td>`,
    `<td class="num">${esc(recordsText(l))}</td>`,
    `<td class="num">${esc(quantityText(l))}</td>`,
    `<td class="num">${esc(rateText(l))}</td>`,
    `<td class="num">${esc(groupThousands(l.amount))}</td>`,
  ];
  return `<tr class="${l.kind}">${cells.join('')}</tr>`;
}
