// findings.json is checked field by field before anything is opened: a bad field is named with
// its file and path; an evidence file must sit beside findings.json and be readable.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DisputeInputError } from '../../runtime/dispute/errors.js';
import { readFindings } from '../../runtime/dispute/findings-read.js';
import { fixtureCopy } from './support.js';

async function withEdited(edit: (f: Record<string, any>) => void, fn: (file: string) => Promise<void>): Promise<void> {
  const fx = fixtureCopy('orange-2026-03');
  try {
    const f = JSON.parse(readFileSync(fx.findings, 'utf8'));
    edit(f);
    writeFileSync(fx.findings, JSON.stringify(f));
    await fn(fx.findings);
  } finally {
    fx.cleanup();
  }
}

describe('reading findings.json', () => {
  it('reads the fixture: disputed lines, evidence with sha256, the file hash', async () => {
    const fx = fixtureCopy('orange-2026-03');
    try {
      const r = await readFindings(fx.findings);
      expect(r.disputed.length).toBe(5);
      expect(r.evidence.map((e) => [e.name, e.bytes])).toEqual([
        ['duplicates-FR-MOBILE-peak.csv', 231], ['rate-FR-MOBILE-offpeak.csv', 208], ['rate-FR-FIXED.csv', 139],
        ['only-theirs-FR-PREMIUM.csv', 145], ['only-ours-2026-03-31.csv', 148],
      ]);
      expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      fx.cleanup();
    }
  });

  it.each([
    ['a difference as a JSON number', (f: any) => { f.lines[1].difference = 900.0; }, /findings\.json: lines\[1\]\.difference: expected an exact decimal string/],
    ['an unknown category', (f: any) => { f.lines[0].category = 'weird'; }, /lines\[0\]\.category: unknown category "weird"/],
    ['another format', (f: any) => { f.format = 2; }, /format: expected 1, got 2/],
    ['a bad invoice date', (f: any) => { f.source.invoiceDate = '2026-02-30'; }, /source\.invoiceDate: expected a date YYYY-MM-DD or null/],
    ['a bad deadline', (f: any) => { f.disputeDeadlines.raiseDays = 0; }, /disputeDeadlines\.raiseDays: expected a whole number of days from 1 to 366/],
    ['disputed not a boolean', (f: any) => { f.lines[2].disputed = 'yes'; }, /lines\[2\]\.disputed: expected true or false/],
    ['an evidence path leaving the folder', (f: any) => { f.lines[0].evidence = '../../etc/passwd'; }, /lines\[0\]\.evidence: "\.\.\/\.\.\/etc\/passwd" is not a file beside findings\.json/],
  ])('refuses %s, naming the file and field', async (_what, edit, message) => {
    await withEdited(edit, async (file) => {
      await expect(readFindings(file)).rejects.toThrow(DisputeInputError);
      await expect(readFindings(file)).rejects.toThrow(message);
    });
  });

  it('refuses a missing evidence file and a file that is not JSON', async () => {
    const fx = fixtureCopy('orange-2026-03');
    try {
      rmSync(path.join(fx.dir, 'rate-FR-FIXED.csv'));
      await expect(readFindings(fx.findings)).rejects.toThrow(/lines\[2\]\.evidence: rate-FR-FIXED\.csv: cannot read \(ENOENT\)/);
      writeFileSync(fx.findings, '{ "format": 1, ');
      await expect(readFindings(fx.findings)).rejects.toThrow(/findings\.json: not JSON/);
    } finally {
      fx.cleanup();
    }
  });
});
