// A commitment that changes the choice. At 2026-03-10T10:00Z, a 120 s call to 33 6:
//   ALPHA 120 × 0.0200 / 60 = 0.040; GAMMA 120 × 0.0100 / 60 = 0.020; EPSILON 120 × 0.0250 / 60 = 0.050.
// EPSILON: ACME commits 10,000 min per month, shortfall 0.0200 EUR/min: while unmet, each billed
// minute saves 0.0200 of shortfall.
import { describe, expect, it } from 'vitest';
import { lcrTable } from '../../runtime/lcr/index.js';
import { showCost } from '../../runtime/lcr/build.js';
import { parseCommitmentUsed } from '../../runtime/lcr/commitments.js';
import { ALPHA, EPSILON, GAMMA, plansOf } from './suppliers.js';

const PLANS = plansOf(ALPHA, GAMMA, EPSILON);

function at336(used?: string[]) {
  const t = lcrTable(PLANS, {
    at: new Date('2026-03-10T10:00:00Z'), callSeconds: 120, currency: 'EUR',
    ...(used ? { commitmentUsed: parseCommitmentUsed(used) } : {}),
  });
  const r = t.routes.find((x) => x.prefix === '336')!;
  return { notes: t.set.notes, ranks: r.offers.map((o) => `${o.supplier.name} ${showCost(o.cost60)}${o.marginalText !== null ? ` marginal ${o.marginalText}` : ''}`) };
}

describe('commitments in routing', () => {
  it('an unmet volume commitment makes the dearest supplier the cheapest at the margin', () => {
    // 5,000 min left: 2 billed minutes × 0.0200 = 0.040 saved → 0.050 − 0.040 = 0.010 < GAMMA's 0.020
    expect(at336(['LCR-EPSILON=5_000']).ranks).toEqual(['EPSILON 0.050000 marginal 0.010000', 'GAMMA 0.020000', 'ALPHA 0.040000']);
  });

  it('only the minutes still missing count', () => {
    // 1 min left: 1 × 0.0200 = 0.020 saved → marginal 0.030: after GAMMA, before ALPHA
    expect(at336(['LCR-EPSILON=9999']).ranks).toEqual(['GAMMA 0.020000', 'EPSILON 0.050000 marginal 0.030000', 'ALPHA 0.040000']);
  });

  it('a met commitment, or one whose use is not stated, does not change the price', () => {
    expect(at336(['LCR-EPSILON=10000']).ranks).toEqual(['GAMMA 0.020000', 'ALPHA 0.040000', 'EPSILON 0.050000']);
    const none = at336();
    expect(none.ranks).toEqual(['GAMMA 0.020000', 'ALPHA 0.040000', 'EPSILON 0.050000']);
    expect(none.notes.join('\n')).toMatch(/LCR-EPSILON has a volume commitment \(10000 min per month\); give --commitment-used LCR-EPSILON=QTY/);
    expect(() => at336(['NOPE=1'])).toThrow(/--commitment-used: `NOPE` is not the agreement id of a supplier/);
    expect(() => parseCommitmentUsed(['LCR-EPSILON'])).toThrow(/not AGREEMENT=QUANTITY/);
  });
});
