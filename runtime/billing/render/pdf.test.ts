import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderInvoicePdf } from './pdf.js';
import { exampleInvoice, longInvoice } from './example-document.js';

// pdftotext / pdftoppm come from Debian's poppler-utils (apt-get install -y poppler-utils)
const hasPoppler = spawnSync('pdftotext', ['-v']).error === undefined;
const ARTIFACTS = join(import.meta.dirname, 'artifacts');

function pdfText(bytes: Uint8Array, name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('renderInvoicePdf', () => {
  it('is a PDF, byte-identical across renders of the same document', async () => {
    const a = await renderInvoicePdf(exampleInvoice());
    const b = await renderInvoicePdf(exampleInvoice());
    expect(Buffer.from(a.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    // the creation date is the issue date, not the clock
    expect(Buffer.from(a).toString('latin1')).toContain('(D:20260402000000Z)');
  });

  it('differs when the document differs (the test can fail)', async () => {
    const a = await renderInvoicePdf(exampleInvoice());
    const b = await renderInvoicePdf({ ...exampleInvoice(), totals: { net: '1992.54', tax: '0.00', gross: '1992.55' } });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it.skipIf(!hasPoppler)('shows the JSON totals and number in pdftotext (skipped without poppler-utils)', async () => {
    const doc = exampleInvoice();
    const text = pdfText(await renderInvoicePdf(doc), 'example');
    expect(text).toContain('ACME-UK-2026-000042');
    // hand-computed in example-document.ts: net = gross = 1,992.54 EUR, tax 0.00 (reverse charge)
    expect(text).toMatch(/Net\s+1,992\.54 EUR/);
    expect(text).toMatch(/Tax\s+0\.00 EUR/);
    expect(text).toMatch(/Total due\s+1,992\.54 EUR/);
    // the same figures as the JSON document, once the separators are taken out
    const plain = text.replace(/(\d),(\d{3})/g, '$1$2');
    for (const v of [doc.totals.net, doc.totals.tax, doc.totals.gross]) expect(plain).toContain(`${v} EUR`);
    for (const l of doc.lines) expect(plain).toContain(l.amount);
    for (const s of ['Orange SA', 'FR89380129866', 'GB123456789', 'BR-2026-03-0007', '1 GBP = 1.1612 EUR',
      'Reverse charge: VAT to be accounted for by the recipient', 'tier 2 reached', 'commitment-shortfall',
      'sla-credit', 'page 1 of 1']) {
      expect(text).toContain(s);
    }
  });

  it.skipIf(!hasPoppler)('breaks long tables across pages, repeating the header, with page N of M', async () => {
    const text = pdfText(await renderInvoicePdf(longInvoice(120)), 'long');
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((p, i) => expect(p).toContain(`page ${i + 1} of ${pages.length}`));
    // every page that carries lines starts them with the column header
    const withLines = pages.filter((p) => /ZONE-\d{3}/.test(p));
    expect(withLines.length).toBeGreaterThanOrEqual(2);
    for (const p of withLines) expect(p).toMatch(/Description\s+Service\s+Zone\s+Band\s+Records\s+Quantity\s+Rate\s+Amount \(EUR\)/);
    for (let i = 1; i <= 120; i++) expect(text).toContain(`ZONE-${String(i).padStart(3, '0')}`);
  });

  it.skipIf(!hasPoppler)('prints characters the font lacks visibly (→ spelled, CJK as ?), and an empty invoice', async () => {
    const doc = exampleInvoice();
    doc.recipient.legalName = 'Orange → 橙 SA';
    doc.lines = [];
    const text = pdfText(await renderInvoicePdf(doc), 'odd');
    expect(text).toContain('Orange -> ? SA');
    expect(text).toContain('No lines in this period.');
    expect(text).toMatch(/Total due\s+1,992\.54 EUR/);
  });

  it.skipIf(!hasPoppler)('prints Polish, Greek and Cyrillic names exactly (embedded Noto Sans), byte-identical across renders', async () => {
    const doc = exampleInvoice();
    doc.issuer.legalName = 'Télécom Polska Łódź Sp. z o.o.';
    doc.recipient.legalName = 'Ελληνικά Τηλεπικοινωνίες Α.Ε.';
    doc.recipient.address = 'ул. Кириллица 7\nМосква 101000';
    doc.lines[0]!.description = 'Łódź → Αθήνα peak';
    const bytes = await renderInvoicePdf(doc);
    expect(Buffer.from(bytes).equals(Buffer.from(await renderInvoicePdf(doc)))).toBe(true);
    const text = pdfText(bytes, 'unicode');
    for (const s of ['Télécom Polska Łódź Sp. z o.o.', 'Ελληνικά Τηλεπικοινωνίες Α.Ε.', 'ул. Кириллица 7', 'Москва 101000', 'Łódź -> Αθήνα peak']) {
      expect(text).toContain(s);
    }
    // the totals are unchanged by the font
    expect(text).toMatch(/Total due\s+1,992\.54 EUR/);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', join(ARTIFACTS, 'unicode.pdf'), join(ARTIFACTS, 'unicode')]);
  });

  it.skipIf(!hasPoppler)('renders page 1 to PNG (artifacts/, to look at)', async () => {
    pdfText(await renderInvoicePdf(exampleInvoice()), 'example');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', join(ARTIFACTS, 'example.pdf'), join(ARTIFACTS, 'example')]);
    const ls = execFileSync('ls', [ARTIFACTS], { encoding: 'utf8' });
    expect(ls).toMatch(/example-1\.png/);
  });
});
