// The completion table against the parser: each keyword phrase, written out with sample values,
// parses without a syntax error inside its block, and every word the table offers is a keyword
// or a word GRAMMAR.md names (so a renamed keyword breaks this test, not completion silently).
import { describe, expect, it } from 'vitest';
import { KEYWORDS, parse } from '../../language/index.js';
import { PHRASES } from './phrases.js';


describe('completion phrases follow the grammar', () => {
  it('offers only keywords (and `->`, `..`) as words', () => {
    const words = Object.values(PHRASES).flat(2).flatMap((s) => s.replace(/\?$/, '').split('|')).filter((w) => !w.startsWith('$'));
    const known = new Set<string>([...KEYWORDS, '->', '..']);
    expect(words.filter((w) => !known.has(w))).toEqual([]);
  });
  it('complete service lines parse', () => {
    const lines = [
      'zero duration calls are free', 'zero duration calls charged',
      'calls across a band boundary are rated at the start band', 'calls across a band boundary are split at the boundary',
      'bar Z', 'maximum 1 EUR per call', 'rounding half-up 4 decimals per record', 'rounding half-even 2 decimals per invoice line',
      'rates from deck "d.csv" issued 2026-01-01', 'notice increases 30 days', 'surcharge origin outside Z 0.01 EUR/min',
      'connect fee 0.01 EUR', 'revenue share 70% of net retail to P',
    ];
    for (const l of lines) {
      const { diagnostics } = parse(`agreement A {\n  service s voice payable {\n    ${l}\n  }\n}\n`, 't.icx');
      expect(diagnostics.map((d) => d.message), l).toEqual([]);
    }
  });
  it('complete agreement lines parse', () => {
    const lines = ['currency EUR', 'timezone Europe/Paris', 'fx SDR -> EUR from table "f.csv" at usage date', 'fx SDR -> EUR from table "f.csv" at period end',
      'discount on s zone Z {\n  }', 'discount D on s {\n  }', 'commitment on s {\n    P commits 1 EUR per month\n  }',
      'test "t" {\n    usage s at 2026-01-01T00:00:00\n    expect suspense barred\n  }'];
    for (const l of lines) {
      const { diagnostics } = parse(`agreement A {\n  ${l}\n}\n`, 't.icx');
      expect(diagnostics.map((d) => d.message), l).toEqual([]);
    }
  });
});
