import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { format } from './format.js';
import { parse } from './parse.js';
import { withoutRanges } from './test-support/parse-helpers.js';

const goldenDir = new URL('./__golden__/', import.meta.url);
const read = (url: URL) => readFileSync(url, 'utf8');
const goldenInputs = readdirSync(goldenDir).filter((f) => f.endsWith('.icx') && !f.endsWith('.formatted.icx'));

/** Every text the invariants are checked on: golden inputs and outputs, fixtures, agreements. */
const corpus: [string, string][] = [
  ...readdirSync(goldenDir).map((f): [string, string] => [`__golden__/${f}`, read(new URL(f, goldenDir))]),
  ['__fixtures__/sketch-first.icx', read(new URL('./__fixtures__/sketch-first.icx', import.meta.url))],
  ...['acme-orange-fr.icx', 'acme-nordtel-de.icx', 'acme-cloudco.icx', 'acme-factory-slice.icx'].map((f): [string, string] => [f, read(new URL(`../agreements/${f}`, import.meta.url))]),
];

function formatted(text: string): string {
  const r = format(text, 'f.icx');
  expect(r.diagnostics).toEqual([]);
  expect(r.text).not.toBeNull();
  return r.text!;
}

describe('formatter goldens (expected files written by hand)', () => {
  it('has goldens', () => expect(goldenInputs.length).toBeGreaterThanOrEqual(4));
  for (const input of goldenInputs) {
    it(`formats ${input}`, () => {
      const expected = read(new URL(input.replace(/\.icx$/, '.formatted.icx'), goldenDir));
      expect(formatted(read(new URL(input, goldenDir)))).toBe(expected);
    });
  }

  it('leaves the hand-formatted agreements under agreements/ unchanged', () => {
    for (const name of ['acme-orange-fr.icx', 'acme-nordtel-de.icx', 'acme-cloudco.icx', 'acme-factory-slice.icx']) {
      const text = read(new URL(`../agreements/${name}`, import.meta.url));
      expect(formatted(text)).toBe(text);
    }
  });
});

describe('formatter invariants', () => {
  for (const [name, text] of corpus) {
    it(`holds for ${name}`, () => {
      const once = formatted(text);
      // idempotent
      expect(formatted(once)).toBe(once);
      // no new errors, the same AST values
      const before = parse(text, 'f.icx');
      const after = parse(once, 'f.icx');
      expect(after.diagnostics).toEqual([]);
      expect(withoutRanges(after.file.agreements)).toEqual(withoutRanges(before.file.agreements));
      // every comment kept, text and count
      expect(after.file.comments.map((c) => c.text)).toEqual(before.file.comments.map((c) => c.text));
      // canonical whitespace
      expect(once.endsWith('\n') && !once.endsWith('\n\n')).toBe(true);
      expect(once).not.toMatch(/[ \t]+\n/);
      expect(once).not.toMatch(/\n\n\n/);
      expect(once).not.toContain('\t');
    });
  }
});

describe('formatter edge cases', () => {
  it('returns null text and the diagnostics when the file has a syntax error', () => {
    const r = format('agreement X { currency }', 'f.icx');
    expect(r.text).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['ICX1002']);
  });

  it('formats an empty file and a comment-only file', () => {
    expect(formatted('')).toBe('');
    expect(formatted('\n\n  // only a comment   \n\n')).toBe('// only a comment\n');
  });

  it('keeps number text as written', () => {
    expect(formatted('agreement X { service s voice payable { rate any 0.0100 EUR/min maximum 1_000.00 EUR per call } }')).toContain(
      '    rate any 0.0100 EUR/min\n    maximum 1_000.00 EUR per call\n',
    );
  });

  it('keeps CRLF input working and writes LF', () => {
    expect(formatted('agreement X {\r\n  version 1\r\n}\r\n')).toBe('agreement X {\n  version 1\n}\n');
  });

  it('breaks a line where an own-line comment sits inside an item, and stays stable', () => {
    const text = 'agreement X {\n  zones {\n    A 1,\n    // the second prefix\n    2\n  }\n}\n';
    const once = formatted(text);
    expect(once).toBe('agreement X {\n  zones {\n    A 1,\n        // the second prefix\n        2\n  }\n}\n');
    expect(formatted(once)).toBe(once);
  });
});
