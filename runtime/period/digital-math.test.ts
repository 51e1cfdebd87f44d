// Every expected amount is computed by hand in the comment beside it.
import { describe, expect, it } from 'vitest';
import { activeUnitFee, capCredits, percentOf, poolOverage, slaOutcome, X } from './digital-math.js';

describe('active units and pooled data', () => {
  it('charges the fee per active device', () => {
    // 3 devices × 0.40 = 1.20
    expect(activeUnitFee(3, '0.40').toFixed()).toBe('1.2');
  });

  it('charges only what the pool does not cover', () => {
    // pool = 3 devices × 500 MB = 3 × 524_288_000 B = 1_572_864_000 B
    // used 1_677_721_600 B (1600 MB) → overage 104_857_600 B = 100 MB × 0.002 = 0.200 EUR
    const r = poolOverage({ devices: 3, usedBytes: '1677721600', allowanceBytes: '524288000', overagePrice: '0.002', overageUnitBytes: '1048576' });
    expect(r.poolBytes.toFixed()).toBe('1572864000');
    expect(r.overageBytes.toFixed()).toBe('104857600');
    expect(r.overageUnits.toFixed()).toBe('100');
    expect(r.amount.toFixed()).toBe('0.2');
  });

  it('charges nothing inside the pool, and keeps a part of a unit exact', () => {
    // used below the pool → 0
    expect(poolOverage({ devices: 2, usedBytes: '1000', allowanceBytes: '1024', overagePrice: '0.002', overageUnitBytes: '1048576' }).amount.toFixed()).toBe('0');
    // 1 device, pool 1_048_576 B, used 1_572_864 B → overage 524_288 B = 0.5 MB × 0.002 = 0.001
    expect(poolOverage({ devices: 1, usedBytes: '1572864', allowanceBytes: '1048576', overagePrice: '0.002', overageUnitBytes: '1048576' }).amount.toFixed()).toBe('0.001');
  });
});

describe('percentages', () => {
  it('computes a commission percentage exactly', () => {
    // 5% × 119.99 = 5.9995
    expect(percentOf('5', '119.99').toFixed()).toBe('5.9995');
  });
});

describe('SLA credits', () => {
  const availability = { metric: 'availability' as const, op: '>=' as const, target: '99.99', creditPercent: '10', stepPercent: '0.01' };
  const latency = { metric: 'latency' as const, op: '<=' as const, target: '10', creditPercent: '5', stepPercent: null };

  it('credits one step per full 0.01% below 99.99%', () => {
    // 99.99 − 99.97 = 0.02 → 2 steps × 10% = 20%
    expect(slaOutcome(availability, '99.97')).toMatchObject({ met: false, steps: 2 });
    expect(slaOutcome(availability, '99.97').creditPercent.toFixed()).toBe('20');
    // 99.99 − 99.955 = 0.035 → 3 full steps (the half step does not count) → 30%
    expect(slaOutcome(availability, '99.955').creditPercent.toFixed()).toBe('30');
    // 99.985: 0.005 below, no full step → 0%, yet the SLA is missed
    expect(slaOutcome(availability, '99.985')).toMatchObject({ met: false, steps: 0 });
    // met exactly at the target
    expect(slaOutcome(availability, '99.99')).toMatchObject({ met: true, steps: 0 });
  });

  it('credits a flat percentage when latency is above its target', () => {
    expect(slaOutcome(latency, '12').creditPercent.toFixed()).toBe('5');
    expect(slaOutcome(latency, '10')).toMatchObject({ met: true });
  });

  it('caps the credits of all SLAs of the service', () => {
    // 99.90 → 9 steps = 90%, + latency 5% = 95% → capped at 50%, 45 points removed
    const total = slaOutcome(availability, '99.90').creditPercent.plus(slaOutcome(latency, '11').creditPercent);
    expect(total.toFixed()).toBe('95');
    const c = capCredits(total, '50');
    expect([c.credited.toFixed(), c.removed.toFixed()]).toEqual(['50', '45']);
    expect(capCredits(new X(20), '50').removed.toFixed()).toBe('0');
  });
});
