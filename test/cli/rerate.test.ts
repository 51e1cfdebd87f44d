// `icx rerate` and `icx bill history` as a user runs them: bill March for ORANGE, issue it, lower a
// price retroactively in the agreement file, re-rate, issue the correction
// (amounts hand-computed in test/billing/rerate.test.ts).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, it, expect, afterAll } from 'vitest';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { icx, ROOT, STACK_LINE, tempDir } from './run-cli.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);
const AG = join(dir, 'agreements');
cpSync(join(ROOT, 'agreements'), AG, { recursive: true });
const SAMPLE = join(AG, 'traffic', 'march-sample.csv');
const ORANGE = join(AG, 'acme-orange-fr.icx');

function ok(args: string[]) {
  const r = icx(args, dir);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

describe('icx rerate', () => {
  it('turns a retroactive price change into a credit note, issued under the next number', () => {
    const refused = icx(['rerate', AG, '--period', '2026-03', '--db', 'icx.duckdb', '--out', 'c'], dir);
    // no store yet: named, never created
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--db/);
    ok(['bill', AG, '--period', '2026-03', '--partner', 'ORANGE', '--usage', SAMPLE, '--db', 'icx.duckdb', '--out', 'draft']);
    // the bill run records the sha256 of every agreement file it compiled (and of the decks and FX tables read)
    const [entry] = JSON.parse(ok(['audit', '--db', 'icx.duckdb', '--json']));
    const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
    expect(entry.details.sourceHashes).toContain(`acme-orange-fr.icx:${sha(ORANGE)}`);
    expect(entry.details.sourceHashes).toContain(`decks/carrierx-az.csv:${sha(join(AG, 'decks', 'carrierx-az.csv'))}`);
    const early = icx(['rerate', AG, '--period', '2026-03', '--partner', 'ORANGE', '--db', 'icx.duckdb', '--out', 'c'], dir);
    expect(early.code).toBe(1);
    expect(early.stderr).toBe('icx: bill run BR-2026-03-ORANGE for 2026-03 is draft, not issued: run icx bill again to re-rate a draft\n');
    ok(['bill', 'approve', 'BR-2026-03-ORANGE', '--db', 'icx.duckdb']);
    ok(['bill', 'issue', 'BR-2026-03-ORANGE', '--db', 'icx.duckdb', '--out', 'issued']);

    writeFileSync(ORANGE, readFileSync(ORANGE, 'utf8').replace('version 3', 'version 4').replace('rate any 0.0050 EUR/msg', 'rate any 0.0040 EUR/msg'));
    const out = ok(['rerate', AG, '--period', '2026-03', '--partner', 'ORANGE', '--db', 'icx.duckdb', '--out', 'c', '--issue-date', '2026-04-20']);
    expect(out).toContain('re-rated: in 7 = rated 7 + suspense 0');
    expect(out).toContain('7 stored records, 0 from late files');
    // M-0006: 1 msg × 0.0040 = 0.0040 → 0.00; billed 0.01: −0.01
    expect(out).toMatch(/^BR-2026-03-ORANGE-C1-ACME-ORANGE-FR-2026-credit-note\s+credit-note\s+ACME-ORANGE-FR-2026\s+ORANGE\s+EUR\s+-0\.01\s+-0\.01$/m);
    expect(out).toContain('correction BR-2026-03-ORANGE-C1 of BR-2026-03-ORANGE: draft, 1 note, 1 record changed');
    const records = readFileSync(join(dir, 'c', 'BR-2026-03-ORANGE-C1-records.csv'), 'utf8').split('\r\n');
    expect(records[0]).toBe('agreement_id,direction,service,record_id,billed_run,billed_version,billed_zone,billed_band,billed_clause,billed_source,billed_amount,new_version,new_zone,new_band,new_clause,new_source,new_amount,difference');
    // per record: 0.005 billed, 0.004 now (9 decimals as stored)
    expect(records[1]).toMatch(/^ACME-ORANGE-FR-2026,receivable,sms,M-0006,[^,]+,3,any,peak,sms\/any\/peak\/2026-01-01,acme-orange-fr\.icx:70,0\.005000000,4,any,peak,sms\/any\/peak\/2026-01-01,acme-orange-fr\.icx:70,0\.004000000,-0\.001000000$/);
    expect(records).toHaveLength(3); // header, one record, the final empty line

    ok(['bill', 'approve', 'BR-2026-03-ORANGE-C1', '--db', 'icx.duckdb']);
    const issued = ok(['bill', 'issue', 'BR-2026-03-ORANGE-C1', '--db', 'icx.duckdb', '--out', 'issued']);
    expect(issued).toMatch(/^ACME-UK-2026-000002\s+credit-note/m);
    const note = JSON.parse(readFileSync(join(dir, 'issued', 'ACME-UK-2026-000002.json'), 'utf8'));
    expect([note.kind, note.corrects, note.totals.gross]).toEqual(['credit-note', 'ACME-UK-2026-000001', '-0.01']);
    const pdf = spawnSync('pdftotext', ['-layout', join(dir, 'issued', 'ACME-UK-2026-000002.pdf'), '-'], { encoding: 'utf8' });
    if (pdf.error === undefined) {
      expect(pdf.stdout).toContain('Credit note ACME-UK-2026-000002');
      expect(pdf.stdout).toMatch(/Total credited\s+-0\.01 EUR/);
    }

    const history = ok(['bill', 'history', 'M-0006', '--db', 'icx.duckdb']);
    expect(history.split('\n').filter(Boolean).map((l) => l.replace(/rating run \S+$/, ''))).toEqual([
      'BR-2026-03-ORANGE (issued)  ACME-ORANGE-FR-2026 v3  sms any peak  0.005000000 EUR  sms/any/peak/2026-01-01 (acme-orange-fr.icx:70)  ',
      'BR-2026-03-ORANGE-C1 (issued)  ACME-ORANGE-FR-2026 v4  sms any peak  0.004000000 EUR  sms/any/peak/2026-01-01 (acme-orange-fr.icx:70)  ',
    ]);
    const none = icx(['bill', 'history', 'NOPE', '--db', 'icx.duckdb'], dir);
    expect([none.code, none.stderr]).toEqual([1, 'icx: record NOPE is in no bill run of icx.duckdb\n']);
    const audit = ok(['audit', '--db', 'icx.duckdb']);
    expect(audit).toMatch(/rerate BR-2026-03-ORANGE-C1 1 documents/);
    expect(audit).not.toContain(STACK_LINE);
  }, 180_000); // a dozen icx processes in a row: slow on a loaded machine

  it('bills late usage on a debit note, and a record sent again replaces its stored copy', () => {
    // M-0101: a late 60 s call to a French mobile on Monday 2026-03-09 10:00 UTC = 11:00 Paris, peak:
    // 1 min × 0.0123 = 0.0123 (v3 price; the first test lowered only sms). M-0006 is sent again unchanged.
    const late = join(dir, 'late.csv');
    writeFileSync(late, 'record_id,trunk,direction,kind,a_number,b_number,start_time,duration_s,units\n' +
      'M-0101,TG101,out,voice,447700900101,33612345678,2026-03-09T10:00:00Z,60,\n' +
      'M-0006,TG101,in,sms,33612345678,447700900123,2026-03-02T10:00:00Z,,1\n');
    const out = ok(['rerate', AG, '--period', '2026-03', '--partner', 'ORANGE', '--db', 'icx.duckdb', '--out', 'late', '--usage', late, '--issue-date', '2026-04-25']);
    // 7 stored records, M-0006 replaced by the file's copy: 6 stored + 2 from the file = 8
    expect(out).toContain('re-rated: in 8 = rated 8 + suspense 0');
    expect(out).toContain('6 stored records, 2 from late files');
    const names = readdirSync(join(dir, 'late'));
    const debit = JSON.parse(readFileSync(join(dir, 'late', names.find((n) => n.endsWith('expected-debit-note.json'))!), 'utf8'));
    // FR-MOBILE peak: billed 0.0492 → 0.05; now 0.0492 + 0.0123 = 0.0615 → half-even 0.06: +0.01, one record, 1 min more
    expect(debit.lines[0]).toMatchObject({ zone: 'FR-MOBILE', band: 'peak', records: 1, quantity: '1', amount: '0.01' });
    expect(debit.lines[0].reason).toBe('1 record not billed before (late usage)');
    // Q1 rated 0.0135 + 0.0200 + 0.0492 + 0.0123 = 0.0950; shortfall 249,999.9050 → half-even
    // 249,999.90; billed 249,999.92: −0.02 on the expected credit note
    const credit = JSON.parse(readFileSync(join(dir, 'late', names.find((n) => n.endsWith('expected-credit-note.json'))!), 'utf8'));
    expect(credit.lines.map((l: { construct: string; amount: string }) => [l.construct, l.amount])).toEqual([['commitment-shortfall', '-0.02']]);
    expect(credit.totals.net).toBe('-0.02');
  }, 180_000); // a dozen icx processes in a row: slow on a loaded machine
});
