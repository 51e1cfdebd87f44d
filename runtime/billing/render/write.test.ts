import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeInvoiceRenderings } from './write.js';
import { renderInvoiceHtml } from './html.js';
import { exampleInvoice } from './example-document.js';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

describe('writeInvoiceRenderings', () => {
  it('writes <base>.html and <base>.pdf, and nothing else (no temp files left)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icx-render-'));
    dirs.push(dir);
    const out = join(dir, 'invoices', '2026-03');
    await writeInvoiceRenderings(exampleInvoice(), out, 'ACME-UK-2026-000042');
    expect(readdirSync(out).sort()).toEqual(['ACME-UK-2026-000042.html', 'ACME-UK-2026-000042.pdf']);
    expect(readFileSync(join(out, 'ACME-UK-2026-000042.html'), 'utf8')).toBe(renderInvoiceHtml(exampleInvoice()));
    expect(readFileSync(join(out, 'ACME-UK-2026-000042.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // rewriting the same document gives the same bytes
    const first = readFileSync(join(out, 'ACME-UK-2026-000042.pdf'));
    await writeInvoiceRenderings(exampleInvoice(), out, 'ACME-UK-2026-000042');
    expect(readFileSync(join(out, 'ACME-UK-2026-000042.pdf')).equals(first)).toBe(true);
  });

  it('refuses a base name with a folder in it, writing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icx-render-'));
    dirs.push(dir);
    await expect(writeInvoiceRenderings(exampleInvoice(), dir, '../x')).rejects.toThrow(/plain file name/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
