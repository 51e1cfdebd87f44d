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

describe('icx bill: one statement per partner over its netting agreements', () => {
  const t = tempDir();
  afterAll(t.cleanup);
  const ag = join(t.dir, 'agreements');
  cpSync(join(ROOT, 'agreements'), ag, { recursive: true });
  // a second netting agreement with ORANGE, in GBP, whose balance is paid in EUR
  writeFileSync(join(ag, 'fx', 'settle.csv'), 'date,from,to,rate\n2026-03-31,GBP,EUR,1.17\n');
  writeFileSync(join(ag, 'acme-orange-uk-slice.icx'), `agreement ACME-ORANGE-UK-SLICE "ACME and Orange: a slice billed in GBP" {
  parties {
    us ACME-UK
    partner ORANGE
  }
  currency GBP
  valid 2026-03-01 .. 2026-03-31
  timezone Europe/London

  service uk-slice slice receivable {
    rate 1_000.00 GBP/month not prorated
  }

  settlement {
    netting bilateral
    currency EUR from table "fx/settle.csv"
  }
}
`);

  it('sums the EUR voice agreement and the GBP slice agreement into one EUR statement', () => {
    const r = icx(['bill', ag, '--period', '2026-03', '--partner', 'ORANGE', '--usage', SAMPLE, '--db', 'icx.duckdb', '--out', 'out'], t.dir);
    expect(r.code, r.stderr).toBe(0);
    // ORANGE owes: voice invoice 0.02 EUR + slice invoice 1,000.00 GBP (reverse charge, no VAT) × 1.17 = 1,170.00 EUR
    // → 1,170.02 EUR; we owe the voice statement 250,000.00 EUR; 250,000.00 − 1,170.02 = 248,829.98 EUR paid by us
    expect(r.stdout).toContain(
      'settlement ACME-UK/ORANGE (ACME-ORANGE-FR-2026, ACME-ORANGE-UK-SLICE): ACME-UK owes 250000.00, ORANGE owes 1170.02 EUR: ACME-UK pays ORANGE 248829.98 EUR; FX GBP->EUR 1.17 on 2026-03-31 (fx/settle.csv)',
    );
    const files = readdirSync(join(t.dir, 'out')).filter((f) => f.endsWith('-settlement.json'));
    expect(files).toEqual(['BR-2026-03-ORANGE-ACME-UK-ORANGE-EUR-settlement.json']);
    const st = JSON.parse(readFileSync(join(t.dir, 'out', files[0]!), 'utf8'));
    expect(st.documents.map((d: { agreement: string; kind: string; currency: string; gross: string; amount: string }) => [d.agreement, d.kind, d.currency, d.gross, d.amount])).toEqual([
      ['ACME-ORANGE-FR-2026', 'invoice', 'EUR', '0.02', '0.02'],
      ['ACME-ORANGE-FR-2026', 'statement', 'EUR', '250000.00', '250000.00'],
      ['ACME-ORANGE-UK-SLICE', 'invoice', 'GBP', '1000.00', '1170.00'],
    ]);
  });
});
