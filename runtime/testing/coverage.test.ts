// computeCoverage on hand-built items: 4 rate lines, 3 exercised → 75.0%; a zone, a band, a bar.
import { describe, expect, it } from 'vitest';
import type { CoverageItemPlan } from '../../compiler/plan.js';
import { belowThreshold, computeCoverage, percent } from './coverage.js';
import type { Exercised } from './traffic-tests.js';

const rate = (line: number): CoverageItemPlan => ({ agreementId: 'A', kind: 'rate', label: `svc/Z${line}`, source: `a.icx:${line}`, match: {} });
const rated = (rateSource: string, zone = 'Z', band: string | null = 'peak', clause: string | null = null): Exercised['rated'][number] =>
  ({ agreementId: 'A', service: 'svc', zone, band, clause, rateSource });

describe('computeCoverage', () => {
  it('4 rate lines, 3 exercised: 75.0%, the fourth named', () => {
    const items = [rate(10), rate(11), rate(12), rate(13)];
    // a surcharged record cites two sources; line 1 is no rate line (a prefix `a.icx:1` must not match a.icx:12)
    const run: Exercised = { rated: [rated('a.icx:10'), rated('a.icx:11 + a.icx:1'), rated('a.icx:12')], barred: [], chargeSources: [] };
    const r = computeCoverage(items, [run]);
    expect(r.agreements).toEqual([{ agreementId: 'A', items: 4, covered: 3, percent: '75.0', uncovered: [rate(13)] }]);
    expect([r.items, r.covered, r.percent]).toEqual([4, 3, '75.0']);
  });

  it('zones by rated or barred records, bands by rated records, bars by barred records, tiers by charge lines', () => {
    const items: CoverageItemPlan[] = [
      { agreementId: 'A', kind: 'zone', label: 'FR', source: 'a.icx:3', match: { zone: 'FR' } },
      { agreementId: 'A', kind: 'zone', label: 'PREM', source: 'a.icx:4', match: { zone: 'PREM' } },
      { agreementId: 'A', kind: 'zone', label: 'EU', source: 'a.icx:5', match: { zone: 'EU' } },
      { agreementId: 'A', kind: 'band', label: 'offpeak', source: 'a.icx:7', match: { band: 'offpeak' } },
      { agreementId: 'A', kind: 'bar', label: 'svc bar PREM', source: 'a.icx:9', match: { zone: 'PREM', service: 'svc' } },
      { agreementId: 'A', kind: 'tier', label: 'svc tier 2', source: 'a.icx:12', match: {} },
      // another agreement's record does not count
      { agreementId: 'B', kind: 'zone', label: 'FR', source: 'b.icx:3', match: { zone: 'FR' } },
    ];
    const run: Exercised = {
      rated: [rated('a.icx:10', 'FR', 'peak', 'svc/any/peak/2026-01-01 + svc/surcharge origin outside EU')],
      barred: [{ agreementId: 'A', reason: 'barred', detail: 'B-number 3389 is in barred zone PREM (prefix 3389)' }],
      chargeSources: [{ agreementId: 'A', source: 'a.icx:12' }],
    };
    const r = computeCoverage(items, [run]);
    expect(r.agreements.map((a) => [a.agreementId, a.covered, a.items, a.uncovered.map((u) => u.label)])).toEqual([
      ['A', 5, 6, ['offpeak']],
      ['B', 0, 1, ['FR']],
    ]);
    expect(r.percent).toBe('71.4'); // 5 of 7 = 71.428…, rounded down
  });

  it('percent rounds down to tenths; the threshold compares exactly', () => {
    expect(percent(2, 3)).toBe('66.6');
    expect(percent(0, 0)).toBe('100.0');
    const r = computeCoverage([rate(1), rate(2), rate(3)], [{ rated: [rated('a.icx:1'), rated('a.icx:2')], barred: [], chargeSources: [] }]);
    expect(belowThreshold(r, 66.6)).toBe(false);
    expect(belowThreshold(r, 66.7)).toBe(true); // 2/3 = 66.66…% < 66.7
    expect(belowThreshold(r, 67)).toBe(true);
  });
});
