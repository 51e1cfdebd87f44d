// The A4 page every icx PDF uses (invoices, notes, statements, dispute documents) and the one way
// to render one: pdfkit with the embedded fonts, pages buffered for "page N of M" footers, and an
// info dictionary dated by the document, never by the clock — the same document, the same bytes.
import PDFDocument from 'pdfkit';
import { printable, registerFonts } from './font.js';

export const PAGE_W = 595.28;
export const PAGE_H = 841.89;
export const LEFT = 40;
export const RIGHT = PAGE_W - 40;
export const TOP = 40;
export const BOTTOM = PAGE_H - 55;

export interface PdfInfo {
  Title: string;
  Author: string;
  Subject: string;
  /** the document's own date (YYYY-MM-DD) */
  date: string;
}

/** Renders `draw` on A4 pages and resolves with the PDF's bytes. */
export function renderA4Pdf(info: PdfInfo, draw: (pdf: PDFKit.PDFDocument) => void): Promise<Uint8Array> {
  const { date, ...rest } = info;
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: TOP, left: LEFT, right: PAGE_W - RIGHT, bottom: PAGE_H - BOTTOM },
    bufferPages: true,
    // pdfkit writes non-ASCII info strings as UTF-16: no character is lost here
    info: { ...rest, Creator: 'icx', Producer: 'icx (pdfkit)', CreationDate: new Date(`${date}T00:00:00Z`) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
  });
  try {
    registerFonts(pdf);
    draw(pdf);
    pdf.end();
  } catch (e) {
    return Promise.reject(e);
  }
  return done;
}

type Pdf = PDFKit.PDFDocument;

/** Text at (x, y), every character printable by the embedded fonts; wraps only when given a width. */
export function text(pdf: Pdf, s: string, x: number, y: number, opts: PDFKit.Mixins.TextOptions = {}): void {
  pdf.text(printable(pdf, s), x, y, { lineBreak: opts.width !== undefined, ...opts });
}

/** The height `s` takes at this width. */
export function height(pdf: Pdf, s: string, width: number): number {
  return pdf.heightOfString(printable(pdf, s), { width });
}

/** Starts a new page when `h` points do not fit; returns the y to draw at. */
export function room(pdf: Pdf, y: number, h: number): number {
  if (y + h <= BOTTOM) return y;
  pdf.addPage();
  return TOP;
}
