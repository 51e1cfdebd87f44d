// From a partner's invoice to a dispute, as a billing team runs it: rate March, reconcile Orange's
// invoice (an FR-PREMIUM line the agreement bars), open the dispute from the findings alone — the
// deadline (`dispute within 30 days` in acme-orange-fr.icx) travels in findings.json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { icx, ROOT, tempDir } from '../cli/run-cli.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);
const AG = join(ROOT, 'agreements');

beforeAll(() => {
  const r = icx(['rate', AG, '--usage', join(AG, 'traffic', 'march-sample.csv'), '--db', 'icx.duckdb', '--out', 'rated'], dir);
  expect(r.code, r.stderr).toBe(0);
  writeFileSync(join(dir, 'orange.csv'), [
    'service,zone,band,records,quantity,unit,rate,amount,construct',
    'voice-termination,FR-FIXED,peak,1,3,min,0.0045,0.01,',
    'voice-termination,FR-MOBILE,offpeak,1,2,min,0.0100,0.02,',
    'voice-termination,FR-MOBILE,peak,3,4,min,0.0123,0.05,',
    'voice-termination,,,,,,,249999.92,commitment-shortfall',
    'voice-termination,FR-PREMIUM,,10,20000,min,0.1500,3000.00,',
  ].join('\n') + '\n');
}, 120_000);

describe('reconcile invoice → dispute open', () => {
  it('opens the dispute with the agreement deadline carried by the findings', () => {
    const rec = icx(['reconcile', 'invoice', AG, 'orange.csv', '--partner', 'ORANGE', '--period', '2026-03', '--db', 'icx.duckdb',
      '--invoice-number', 'OFR-7', '--invoice-date', '2026-04-05', '--out', 'recon'], dir);
    expect(rec.code, rec.stderr).toBe(0);
    const findings = JSON.parse(readFileSync(join(dir, 'recon', 'findings.json'), 'utf8'));
    // theirs 253,000.00 − ours 250,000.00 = 3,000.00 > max(1% × 253,000.00 = 2,530.00, 500) → dispute
    expect([findings.verdict, findings.totals.difference]).toEqual(['dispute', '3000.00']);
    expect(findings.disputeDeadlines).toEqual({ raiseDays: 30, answerDays: null });
    copyFileSync(join(dir, 'icx.duckdb'), join(dir, 'late.duckdb'));
    const open = icx(['dispute', 'open', join('recon', 'findings.json'), '--db', 'icx.duckdb', '--raised', '2026-04-10', '--out', 'd'], dir);
    expect(open.code, open.stderr).toBe(0);
    // the barred FR-PREMIUM line is the claim: 3,000.00; invoice 2026-04-05 + 30 days = 2026-05-05
    expect(open.stdout).toContain('dispute D-ORANGE-2026-03-001 opened: ORANGE invoice OFR-7 of 2026-04-05 (2026-03)');
    expect(open.stdout).toMatch(/claimed +3,000\.00 EUR on 1 line/);
    expect(open.stdout).toMatch(/deadline to raise 2026-05-05 \(on time\)/);
    expect(readdirSync(join(dir, 'd'))).toContain('D-ORANGE-2026-03-001.pdf');
    // a day after the deadline it is refused without --late and a reason
    const late = icx(['dispute', 'open', join('recon', 'findings.json'), '--db', 'late.duckdb', '--raised', '2026-05-06'], dir);
    expect(late.code).toBe(1);
    expect(late.stderr).toMatch(/2026-05-05/);
  });
});
