// Commitment use read from the store (`icx lcr --store`), as the bill run's commitment line
// counts it: the commitment's period (here March, UTC) from its first day up to --at, each record
// once, billed seconds / 60 for minutes, the rated amount for spend. The same choices as
// commitments.test.ts, where the use was given by hand. At 2026-03-10T10:00Z, a 120 s call to 336:
//   GAMMA 0.020; ALPHA 0.040; EPSILON 120 × 0.0250 / 60 = 0.050, 60/60 → 2 billed minutes.
// EPSILON: ACME commits 10,000 min per month, shortfall 0.0200 EUR/min.
import { afterAll, describe, expect, it } from 'vitest';
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { showCost } from '../../runtime/lcr/build.js';
import { parseCommitmentUsed } from '../../runtime/lcr/commitments.js';
import { lcrTable } from '../../runtime/lcr/index.js';
import { readStoreInputs } from '../../runtime/lcr/quality-store.js';
import { call, longCall, storeWith, type TempStore } from './store-support.js';
import { ALPHA, EPSILON, GAMMA, plansOf } from './suppliers.js';

const AT = new Date('2026-03-10T10:00:00Z');
const stores: TempStore[] = [];
afterAll(() => stores.forEach((s) => s.cleanup()));

async function at336(plans: HashedAgreementPlan[], store: TempStore, used?: string[]) {
  const inputs = await readStoreInputs(plans, AT, { path: store.file, shown: 'icx.duckdb', window: { days: 30 }, windowGiven: false, floors: false, minAttempts: 100 });
  const t = lcrTable(plans, {
    at: AT, callSeconds: 120, currency: 'EUR', commitmentFromStore: inputs.commitmentFromStore, measuredQuality: inputs.measuredQuality,
    ...(used ? { commitmentUsed: parseCommitmentUsed(used) } : {}),
  });
  t.set.notes.unshift(...inputs.notes);
  const r = t.routes.find((x) => x.prefix === '336')!;
  return { notes: t.set.notes, ranks: r.offers.map((o) => `${o.supplier.name} ${showCost(o.cost60)}${o.marginalText !== null ? ` marginal ${o.marginalText}` : ''}`) };
}

describe('commitment use read from the store', () => {
  const plans = plansOf(ALPHA, GAMMA, EPSILON);

  it('counts the minutes of the period up to --at, and only those', async () => {
    const s = await storeWith(plans, [[
      call('TE1', '33612345678', '2026-02-28T23:59:00Z', '6000'), //  February: another period
      ...longCall('TE1', '33612345678', '2026-03-01T00:00:00Z', 599880), // 9,998 min (60/60: 599,880 s billed)
      call('TE1', '33612345678', '2026-03-10T09:59:00Z', '30'), //     1 billed min (60/60), before --at
      call('TE1', '33612345678', '2026-03-10T10:00:00Z', '60'), //     at --at: not yet
    ]]);
    stores.push(s);
    // used 599,880 + 60 = 599,940 s = 9,999 min: 1 min left → 1 × 0.0200 = 0.020 saved → 0.050 − 0.020 = 0.030,
    // between GAMMA 0.020 and ALPHA 0.040 (commitments.test.ts with --commitment-used LCR-EPSILON=9999)
    const r = await at336(plans, s);
    expect(r.ranks).toEqual(['GAMMA 0.020000', 'EPSILON 0.050000 marginal 0.030000', 'ALPHA 0.040000']);
    expect(r.notes).toContain('LCR-EPSILON: 9,999 min used 2026-03-01..2026-03-10 10:00 (store icx.duckdb)');
  });

  it('an explicit --commitment-used wins over the store', async () => {
    const s = await storeWith(plans, [[...longCall('TE1', '33612345678', '2026-03-01T00:00:00Z', 599940)]]);
    stores.push(s);
    // the store: 9,999 min → marginal 0.030; given 5,000: 2 billed min × 0.0200 = 0.040 saved → 0.010, first
    expect((await at336(plans, s)).ranks).toEqual(['GAMMA 0.020000', 'EPSILON 0.050000 marginal 0.030000', 'ALPHA 0.040000']);
    const r = await at336(plans, s, ['LCR-EPSILON=5_000']);
    expect(r.ranks).toEqual(['EPSILON 0.050000 marginal 0.010000', 'GAMMA 0.020000', 'ALPHA 0.040000']);
    expect(r.notes).toContain('LCR-EPSILON: --commitment-used 5000 wins over the store (9,999 min used 2026-03-01..2026-03-10 10:00 (store icx.duckdb))');
  });

  it('a met commitment no longer lowers the price', async () => {
    // 600,000 s = 10,000 min used: met → EPSILON back at its price, last
    const s = await storeWith(plans, [[...longCall('TE1', '33612345678', '2026-03-02T00:00:00Z', 600000)]]);
    stores.push(s);
    expect((await at336(plans, s)).ranks).toEqual(['GAMMA 0.020000', 'ALPHA 0.040000', 'EPSILON 0.050000']);
  });

  it('counts fractional minutes exactly (as seconds)', async () => {
    // ETA = EPSILON billed 1/1: 599,941 s used = 9,999.016666… min; 59 s left of 600,000.
    // A 120 s call: 120 × 0.0250 = 3.00 (×60); saved min(120, 59) × 0.0200 = 1.18 (×60) → 1.82 / 60 = 0.030333…
    // (minutes rounded to 6 decimals would leave 58.99998 s: 1.8200004)
    const eta = EPSILON.replace(/LCR-EPSILON/g, 'LCR-ETA').replace(/EPSILON/g, 'ETA').replace('TE1', 'TH1').replace('billing 60/60', 'billing 1/1');
    const ep = plansOf(ALPHA, GAMMA, eta);
    const s = await storeWith(ep, [[...longCall('TH1', '33612345678', '2026-03-02T00:00:00Z', 599941)]]);
    stores.push(s);
    const inputs = await readStoreInputs(ep, AT, { path: s.file, shown: 'icx.duckdb', window: { days: 30 }, windowGiven: false, floors: false, minAttempts: 100 });
    const t = lcrTable(ep, { at: AT, callSeconds: 120, currency: 'EUR', commitmentFromStore: inputs.commitmentFromStore });
    const o = t.routes.find((x) => x.prefix === '336')!.offers.find((x) => x.supplier.name === 'ETA')!;
    expect(o.rank60.toFixed()).toBe('1.82');
    expect(o.marginalText).toBe('0.030333');
    expect(t.set.notes).toContain('LCR-ETA: 9,999.016667 min used 2026-03-01..2026-03-10 10:00 (store icx.duckdb)');
  });

  it('reads a spend commitment over its quarter', async () => {
    // ZETA (EUR, 1/1): 33 6 at 0.0300 EUR/min; ACME commits 100 EUR per quarter.
    // A 120 s call costs 120 × 0.0300 / 60 = 0.060.
    const zeta = EPSILON.replace(/LCR-EPSILON/g, 'LCR-ZETA').replace(/EPSILON/g, 'ZETA').replace('TE1', 'TZ1').replace('E-MOB  33 6', 'Z-MOB  33 6')
      .replace('billing 60/60', 'billing 1/1').replace('rate E-MOB  0.0250 EUR/min', 'rate Z-MOB  0.0300 EUR/min')
      .replace('ACME-UK commits 10_000 min per month\n    shortfall at 0.0200 EUR/min', 'ACME-UK commits 100 EUR per quarter');
    const zp = plansOf(ALPHA, GAMMA, zeta);
    // January is in the quarter: 199,859 s × 0.0300 / 60 = 99.929500 EUR; March 1: 1 s = 0.000500 EUR.
    // Spent 99.93 → 0.07 left ≥ the call's 0.060 → marginal max(0, 0.060 − 0.070) = 0: first.
    const s = await storeWith(zp, [[...longCall('TZ1', '33612345678', '2026-01-15T12:00:00Z', 199859), call('TZ1', '33612345678', '2026-03-01T12:00:00Z', '1')]]);
    stores.push(s);
    const r = await at336(zp, s);
    expect(r.ranks).toEqual(['ZETA 0.060000 marginal 0.000000', 'GAMMA 0.020000', 'ALPHA 0.040000']);
    expect(r.notes).toContain('LCR-ZETA: 99.93 EUR spent 2026-01-01..2026-03-10 10:00 (store icx.duckdb)');
    // 99.98 spent (199,960 s): 0.02 left → marginal 0.060 − 0.020 = 0.040: ties ALPHA, ranked by name after it
    const s2 = await storeWith(zp, [[...longCall('TZ1', '33612345678', '2026-02-15T12:00:00Z', 199960)]]);
    stores.push(s2);
    expect((await at336(zp, s2)).ranks).toEqual(['GAMMA 0.020000', 'ALPHA 0.040000', 'ZETA 0.060000 marginal 0.040000']);
  });
});
