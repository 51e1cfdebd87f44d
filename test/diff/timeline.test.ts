// The date-by-date comparison behind price changes, the percentages, and the exact amounts
// the diff prints.
import { describe, expect, it } from 'vitest';
import { compareSpans, percentChange, stretch } from '../../compiler/diff/timeline.js';
import { money } from '../../runtime/cli/diff-render.js';

describe('compareSpans', () => {
  it('finds nothing when the same prices are cut differently or written with other zeros', () => {
    const old = [{ from: '2026-01-01', to: null, value: '0.0100' }];
    const split = [{ from: '2026-01-01', to: '2026-04-01', value: '0.01' }, { from: '2026-04-01', to: null, value: '0.010' }];
    expect(compareSpans(old, split)).toEqual([]);
  });

  it('gives the stretch where prices differ, merged across cuts with the same pair', () => {
    const old = [{ from: '2026-01-01', to: '2026-02-01', value: '1' }, { from: '2026-02-01', to: null, value: '1' }];
    const neu = [{ from: '2026-01-01', to: '2026-03-01', value: '1' }, { from: '2026-03-01', to: null, value: '2' }];
    expect(compareSpans(old, neu)).toEqual([{ from: '2026-03-01', to: null, old: '1', new: '2' }]);
  });

  it('reports a price present on one side only, and ignores dates before the start', () => {
    const old = [{ from: '2025-07-01', to: null, value: '1' }];
    const neu = [{ from: '2026-01-01', to: '2026-06-01', value: '1' }];
    expect(compareSpans(old, neu, '2026-01-01')).toEqual([{ from: '2026-06-01', to: null, old: '1', new: null }]);
  });
});

describe('percentChange and stretch', () => {
  it('is relative to the old price, 2 decimals half-up, signed', () => {
    expect(percentChange('0.0123', '0.0133')).toBe('+8.13'); // 0.0010 / 0.0123 = 8.1300…%
    expect(percentChange('0.0080', '0.0081')).toBe('+1.25'); // 0.0001 / 0.0080 = 1.25% exactly
    expect(percentChange('3', '2')).toBe('-33.33'); // −1/3 = −33.333…%
    expect(percentChange('0.0060', '0.0060')).toBe('+0.00');
    expect(percentChange('0', '1')).toBeNull();
    expect(percentChange(null, '1')).toBeNull();
  });

  it('reads like a valid line: inclusive end date, nothing for the whole comparison', () => {
    expect(stretch('2026-01-01', '2026-04-01', '2026-01-01')).toBe(' 2026-01-01..2026-03-31');
    expect(stretch('2026-04-01', null, '2026-01-01')).toBe(' from 2026-04-01');
    expect(stretch('2026-01-01', null, '2026-01-01')).toBe('');
    expect(stretch('2024-01-01', '2024-03-01', null)).toBe(' 2024-01-01..2024-02-29'); // a leap year's last February day
  });
});

describe('money', () => {
  it('prints exactly: grouped thousands, at least 2 decimals, trailing zeros dropped, never rounded', () => {
    expect(money('3412.500000000')).toBe('3,412.50');
    expect(money('3412.500000000', true)).toBe('+3,412.50');
    expect(money('-1234567.001200000', true)).toBe('-1,234,567.0012');
    expect(money('0.000000000', true)).toBe('0.00');
    expect(money('0.000000001')).toBe('0.000000001');
  });
});
