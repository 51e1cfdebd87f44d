// `icx reconcile invoice` as a user runs it: exit codes (0 accept, 0 dispute, 3 dispute with
// --exit-code, 1 bad invoice, 2 bad command line), messages naming file/line/field, --out files.
// Amounts: test/reconcile/invoice-orange.test.ts (the same invoice, as CSV).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { icx, ROOT, STACK_LINE, tempDir } from '../cli/run-cli.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);
const AG = join(ROOT, 'agreements');
const SAMPLE = join(ROOT, 'agreements', 'traffic', 'march-sample.csv');

const LINES = [
  'service,zone,band,records,quantity,unit,rate,amount,construct',
  'voice-termination,FR-FIXED,peak,1,3,min,0.0045,0.01,',
  'voice-termination,FR-MOBILE,offpeak,1,2,min,0.0100,0.02,',
  'voice-termination,FR-MOBILE,peak,3,4,min,0.0123,0.05,',
  'voice-termination,,,,,,,249999.92,commitment-shortfall',
];

beforeAll(() => {
  const r = icx(['rate', AG, '--usage', SAMPLE, '--db', 'icx.duckdb', '--out', 'rated'], dir);
  expect(r.code, r.stderr).toBe(0);
  writeFileSync(join(dir, 'equal.csv'), LINES.join('\n') + '\n');
  // + FR-PREMIUM 3,000.00 only theirs: theirs 253,000.00, ours 250,000.00, +3,000.00 > max(1% × 253,000.00 = 2,530.00, 500) → dispute
  writeFileSync(join(dir, 'over.csv'), [...LINES, 'voice-termination,FR-PREMIUM,,10,20000,min,0.1500,3000.00,'].join('\n') + '\n');
  writeFileSync(join(dir, 'bad.csv'), [...LINES, 'voice-termination,FR-FIXED,peak,1,3,min,0.0045,12;50,'].join('\n') + '\n');
}, 120_000);

const run = (file: string, ...more: string[]) =>
  icx(['reconcile', 'invoice', AG, file, '--partner', 'ORANGE', '--period', '2026-03', '--db', 'icx.duckdb', ...more], dir);

describe('icx reconcile invoice', () => {
  it('an invoice equal to our statement: report, verdict accept, exit 0', () => {
    const r = run('equal.csv', '--invoice-number', 'OFR-1');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('ORANGE invoice OFR-1 for 2026-03 (equal.csv) vs our rating under ACME-ORANGE-FR-2026 v3, EUR');
    expect(r.stdout).toMatch(/^matched +voice-termination FR-MOBILE peak +3 +3 +4 +4 +0\.0123 +0\.0123 +0\.05 +0\.05 +0\.00$/m);
    expect(r.stdout).toMatch(/^total +250000\.00 +250000\.00 +0\.00$/m);
    expect(r.stdout).toContain('verdict: ACCEPT: their total 250000.00 EUR equals our rating: no difference');
  });

  it('a dispute exits 0, or 3 with --exit-code; --json prints the findings; --out writes them', () => {
    const plain = run('over.csv');
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('verdict: DISPUTE: difference 3000.00 EUR is beyond tolerance (more than 2530.00 EUR)');
    const coded = run('over.csv', '--exit-code', '--json', '--out', 'findings');
    expect(coded.code).toBe(3);
    const f = JSON.parse(coded.stdout);
    expect([f.kind, f.verdict, f.totals]).toEqual(['invoice', 'dispute', { theirs: '253000.00', ours: '250000.00', difference: '3000.00' }]);
    expect(f.lines.filter((l: { disputed: boolean }) => l.disputed).map((l: { subject: string }) => l.subject)).toEqual(['voice-termination FR-PREMIUM']);
    // the disputed line is only theirs: no records of ours, so no evidence file
    expect(readdirSync(join(dir, 'findings'))).toEqual(['findings.json']);
    expect(JSON.parse(readFileSync(join(dir, 'findings', 'findings.json'), 'utf8'))).toEqual(f);
  });

  it('a bad cell is exit 1 naming file, line and field; bad command lines exit 2; never a stack trace', () => {
    const bad = run('bad.csv', '--out', 'not-written');
    expect([bad.code, bad.stderr]).toEqual([1, 'icx: bad partner invoice bad.csv:\nbad.csv:6: amount: "12;50" is not a decimal amount (digits, optional - and decimal point, e.g. 1234.56)\n']);
    expect(readdirSync(dir)).not.toContain('not-written');
    const noPartner = icx(['reconcile', 'invoice', AG, 'equal.csv', '--period', '2026-03'], dir);
    expect([noPartner.code, noPartner.stderr]).toEqual([2, 'icx: icx reconcile invoice needs --partner NAME (who sent the invoice)\n']);
    const noFile = run('missing.csv');
    expect([noFile.code, noFile.stderr]).toEqual([2, 'icx: invoice missing.csv: no such file or directory\n']);
    const badMap = run('equal.csv', '--map', 'price=Rate');
    expect(badMap.code).toBe(2);
    expect(badMap.stderr).toContain("unknown invoice field 'price'");
    const usd = run('equal.csv', '--currency', 'USD');
    expect([usd.code, usd.stderr]).toEqual([1, 'icx: equal.csv: the invoice is in USD; agreement ACME-ORANGE-FR-2026 is in EUR (an invoice is compared in the agreement\'s currency)\n']);
    const other = run('equal.csv', '--agreement', 'NOPE');
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/^icx: partner ORANGE has no agreement NOPE \(agreements: /);
    // February: nothing of ours rated in the store: the report runs, with a warning
    const feb = icx(['reconcile', 'invoice', AG, 'equal.csv', '--partner', 'ORANGE', '--period', '2026-02', '--db', 'icx.duckdb'], dir);
    expect(feb.code).toBe(0);
    expect(feb.stderr).toBe('icx: warning: icx.duckdb has no rated payable traffic of ACME-ORANGE-FR-2026 in 2026-02; rate it first (icx rate or icx bill)\n');
    for (const r of [bad, noPartner, noFile, badMap, usd, other, feb]) expect(r.stderr).not.toContain(STACK_LINE);
  });
});
