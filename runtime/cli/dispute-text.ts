// Terminal text of `icx dispute`: what `open` did, the `list` table (with overdue flags) and
// `show` (lines, evidence, history). Amounts are the stored exact strings, only grouped.
import { Decimal } from 'decimal.js';
import path from 'node:path';
import { groupThousands, money } from '../billing/render/text.js';
import { renderTable } from './table.js';
import { evidenceFileName, evidenceRows, type DisputeDocument } from '../dispute/document.js';
import type { ListedDispute } from '../dispute/list.js';
import type { DisputeLineRow, DisputeRow } from '../dispute/store.js';

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
const shown = (p: string) => path.relative(process.cwd(), p) || p;

function deadlineText(d: DisputeRow): string {
  if (d.raiseBy === null) return 'the agreement states no deadline to raise';
  return `deadline to raise ${d.raiseBy} (${d.late ? `LATE: ${d.lateReason}` : 'on time'})`;
}

export function renderOpened(d: DisputeRow, lines: readonly DisputeLineRow[], written: readonly string[]): string {
  const under = lines.filter((l) => l.difference.startsWith('-')).length;
  const out = [
    `dispute ${d.id} opened: ${d.partner} invoice ${d.invoiceNumber ?? '(no number)'}${d.invoiceDate ? ` of ${d.invoiceDate}` : ''} (${d.period}), agreement ${d.agreement.id} v${d.agreement.version}`,
    `  claimed     ${money(d.claimed, d.currency)} on ${plural(lines.length - under, 'line')}` +
      (under ? ` (undercharges, not offset: ${money(d.undercharged, d.currency)} on ${plural(under, 'line')})` : ''),
    `  raised      ${d.raisedOn}; ${deadlineText(d)}`,
    `  answer due  ${d.answerDue ?? 'the agreement states no deadline to answer'}`,
  ];
  if (written.length) out.push(`  written     ${written.map(shown).join(', ')}`);
  return out.join('\n') + '\n';
}

function statusText(d: DisputeRow): string {
  return d.status === 'resolved-credit' ? `resolved, credit ${groupThousands(d.credited ?? '0')}` : d.status;
}

export function renderDisputeList(rows: readonly ListedDispute[], today: string): string {
  if (rows.length === 0) return 'no disputes\n';
  const table = renderTable(
    ['DISPUTE', 'PARTNER', 'PERIOD', 'THEIR INVOICE', 'CLAIMED', 'CUR', 'STATUS', 'RAISED', 'ANSWER DUE', 'FLAGS'],
    rows.map((d) => [
      d.id, d.partner, d.period, d.invoiceNumber ?? '', groupThousands(d.claimed), d.currency, statusText(d), d.raisedOn, d.answerDue ?? '',
      [d.overdue ? `OVERDUE ${plural(d.daysOverdue, 'day')}` : '', d.late ? 'raised late' : ''].filter(Boolean).join(', '),
    ]),
    new Set([4]),
  );
  const overdue = rows.filter((d) => d.overdue).length;
  return `${table}\n\n${plural(rows.length, 'dispute')}${overdue ? `, ${overdue} overdue (open past the answer-due date, as of ${today})` : ''}\n`;
}

export function renderDisputeShow(doc: DisputeDocument, o: { overdue: boolean; daysOverdue: number }, written: readonly string[]): string {
  const d = doc.dispute;
  const out = [
    `dispute ${d.id}: ${statusText(d)}${o.overdue ? ` — OVERDUE: no answer ${plural(o.daysOverdue, 'day')} after ${d.answerDue}` : ''}`,
    `  partner     ${d.partner}, agreement ${d.agreement.id} v${d.agreement.version} (plan ${d.agreement.planHash.slice(0, 12)}…)`,
    `  invoice     ${d.invoiceNumber ?? '(no number)'}${d.invoiceDate ? ` of ${d.invoiceDate}` : ''}, period ${d.period} (${d.kind} reconciliation of ${d.source.file})`,
    `  claimed     ${money(d.claimed, d.currency)}${!new Decimal(d.undercharged).isZero() ? `; undercharges not offset ${money(d.undercharged, d.currency)}` : ''}` +
      (d.credited !== null ? `; credited ${money(d.credited, d.currency)}` : ''),
    `  raised      ${d.raisedOn}; ${deadlineText(d)}`,
    `  answer due  ${d.answerDue ?? 'the agreement states no deadline to answer'}`,
    '',
    renderTable(
      ['#', 'CATEGORY', 'LINE', 'THEIRS', 'OURS', 'DIFFERENCE', 'EVIDENCE'],
      doc.lines.map((l) => [String(l.lineNo), l.category, l.subject, l.theirs?.amount ?? '', l.ours?.amount ?? '', l.difference, l.evidence ?? '']),
      new Set([3, 4, 5]),
    ),
    '',
    'evidence:',
    ...(doc.evidence.length ? doc.evidence.map((e) => `  ${evidenceFileName(d.id, e.name)}  ${plural(evidenceRows(e), 'row')}  sha256 ${e.sha256}`) : ['  none']),
    '',
    'history:',
    ...doc.events.map((e) => `  ${e.at}  ${e.action.padEnd(11)} ${e.from ?? '-'} → ${e.to}${e.amount !== null ? `  ${money(e.amount, d.currency)}` : ''}  by ${e.actor}${e.note ? `: ${e.note}` : ''}`),
  ];
  if (written.length) out.push('', `written: ${written.map(shown).join(', ')}`);
  return out.join('\n') + '\n';
}
