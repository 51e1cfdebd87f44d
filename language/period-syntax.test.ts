// The syntax of period charges: tiers, discounts, commitments, minimum fees, caps per period,
// recurring-fee proration, and period tests.
import { describe, expect, it } from 'vitest';
import type { CommitmentBlock, DiscountBlock, RateDecl, TestBlock } from './ast.js';
import { parse } from './parse.js';
import { items, serviceItems, withoutRanges } from './test-support/parse-helpers.js';

describe('period charges syntax', () => {
  it('reads a tiered service with a price per a keyword-looking unit (EUR/call)', () => {
    const [tiered, t1, t2] = serviceItems('tiered per month, incremental\ntier 0 .. 1_000 calls 0.0040 EUR/call\ntier 1_000 .. 0.0030 EUR/call', 'service api event receivable');
    expect(withoutRanges(tiered)).toEqual({ kind: 'tiered', style: { kind: 'tierStyle', period: { text: 'month' }, style: { text: 'incremental' } } });
    expect(withoutRanges(t1)).toMatchObject({ kind: 'tier', from: { value: '0' }, to: { value: '1000' }, toUnit: { text: 'calls' }, price: { per: { text: 'call' } } });
    expect(withoutRanges(t2)).toMatchObject({ kind: 'tier', from: { value: '1000' }, price: { amount: { value: '0.0030' } } });
    expect((t2 as { to?: unknown }).to).toBeUndefined();
  });

  it('reads a discount with a unit on the lower bound, and without a name', () => {
    const [d] = items('discount on roaming-data { per year, incremental  tier 0 .. 500_000 GB 0%  tier 500_000 GB .. 20% }') as DiscountBlock[];
    expect(d!.name).toBeUndefined();
    expect(d!.service.text).toBe('roaming-data');
    expect(d!.tiers.map((t) => [t.from.value, t.fromUnit?.text, t.to?.value, t.toUnit?.text, t.percent?.value])).toEqual([
      ['0', undefined, '500000', 'GB', '0'],
      ['500000', 'GB', undefined, undefined, '20'],
    ]);
  });

  it('reads both kinds of commitment line', () => {
    const [c] = items('commitment on v {\n  ORANGE commits 1_000_000 min per month\n  shortfall at 0.0100 EUR/min\n}') as CommitmentBlock[];
    expect(withoutRanges(c!.commits)).toEqual([{ party: { text: 'ORANGE' }, quantity: { text: '1_000_000', value: '1000000' }, unit: { text: 'min' }, period: { text: 'month' } }]);
    expect(c!.shortfall[0]!.price?.amount.value).toBe('0.0100');
  });

  it('reads proration on a recurring fee, and caps and minimums per period', () => {
    const [a, b] = serviceItems('rate 12_000 EUR/month not prorated\nrate 12_000 EUR/month prorated by day', 'service s slice receivable') as RateDecl[];
    expect(withoutRanges(a!.proration)).toEqual({ prorated: false });
    expect(withoutRanges(b!.proration)).toEqual({ prorated: true, by: { text: 'day' } });
    const [min, max, sub] = serviceItems('minimum 40_000 EUR per month\nmaximum 1 EUR per call\nminimum 2.50 USD/subscriber/month', 'service s data receivable');
    expect(withoutRanges(min)).toMatchObject({ kind: 'minimum', period: { text: 'month' } });
    expect((max as { period?: unknown }).period).toBeUndefined();
    expect(withoutRanges(sub)).toMatchObject({ kind: 'minimum', per: { text: 'subscriber' }, perPeriod: { text: 'month' } });
  });

  it('reads a period test: several usage lines, counts, signed charge amounts, a total', () => {
    const [t] = items('test "p" {\n  period 2026-03\n  usage s to 1 at 2026-03-02T10:00:00 count 5\n  usage s to 2 at 2026-03-03T10:00:00\n  expect charge discount D tier 2 -12.30 EUR\n  expect total 0.50 EUR\n}') as TestBlock[];
    expect(t!.period?.text).toBe('2026-03');
    expect(t!.usages?.map((u) => u.count?.value ?? null)).toEqual(['5', null]);
    expect(withoutRanges(t!.expects)).toEqual([
      { kind: 'charge', construct: { text: 'discount' }, subject: { text: 'D' }, tier: { text: '2', value: '2' }, amount: { amount: { text: '-12.30', value: '-12.30' }, currency: { text: 'EUR' } } },
      { kind: 'total', amount: { amount: { text: '0.50', value: '0.50' }, currency: { text: 'EUR' } } },
    ]);
  });

  it('lexes a month only after `period`', () => {
    expect(parse('agreement T {\n  valid 2026-01-01 .. 2026-03\n}\n', 't.icx').diagnostics.map((d) => d.code)).toEqual(['ICX1004']);
  });
});
