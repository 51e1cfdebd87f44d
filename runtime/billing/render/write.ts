// Writes the HTML and PDF renderings of one invoice document next to each other. Both are rendered
// in memory first, then each file is written to a temporary name and renamed into place, so a
// reader (or a crash) never sees a half-written invoice.

import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { InvoiceDocument } from '../invoice-document.js';
import { renderInvoiceHtml } from './html.js';
import { renderInvoicePdf } from './pdf.js';

export async function writeInvoiceRenderings(doc: InvoiceDocument, dir: string, baseName: string): Promise<void> {
  if (baseName === '' || /[\\/]/.test(baseName)) {
    throw new Error(`invoice file name "${baseName}" must be a plain file name (no folder separators)`);
  }
  const html = renderInvoiceHtml(doc);
  const pdf = await renderInvoicePdf(doc);
  await mkdir(dir, { recursive: true });
  await atomicWrite(join(dir, `${baseName}.html`), html);
  await atomicWrite(join(dir, `${baseName}.pdf`), pdf);
}

async function atomicWrite(path: string, data: string | Uint8Array): Promise<void> {
  // same folder as the target, so the rename stays on one file system (atomic)
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
