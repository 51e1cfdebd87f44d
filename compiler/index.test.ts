import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from './index.js';
import { SKETCH } from './test-support/sketch.js';

describe('compile never throws', () => {
  it('survives arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const r = compile([{ uri: 'x.icx', text }]);
        expect(Array.isArray(r.diagnostics)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('survives the sketch with any line removed or any token dropped, and reports no internal error', () => {
    const lines = SKETCH.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const r = compile([{ uri: 'x.icx', text: [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n') }]);
      expect(r.diagnostics.filter((d) => d.code === 'internal-error')).toEqual([]);
    }
    const words = SKETCH.split(/(\s+)/);
    for (let i = 0; i < words.length; i += 2) {
      const r = compile([{ uri: 'x.icx', text: [...words.slice(0, i), ...words.slice(i + 1)].join('') }]);
      expect(r.diagnostics.filter((d) => d.code === 'internal-error')).toEqual([]);
    }
  });
});

describe('diagnostics on a file with syntax errors', () => {
  it('keeps the syntax error alone on a line the parser recovered on, and still checks the other lines', () => {
    const text = [
      'agreement X {',
      '  parties { us A "A"  partner B "B" type interconnect }',
      '  currency EUR',
      '  valid 2026-01-01 ..',
      '  timezone Europe/Paris',
      '  service s voice payable { billing 60/ }', // syntax error: the increment is cut short
      '  service t sms receivable { rate any 0.0050 EUR/min }', // a real unit error on a clean line
      '}',
    ].join('\n');
    const { diagnostics } = compile([{ uri: 'x.icx', text }]);
    expect(diagnostics.map((d) => `${d.range.start.line}:${d.code}`)).toEqual(['6:ICX1002', '7:ICX3001']);
  });
});
