// Agreement test blocks run through the same rating SQL, in one run, rolled back after.
import { describe, expect, it } from 'vitest';
import type { AgreementTestPlan } from '../compiler/plan.js';
import { openStore, queryJson, runAgreementTests } from './index.js';
import { agreementPlan, hashed } from './testing/fixtures.js';

const test = (title: string, startTime: string, durationSeconds: string, expect_: AgreementTestPlan['expect'], bNumber = '33612345678'): AgreementTestPlan => ({
  agreementId: 'ACME-ORANGE', title, source: 'test.icx:10',
  usage: { service: 'voice-termination', aNumber: null, bNumber, startTime, durationSeconds, units: null },
  expect: expect_,
});

describe('runAgreementTests', () => {
  it('rates each test (local start time in the agreement zone) and compares', async () => {
    const store = await openStore(':memory:');
    const tests = [
      test('61 s peak', '2026-03-02T10:00:00', '61', { kind: 'amount', amount: '0.0246', currency: 'EUR', zone: 'FR-MOBILE', band: 'peak', billedSeconds: 120 }),
      // 07:30 local on DST day (no offset → Europe/Paris): offpeak (Sunday anyway) at 0.0100
      test('Sunday', '2026-03-29T07:30:00', '60', { kind: 'amount', amount: '0.01', currency: 'EUR', zone: null, band: 'offpeak', billedSeconds: null }),
      test('wrong amount', '2026-03-02T10:00:00Z', '61', { kind: 'amount', amount: '0.0247', currency: 'EUR', zone: null, band: null, billedSeconds: null }),
      test('barred', '2026-03-02T10:00:00', '61', { kind: 'suspense', reason: 'barred' }, '33891234'),
      test('wrong suspense', '2026-03-02T10:00:00', '61', { kind: 'suspense', reason: 'no-zone' }),
    ];
    const results = await runAgreementTests(store, { plans: [hashed(agreementPlan())], tests });
    expect(results.map((r) => r.passed)).toEqual([true, true, false, true, false]);
    expect(results[2]!.failures).toEqual(['amount: expected 0.0247, got 0.0246']);
    expect(results[0]!.actual).toMatchObject({ rated: true, amount: '0.024600000', zone: 'FR-MOBILE', band: 'peak', billedSeconds: 120 });
    const left = await queryJson(store, `SELECT (SELECT count(*) FROM rated) AS r, (SELECT count(*) FROM rating_runs) AS n`);
    expect(left).toEqual([{ r: '0', n: '0' }]);
    await store.close();
  });
});
