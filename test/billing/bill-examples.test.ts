// The invoices of a whole month of the example agreements: `icx bill` over every sample traffic
// file of March 2026 with the retail and KPI inputs (the README's main job, billed). The amounts are
// the hand-computed charge lines of test/e2e/readme-job.test.ts and the per-record amounts of the
// e2e tests, summed here by hand: a voice agreement with a tier and a commitment, a content revenue
// share, an IoT agreement and a 5G slice.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icx, ROOT, tempDir } from '../cli/run-cli.js';

const { dir, cleanup } = tempDir();
afterAll(() => cleanup());

let stdout = '';
const doc = (name: string) => JSON.parse(readFileSync(join(dir, 'out', `BR-2026-03-${name}.json`), 'utf8'));
const brief = (name: string) => doc(name).lines.map((l: { kind: string; construct: string | null; amount: string }) => `${l.kind} ${l.construct ?? ''} ${l.amount}`.replace('  ', ' '));

beforeAll(() => {
  const traffic = readdirSync(join(ROOT, 'agreements', 'traffic')).filter((f) => f.endsWith('.csv')).sort().map((f) => join(ROOT, 'agreements', 'traffic', f));
  const r = icx(['bill', join(ROOT, 'agreements'), '--period', '2026-03', '--usage', ...traffic,
    '--retail', join(ROOT, 'agreements', 'inputs', 'retail-march.csv'), '--kpi', join(ROOT, 'agreements', 'inputs', 'kpi-march.csv'),
    '--db', join(dir, 'icx.duckdb'), '--out', join(dir, 'out')], dir);
  expect(r.code, r.stderr).toBe(0);
  stdout = r.stdout;
}, 120_000);

describe('the March bill run of the example agreements', () => {
  it('rates the four traffic files and balances, then writes one document per agreement and direction', () => {
    expect(stdout).toMatch(/rated: in 60 = rated 46 \+ suspense 14/);
    expect(stdout).toMatch(/bill run BR-2026-03: draft, 11 documents/);
  });

  it('voice with a tier and a commitment: the statement Orange should send us', () => {
    // usage: FR-FIXED 0.0135 → 0.01, FR-MOBILE offpeak 0.0200 → 0.02, FR-MOBILE peak 0.0246 + 0.0246 = 0.0492 → 0.05;
    // discount tier 1 (6 min ≤ 1,000,000): 0.00; shortfall 250,000 − 0.0827 = 249,999.9173 → 249,999.92;
    // total 0.01 + 0.02 + 0.05 + 0.00 + 249,999.92 = 250,000.00
    expect(doc('ACME-ORANGE-FR-2026-statement').totals).toEqual({ net: '250000.00', tax: '0.00', gross: '250000.00' });
  });

  it('content revenue share: the statement StreamCo should send us, in USD', () => {
    // 70% of net retail 15.88 = 11.116 → 11.12; two subscribers below the 2.50 floor raised by 4.08 in all; 11.12 + 4.08 = 15.20
    const d = doc('ACME-STREAMCO-statement');
    expect([d.kind, d.issuer.name, d.recipient.name, d.currency]).toEqual(['statement', 'STREAMCO', 'ACME-UK', 'USD']);
    expect(brief('ACME-STREAMCO-statement')).toEqual(['charge revenue-share 11.12', 'charge revenue-share-floor 4.08']);
    expect(d.totals).toEqual({ net: '15.20', tax: '0.00', gross: '15.20' });
  });

  it('IoT: the invoice we send FleetCo', () => {
    // pooled data is rated 0 per record; 3 active trackers × 0.40 = 1.20; 1,550 MB over a 1,500 MB pool: 50 × 0.002 = 0.10;
    // 0.00 + 1.20 + 0.10 = 1.30
    const d = doc('ACME-FLEET-IOT-invoice');
    expect([d.kind, d.issuer.name, d.recipient.name]).toEqual(['invoice', 'ACME-UK', 'FLEETCO']);
    expect(brief('ACME-FLEET-IOT-invoice')).toEqual(['usage 0.00', 'charge active-units 1.20', 'charge pool-overage 0.10']);
    expect(d.totals.gross).toBe('1.30');
  });

  it('a 5G slice: the recurring fee less its SLA credits', () => {
    // 12,000 × 22/31 = 8,516.13; availability credit −1,703.23; latency credit −425.81; 8,516.13 − 2,129.04 = 6,387.09
    expect(brief('ACME-FACTORY-SLICE-invoice')).toEqual(['charge recurring-fee 8516.13', 'charge sla-credit -1703.23', 'charge sla-credit -425.81']);
    expect(doc('ACME-FACTORY-SLICE-invoice').totals.gross).toBe('6387.09');
  });
});
