// The fx line and `expect … original …`: parse, errors, canonical formatting.
import { describe, expect, it } from 'vitest';
import { format } from './format.js';
import { parse } from './parse.js';
import { items, withoutRanges } from './test-support/parse-helpers.js';

describe('fx lines', () => {
  it('reads both rules, with and without spaces around ->', () => {
    expect(withoutRanges(items('currency EUR\nfx SDR->EUR from table "fx/gsma-2026.csv" at usage date\nfx USD -> EUR from table "fx/ecb.csv" at period end'))).toEqual([
      { kind: 'currency', code: { text: 'EUR' } },
      { kind: 'fx', from: { text: 'SDR' }, to: { text: 'EUR' }, table: { value: 'fx/gsma-2026.csv' }, rule: 'usage-date' },
      { kind: 'fx', from: { text: 'USD' }, to: { text: 'EUR' }, table: { value: 'fx/ecb.csv' }, rule: 'period-end' },
    ]);
  });

  it('keeps the ranges of the currencies and the path', () => {
    const fx = items('fx SDR -> EUR from table "t.csv" at usage date')[0]!;
    if (fx.kind !== 'fx') throw new Error('not an fx line');
    expect([fx.from.range.start.column, fx.to.range.start.column, fx.table.range.start.column]).toEqual([4, 11, 26]);
  });

  it('reports a missing rule in the words of the language', () => {
    const { diagnostics } = parse('agreement T {\n  fx SDR -> EUR from table "t.csv" at\n}\n', 't.icx');
    expect(diagnostics.map((d) => d.message)).toEqual(['expected `usage date` or `period end` after `at`, found `}`']);
  });

  it('reports a missing arrow', () => {
    const { diagnostics } = parse('agreement T {\n  fx SDR EUR from table "t.csv" at usage date\n}\n', 't.icx');
    expect(diagnostics[0]!.message).toContain('expected `->` after `SDR`');
  });
});

describe('expect … original …', () => {
  it('reads the original amount and currency between the amount and the zone', () => {
    const t = items('test "t" {\n  usage r to 44 at 2026-03-02T10:00:00 for 61s\n  expect 0.0585 EUR original 0.05 SDR zone HOME\n}')[0]!;
    if (t.kind !== 'test' || t.expect?.kind !== 'amount') throw new Error('no amount expectation');
    expect(withoutRanges(t.expect.original)).toEqual({ amount: { text: '0.05', value: '0.05' }, currency: { text: 'SDR' } });
    expect(t.expect.zone?.text).toBe('HOME');
  });
});

describe('formatting', () => {
  it('puts fx lines with the single-line declarations, one space between tokens, idempotent', () => {
    const ugly = 'agreement T {\n  currency   EUR\n  fx   SDR->EUR   from table "fx/a.csv"  at  usage date   // why\n\n\n  fx USD ->EUR from table "fx/b.csv" at period end\n  valid 2026-01-01 ..\n}\n';
    const want = 'agreement T {\n  currency EUR\n  fx SDR -> EUR from table "fx/a.csv" at usage date  // why\n\n  fx USD -> EUR from table "fx/b.csv" at period end\n  valid 2026-01-01 ..\n}\n';
    expect(format(ugly, 't.icx').text).toBe(want);
    expect(format(want, 't.icx').text).toBe(want);
  });
});
