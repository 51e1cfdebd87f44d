import { describe, expect, it } from 'vitest';
import { lex } from './lexer.js';
import { KEYWORDS, keywordTokenName } from './tokens.js';

const types = (text: string) => lex(text, 'l.icx').tokens.map((t) => `${t.tokenType.name}:${t.image}`);

describe('lexer', () => {
  it('lexes every literal kind', () => {
    expect(types('"a\\"b" 2026-03-02T10:00:00+01:00 2026-03-02T10:00Z 2026-01-01 08:00-24:00 61s 2min 10ms 1h 45% 0.5% 1_000_000 0.0123 .. / , >= <= { }')).toEqual([
      'String:"a\\"b"', 'DateTime:2026-03-02T10:00:00+01:00', 'DateTime:2026-03-02T10:00Z', 'Date:2026-01-01', 'TimeRange:08:00-24:00',
      'Duration:61s', 'Duration:2min', 'Duration:10ms', 'Duration:1h', 'Percent:45%', 'Percent:0.5%', 'Number:1_000_000',
      'Number:0.0123', 'Range:..', 'Slash:/', 'Comma:,', 'GreaterEq:>=', 'LessEq:<=', 'LCurly:{', 'RCurly:}',
    ]);
  });

  it('tells keywords from identifiers that start with one', () => {
    expect(types('a are at as to timezone voice-termination half-up half-upper usage us sms-api')).toEqual([
      'Kw_a:a', 'Kw_are:are', 'Kw_at:at', 'Identifier:as', 'Kw_to:to', 'Kw_timezone:timezone', 'Identifier:voice-termination',
      'Kw_half_up:half-up', 'Identifier:half-upper', 'Kw_usage:usage', 'Kw_us:us', 'Identifier:sms-api',
    ]);
  });

  it('lexes every keyword as itself', () => {
    for (const k of KEYWORDS) expect(types(k)).toEqual([`${keywordTokenName(k)}:${k}`]);
  });

  it('reads an IANA zone only after `timezone`, so prices keep their slash', () => {
    expect(types('timezone America/Argentina/Buenos_Aires 0.01 EUR/min')).toEqual([
      'Kw_timezone:timezone', 'TimeZoneName:America/Argentina/Buenos_Aires', 'Number:0.01', 'Identifier:EUR', 'Slash:/', 'Identifier:min',
    ]);
  });

  it('keeps comments apart from the tokens the parser reads', () => {
    const r = lex('version 1 // why\n// own line', 'l.icx');
    expect(r.tokens.map((t) => t.image)).toEqual(['version', '1']);
    expect(r.comments.map((t) => t.image)).toEqual(['// why', '// own line']);
  });

  it('does not stop at bad characters and reports each run once', () => {
    const r = lex('version ### 1 $ 2 "open', 'l.icx');
    expect(r.tokens.map((t) => t.image)).toEqual(['version', '1', '2', '"open']);
    expect(r.diagnostics.map((d) => [d.code, d.range.start.column, d.range.end.column])).toEqual([
      ['ICX1001', 9, 12], ['ICX1001', 15, 16], ['ICX1003', 19, 24],
    ]);
  });

  it('lexes `61sec` as a number and a name, not a duration', () => {
    expect(types('61sec')).toEqual(['Number:61', 'Identifier:sec']);
  });
});
