import { describe, expect, it } from 'vitest';
import { agreementPlan, hashed, rateLine, voiceService } from '../../runtime/testing/fixtures.js';
import { fromNano, toNano } from './money.js';
import { layoutPlans } from './plan-layout.js';
import { ratingSqlScript } from './rating-sql.js';

describe('money conversion', () => {
  it('is exact to 9 decimals and refuses more', () => {
    expect(toNano('1.000001', 'p')).toBe(1_000_001_000n);
    expect(toNano('0.0123', 'p')).toBe(12_300_000n);
    expect(toNano('-2', 'p')).toBe(-2_000_000_000n);
    expect(toNano('0.1234567890', 'p')).toBe(123_456_789n); // trailing zero is fine
    expect(() => toNano('0.0000000001', 'p')).toThrow(/more than 9 decimals/);
    expect(() => toNano('1e-3', 'p')).toThrow(/not a decimal/);
    expect(fromNano(12_300_000n)).toBe('0.012300000');
  });
});

describe('layoutPlans', () => {
  it('lays out prefixes with integer keys and reports the prefix lengths present', () => {
    const l = layoutPlans([hashed(agreementPlan())]);
    expect(l.shape).toEqual({ prefixLengths: [4, 3, 0], ambiguousAgreements: false, hasFx: false });
    const p = l.tables.plan_prefixes!.find((r) => r.prefix === '3389')!;
    expect([p.pkey, p.plen, p.barred]).toEqual(['3389', 4, true]);
    expect(l.tables.plan_bands!.map((b) => b.band)).toEqual(['peak', 'offpeak']);
  });

  it('refuses overlapping rate lines (a record would be rated twice)', () => {
    const plan = agreementPlan({
      services: [voiceService({ rates: [rateLine('FR-MOBILE', 'peak', '0.01'), rateLine('FR-MOBILE', 'peak', '0.02', { effectiveFrom: '2026-06-01', clause: 'b' })] })],
    });
    expect(() => layoutPlans([hashed(plan)])).toThrow(/overlap/);
  });

  it('flags trunks shared between agreements', () => {
    const a = hashed(agreementPlan({ id: 'A' }));
    const b = hashed(agreementPlan({ id: 'B' }));
    expect(layoutPlans([a, b]).shape.ambiguousAgreements).toBe(true);
  });

  it('the script never contains agreement values, only bound parameters', () => {
    const plan = agreementPlan({ id: "EVIL'; DROP TABLE rated; --" });
    const sql = ratingSqlScript(layoutPlans([hashed(plan)]).shape);
    expect(sql).not.toContain('EVIL');
    expect(sql).not.toContain('33612');
    expect(sql).toContain('$1');
  });
});
