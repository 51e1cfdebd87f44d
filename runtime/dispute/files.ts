// The dispute document's files, written atomically into --out: `<id>.pdf`, `<id>-lines.csv` (the
// disputed lines) and `<id>-evidence-<name>` (each evidence file, as stored). All are rendered in
// memory, written into a temporary folder inside --out, then renamed into place: a failure leaves
// no half-written file (a crash between two renames leaves whole files only).
import { writeFile } from 'node:fs/promises';
import { stagedWrite } from '../files/staged-write.js';
import path from 'node:path';
import { rowsCsv } from '../billing/write.js';
import { evidenceFileName, lineClaim, type DisputeDocument } from './document.js';
import { renderDisputePdf } from './pdf.js';

export const LINE_COLUMNS = [
  'line', 'category', 'subject', 'service', 'zone', 'band',
  'their_records', 'their_quantity', 'their_unit', 'their_rate', 'their_amount',
  'our_records', 'our_quantity', 'our_unit', 'our_rate', 'our_amount',
  'difference', 'claimed', 'currency', 'explanation', 'evidence',
] as const;

export function disputeLinesCsv(doc: DisputeDocument): string {
  const id = doc.dispute.id;
  return rowsCsv(LINE_COLUMNS, doc.lines.map((l) => ({
    line: l.lineNo, category: l.category, subject: l.subject, service: l.service, zone: l.zone, band: l.band,
    their_records: l.theirs?.records ?? null, their_quantity: l.theirs?.quantity ?? null, their_unit: l.theirs?.unit ?? null,
    their_rate: l.theirs?.rate ?? null, their_amount: l.theirs?.amount ?? null,
    our_records: l.ours?.records ?? null, our_quantity: l.ours?.quantity ?? null, our_unit: l.ours?.unit ?? null,
    our_rate: l.ours?.rate ?? null, our_amount: l.ours?.amount ?? null,
    difference: l.difference, claimed: lineClaim(l), currency: doc.dispute.currency, explanation: l.explanation,
    evidence: l.evidence === null ? null : evidenceFileName(id, l.evidence),
  })));
}

/** The files of the document in memory: name → bytes. */
export async function disputeFiles(doc: DisputeDocument): Promise<{ name: string; data: string | Uint8Array }[]> {
  const id = doc.dispute.id;
  return [
    { name: `${id}.pdf`, data: await renderDisputePdf(doc) },
    { name: `${id}-lines.csv`, data: disputeLinesCsv(doc) },
    ...doc.evidence.map((e) => ({ name: evidenceFileName(id, e.name), data: e.content })),
  ];
}

/** Writes the rendered files into outDir, all or none; returns the paths written. */
export async function writeDisputeFiles(files: readonly { name: string; data: string | Uint8Array }[], outDir: string): Promise<string[]> {
  const { written } = await stagedWrite(outDir, 'dispute', async (tmp) => {
    for (const f of files) await writeFile(path.join(tmp, f.name), f.data);
  });
  return written;
}
