// No input may make parse or format throw; whatever the formatter accepts, it formats stably.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format } from './format.js';
import { lex } from './lexer.js';
import { parse } from './parse.js';
import { withoutRanges } from './test-support/parse-helpers.js';
import { KEYWORDS } from './tokens.js';

const valid = readFileSync(new URL('../agreements/acme-nordtel-de.icx', import.meta.url), 'utf8');
const fragments = [...KEYWORDS, '{', '}', ',', '/', '..', '>=', '"', '//', '\n', ' ', '0.01', '61s', '45%', '2026-01-01', '08:00-20:00', 'EUR/min', 'FR', '#', '2026-13', '⇄'];

/** A valid agreement with a few edits: deletions, insertions of grammar fragments, swaps. */
const mutated = fc
  .array(
    fc.record({
      at: fc.nat({ max: valid.length }),
      length: fc.nat({ max: 12 }),
      insert: fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 4 })),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((edits) => edits.reduce((text, e) => text.slice(0, e.at) + e.insert + text.slice(e.at + e.length), valid));

function checkTotal(text: string): void {
  const parsed = parse(text, 'fuzz.icx');
  for (const d of parsed.diagnostics) {
    expect(d.range.start.offset).toBeGreaterThanOrEqual(0);
    expect(d.range.end.offset).toBeLessThanOrEqual(text.length);
    expect(d.range.end.offset).toBeGreaterThanOrEqual(d.range.start.offset);
  }
  const formatted = format(text, 'fuzz.icx');
  expect(formatted.diagnostics.some((d) => d.message.includes('failed'))).toBe(false);
  if (formatted.text !== null) {
    const reparsed = parse(formatted.text, 'fuzz.icx');
    expect(withoutRanges(reparsed.file.agreements)).toEqual(withoutRanges(parsed.file.agreements));
    expect(reparsed.file.comments.map((c) => c.text)).toEqual(parsed.file.comments.map((c) => c.text));
    const again = format(formatted.text, 'fuzz.icx');
    expect(again.diagnostics).toEqual([]);
    expect(again.text).toBe(formatted.text);
  }
}

describe('robustness', () => {
  it('never throws on random strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200, unit: 'binary' }), checkTotal), { numRuns: 300 });
  });

  it('never throws on random sequences of grammar fragments', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 60 }).map((xs) => xs.join(' ')), checkTotal), { numRuns: 300 });
  });

  it('ignores extra spaces between tokens', () => {
    const canonical = format(valid, 'fuzz.icx').text;
    // Only between tokens: spaces inside strings and comments are content.
    const gaps = lex(valid, 'fuzz.icx').tokens.map((t) => t.startOffset + t.image.length).filter((i) => valid[i] === ' ');
    const spaced = fc.uniqueArray(fc.constantFrom(...gaps), { maxLength: 20 }).map((at) =>
      [...at].sort((a, b) => b - a).reduce((text, i) => `${text.slice(0, i)}   ${text.slice(i)}`, valid),
    );
    fc.assert(
      fc.property(spaced, (text) => {
        expect(format(text, 'fuzz.icx').text).toBe(canonical);
      }),
      { numRuns: 50 },
    );
  });

  it('keeps every comment and the AST when comments and line breaks land anywhere between tokens', () => {
    // Not right before a keyword used as a name (`type interconnect`): by design such a word does
    // not begin a line inside an item (README: "keywords as names").
    const tokens = lex(valid, 'fuzz.icx').tokens;
    const ends = tokens.filter((t, i) => tokens[i + 1]?.image !== 'interconnect' || t.image !== 'type').map((t) => t.startOffset + t.image.length);
    const insertions = fc.array(fc.record({ at: fc.constantFrom(...ends), what: fc.constantFrom(' // note\n', '\n', '\n\n\n', '\n// own line\n', '\n\n// para\n\n') }), {
      minLength: 1,
      maxLength: 8,
    });
    const texts = insertions.map((xs) => [...xs].sort((a, b) => b.at - a.at).reduce((text, x) => text.slice(0, x.at) + x.what + text.slice(x.at), valid));
    fc.assert(
      fc.property(texts, (text) => {
        expect(format(text, 'fuzz.icx').text).not.toBeNull();
        checkTotal(text);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on mutations of a valid agreement, and formats whatever it accepts stably', () => {
    fc.assert(fc.property(mutated, checkTotal), { numRuns: 500 });
  });
});
