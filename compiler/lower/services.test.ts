import { describe, expect, it } from 'vitest';
import { agreement, expectClean } from '../test-support/expect-diagnostics.js';
import { SKETCH } from '../test-support/sketch.js';

describe('rate lines', () => {
  it('chains effective dates per zone and band', () => {
    const plan = expectClean(
      agreement(`  timebands {
    peak  mon-fri 08:00-20:00
    offpeak  otherwise
  }
  zones {
    FR  33
  }
  service vt voice payable {
    billing 60/60
    rate FR 0.0100 EUR/min
    rate FR peak 0.0200 EUR/min offpeak 0.0150 EUR/min from 2026-07-01
    rate FR peak 0.0250 EUR/min 0.0100 EUR/min from 2026-04-01
  }`),
    ).compiled.plans[0]!.plan;
    const rows = plan.services[0]!.rates.map((r) => `${r.clause} -> ${r.effectiveTo} ${r.steps[0]!.price} @${r.source}`);
    expect(rows).toEqual([
      'vt/FR/peak/2026-01-01 -> 2026-04-01 0.0100 @test.icx:18',
      'vt/FR/offpeak/2026-01-01 -> 2026-04-01 0.0100 @test.icx:18',
      'vt/FR/peak/2026-07-01 -> null 0.0200 @test.icx:19',
      'vt/FR/offpeak/2026-07-01 -> null 0.0150 @test.icx:19',
      'vt/FR/peak/2026-04-01 -> 2026-07-01 0.0250 @test.icx:20',
      'vt/FR/offpeak/2026-04-01 -> 2026-07-01 0.0100 @test.icx:20',
    ]);
  });

  it('lowers rate steps to second positions, and keeps money text minus separators', () => {
    const plan = expectClean(
      agreement(`  service vt voice payable {
    billing 1/1
    connect fee 0.0100 EUR
    maximum 1_000.50 EUR per call
    zero duration calls are charged
    calls across a band boundary are split at the boundary
    rounding half-even 4 decimals per record
    rounding down 2 decimals per invoice line
    rate any first 60s 0.0200 EUR/min next 2min 0.0150 EUR/min then 0.0100 EUR/min
  }`),
    ).compiled.plans[0]!.plan;
    const s = plan.services[0]!;
    expect(s.rates[0]!.steps).toEqual([
      { fromSecond: 0, toSecond: 60, price: '0.0200' },
      { fromSecond: 60, toSecond: 180, price: '0.0150' },
      { fromSecond: 180, toSecond: null, price: '0.0100' },
    ]);
    expect(s.billing).toEqual({ firstSeconds: 1, nextSeconds: 1, minimumSeconds: 0 });
    expect(s.connectFee).toBe('0.0100');
    expect(s.maximumPerCall).toBe('1000.50');
    expect(s.zeroDurationCharged).toBe(true);
    expect(s.boundaryRule).toBe('split');
    expect(s.recordRounding).toEqual({ method: 'half-even', decimals: 4 });
    expect(s.invoiceLineRounding).toEqual({ method: 'down', decimals: 2 });
  });

  it('applies the documented defaults', () => {
    const s = expectClean(agreement(`  service vt voice payable {\n    billing 60/60 minimum 2min\n    rate any 0.01 EUR/min\n  }`))
      .compiled.plans[0]!.plan.services[0]!;
    expect(s.billing).toEqual({ firstSeconds: 60, nextSeconds: 60, minimumSeconds: 120 });
    expect(s.zeroDurationCharged).toBe(false);
    expect(s.boundaryRule).toBe('start-band');
    expect(s.recordRounding).toEqual({ method: 'half-up', decimals: 6 });
    expect(s.invoiceLineRounding).toBeNull();
    expect(s.connectFee).toBeNull();
    expect(s.maximumPerCall).toBeNull();
  });
});

describe('prefix tables', () => {
  it('lists the prefixes of every zone a service rates or bars, and "" for any', () => {
    const plan = expectClean(SKETCH, 'sketch.icx').compiled.plans[0]!.plan;
    const [term, orig, sms] = plan.services;
    expect(term!.prefixes.map((p) => `${p.prefix}=${p.zone}`)).toEqual([
      '331=FR-FIXED',
      '332=FR-FIXED',
      '333=FR-FIXED',
      '334=FR-FIXED',
      '335=FR-FIXED',
      '336=FR-MOBILE',
      '337=FR-MOBILE',
      '3389=FR-PREMIUM',
      '339=FR-FIXED',
    ]);
    expect(term!.barredZones).toEqual(['FR-PREMIUM']);
    expect(orig!.prefixes).toEqual([{ prefix: '', zone: 'any' }]);
    expect(sms!.prefixes).toEqual([{ prefix: '', zone: 'any' }]);
    expect(sms!.billing).toBeNull();
    expect(sms!.unit).toBe('msg');
  });
});
