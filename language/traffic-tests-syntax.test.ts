// The traffic test syntax (GRAMMAR.md "Traffic tests"): a top-level block, told from a stray inline
// test block by the `for` after its title.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reparse, type ParsedText } from './incremental.js';
import { parse } from './parse.js';

describe('traffic tests', () => {
  it('parse into the file\'s trafficTests, each expectation with its kind', () => {
    const { file, diagnostics } = parse(`test "March" for ACME-T {
  traffic "../traffic/march.csv"
  expect count 20 rated 13 suspense 7
  expect suspense no-zone 2
  expect service voice-termination zone FR-MOBILE band peak 0.05 EUR
  expect band offpeak 0.02 EUR
  expect total 0.09 EUR
}
`, 't.test.icx');
    expect(diagnostics).toEqual([]);
    expect(file.agreements).toEqual([]);
    const t = file.trafficTests![0]!;
    expect([t.title.value, t.agreement.text, t.traffic.map((s) => s.value)]).toEqual(['March', 'ACME-T', ['../traffic/march.csv']]);
    expect(t.expects.map((e) => e.kind)).toEqual(['count', 'suspense', 'amount', 'amount', 'amount']);
    const [count, , line, band, total] = t.expects;
    expect(count).toMatchObject({ count: { value: '20' }, rated: { value: '13' }, suspense: { value: '7' } });
    expect(line).toMatchObject({ total: false, service: { text: 'voice-termination' }, zone: { text: 'FR-MOBILE' }, band: { text: 'peak' }, amount: { amount: { text: '0.05' }, currency: { text: 'EUR' } } });
    expect(band).toMatchObject({ total: false, band: { text: 'offpeak' } });
    expect(band).not.toHaveProperty('service');
    expect(total).toMatchObject({ total: true, amount: { amount: { text: '0.09' } } });
    expect(t.expects[2]!.range.start.line).toBe(5);
  });

  it('an inline test block outside an agreement is still a stray item', () => {
    const { diagnostics } = parse(`test "x" {\n  usage voice-termination to 33612345678 at 2026-03-02T10:00:00 for 61s\n  expect 0.0246 EUR\n}\n`, 't.icx');
    expect(diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['ICX1002', 1]]);
    expect(diagnostics[0]!.message).toMatch(/outside any agreement/);
  });

  it('a file without traffic tests has no trafficTests key (ASTs of agreements are unchanged)', () => {
    expect(parse('agreement A {\n}\n', 'a.icx').file).not.toHaveProperty('trafficTests');
  });

  it('a broken expectation is a syntax error at its line, the next lines still parsed', () => {
    const { file, diagnostics } = parse(`test "x" for A {\n  traffic "t.csv"\n  expect count many\n  expect total 1 EUR\n}\n`, 't.test.icx');
    expect(diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['ICX1002', 3]]);
    expect(file.trafficTests![0]!.expects.map((e) => e.kind)).toContain('amount');
  });
});

describe('the incremental re-parse with traffic tests in the file', () => {
  // An agreement and a traffic test in one file: edits anywhere must give what a full parse gives
  // (the re-parse moves top-level lists it does not know, such as trafficTests, past the edit).
  const text = readFileSync(path.join(import.meta.dirname, '..', 'agreements', 'acme-orange-fr.icx'), 'utf8')
    + '\n' + readFileSync(path.join(import.meta.dirname, '..', 'agreements', 'tests', 'orange-fr.test.icx'), 'utf8');
  it('equals a full parse after random one-line edits', () => {
    const before: ParsedText = { text, result: parse(text, 'a.icx') };
    expect(before.result.diagnostics).toEqual([]);
    const lines = text.split('\n');
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.constantFrom('0', '5', ' ', 'x', '"', '{', '}', 'expect', '\n'), (l, c, insert) => {
        const i = l % lines.length;
        const at = c % (lines[i]!.length + 1);
        const edited = [...lines.slice(0, i), lines[i]!.slice(0, at) + insert + lines[i]!.slice(at), ...lines.slice(i + 1)].join('\n');
        const quick = reparse(before, edited, 'a.icx');
        if (quick !== undefined) expect(quick).toEqual(parse(edited, 'a.icx'));
      }),
      { numRuns: 200, seed: 20261126 },
    );
  });
});
