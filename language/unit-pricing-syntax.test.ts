// Syntax of per-record data and event pricing, origin pricing and roaming call categories.
import { describe, expect, it } from 'vitest';
import { parseClean, serviceItems, withoutRanges } from './test-support/parse-helpers.js';

describe('data, event, origin and category syntax', () => {
  it('reads a volume rounding unit and a price per MB', () => {
    const [billing, rate] = withoutRanges(serviceItems('billing 1 KB\nrate 0.0015 EUR/MB', 'service s data payable')) as Record<string, unknown>[];
    expect(billing).toMatchObject({ kind: 'billing', volume: { amount: { value: '1' }, unit: { text: 'KB' } } });
    expect(rate).toMatchObject({ kind: 'rate', zone: { text: 'any' }, prices: [{ steps: [{ price: { per: { text: 'MB' } } }] }] });
  });

  it('reads a keyword-looking event unit', () => {
    const [rate] = withoutRanges(serviceItems('rate any 0.0040 EUR/call', 'service s event payable')) as Record<string, unknown>[];
    expect(rate).toMatchObject({ prices: [{ steps: [{ price: { per: { text: 'call' } } }] }] });
  });

  it('reads origin-keyed rates, with and without a zone, and surcharges', () => {
    const its = withoutRanges(serviceItems('rate any origin UK-FIXED 0.0050 EUR/min\nrate origin EU 0.0060 EUR/min\nsurcharge origin outside EU 0.0600 EUR/min\nsurcharge origin UK-FIXED 0.01 EUR/min')) as Record<string, unknown>[];
    expect(its[0]).toMatchObject({ kind: 'rate', zone: { text: 'any' }, origin: { text: 'UK-FIXED' } });
    expect(its[1]).toMatchObject({ kind: 'rate', zone: { text: 'any' }, origin: { text: 'EU' } });
    expect(its[2]).toMatchObject({ kind: 'surcharge', outside: true, zone: { text: 'EU' }, price: { amount: { value: '0.0600' }, per: { text: 'min' } } });
    expect(its[3]).toMatchObject({ kind: 'surcharge', outside: false, zone: { text: 'UK-FIXED' } });
  });

  it('reads call categories', () => {
    const its = withoutRanges(serviceItems('rate calls home 0.0250 EUR/min\nrate calls international 0.05 EUR/min from 2026-04-01')) as Record<string, unknown>[];
    expect(its[0]).toMatchObject({ kind: 'rate', category: { text: 'home' }, zone: { text: 'any' } });
    expect(its[1]).toMatchObject({ category: { text: 'international' }, from: { text: '2026-04-01' } });
  });

  it('reads test usage without a B-number, with bytes and a category', () => {
    const file = parseClean(`agreement A {
  test "t" {
    usage d at 2026-03-02T10:00:00 bytes 1_500_000
    expect 0.002146 EUR
  }
  test "u" {
    usage r from 4420 to 4477 at 2026-03-02T10:00:00 for 31s category home
    expect 0.025 EUR zone home
  }
}`);
    const tests = file.agreements[0]!.items.filter((i) => i.kind === 'test');
    expect(withoutRanges(tests[0]!.kind === 'test' ? tests[0]!.usage : undefined)).toMatchObject({ service: { text: 'd' }, bytes: { value: '1500000' } });
    expect(tests[0]!.kind === 'test' && tests[0]!.usage?.bNumber).toBeFalsy();
    expect(withoutRanges(tests[1]!.kind === 'test' ? tests[1]!.usage : undefined)).toMatchObject({ bNumber: { text: '4477' }, category: { text: 'home' } });
  });
});
