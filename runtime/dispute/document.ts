// The dispute document sent to the partner, as plain data read back from the store: the dispute,
// its lines, its evidence files (content included) and its history. The PDF (pdf.ts) and the CSV
// files (files.ts) are renderings of it; both only re-spell the exact decimal strings.
import { Decimal } from 'decimal.js';
import type { Store } from '../store/store.js';
import type { EvidenceFile } from './findings-read.js';
import { disputeEvents, disputeEvidence, disputeLines, type DisputeEvent, type DisputeLineRow, type DisputeRow } from './store.js';
import { getDispute } from './transitions.js';

export interface DisputeDocument {
  dispute: DisputeRow;
  lines: DisputeLineRow[];
  evidence: EvidenceFile[];
  events: DisputeEvent[];
}

export async function disputeDocument(store: Store, id: string): Promise<DisputeDocument> {
  const dispute = await getDispute(store, id);
  return { dispute, lines: await disputeLines(store, id), evidence: await disputeEvidence(store, id), events: await disputeEvents(store, id) };
}

/** What one line claims: its difference when positive (an overcharge), else 0. */
export function lineClaim(l: DisputeLineRow): string {
  const d = new Decimal(l.difference);
  return d.gt(0) ? l.difference : '0';
}

/** The file name an evidence file is attached under: `<id>-evidence-<name>` (folders flattened). */
export function evidenceFileName(id: string, name: string): string {
  return `${id}-evidence-${name.replace(/[\\/]+/g, '-').replace(/^evidence-/, '')}`;
}

/** Rows of an evidence CSV (its lines minus the header), for the document's summary. */
export function evidenceRows(e: EvidenceFile): number {
  const lines = e.content.split(/\r?\n/).filter((l) => l !== '');
  return Math.max(0, lines.length - 1);
}
