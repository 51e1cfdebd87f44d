import { describe, expect, it } from 'vitest';
import { compile } from '../index.js';
import { agreement, stripMarks } from '../test-support/expect-diagnostics.js';

const withTrunk = (id: string, trunk: string) =>
  agreement(
    `  interconnect LON {
    trunks ${trunk}
  }
  service s sms receivable {
    rate any 0.005 EUR/msg
  }`,
    { id },
  );

function keyed(ds: { code: string; uri: string; range: { start: { offset: number }; end: { offset: number } } }[]) {
  return ds.map((d) => `${d.code} ${d.uri} ${d.range.start.offset}-${d.range.end.offset}`).sort();
}

describe('across agreements', () => {
  it('reports an agreement id used in two files at both (ICX2006), and produces no plan for either', () => {
    const a = stripMarks(withTrunk('⟦X-1⟧', 'TG1'));
    const b = stripMarks(withTrunk('⟦X-1⟧', 'TG2'));
    const { compiled, diagnostics } = compile([
      { uri: 'a.icx', text: a.text },
      { uri: 'b.icx', text: b.text },
    ]);
    expect(keyed(diagnostics)).toEqual(
      [
        `ICX2006 a.icx ${a.ranges[0]!.start.offset}-${a.ranges[0]!.end.offset}`,
        `ICX2006 b.icx ${b.ranges[0]!.start.offset}-${b.ranges[0]!.end.offset}`,
      ].sort(),
    );
    expect(compiled.plans).toEqual([]);
  });

  it('reports a trunk carried by two agreements in force at the same time at both valid lines (ICX2007)', () => {
    // the same validity (2026-01-01 .. 2026-12-31) in both: more cases in overlaps.test.ts
    const header = (v: string) =>
      `  parties {\n    us ACME "ACME Telecom Ltd"\n    partner ORANGE "Orange France SA" type interconnect\n  }\n  currency EUR\n  ${v}\n  timezone Europe/Paris\n`;
    const mk = (id: string) =>
      agreement('  interconnect LON {\n    trunks TG1\n  }\n  service s sms receivable {\n    rate any 0.005 EUR/msg\n  }', {
        id,
        header: header('⟦valid 2026-01-01 .. 2026-12-31⟧'),
      });
    const a = stripMarks(mk('A-1'));
    const b = stripMarks(mk('B-1'));
    const { diagnostics } = compile([
      { uri: 'a.icx', text: a.text },
      { uri: 'b.icx', text: b.text },
    ]);
    expect(keyed(diagnostics)).toEqual(
      [
        `ICX2007 a.icx ${a.ranges[0]!.start.offset}-${a.ranges[0]!.end.offset}`,
        `ICX2007 b.icx ${b.ranges[0]!.start.offset}-${b.ranges[0]!.end.offset}`,
      ].sort(),
    );
    expect(diagnostics[0]!.message).toMatch(/both have trunk TG1/);
  });
});
