// `--out DIR`: findings.json and, per disputed usage line, an evidence CSV of the records behind
// it (from the store), written all or none: a temporary folder inside DIR first, then each file
// renamed into place (as runtime/billing/write.ts does), so a failure leaves no half a report.
import { writeFile } from 'node:fs/promises';
import { stagedWrite } from '../files/staged-write.js';
import path from 'node:path';
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { rowsCsv } from '../billing/write.js';
import type { Store } from '../store/store.js';
import type { Findings } from './findings.js';
import { evidenceRecords, type EvidenceRecord } from './invoice-ours.js';

export const EVIDENCE_COLUMNS = [
  'record_id', 'start_time', 'local_start', 'trunk', 'a_number', 'b_number', 'duration_s', 'billed_seconds', 'units', 'clause', 'amount', 'run_id',
] as const satisfies readonly (keyof EvidenceRecord)[];

/** A file name from a line's subject: `evidence-<n>-voice-termination-FR-MOBILE-peak.csv`. */
function evidenceName(i: number, subject: string): string {
  return `evidence-${String(i + 1).padStart(2, '0')}-${subject.replace(/[^A-Za-z0-9._-]+/g, '-')}.csv`;
}

/**
 * Fills `evidence` of every disputed line with records of ours (usage lines; a line only on their
 * side has none of ours, a charge line is no set of records) and writes the files. Returns the
 * findings as written.
 */
export async function writeFindings(store: Store, hp: HashedAgreementPlan, f: Findings, outDir: string): Promise<Findings> {
  const { value } = await stagedWrite(outDir, 'reconcile', async (tmp) => {
    const lines = [];
    for (const [i, l] of f.lines.entries()) {
      if (!l.disputed || l.ours === null || l.zone === null || l.ours.records === null) {
        lines.push(l);
        continue;
      }
      const band = l.band === null || l.band === 'any' ? null : l.band;
      const recs = await evidenceRecords(store, hp, f.period, { service: l.service!, zone: l.zone, band });
      const name = evidenceName(i, l.subject);
      await writeFile(path.join(tmp, name), rowsCsv(EVIDENCE_COLUMNS, recs.map((r) => ({ ...r }))));
      lines.push({ ...l, evidence: name });
    }
    const out: Findings = { ...f, lines };
    await writeFile(path.join(tmp, 'findings.json'), JSON.stringify(out, null, 2) + '\n');
    return out;
  });
  return value;
}
