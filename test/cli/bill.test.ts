// `icx bill`, `icx bill approve`, `icx bill issue` as a user runs them (amounts: test/billing/bill-run.test.ts).
import { spawnSync } from 'node:child_process';
import { describe, it, expect, afterAll } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { icx, ROOT, STACK_LINE, tempDir } from './run-cli.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);
const AG = join(ROOT, 'agreements');
const SAMPLE = join(ROOT, 'agreements', 'traffic', 'march-sample.csv');

describe('icx bill', () => {
  it('drafts, re-runs byte-identically, approves, issues under numbers, then refuses to re-bill', () => {
    const args = (out: string) => ['bill', AG, '--period', '2026-03', '--partner', 'ORANGE', '--usage', SAMPLE, '--db', 'icx.duckdb', '--out', out];
    const a = icx(args('a'), dir);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toMatch(/rated: in 20 = rated 13 \+ suspense 7/);
    // statement: 0.01 + 0.02 + 0.05 + 249,999.92 + 0.00 (test/billing/bill-run.test.ts)
    expect(a.stdout).toMatch(/^BR-2026-03-ORANGE-ACME-ORANGE-FR-2026-statement\s+statement\s+ACME-ORANGE-FR-2026\s+ACME-UK\s+EUR\s+250000\.00\s+250000\.00$/m);
    expect(a.stdout).toMatch(/bill run BR-2026-03-ORANGE: draft, 2 documents in a/);
    const b = icx(args('b'), dir);
    expect(b.code, b.stderr).toBe(0);
    const files = readdirSync(join(dir, 'a')).sort();
    // JSON, CSV, HTML and PDF of the invoice and of the statement, and the settlement (netting bilateral)
    expect(files).toHaveLength(9);
    expect(files).toContain('BR-2026-03-ORANGE-ACME-UK-ORANGE-EUR-settlement.json');
    // we owe 250,000.00 (statement), Orange owes 0.02 (invoice): 250,000.00 − 0.02 = 249,999.98 paid by us
    expect(a.stdout).toContain('settlement ACME-UK/ORANGE (ACME-ORANGE-FR-2026): ACME-UK owes 250000.00, ORANGE owes 0.02 EUR: ACME-UK pays ORANGE 249999.98 EUR');
    for (const f of files) expect(readFileSync(join(dir, 'b', f)).equals(readFileSync(join(dir, 'a', f))), f).toBe(true);

    expect(icx(['bill', 'approve', 'BR-2026-03-ORANGE', '--db', 'icx.duckdb'], dir).code).toBe(0);
    const issued = icx(['bill', 'issue', 'BR-2026-03-ORANGE', '--db', 'icx.duckdb', '--out', 'issued'], dir);
    expect(issued.code, issued.stderr).toBe(0);
    const renderings = (base: string) => ['csv', 'html', 'json', 'pdf'].map((ext) => `${base}.${ext}`);
    expect(readdirSync(join(dir, 'issued')).sort()).toEqual([
      ...renderings('ACME-UK-2026-000001'), ...renderings('BR-2026-03-ORANGE-ACME-ORANGE-FR-2026-statement'), 'BR-2026-03-ORANGE-ACME-UK-ORANGE-EUR-settlement.json',
    ]);
    const doc = JSON.parse(readFileSync(join(dir, 'issued', 'ACME-UK-2026-000001.json'), 'utf8'));
    expect([doc.number, doc.kind, doc.totals.gross]).toEqual(['ACME-UK-2026-000001', 'invoice', '0.02']);
    // the PDF, read back as text, shows the same number and total as the JSON
    const pdf = spawnSync('pdftotext', ['-layout', join(dir, 'issued', 'ACME-UK-2026-000001.pdf'), '-'], { encoding: 'utf8' });
    if (pdf.error === undefined) {
      expect(pdf.stdout).toContain('ACME-UK-2026-000001');
      expect(pdf.stdout).toMatch(/Total due\s+0\.02 EUR/);
    }

    const again = icx(args('c'), dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^icx: bill run BR-2026-03-ORANGE for 2026-03 is issued: its documents are never changed; corrections are credit and debit notes/);
    expect(again.stderr).not.toContain(STACK_LINE);
  });

  it('names a missing option and a period input the charges need', () => {
    const noPeriod = icx(['bill', AG, '--out', 'x'], dir);
    expect([noPeriod.code, noPeriod.stderr]).toEqual([2, 'icx: icx bill needs --period YYYY-MM (the month to bill)\n']);
    // the SLA credits of ACME-FACTORY-SLICE need KPIs: an error, never a silently missing line
    const missing = icx(['bill', AG, '--period', '2026-03', '--partner', 'FACTORY', '--db', 'm.duckdb', '--out', 'm'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^icx: ACME-FACTORY-SLICE urllc: no KPI file given \(--kpi\)/);
    expect(readdirSync(dir)).not.toContain('m');
  });
});
