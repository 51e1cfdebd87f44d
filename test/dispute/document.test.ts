// The dispute document: the PDF names the dispute and the claim (checked with pdftotext), the
// lines CSV carries the disputed lines with what each claims, the evidence files are attached as
// stored; all are written atomically into --out.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { disputeDocument } from '../../runtime/dispute/document.js';
import { disputeFiles, writeDisputeFiles } from '../../runtime/dispute/files.js';
import { readFindings } from '../../runtime/dispute/findings-read.js';
import { openDispute } from '../../runtime/dispute/open.js';
import { stepDispute } from '../../runtime/dispute/transitions.js';
import { openStore, type Store } from '../../runtime/index.js';
import { at, fixtureCopy, RULES } from './support.js';

const ID = 'D-ORANGE-2026-03-001';
let store: Store;
let fx: ReturnType<typeof fixtureCopy>;
let out: string;

beforeEach(async () => {
  store = await openStore(':memory:');
  fx = fixtureCopy('orange-2026-03');
  out = mkdtempSync(path.join(os.tmpdir(), 'icx-dispute-out-'));
  await openDispute(store, await readFindings(fx.findings), {
    rules: RULES, raised: '2026-04-10', now: at('2026-04-10T09:00:00Z'), actor: 'alice',
    parties: {
      us: { name: 'ACME-UK', legalName: 'ACME Communications Ltd', vat: 'GB123456789', address: '1 Example Street\nLondon' },
      partner: { name: 'ORANGE', legalName: 'Orange SA', vat: 'FR89380129866', address: '111 quai du Président Roosevelt\nIssy-les-Moulineaux' },
    },
  });
});
afterEach(async () => {
  await store.close();
  fx.cleanup();
  rmSync(out, { recursive: true, force: true });
});

function pdfText(file: string): string {
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout;
}

describe('the dispute document', () => {
  it('writes the PDF, the lines CSV and every evidence file', async () => {
    const written = await writeDisputeFiles(await disputeFiles(await disputeDocument(store, ID)), out);
    expect(written.map((p) => path.basename(p))).toEqual([
      `${ID}-evidence-duplicates-FR-MOBILE-peak.csv`, `${ID}-evidence-only-ours-2026-03-31.csv`, `${ID}-evidence-only-theirs-FR-PREMIUM.csv`,
      `${ID}-evidence-rate-FR-FIXED.csv`, `${ID}-evidence-rate-FR-MOBILE-offpeak.csv`, `${ID}-lines.csv`, `${ID}.pdf`,
    ]);
    // no temporary folder left behind
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
    // the evidence is the reconciliation's file, byte for byte
    expect(readFileSync(path.join(out, `${ID}-evidence-rate-FR-FIXED.csv`), 'utf8')).toBe(readFileSync(path.join(fx.dir, 'rate-FR-FIXED.csv'), 'utf8'));
  });

  it('prints the dispute id, the claim, the deadlines and the parties in the PDF', async () => {
    await writeDisputeFiles(await disputeFiles(await disputeDocument(store, ID)), out);
    const text = pdfText(path.join(out, `${ID}.pdf`));
    expect(text).toContain(`Dispute ${ID}`);
    expect(text).toContain('Amount claimed: 1,268.30 EUR');
    expect(text).toContain('FR-ORA-2026-0412');
    expect(text).toMatch(/Raise by\s+2026-05-03/);
    expect(text).toMatch(/Answer due\s+2026-04-25/);
    expect(text).toContain('Orange SA');
    expect(text).toContain('ACME Communications Ltd');
    // the undercharge is shown, not offset: 90.00 EUR
    expect(text).toContain('(90.00 EUR in all)');
    expect(text).toMatch(/Your invoice\s+43,898.32 EUR/);
    expect(text).toContain(`${ID}-evidence-duplicates-FR-MOBILE-peak.csv`);
  });

  it('shows the credit once resolved, and renders the same bytes for the same dispute', async () => {
    await stepDispute(store, ID, 'resolve', { credit: '1200.00', now: at('2026-04-20T11:00:00Z') });
    const doc = await disputeDocument(store, ID);
    const [a, b] = [await disputeFiles(doc), await disputeFiles(doc)];
    expect(Buffer.from(a[0]!.data).equals(Buffer.from(b[0]!.data))).toBe(true);
    writeFileSync(path.join(out, 'x.pdf'), a[0]!.data);
    expect(pdfText(path.join(out, 'x.pdf'))).toMatch(/Credited\s+1,200.00 EUR/);
  });

  it('lists each disputed line in the CSV with what it claims', async () => {
    const files = await disputeFiles(await disputeDocument(store, ID));
    const csv = String(files.find((f) => f.name === `${ID}-lines.csv`)!.data).trimEnd().split('\r\n');
    expect(csv[0]).toBe('line,category,subject,service,zone,band,their_records,their_quantity,their_unit,their_rate,their_amount,our_records,our_quantity,our_unit,our_rate,our_amount,difference,claimed,currency,explanation,evidence');
    expect(csv.length).toBe(6);
    expect(csv[2]).toBe(`2,rate,voice-termination FR-MOBILE offpeak,voice-termination,FR-MOBILE,offpeak,410000,900000.0,min,0.0110,9900.00,410000,900000.0,min,0.0100,9000.00,900.00,900.00,EUR,their rate 0.0110 vs 0.0100 EUR/min in force from 2026-01-01,${ID}-evidence-rate-FR-MOBILE-offpeak.csv`);
    // the undercharge claims 0
    expect(csv[5]).toMatch(/^5,only-ours,.*,-90\.00,0,EUR,/);
  });

  it('writes nothing when a file cannot be written', async () => {
    const files = [{ name: 'ok.csv', data: 'a\r\n' }, { name: 'sub/missing-dir.csv', data: 'b\r\n' }];
    await expect(writeDisputeFiles(files, out)).rejects.toThrow();
    expect(readdirSync(out)).toEqual([]);
    expect(existsSync(path.join(out, 'ok.csv'))).toBe(false);
  });
});
