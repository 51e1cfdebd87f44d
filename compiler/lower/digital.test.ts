import { describe, expect, it } from 'vitest';
import { agreement, agreementHeader, expectClean } from '../test-support/expect-diagnostics.js';

const header = agreementHeader({ partner: 'FLEETCO "FleetCo" type iot' });

describe('digital terms lowered', () => {
  it('lowers an active-device fee and a pool; iot records get a 0 rate line that says why', () => {
    const plan = expectClean(
      agreement(
        `  service connectivity iot receivable {
    rate 0.40 EUR/device/month for active devices
    rate 0.35 EUR/device/month for active devices  from 2026-07-01
    data pooled 0.5 GB/device/month, overage 0.002 EUR/MB
  }`,
        { header },
      ),
    ).compiled.plans[0]!.plan;
    const s = plan.services[0]!;
    expect(s.rates.map((r) => [r.clause, r.steps[0]!.price])).toEqual([['connectivity/pooled: within the pooled allowance, charged per period', '0']]);
    expect(s.digital!.activeUnitFees.map((f) => [f.price, f.effectiveFrom, f.effectiveTo])).toEqual([
      ['0.40', '2026-01-01', '2026-07-01'],
      ['0.35', '2026-07-01', null],
    ]);
    // 0.5 GB = 0.5 × 1024³ B = 536_870_912 B; 1 MB = 1024² B = 1_048_576 B
    expect(s.digital!.pool).toMatchObject({ allowance: '0.5', allowanceUnit: 'GB', allowanceBytes: '536870912', overagePrice: '0.002', overageUnitBytes: '1048576' });
  });

  it('lowers a commission (per event as a rate line) and SLAs with their cap and fee', () => {
    const plan = expectClean(
      agreement(
        `  service activations event payable {
    commission 12.00 EUR/activation plus 5% of first-month retail
  }
  service urllc slice receivable {
    rate 12_000 EUR/month not prorated
    sla availability >= 99.99% per month, credit 10% per 0.01% below, cap 50%
    sla latency p99 <= 0.01s, credit 5%
  }`,
        { header },
      ),
    ).compiled.plans[0]!.plan;
    const [act, slice] = plan.services;
    expect(act!.rates.map((r) => [r.clause, r.steps[0]!.price])).toEqual([['activations/commission', '12.00']]);
    expect(act!.digital!.commission).toMatchObject({ perEvent: '12.00', unit: 'activation', retailPercent: '5' });
    expect(slice!.digital!.slas.map((x) => [x.metric, x.statistic, x.target, x.targetUnit, x.creditPercent, x.stepPercent])).toEqual([
      ['availability', null, '99.99', '%', '10', '0.01'],
      // 0.01 s = 10 ms
      ['latency', 'p99', '10', 'ms', '5', null],
    ]);
    expect(slice!.digital!.slaCapPercent).toBe('50');
  });

  it('leaves services without digital terms as they were (no digital field)', () => {
    const plan = expectClean(agreement(`  service s sms receivable {\n    rate any 0.0050 EUR/msg\n  }`, { header })).compiled.plans[0]!.plan;
    expect(plan.services[0]).not.toHaveProperty('digital');
  });
});
