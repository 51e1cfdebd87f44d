import { describe, expect, it } from 'vitest';
import { compile } from '../index.js';
import { agreement } from '../test-support/expect-diagnostics.js';
import { parseDeck } from './parse.js';

function planOf(deck: string, body = '    rates from deck "decks/x.csv"') {
  const text = agreement(`  service term voice payable {\n    billing 60/60\n${body}\n  }`);
  const r = compile([{ uri: 'a.icx', text }], { readFile: (u) => (u === 'decks/x.csv' ? deck : undefined) });
  expect(r.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return r.compiled.plans[0]!.plan.services[0]!;
}

describe('deck lowering', () => {
  it('makes each destination a zone with one rate line per change, shared by its prefixes', () => {
    const s = planOf(
      'prefix,destination,rate,effective_date\n' +
        '336,France Mobile,0.0200,2025-06-01\n' + // before the validity (2026-01-01): starts with it
        '337,France Mobile,0.0200,2025-06-01\n' +
        '336,France Mobile,0.0250,2026-03-08\n' +
        '337,France Mobile,0.0250,2026-03-08\n' +
        '331,France Fixed,0.0100,2026-01-01\n',
    );
    expect(s.prefixes).toEqual([
      { prefix: '331', zone: 'France Fixed' },
      { prefix: '336', zone: 'France Mobile' },
      { prefix: '337', zone: 'France Mobile' },
    ]);
    expect(s.rates.map((r) => [r.clause, r.effectiveFrom, r.effectiveTo, r.steps[0]?.price, r.source])).toEqual([
      ['term/France Fixed/any/2026-01-01', '2026-01-01', null, '0.0100', 'decks/x.csv:6'],
      ['term/France Mobile/any/2026-01-01', '2026-01-01', '2026-03-08', '0.0200', 'decks/x.csv:2'],
      ['term/France Mobile/any/2026-03-08', '2026-03-08', null, '0.0250', 'decks/x.csv:4'],
    ]);
  });

  it('splits a destination whose prefixes differ into tariffs; closed and increments ride on the line', () => {
    const s = planOf(
      'prefix,destination,rate,effective_date,change,increments\n' +
        '336,France Mobile,0.0200,2026-01-01,new,\n' +
        '337,France Mobile,0.0200,2026-01-01,new,1/1\n' +
        '338,France Mobile,0.0200,2026-01-01,new,\n' +
        '338,France Mobile,,2026-04-01,closed,\n',
    );
    expect(s.prefixes).toEqual([
      { prefix: '336', zone: 'France Mobile', tariff: '336' },
      { prefix: '337', zone: 'France Mobile', tariff: '337' },
      { prefix: '338', zone: 'France Mobile', tariff: '338' },
    ]);
    expect(s.rates.map((r) => ({ clause: r.clause, to: r.effectiveTo, inc: r.increments, closed: r.closed, steps: r.steps.length }))).toEqual([
      { clause: 'term/France Mobile[336]/any/2026-01-01', to: null, inc: undefined, closed: undefined, steps: 1 },
      { clause: 'term/France Mobile[337]/any/2026-01-01', to: null, inc: { firstSeconds: 1, nextSeconds: 1 }, closed: undefined, steps: 1 },
      { clause: 'term/France Mobile[338]/any/2026-01-01', to: '2026-04-01', inc: undefined, closed: undefined, steps: 1 },
      { clause: 'term/France Mobile[338]/any/2026-04-01', to: null, inc: undefined, closed: true, steps: 0 },
    ]);
  });

  it('the plan does not depend on the order of the deck rows', () => {
    const rows = ['336,M,0.02,2026-01-01', '336,M,0.03,2026-05-01', '44,UK,0.01,2026-01-01'];
    const a = planOf(`prefix,destination,rate,effective_date\n${rows.join('\n')}\n`);
    const b = planOf(`prefix,destination,rate,effective_date\n${[...rows].reverse().join('\n')}\n`);
    expect(b.prefixes).toEqual(a.prefixes);
    expect(b.rates.map((r) => r.clause)).toEqual(a.rates.map((r) => r.clause));
  });
});

describe('deck CSV', () => {
  it('reads quoted fields, CRLF, a byte-order mark, blank lines; positions are 1-based lines', () => {
    const d = parseDeck('\uFEFFPrefix,Destination,RATE,effective_date\r\n\r\n"44","United Kingdom, ""Mobile""",0.01,2026-01-01\r\n', 'd.csv');
    expect(d.diagnostics).toEqual([]);
    expect(d.rows.map((r) => [r.line, r.prefix, r.destination, r.rate, r.date])).toEqual([[3, '44', 'United Kingdom, "Mobile"', '0.01', '2026-01-01']]);
    const rate = d.fieldRange(d.rows[0]!, 'rate');
    expect([rate.start.line, rate.start.column, rate.end.column]).toEqual([3, 35, 39]); // "44", is 5 columns, the quoted destination 28, then a comma
  });

  it('allows a closed row without a rate, and a field with a line break inside quotes', () => {
    const d = parseDeck('prefix,destination,rate,effective_date,change\n44,"United\nKingdom",0.01,2026-01-01,new\n44,"United\nKingdom",,2026-02-01,closed\n45,X,0.1,2026-01-01,\n', 'd.csv');
    expect(d.diagnostics).toEqual([]);
    expect(d.rows.map((r) => [r.line, r.rate, r.change])).toEqual([[2, '0.01', 'new'], [4, '', 'closed'], [6, '0.1', null]]);
  });
});
