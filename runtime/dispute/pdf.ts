// The dispute document as a PDF (pdfkit, A4), for the partner: who disputes what, the claim and
// how it is computed, the disputed lines (theirs vs the agreement's), the totals and tolerance, the
// evidence attached (file, rows, sha256) and the history. Built with the invoice renderer's helpers
// (billing/render: the embedded Noto Sans, `printable`, thousands grouping) so both documents look
// and extract alike. Deterministic: the CreationDate is the raised date, never the clock.
import { Decimal } from 'decimal.js';
import { printable, SANS, SANS_BOLD } from '../billing/render/font.js';
import { groupThousands, money } from '../billing/render/text.js';
import type { FindingSide } from '../reconcile/findings.js';
import { evidenceFileName, evidenceRows, type DisputeDocument } from './document.js';
import type { DisputeLineRow, PartyDetails } from './store.js';
import { BOTTOM, height, LEFT, PAGE_H, renderA4Pdf, RIGHT, room, text, TOP } from '../billing/render/pdf-page.js';

const SMALL = 7.5;
const PAD = 2.5;
const W = RIGHT - LEFT;

type Pdf = PDFKit.PDFDocument;

interface Col { title: string; width: number; align: 'left' | 'right'; cell: (l: DisputeLineRow) => string }

function sideText(s: FindingSide | null): string {
  if (s === null) return 'none';
  const q = s.quantity !== null ? `${groupThousands(s.quantity)}${s.unit ? ` ${s.unit}` : ''}` : '';
  const r = s.rate !== null ? `@ ${s.rate}` : '';
  const n = s.records !== null ? `${groupThousands(String(s.records))} rec.` : '';
  return [n, q, r].filter(Boolean).join('\n');
}

const COLUMNS: Col[] = [
  { title: '#', width: 16, align: 'left', cell: (l) => String(l.lineNo) },
  { title: 'Line', width: 162, align: 'left', cell: (l) => l.subject },
  { title: 'Theirs', width: 72, align: 'left', cell: (l) => sideText(l.theirs) },
  { title: 'Agreement (ours)', width: 72, align: 'left', cell: (l) => sideText(l.ours) },
  { title: 'Their amount', width: 64, align: 'right', cell: (l) => (l.theirs?.amount != null ? groupThousands(l.theirs.amount) : '') },
  { title: 'Our amount', width: 64, align: 'right', cell: (l) => (l.ours?.amount != null ? groupThousands(l.ours.amount) : '') },
  { title: 'Difference', width: W - 450, align: 'right', cell: (l) => groupThousands(l.difference) },
];

export function renderDisputePdf(doc: DisputeDocument): Promise<Uint8Array> {
  const d = doc.dispute;
  return renderA4Pdf({ Title: `Dispute ${d.id}`, Author: d.parties?.us.legalName ?? d.parties?.us.name ?? 'icx', Subject: `${d.partner} invoice ${d.invoiceNumber ?? '(no number)'} ${d.period}`, date: d.raisedOn }, (pdf) => {
    layout(pdf, doc);
    footers(pdf, doc);
  });
}




function heading(pdf: Pdf, title: string, y: number, keep: number): number {
  y = room(pdf, y, 16 + keep);
  pdf.font(SANS_BOLD).fontSize(10.5).fillColor('#111111');
  text(pdf, title, LEFT, y, { width: W });
  const ry = pdf.y + 1;
  pdf.moveTo(LEFT, ry).lineTo(RIGHT, ry).lineWidth(0.6).strokeColor('#999999').stroke();
  return ry + 4;
}

function paragraph(pdf: Pdf, s: string, y: number, size = 8.5, color = '#111111'): number {
  pdf.font(SANS).fontSize(size).fillColor(color);
  y = room(pdf, y, height(pdf, s, W));
  text(pdf, s, LEFT, y, { width: W });
  return pdf.y + 4;
}

function facts(doc: DisputeDocument): Array<[string, string]> {
  const d = doc.dispute;
  const out: Array<[string, string]> = [
    ['Dispute', d.id],
    ['Status', d.status === 'resolved-credit' ? `resolved, credit ${money(d.credited ?? '0', d.currency)}` : d.status],
    ['Partner', d.partner],
    ['Their invoice', d.invoiceNumber ?? '(no number)'],
    ['Invoice date', d.invoiceDate ?? '(not stated)'],
    ['Period', d.period],
    ['Currency', d.currency],
    ['Raised', d.raisedOn],
    ['Raise by', d.raiseBy ?? 'no deadline stated'],
    ['Answer due', d.answerDue ?? 'no deadline stated'],
  ];
  return out;
}

function partyLines(p: PartyDetails): string[] {
  const out = [p.legalName ?? p.name];
  if (p.legalName !== null && p.legalName !== p.name) out.push(`(${p.name})`);
  if (p.address) for (const l of p.address.split('\n')) if (l.trim() !== '') out.push(l);
  if (p.vat) out.push(`VAT: ${p.vat}`);
  return out;
}

function party(pdf: Pdf, title: string, lines: string[], x: number, y: number, width: number): number {
  pdf.font(SANS_BOLD).fontSize(7.5).fillColor('#555555');
  text(pdf, title, x, y, { width });
  let yy = pdf.y + 2;
  lines.forEach((l, i) => {
    pdf.font(i === 0 ? SANS_BOLD : SANS).fontSize(9).fillColor('#111111');
    text(pdf, l, x, yy, { width });
    yy = pdf.y + 1;
  });
  return yy;
}

function layout(pdf: Pdf, doc: DisputeDocument): void {
  const d = doc.dispute;
  pdf.font(SANS_BOLD).fontSize(18).fillColor('#111111');
  text(pdf, `Dispute ${d.id}`, LEFT, TOP, { width: 310 });
  let yl = pdf.y + 4;
  pdf.font(SANS).fontSize(8).fillColor('#555555');
  text(pdf, `Agreement ${d.agreement.id} version ${d.agreement.version} · plan ${d.agreement.planHash}`, LEFT, yl, { width: 300 });
  yl = pdf.y + 10;
  pdf.font(SANS_BOLD).fontSize(13).fillColor('#b00000');
  text(pdf, `Amount claimed: ${money(d.claimed, d.currency)}`, LEFT, yl, { width: 300 });
  yl = pdf.y;
  let yr = TOP;
  pdf.fontSize(8.5);
  for (const [k, v] of facts(doc)) {
    pdf.font(SANS).fillColor('#555555');
    text(pdf, k, 360, yr, { width: 65 });
    pdf.font(SANS_BOLD).fillColor('#111111');
    text(pdf, v, 425, yr, { width: RIGHT - 425 });
    yr = pdf.y + 1;
  }
  let y = Math.max(yl, yr) + 14;
  if (d.parties !== null) {
    y = Math.max(party(pdf, 'FROM', partyLines(d.parties.us), LEFT, y, 240), party(pdf, 'TO', partyLines(d.parties.partner), 300, y, RIGHT - 300)) + 12;
  }

  y = heading(pdf, 'What we dispute', y, 40);
  const what = d.kind === 'invoice' ? 'invoice' : 'traffic records behind invoice';
  y = paragraph(pdf,
    `We dispute your ${what} ${d.invoiceNumber ?? '(no number)'}${d.invoiceDate ? ` dated ${d.invoiceDate}` : ''} for ${d.period} under agreement ${d.agreement.id}. ` +
      `We claim a credit of ${money(d.claimed, d.currency)}: the sum of the amounts by which the lines below exceed what the agreement gives ` +
      `(difference = your amount − the agreement's amount, where positive).`, y);
  if (!new Decimal(d.undercharged).isZero()) {
    y = paragraph(pdf, `Lines where you invoiced less than the agreement gives (${money(d.undercharged, d.currency)} in all) are listed for completeness; they do not reduce the claim.`, y);
  }
  if (d.raiseBy !== null) {
    y = paragraph(pdf, `The agreement states that a dispute is raised within ${d.raiseDays} days of the invoice date, so by ${d.raiseBy}; this dispute was raised on ${d.raisedOn}${d.late ? ` (after the deadline: ${d.lateReason})` : ''}.`, y);
  }
  if (d.answerDue !== null) y = paragraph(pdf, `Please answer by ${d.answerDue} (${d.answerDays} days from the date raised, as the agreement states).`, y);

  y = heading(pdf, `Disputed lines (amounts in ${d.currency})`, y + 6, 40);
  y = tableHeader(pdf, y);
  for (const l of doc.lines) {
    const h = rowHeight(pdf, l);
    if (y + h > BOTTOM) {
      pdf.addPage();
      y = tableHeader(pdf, TOP);
    }
    y = row(pdf, l, y, h);
  }

  y = room(pdf, y + 12, 90);
  y = totals(pdf, doc, y);

  y = heading(pdf, 'Evidence attached', y + 12, 30);
  if (doc.evidence.length === 0) y = paragraph(pdf, 'No evidence file: the lines above are the evidence.', y, SMALL, '#555555');
  for (const e of doc.evidence) {
    y = paragraph(pdf, `${evidenceFileName(d.id, e.name)} — ${evidenceRows(e)} row${evidenceRows(e) === 1 ? '' : 's'}, ${groupThousands(String(e.bytes))} bytes, sha256 ${e.sha256}`, y, SMALL);
  }
  y = paragraph(pdf, `Compared: ${d.source.file} (sha256 ${d.source.sha256}).`, y, SMALL, '#555555');

  y = heading(pdf, 'History', y + 8, 30);
  for (const ev of doc.events) {
    const amt = ev.amount !== null ? ` ${money(ev.amount, d.currency)}` : '';
    y = paragraph(pdf, `${ev.at}  ${ev.action}${amt} → ${ev.to}  (${ev.actor})${ev.note ? `: ${ev.note}` : ''}`, y, SMALL);
  }
}

function tableHeader(pdf: Pdf, y: number): number {
  pdf.rect(LEFT, y, W, 13).fill('#eeeeee');
  pdf.font(SANS_BOLD).fontSize(SMALL).fillColor('#111111');
  let x = LEFT;
  for (const c of COLUMNS) {
    text(pdf, c.title, x + PAD, y + 3.5, { width: c.width - 2 * PAD, align: c.align });
    x += c.width;
  }
  return y + 15;
}

function detail(l: DisputeLineRow): string {
  return `${l.category} · ${l.explanation}`;
}

function rowHeight(pdf: Pdf, l: DisputeLineRow): number {
  pdf.font(SANS).fontSize(SMALL);
  let h = 0;
  for (const c of COLUMNS) h = Math.max(h, height(pdf, c.cell(l), c.width - 2 * PAD));
  h = Math.max(h, height(pdf, l.subject, COLUMNS[1]!.width - 2 * PAD) + height(pdf, detail(l), COLUMNS[1]!.width - 2 * PAD));
  return h + 2 * PAD;
}

function row(pdf: Pdf, l: DisputeLineRow, y: number, h: number): number {
  let x = LEFT;
  for (const c of COLUMNS) {
    pdf.font(c === COLUMNS[1] ? SANS_BOLD : SANS).fontSize(SMALL).fillColor('#111111');
    text(pdf, c.cell(l), x + PAD, y + PAD, { width: c.width - 2 * PAD, align: c.align });
    if (c === COLUMNS[1]) {
      pdf.font(SANS).fillColor('#666666');
      text(pdf, detail(l), x + PAD, pdf.y, { width: c.width - 2 * PAD });
    }
    x += c.width;
  }
  pdf.moveTo(LEFT, y + h).lineTo(RIGHT, y + h).lineWidth(0.4).strokeColor('#dddddd').stroke();
  return y + h;
}

function totals(pdf: Pdf, doc: DisputeDocument, y: number): number {
  const d = doc.dispute;
  const tol = d.tolerance === null ? 'none stated'
    : [d.tolerance.percent !== null ? `${d.tolerance.percent}%` : '', d.tolerance.amount !== null ? money(d.tolerance.amount, d.tolerance.currency ?? d.currency) : ''].filter(Boolean).join(' or ');
  const rows: Array<[string, string, boolean]> = [
    ['Your invoice', money(d.totals.theirs, d.currency), false],
    ['Under the agreement', money(d.totals.ours, d.currency), false],
    ['Difference', money(d.totals.difference, d.currency), false],
    ['Dispute tolerance', tol, false],
    ['Amount claimed', money(d.claimed, d.currency), true],
  ];
  if (d.status === 'resolved-credit') rows.push(['Credited', money(d.credited ?? '0', d.currency), true]);
  const x = 300;
  for (const [label, value, strong] of rows) {
    if (strong) {
      pdf.moveTo(x, y).lineTo(RIGHT, y).lineWidth(1.2).strokeColor('#111111').stroke();
      y += 3;
    }
    pdf.font(strong ? SANS_BOLD : SANS).fontSize(strong ? 11 : 9).fillColor('#111111');
    text(pdf, label, x, y, { width: 110 });
    text(pdf, value, x + 110, y, { width: RIGHT - x - 110, align: 'right' });
    y = pdf.y + 3;
  }
  pdf.font(SANS).fontSize(SMALL).fillColor('#555555');
  const reason = `Verdict of the reconciliation: ${d.verdict} (${d.verdictReason}).`;
  y = room(pdf, y + 4, height(pdf, reason, W));
  text(pdf, reason, LEFT, y, { width: W });
  return pdf.y + 2;
}

function footers(pdf: Pdf, doc: DisputeDocument): void {
  const d = doc.dispute;
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const margin = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.font(SANS).fontSize(7.5).fillColor('#555555');
    text(pdf, `Dispute ${d.id} · ${d.partner} invoice ${d.invoiceNumber ?? '(no number)'} · ${d.period}`, LEFT, PAGE_H - 35, { width: 380 });
    text(pdf, `page ${i - range.start + 1} of ${range.count}`, RIGHT - 100, PAGE_H - 35, { width: 100, align: 'right' });
    pdf.page.margins.bottom = margin;
  }
  pdf.flushPages();
}
