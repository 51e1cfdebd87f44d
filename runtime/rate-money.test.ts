// Exact money: rounding methods on values that DOUBLE arithmetic gets wrong, increments,
// minimum, connect fee, maximum, steps, zero duration, SMS. Expected values by hand.
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import type { RoundingMethod } from '../compiler/plan.js';
import { rateRecords } from '../test/support/rate-snippet.js';
import { agreementPlan, hashed, rateLine, smsService, voice, voiceService } from './testing/fixtures.js';

function perSecond(method: RoundingMethod, trunk: string, price: string, decimals = 6) {
  return hashed(agreementPlan({
    id: `AG-${trunk}`,
    interconnects: [{ name: 'x', site: null, trunks: [trunk], traffic: ['voice'], quality: [] }],
    services: [voiceService({
      billing: { firstSeconds: 1, nextSeconds: 1, minimumSeconds: 0 },
      recordRounding: { method, decimals },
      rates: [rateLine('FR-MOBILE', 'peak', price), rateLine('FR-MOBILE', 'offpeak', price)],
    })],
  }));
}

describe('record rounding is exact', () => {
  it('DuckDB DECIMAL division really is inexact (the trap this engine avoids)', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const r = await c.runAndReadAll(`SELECT CAST(round(1.000001 * 30 / 60, 6) AS VARCHAR) AS v`);
    expect(r.getRowObjectsJson()[0]!.v).not.toBe('0.500001');
    c.closeSync();
  });

  it('1.000001 EUR/min × 30 s = 0.5000005 under each method', async () => {
    const methods: [RoundingMethod, string][] = [['half-up', '0.500001'], ['half-even', '0.500000'], ['up', '0.500001'], ['down', '0.500000']];
    const plans = methods.map(([m]) => perSecond(m, `T-${m}`, '1.000001'));
    const { rated } = await rateRecords(plans, methods.map(([m]) => voice(m, { trunk: `T-${m}`, duration_s: '30' })) as never);
    for (const [m, want] of methods) expect(rated.find((r) => r.record_id === m)!.amount, m).toBe(want);
  });

  it('half-even rounds an exact half to the even neighbour both ways', async () => {
    // 2.000003 × 30 / 60 = 1.0000015 → 1.000002 (odd 1 → even 2); 1.000001 → 0.500000 above
    // 0.000003 × 30 / 60 = 0.0000015 → 0.000002; 0.000005 × 30/60 = 0.0000025 → 0.000002
    const p = [perSecond('half-even', 'A', '2.000003'), perSecond('half-even', 'B', '0.000003'), perSecond('half-even', 'C', '0.000005')];
    const { rated } = await rateRecords(p, [voice('a', { trunk: 'A', duration_s: 30 }), voice('b', { trunk: 'B', duration_s: 30 }), voice('c', { trunk: 'C', duration_s: 30 })] as never);
    expect(rated.map((r) => r.amount)).toEqual(['1.000002', '0.000002', '0.000002']);
  });

  it('rounds to the declared number of decimals', async () => {
    // 0.0123 × 61 / 60 = 0.012505 → 2 dp: half-up 0.01, up 0.02; 4 dp half-up 0.0125
    const p = [perSecond('half-up', 'A', '0.0123', 2), perSecond('up', 'B', '0.0123', 2), perSecond('half-up', 'C', '0.0123', 4), perSecond('half-up', 'D', '0.0123', 0)];
    const { rated } = await rateRecords(p, ['A', 'B', 'C', 'D'].map((t) => voice(t, { trunk: t, duration_s: 61 })) as never);
    expect(rated.map((r) => r.amount)).toEqual(['0.01', '0.02', '0.0125', '0']);
  });

  it('sums of many tiny amounts stay exact (1/3 of a nano-unit never appears)', async () => {
    // 0.000001 EUR/min × 1 s = 0.0000000166… → 9 dp half-up 0.000000017
    const { rated } = await rateRecords([perSecond('half-up', 'A', '0.000001', 9)], [voice('a', { trunk: 'A', duration_s: 1 })] as never);
    expect(rated[0]!.amount).toBe('0.000000017');
  });
});

describe('increments, minimum, connect fee, maximum, steps', () => {
  const plan = (over: Parameters<typeof voiceService>[0]) => [hashed(agreementPlan({ services: [voiceService(over)] }))];

  it('60/60: 61 s is billed 120 s; fractions round up first (60.2 s → 61 s → 120 s)', async () => {
    const { rated } = await rateRecords(plan({}), [voice('a'), voice('b', { duration_s: '60.2' }), voice('c', { duration_s: '60' })] as never);
    expect(rated.map((r) => [r.billed_seconds, r.amount])).toEqual([['120', '0.024600'], ['120', '0.024600'], ['60', '0.012300']]);
  });

  it('30/6 and a minimum', async () => {
    const p = plan({ billing: { firstSeconds: 30, nextSeconds: 6, minimumSeconds: 0 } });
    const q = plan({ billing: { firstSeconds: 1, nextSeconds: 1, minimumSeconds: 30 } });
    const a = await rateRecords(p, [voice('a', { duration_s: 31 }), voice('b', { duration_s: 5 }), voice('c', { duration_s: 36 })] as never);
    expect(a.rated.map((r) => r.billed_seconds)).toEqual(['36', '30', '36']);
    const b = await rateRecords(q, [voice('a', { duration_s: 10 })] as never);
    // 30 s × 0.0123 / 60 = 0.00615
    expect([b.rated[0]!.billed_seconds, b.rated[0]!.amount]).toEqual(['30', '0.006150']);
  });

  it('connect fee is added, then the maximum per call caps', async () => {
    const p = plan({ connectFee: '0.05', maximumPerCall: '0.06' });
    // 60 s: 0.0123 + 0.05 = 0.0623 → capped 0.06; 1 s → 60 s: same; 0 s free → 0
    const { rated } = await rateRecords(p, [voice('a', { duration_s: 60 }), voice('b', { duration_s: 300 }), voice('z', { duration_s: 0 })] as never);
    expect(rated.map((r) => r.amount)).toEqual(['0.060000', '0.060000', '0.000000']);
    const q = plan({ connectFee: '0.05' });
    const r2 = await rateRecords(q, [voice('a', { duration_s: 60 })] as never);
    expect(r2.rated[0]!.amount).toBe('0.062300');
  });

  it('zero duration: free by default (clause zero-duration); when charged, connect fee + minimum', async () => {
    const free = await rateRecords(plan({ connectFee: '0.05' }), [voice('z', { duration_s: 0 })] as never);
    expect([free.rated[0]!.amount, free.rated[0]!.billed_seconds, free.rated[0]!.clause]).toEqual(['0.000000', '0', 'zero-duration']);
    const charged = plan({ connectFee: '0.05', zeroDurationCharged: true, billing: { firstSeconds: 1, nextSeconds: 1, minimumSeconds: 30 } });
    const c = await rateRecords(charged, [voice('z', { duration_s: 0 })] as never);
    // 0.05 + 30 × 0.0123 / 60 = 0.05615
    expect([c.rated[0]!.amount, c.rated[0]!.billed_seconds]).toEqual(['0.056150', '30']);
  });

  it('rate steps price billed positions [from, to)', async () => {
    const steps = [{ fromSecond: 0, toSecond: 60, price: '0.0200' }, { fromSecond: 60, toSecond: null, price: '0.0100' }];
    const p = plan({
      billing: { firstSeconds: 1, nextSeconds: 1, minimumSeconds: 0 },
      rates: [rateLine('FR-MOBILE', 'peak', '0', { steps }), rateLine('FR-MOBILE', 'offpeak', '0', { steps })],
    });
    // 90 s: 60 × 0.02/60 + 30 × 0.01/60 = 0.025; 45 s: 0.015
    const { rated } = await rateRecords(p, [voice('a', { duration_s: 90 }), voice('b', { duration_s: 45 })] as never);
    expect(rated.map((r) => r.amount)).toEqual(['0.025000', '0.015000']);
  });

  it('sms: units × price per message', async () => {
    const p = [hashed(agreementPlan({ services: [smsService()] }))];
    const rec = (id: string, units: string | null) => ({ record_id: id, trunk: 'TG101', direction: 'in', kind: 'sms', b_number: '447700900123', start_time: '2026-03-02T10:00:00Z', units });
    const { rated } = await rateRecords(p, [rec('a', '3'), rec('b', null)] as never);
    expect(rated.map((r) => [r.amount, r.units, r.billed_seconds])).toEqual([['0.015000', '3', null], ['0.005000', '1', null]]);
  });
});
