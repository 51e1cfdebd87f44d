// Syntax errors: every one in a file is reported, each at the exact text it concerns.
// `⟦…⟧` marks where each expected diagnostic must point (see test-support/marked.ts).
import { describe, expect, it } from 'vitest';
import { parse } from './parse.js';
import { marked, showRange } from './test-support/marked.js';

function diagnosticsOf(source: string) {
  const { text, ranges } = marked(source);
  const { diagnostics, file } = parse(text, 'broken.icx');
  return { expected: ranges.map(showRange), actual: diagnostics.map((d) => showRange(d.range)), diagnostics, file };
}

describe('error recovery', () => {
  it('reports an error in each of several blocks, in order, with exact ranges', () => {
    const { expected, actual, diagnostics, file } = diagnosticsOf(`agreement X {
  parties {
    us ACME tadig
    ⟦partner⟧ B
  }
  zones {
    FR 33 6,
    ⟦DE⟧ 49
  }
  service v voice payable {
    rate FR peak ⟦EUR⟧/min
    rate DE 0.02 EUR/min
    rounding half-up 4 decimals per
  ⟦}⟧
  test "t" {
    usage v to 1 at 2026-03-02T10:00:00 for 61s
    expect 0.0246 EUR zone FR band
  ⟦}⟧
}
`);
    expect(actual).toEqual(expected);
    expect(diagnostics.every((d) => d.code === 'ICX1002' && d.severity === 'error')).toBe(true);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'expected a name after `tadig`, found `partner`',
      'expected a prefix like `33 6` after `,`, found `DE`',
      'expected a price like `0.0123 EUR/min` (or steps: `first 60s … then …`) after `peak`, found `EUR`',
      'expected `record` or `invoice line` after `per`, found `}`',
      'expected a name after `band`, found `}`',
    ]);
    // The partial AST still holds what was well-formed.
    const service = file.agreements[0]!.items.find((i) => i.kind === 'service');
    expect(service?.kind === 'service' && service.items.map((i) => i.kind)).toContain('rate');
  });

  it('goes on after a `}` that closes the agreement too early', () => {
    const { expected, actual, diagnostics } = diagnosticsOf(`agreement X {
  version 1 ⟦"x"⟧
  service v voice ⟦sideways⟧ {
    billing 60/60
  }
  ⟦timebands⟧ {
    peak mon-fri ⟦8:00-20:00⟧
    off otherwise
  }
`);
    expect(actual).toEqual(expected);
    expect(diagnostics.map((d) => d.code)).toEqual(['ICX1002', 'ICX1002', 'ICX1002', 'ICX1004']);
    expect(diagnostics[2]!.message).toContain('outside any agreement');
  });

  it('reports lexer and parser errors together across agreements', () => {
    const { expected, actual, diagnostics } = diagnosticsOf(`agreement X { zones { A 1 ⟦#⟧ B 2 } currency ⟦"EUR }⟧
agreement Y {
  holidays H { 2026-01-01 ⟦tomorrow⟧ }
  interconnect I { trunks TG1 quality asr ⟦>⟧ ⟦45%⟧ }
  service s sms payable { billing 60/60 minimum ⟦}⟧
}`);
    expect(actual).toEqual(expected);
    expect(diagnostics.map((d) => d.code)).toEqual(['ICX1001', 'ICX1003', 'ICX1002', 'ICX1001', 'ICX1002', 'ICX1002']);
  });

  it('points at the end of the last token when the file ends too early', () => {
    const { expected, actual, diagnostics } = diagnosticsOf(`agreement X {
  currency EUR⟦⟧`);
    expect(actual).toEqual(expected);
    expect(diagnostics[0]!.message).toContain('found the end of the file');
  });

  it('reports a missing unit in a price where the unit belongs', () => {
    const { expected, actual, diagnostics } = diagnosticsOf(`agreement X {
  service s voice payable {
    rate any 0.02 EUR ⟦min⟧
    bar ⟦0.1⟧
  }
}`);
    expect(actual).toEqual(expected);
    expect(diagnostics[0]!.message).toBe('expected `/` and a unit, as in `EUR/min` after `EUR`, found `min`');
  });

  it('reports malformed dates once, as malformed literals', () => {
    const { expected, actual, diagnostics } = diagnosticsOf(`agreement X {
  valid 2026-01-01 .. ⟦2026-13⟧
  test "t" {
    usage s to 1 at ⟦2026-03-02T1⟧
    expect suspense barred
  }
}`);
    expect(actual).toEqual(expected);
    expect(diagnostics.map((d) => d.code)).toEqual(['ICX1004', 'ICX1004']);
  });

  it('reports an unknown string escape', () => {
    const { expected, actual, diagnostics } = diagnosticsOf('agreement X "a ⟦\\n⟧ b" {}');
    expect(actual).toEqual(expected);
    expect(diagnostics[0]!.code).toBe('ICX1004');
  });

  it('reports stray text after the last agreement', () => {
    const { expected, actual } = diagnosticsOf('agreement X {}\n⟦}⟧\n⟦currency⟧ EUR\n');
    expect(actual).toEqual(expected);
  });
});
