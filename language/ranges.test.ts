// Node ranges: 1-based line/column, 0-based offsets, exclusive end.
import { describe, expect, it } from 'vitest';
import type { RateDecl, ServiceBlock, TimebandsBlock, ZonesBlock } from './ast.js';
import { parse } from './parse.js';
import { marked, showRange } from './test-support/marked.js';

function parsed(source: string) {
  const { text, ranges } = marked(source);
  const { file, diagnostics } = parse(text, 'r.icx');
  expect(diagnostics).toEqual([]);
  return { file, text, expected: ranges.map(showRange), ranges };
}

describe('ranges', () => {
  it('covers a zone name, its prefixes and the whole zone line', () => {
    const { file, expected, ranges, text } = parsed('agreement X {\n  zones {\n    ⟦FR-MOBILE⟧  ⟦33 6⟧, ⟦33  7⟧\n  }\n}\n');
    const zone = (file.agreements[0]!.items[0] as ZonesBlock).zones[0]!;
    expect([zone.name, ...zone.prefixes].map((n) => showRange(n.range))).toEqual(expected);
    expect(zone.name.range.start.offset).toBe(ranges[0]!.start.offset);
    expect(text.slice(zone.range.start.offset, zone.range.end.offset)).toBe('FR-MOBILE  33 6, 33  7');
    expect(zone.prefixes[1]!.digits).toBe('337');
  });

  it('covers agreements, items and nested values', () => {
    const { file, expected } = parsed(`⟦agreement X {
  ⟦service s voice payable {
    ⟦rate ⟦FR⟧ ⟦peak⟧ ⟦0.0123 EUR/min⟧ ⟦from ⟦2026-04-01⟧⟧⟧
  }⟧
}⟧`);
    const a = file.agreements[0]!;
    const service = a.items[0] as ServiceBlock;
    const rate = service.items[0] as RateDecl;
    const bp = rate.prices[0]!;
    expect([a.range, service.range, rate.range, rate.zone.range, bp.band!.range, bp.steps[0]!.price.range].map(showRange)).toEqual(
      [expected[0], expected[1], expected[2], expected[3], expected[4], expected[5]],
    );
    // `from 2026-04-01` has no node of its own: only the date is a node.
    expect(showRange(rate.from!.range)).toBe(expected[7]);
  });

  it('covers band names and time ranges, and a comment', () => {
    const { file, expected } = parsed('agreement X {\n  timebands {\n    ⟦peak⟧ mon-fri ⟦08:00-20:00⟧  ⟦// why⟧\n  }\n}');
    const band = (file.agreements[0]!.items[0] as TimebandsBlock).bands[0]!;
    expect([band.name.range, band.times[0]!.range, file.comments[0]!.range].map(showRange)).toEqual(expected);
    expect(file.comments[0]!.text).toBe('// why');
  });

  it('counts columns in UTF-16 code units after non-ASCII text', () => {
    const { file, expected } = parsed('agreement X "ACME ⇄ Orange" { ⟦currency⟧ EUR }');
    expect(showRange(file.agreements[0]!.items[0]!.range).split('-')[0]).toBe(expected[0]!.split('-')[0]);
  });
});
