// Settlement in another currency than the documents', through the CLI: a missing settlement FX
// rate stops the bill run (store and --out untouched); with the rate, the statement converts
// both documents; `icx bill issue` rewrites the settlement file naming the invoice by number.
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { icx, ROOT, STACK_LINE, tempDir } from './run-cli.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);
const AG = join(dir, 'agreements');
cpSync(join(ROOT, 'agreements'), AG, { recursive: true });
// ACME-ORANGE-FR-2026 (EUR, netting bilateral) now pays its balance in GBP
const file = join(AG, 'acme-orange-fr.icx');
const text = readFileSync(file, 'utf8');
if (!text.includes('    netting bilateral\n')) throw new Error('acme-orange-fr.icx has no netting line');
writeFileSync(file, text.replace('    netting bilateral\n', '    netting bilateral\n    currency GBP from table "fx/settle.csv"\n'));
const table = (rows: string) => writeFileSync(join(AG, 'fx', 'settle.csv'), `date,from,to,rate\n${rows}`);
const SAMPLE = join(ROOT, 'agreements', 'traffic', 'march-sample.csv');
const bill = (out: string) => icx(['bill', AG, '--period', '2026-03', '--partner', 'ORANGE', '--usage', SAMPLE, '--db', 'icx.duckdb', '--out', out], dir);

describe('icx bill: settlement currency', () => {
  it('stops on a missing rate, naming agreement, pair and date; nothing stored or written', () => {
    table('2026-02-28,EUR,GBP,0.86\n');
    const r = bill('missing');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^icx: ACME-ORANGE-FR-2026: no EUR->GBP rate dated 2026-03-31 \(the period's last day\) in fx\/settle\.csv \(settlement currency line acme-orange-fr\.icx:91\)/m);
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
    // the run was rolled back: there is no draft to approve
    const approve = icx(['bill', 'approve', 'BR-2026-03-ORANGE', '--db', 'icx.duckdb'], dir);
    expect(approve.code).toBe(1);
    expect(approve.stderr).toContain('no bill run BR-2026-03-ORANGE in the store');
  });

  it('converts both documents at the period-end rate, then names the invoice by number once issued', () => {
    table('2026-02-28,EUR,GBP,0.86\n2026-03-31,EUR,GBP,0.85\n');
    const a = bill('draft');
    expect(a.code, a.stderr).toBe(0);
    // statement 250,000.00 EUR × 0.85 = 212,500.00 GBP (we owe); invoice 0.02 EUR × 0.85 = 0.017 → 0.02 GBP
    // (half-up at 2 decimals, they owe); 212,500.00 − 0.02 = 212,499.98 GBP paid by ACME-UK
    expect(a.stdout).toContain(
      'settlement ACME-UK/ORANGE (ACME-ORANGE-FR-2026): ACME-UK owes 212500.00, ORANGE owes 0.02 GBP: ACME-UK pays ORANGE 212499.98 GBP; FX EUR->GBP 0.85 on 2026-03-31 (fx/settle.csv)',
    );
    const name = 'BR-2026-03-ORANGE-ACME-UK-ORANGE-GBP-settlement.json';
    const draft = JSON.parse(readFileSync(join(dir, 'draft', name), 'utf8'));
    expect([draft.currency, draft.weOwe, draft.theyOwe, draft.net, draft.payer]).toEqual(['GBP', '212500.00', '0.02', '212499.98', 'us']);
    expect(draft.fx).toEqual([{ agreement: 'ACME-ORANGE-FR-2026', date: '2026-03-31', from: 'EUR', rate: '0.85', table: 'fx/settle.csv', to: 'GBP' }]);
    expect(draft.documents.map((d: { document: string; number: string | null; amount: string }) => [d.document, d.number, d.amount])).toEqual([
      ['BR-2026-03-ORANGE-ACME-ORANGE-FR-2026-invoice', null, '0.02'],
      ['BR-2026-03-ORANGE-ACME-ORANGE-FR-2026-statement', null, '212500.00'],
    ]);

    expect(icx(['bill', 'approve', 'BR-2026-03-ORANGE', '--db', 'icx.duckdb'], dir).code).toBe(0);
    const issued = icx(['bill', 'issue', 'BR-2026-03-ORANGE', '--db', 'icx.duckdb', '--out', 'issued'], dir);
    expect(issued.code, issued.stderr).toBe(0);
    expect(issued.stdout).toContain('settlement ACME-UK/ORANGE (ACME-ORANGE-FR-2026): ACME-UK owes 212500.00, ORANGE owes 0.02 GBP');
    expect(readdirSync(join(dir, 'issued'))).toContain(name);
    const final = JSON.parse(readFileSync(join(dir, 'issued', name), 'utf8'));
    // the invoice by its number (and file name); the statement, which we do not number, by its draft name
    expect(final.documents.map((d: { document: string; number: string | null }) => [d.document, d.number])).toEqual([
      ['ACME-UK-2026-000001', 'ACME-UK-2026-000001'],
      ['BR-2026-03-ORANGE-ACME-ORANGE-FR-2026-statement', null],
    ]);
    expect(existsSync(join(dir, 'issued', 'ACME-UK-2026-000001.json'))).toBe(true);
    // everything else is the draft's, unchanged
    expect({ ...final, documents: null }).toEqual({ ...draft, documents: null });
  });
});
