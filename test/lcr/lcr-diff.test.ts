// `icx lcr diff`: the first choices that change between two instants, hand-checked on the
// suppliers of test/lcr/lcr.test.ts (ALPHA's 33 6 drops from 0.0200 to 0.0090 EUR/min on
// 15 March; 14 March is a Saturday — BETA offpeak — and the 16th a Monday, 11:00 in Paris — peak).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { diffRoutes } from '../../runtime/lcr/diff.js';
import { lcrTable } from '../../runtime/lcr/index.js';
import type { FxRow } from '../../runtime/lcr/suppliers.js';
import { icx, ROOT } from '../cli/run-cli.js';
import { ALPHA, BETA, CUSTOMER, DELTA, GAMMA, plansOf } from './suppliers.js';

const ALL = plansOf(ALPHA, BETA, GAMMA, DELTA, CUSTOMER);
const FX: FxRow[] = ['2026-03-14', '2026-03-16'].map((date) => ({ date, from: 'USD', to: 'EUR', rate: '0.90', where: 'fx.csv' }));
const at = (d: string) => lcrTable(ALL, { at: new Date(d), callSeconds: 120, currency: 'EUR', fx: FX }).routes;

describe('icx lcr diff', () => {
  it('lists exactly the prefixes whose first choice changes, with the cost difference', () => {
    expect(diffRoutes(at('2026-03-14T10:00:00Z'), at('2026-03-16T10:00:00Z'))).toEqual([
      // GAMMA 120 × 0.0100 / 60 = 0.020 → ALPHA 120 × 0.0090 / 60 = 0.018: −0.002
      {
        prefix: '336', change: 'supplier', difference: '-0.002000',
        before: { supplier: 'GAMMA', agreement: 'LCR-GAMMA', zone: expect.any(String), cost: '0.020000' },
        after: { supplier: 'ALPHA', agreement: 'LCR-ALPHA', zone: expect.any(String), cost: '0.018000' },
      },
      // BETA offpeak 2 min × 0.0060 = 0.012 → ALPHA (by its 33 6) 0.018 (BETA peak is 0.030): +0.006
      {
        prefix: '3361', change: 'supplier', difference: '+0.006000',
        before: { supplier: 'BETA', agreement: 'LCR-BETA', zone: expect.any(String), cost: '0.012000' },
        after: { supplier: 'ALPHA', agreement: 'LCR-ALPHA', zone: expect.any(String), cost: '0.018000' },
      },
    ]);
  });

  it('with ranks, also lists a prefix whose first choice stands but whose fallbacks change', () => {
    // Saturday 14th → Sunday 15th, both offpeak for BETA; ALPHA's 33 6 drops 0.0200 → 0.0090 on the 15th:
    //   336:  GAMMA 0.020, ALPHA 0.040 → ALPHA 0.018, GAMMA 0.020 (first choice changes, −0.002)
    //   3361: BETA 0.012, GAMMA 0.020, ALPHA 0.040 → BETA 0.012, ALPHA 0.018, GAMMA 0.020 (ranks 2–3 swap)
    const sat = at('2026-03-14T10:00:00Z');
    const sun = lcrTable(ALL, { at: new Date('2026-03-15T10:00:00Z'), callSeconds: 120, currency: 'EUR', fx: [...FX, { date: '2026-03-15', from: 'USD', to: 'EUR', rate: '0.90', where: 'fx.csv' }] }).routes;
    expect(diffRoutes(sat, sun).map((c) => [c.prefix, c.change])).toEqual([['336', 'supplier']]);
    const ranked = diffRoutes(sat, sun, 3);
    expect(ranked.map((c) => [c.prefix, c.change, c.difference])).toEqual([['336', 'supplier', '-0.002000'], ['3361', 'ranking', null]]);
    const names = (xs: { supplier: string; cost: string }[] | undefined) => xs?.map((x) => `${x.supplier} ${x.cost}`);
    expect(names(ranked[1]!.beforeRanks)).toEqual(['BETA 0.012000', 'GAMMA 0.020000', 'ALPHA 0.040000']);
    expect(names(ranked[1]!.afterRanks)).toEqual(['BETA 0.012000', 'ALPHA 0.018000', 'GAMMA 0.020000']);
    // ranks 2 sees the swap too; the first choice alone does not
    expect(diffRoutes(sat, sun, 2).map((c) => c.prefix)).toEqual(['336', '3361']);
  });

  it('the same instant twice changes nothing', () => {
    expect(diffRoutes(at('2026-03-16T10:00:00Z'), at('2026-03-16T10:00:00Z'))).toEqual([]);
  });

  it('runs on the example agreements, and names missing options', () => {
    const AG = join(ROOT, 'agreements');
    const none = icx(['lcr', 'diff', AG, '--from', '2026-03-14T10:00'], ROOT);
    expect([none.code, none.stderr]).toEqual([2, 'icx: icx lcr diff needs --from and --to (the two instants to compare)\n']);
    const noAt = icx(['lcr', AG], ROOT);
    expect([noAt.code, noAt.stderr]).toEqual([2, 'icx: icx lcr needs --at YYYY-MM-DDTHH:MM (the instant to price at)\n']);
  });
});
