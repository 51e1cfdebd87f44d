// The PDF rendering of an invoice document, with pdfkit: the same content as the HTML, laid out on
// A4 pages; the lines table breaks across pages with its header repeated, and every page carries
// "page N of M". Deterministic: pdfkit's only varying inputs are the CreationDate (we take the
// document's issue date) and the file ID (an MD5 of the info dictionary, so fixed with it); the
// embedded Noto Sans subsets are tagged from their resource ids, not at random (font.ts).

import type { InvoiceDocument, InvoiceDocumentLine } from '../invoice-document.js';
import {
  agreementText, chargeText, groupThousands, headerFacts, kindTitle, money, numberText, partyLines, totalLabel,
  quantityText, rateText, recordsText,
} from './text.js';
import { SANS, SANS_BOLD } from './font.js';
import { BOTTOM, height, LEFT, PAGE_H, renderA4Pdf, RIGHT, room, text, TOP } from './pdf-page.js';

const FONT = SANS;
const BOLD = SANS_BOLD;
const SMALL = 7.5;
const PAD = 2.5;

interface Col { title: string; width: number; align: 'left' | 'right'; cell: (l: InvoiceDocumentLine) => string }

const COLUMNS: Col[] = [
  { title: 'Description', width: 120, align: 'left', cell: (l) => l.description },
  { title: 'Service', width: 70, align: 'left', cell: (l) => l.service },
  { title: 'Zone', width: 52, align: 'left', cell: (l) => l.zone ?? '' },
  { title: 'Band', width: 36, align: 'left', cell: (l) => l.band ?? '' },
  { title: 'Records', width: 40, align: 'right', cell: recordsText },
  { title: 'Quantity', width: 62, align: 'right', cell: quantityText },
  { title: 'Rate', width: 74, align: 'right', cell: rateText },
  // the rest of the 515pt line: about 61pt
  { title: 'Amount', width: RIGHT - LEFT - 454, align: 'right', cell: (l) => groupThousands(l.amount) },
];

export function renderInvoicePdf(doc: InvoiceDocument): Promise<Uint8Array> {
  return renderA4Pdf({ Title: `${kindTitle(doc.kind)} ${numberText(doc)}`, Author: doc.issuer.legalName ?? doc.issuer.name, Subject: `${doc.agreement.id} ${doc.period.start} to ${doc.period.end}`, date: doc.issueDate }, (pdf) => {
    layout(pdf, doc);
    footers(pdf, doc);
  });
}

type Pdf = PDFKit.PDFDocument;




function layout(pdf: Pdf, doc: InvoiceDocument): void {
  // Header: title and agreement on the left, key facts on the right.
  pdf.font(BOLD).fontSize(18).fillColor(doc.number === null ? '#b00000' : '#111111');
  text(pdf, `${kindTitle(doc.kind)} ${numberText(doc)}`, LEFT, TOP, { width: 300 });
  let yl = pdf.y + 4;
  pdf.font(FONT).fontSize(8).fillColor('#555555');
  text(pdf, `Agreement ${agreementText(doc)}`, LEFT, yl, { width: 300 });
  yl = pdf.y;
  let yr = TOP;
  pdf.fontSize(8.5);
  for (const [k, v] of headerFacts(doc)) {
    pdf.font(FONT).fillColor('#555555');
    text(pdf, k, 360, yr, { width: 60 });
    pdf.font(BOLD).fillColor('#111111');
    text(pdf, v, 420, yr, { width: RIGHT - 420 });
    yr = pdf.y + 1;
  }
  let y = Math.max(yl, yr) + 14;

  // Parties side by side.
  const partyY = y;
  y = Math.max(party(pdf, 'FROM (ISSUER)', partyLines(doc.issuer), LEFT, partyY, 240),
    party(pdf, 'TO (RECIPIENT)', partyLines(doc.recipient), 300, partyY, RIGHT - 300)) + 14;

  y = heading(pdf, 'Lines', y, 40);
  y = tableHeader(pdf, doc, y);
  for (const l of doc.lines) {
    const h = rowHeight(pdf, l);
    if (y + h > BOTTOM) {
      pdf.addPage();
      y = tableHeader(pdf, doc, TOP);
    }
    y = row(pdf, l, y, h);
  }
  if (doc.lines.length === 0) {
    pdf.font(FONT).fontSize(SMALL).fillColor('#666666');
    text(pdf, 'No lines in this period.', LEFT + PAD, y + PAD, { width: RIGHT - LEFT });
    y = pdf.y + PAD;
  }

  if (doc.fx.length > 0) {
    y = heading(pdf, 'Exchange rates used', y + 12, 30);
    pdf.font(FONT).fontSize(SMALL).fillColor('#111111');
    for (const f of doc.fx) {
      y = room(pdf, y, 12);
      text(pdf, `1 ${f.from} = ${f.rate} ${f.to}   (${f.table}, ${f.date})`, LEFT, y, { width: RIGHT - LEFT });
      y = pdf.y + 2;
    }
  }

  if (doc.taxes.length > 0) {
    y = heading(pdf, 'Taxes', y + 12, 30);
    for (const t of doc.taxes) {
      y = room(pdf, y, 24);
      pdf.font(FONT).fontSize(8.5).fillColor('#111111');
      text(pdf, t.label, LEFT, y, { width: 200 });
      text(pdf, `rate ${t.rate}%`, 220, y, { width: 70, align: 'right' });
      text(pdf, `base ${money(t.base, doc.currency)}`, 300, y, { width: 140, align: 'right' });
      text(pdf, money(t.amount, doc.currency), 440, y, { width: RIGHT - 440, align: 'right' });
      y += 12;
      if (t.note !== null) {
        pdf.fontSize(SMALL).fillColor('#555555');
        y = room(pdf, y, height(pdf, t.note, RIGHT - LEFT));
        text(pdf, t.note, LEFT, y, { width: RIGHT - LEFT });
        y = pdf.y + 4;
      }
    }
  }

  y = room(pdf, y + 12, 60);
  y = totals(pdf, doc, y);

  if (doc.notes.length > 0) {
    y = heading(pdf, 'Notes', y + 12, 30);
    pdf.font(FONT).fontSize(8.5).fillColor('#111111');
    for (const n of doc.notes) {
      y = room(pdf, y, height(pdf, n, RIGHT - LEFT) + 2);
      text(pdf, n, LEFT, y, { width: RIGHT - LEFT });
      y = pdf.y + 3;
    }
  }
}

function party(pdf: Pdf, title: string, lines: string[], x: number, y: number, width: number): number {
  pdf.font(BOLD).fontSize(7.5).fillColor('#555555');
  text(pdf, title, x, y, { width });
  let yy = pdf.y + 2;
  lines.forEach((l, i) => {
    pdf.font(i === 0 ? BOLD : FONT).fontSize(9).fillColor('#111111');
    text(pdf, l, x, yy, { width });
    yy = pdf.y + 1;
  });
  return yy;
}

/** A section title with a rule; keeps `keep` points of what follows on the same page. */
function heading(pdf: Pdf, title: string, y: number, keep: number): number {
  y = room(pdf, y, 16 + keep);
  pdf.font(BOLD).fontSize(10.5).fillColor('#111111');
  text(pdf, title, LEFT, y, { width: RIGHT - LEFT });
  const ry = pdf.y + 1;
  pdf.moveTo(LEFT, ry).lineTo(RIGHT, ry).lineWidth(0.6).strokeColor('#999999').stroke();
  return ry + 4;
}

function tableHeader(pdf: Pdf, doc: InvoiceDocument, y: number): number {
  pdf.rect(LEFT, y, RIGHT - LEFT, 13).fill('#eeeeee');
  pdf.font(BOLD).fontSize(SMALL).fillColor('#111111');
  let x = LEFT;
  for (const c of COLUMNS) {
    const title = c.title === 'Amount' ? `Amount (${doc.currency})` : c.title;
    text(pdf, title, x + PAD, y + 3.5, { width: c.width - 2 * PAD, align: c.align });
    x += c.width;
  }
  return y + 15;
}

function rowHeight(pdf: Pdf, l: InvoiceDocumentLine): number {
  pdf.font(FONT).fontSize(SMALL);
  let h = 0;
  for (const c of COLUMNS) h = Math.max(h, height(pdf, c.cell(l), c.width - 2 * PAD));
  const charge = chargeText(l);
  if (charge !== '') h = Math.max(h, height(pdf, l.description, COLUMNS[0]!.width - 2 * PAD)
    + height(pdf, charge, COLUMNS[0]!.width - 2 * PAD));
  return h + 2 * PAD;
}

function row(pdf: Pdf, l: InvoiceDocumentLine, y: number, h: number): number {
  let x = LEFT;
  for (const c of COLUMNS) {
    pdf.font(FONT).fontSize(SMALL).fillColor('#111111');
    text(pdf, c.cell(l), x + PAD, y + PAD, { width: c.width - 2 * PAD, align: c.align });
    if (c === COLUMNS[0]) {
      const charge = chargeText(l);
      if (charge !== '') {
        pdf.fillColor('#666666');
        text(pdf, charge, x + PAD, pdf.y, { width: c.width - 2 * PAD });
      }
    }
    x += c.width;
  }
  pdf.moveTo(LEFT, y + h).lineTo(RIGHT, y + h).lineWidth(0.4).strokeColor('#dddddd').stroke();
  return y + h;
}

function totals(pdf: Pdf, doc: InvoiceDocument, y: number): number {
  const rows: Array<[string, string, boolean]> = [
    ['Net', doc.totals.net, false],
    ['Tax', doc.totals.tax, false],
    [totalLabel(doc.kind), doc.totals.gross, true],
  ];
  const x = 340;
  for (const [label, amount, strong] of rows) {
    if (strong) {
      pdf.moveTo(x, y).lineTo(RIGHT, y).lineWidth(1.2).strokeColor('#111111').stroke();
      y += 3;
    }
    pdf.font(strong ? BOLD : FONT).fontSize(strong ? 11 : 9.5).fillColor('#111111');
    text(pdf, label, x, y, { width: 90 });
    text(pdf, money(amount, doc.currency), x + 90, y, { width: RIGHT - x - 90, align: 'right' });
    y = pdf.y + 3;
  }
  return y;
}

/** "Invoice ACME-UK-2026-000042 · page N of M" on every page, once the page count is known. */
function footers(pdf: Pdf, doc: InvoiceDocument): void {
  const range = pdf.bufferedPageRange();
  const total = range.count;
  for (let i = range.start; i < range.start + total; i++) {
    pdf.switchToPage(i);
    // writing below the bottom margin would make pdfkit start a page of its own
    const margin = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.font(FONT).fontSize(7.5).fillColor('#555555');
    const left = `${kindTitle(doc.kind)} ${numberText(doc)} · ${doc.issuer.name} to ${doc.recipient.name} · ${doc.period.start} to ${doc.period.end}`;
    text(pdf, left, LEFT, PAGE_H - 35, { width: 380 });
    text(pdf, `page ${i - range.start + 1} of ${total}`, RIGHT - 100, PAGE_H - 35, { width: 100, align: 'right' });
    pdf.page.margins.bottom = margin;
  }
  pdf.flushPages();
}
