// The language server's AST source: always what a full parse gives, incremental where it can.
import { describe, expect, it } from 'vitest';
import { parse } from '../../language/index.js';
import { parseCounts, parseIncrementally } from './ast-cache.js';

const base = [
  'agreement T-1 {',
  '  currency EUR',
  '  zones {',
  '    FR  33',
  '    DE  49',
  '  }',
  '  service voice-out voice payable {',
  '    billing 60/60',
  '    rate FR 0.0100 EUR/min',
  '  }',
  '}',
  '',
].join('\n');

describe('parseIncrementally', () => {
  it('types a new rate line key by key: every state equals a full parse, and the line is re-parsed alone once valid again', () => {
    const uri = 'typing.icx';
    parseIncrementally(base, uri);
    const at = base.indexOf('  }\n}');
    const line = '    rate DE 0.0200 EUR/min\n';
    const before = { ...parseCounts };
    let fullAtValid = 0;
    for (let n = 1; n <= line.length; n++) {
      const text = base.slice(0, at) + line.slice(0, n) + base.slice(at);
      const fullBefore = parseCounts.full;
      const got = parseIncrementally(text, uri);
      expect(got).toEqual(parse(text, uri));
      if (got.diagnostics.length === 0 && parseCounts.full > fullBefore) fullAtValid++;
    }
    // states without diagnostics never needed a full parse: they start from the last clean text
    expect(fullAtValid).toBe(0);
    expect(parseCounts.incremental - before.incremental).toBeGreaterThan(0);
  });

  it('returns the same result for the same text', () => {
    const a = parseIncrementally(base, 'same.icx');
    expect(parseIncrementally(base, 'same.icx')).toBe(a);
  });
});
