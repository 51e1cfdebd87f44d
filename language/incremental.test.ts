// The incremental re-parse is an optimisation of parse(): whenever it answers, its answer must
// equal a full parse of the new text, positions included. Random edits of every example
// agreement check that, one edit at a time and along chains of edits.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reparse, type ParsedText } from './incremental.js';
import { parse } from './parse.js';

const root = path.join(import.meta.dirname, '..', 'agreements');
const examples = readdirSync(root)
  .filter((f) => f.endsWith('.icx'))
  .map((f) => ({ name: f, text: readFileSync(path.join(root, f), 'utf8') }));

const parsed = (text: string): ParsedText => ({ text, result: parse(text, 'a.icx') });

/** An edit inside one line: replace `remove` characters at `column` by `insert`. */
interface LineEdit {
  line: number;
  column: number;
  remove: number;
  insert: string;
}

function apply(text: string, e: LineEdit): string {
  const lines = text.split('\n');
  const i = e.line % lines.length;
  const l = lines[i]!;
  const at = e.column % (l.length + 1);
  lines[i] = l.slice(0, at) + e.insert + l.slice(Math.min(l.length, at + e.remove));
  return lines.join('\n');
}

const fragments = ['0', '5', '.', '1', 'EUR', 'USD', '/min', ' ', 'peak', 'rate', 'bar', 'z', 'x', '"', '//', '{', '}', ',', '\n', '\n    rate FR 0.01 EUR/min', '2026-04-01', 'from', '60/60', 'any', '#', '%'];
const lineEdit = fc.record({
  line: fc.nat(),
  column: fc.nat(),
  remove: fc.integer({ min: 0, max: 4 }),
  insert: fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 3 })),
});

describe('reparse gives what a full parse gives', () => {
  it.each(examples.map((e) => [e.name, e.text] as const))('one edit in %s', (_name, text) => {
    const before = parsed(text);
    fc.assert(
      fc.property(lineEdit, (e) => {
        const edited = apply(text, e);
        const quick = reparse(before, edited, 'a.icx');
        if (quick !== undefined) expect(quick).toEqual(parse(edited, 'a.icx'));
      }),
      { numRuns: 150, seed: 20261125 },
    );
  });

  // The everyday edit, a changed price or prefix digit, must take the fast path.
  it.each(examples.map((e) => [e.name, e.text] as const))('a changed digit in %s', (_name, text) => {
    const before = parsed(text);
    const digits = [...text.matchAll(/[0-9]/g)].map((m) => m.index);
    let answered = 0;
    fc.assert(
      fc.property(fc.nat(digits.length - 1), fc.integer({ min: 0, max: 9 }), (i, d) => {
        const at = digits[i]!;
        const edited = text.slice(0, at) + String(d) + text.slice(at + 1);
        const quick = reparse(before, edited, 'a.icx');
        if (quick === undefined) return;
        answered++;
        expect(quick).toEqual(parse(edited, 'a.icx'));
      }),
      { numRuns: 100, seed: 42 },
    );
    // digits in comments, headers and test blocks' own lines may fall back; most must not
    expect(answered).toBeGreaterThan(50);
  });

  it.each(examples.map((e) => [e.name, e.text] as const))('whole lines deleted, copied or moved in %s', (_name, text) => {
    const before = parsed(text);
    const lines = text.split('\n');
    fc.assert(
      fc.property(fc.constantFrom('delete', 'copy', 'move'), fc.nat(lines.length - 1), fc.nat(lines.length - 1), (op, i, j) => {
        const next = [...lines];
        if (op === 'delete') next.splice(i, 1);
        else if (op === 'copy') next.splice(j, 0, lines[i]!);
        else next.splice(j, 0, ...next.splice(i, 1));
        const edited = next.join('\n');
        const quick = reparse(before, edited, 'a.icx');
        if (quick !== undefined) expect(quick).toEqual(parse(edited, 'a.icx'));
      }),
      { numRuns: 60, seed: 99 },
    );
  });

  it('along chains of edits, each reparse built on the last', () => {
    const text = examples.find((e) => e.name === 'acme-orange-fr.icx')!.text;
    fc.assert(
      fc.property(fc.array(lineEdit, { minLength: 1, maxLength: 12 }), (edits) => {
        // as the language server does: from the last parse, or else from the last clean one
        let current = parsed(text);
        let clean = current;
        for (const e of edits) {
          const edited = apply(current.text, e);
          const full = parse(edited, 'a.icx');
          const quick = reparse(current, edited, 'a.icx') ?? reparse(clean, edited, 'a.icx');
          if (quick !== undefined) expect(quick).toEqual(full);
          current = { text: edited, result: quick ?? full };
          if (current.result.diagnostics.length === 0) clean = current;
        }
      }),
      { numRuns: 80, seed: 7 },
    );
  });
});

describe('reparse takes the fast path for edits inside one item', () => {
  const text = [
    'agreement T-1 {',
    '  currency EUR',
    '  zones {',
    '    FR  33',
    '    DE  49',
    '  }',
    '  service voice-out voice payable {',
    '    billing 60/60',
    '    rate FR 0.0100 EUR/min',
    '    rate DE 0.0200 EUR/min',
    '  }',
    '}',
    '// after',
    '',
  ].join('\n');
  const before = parsed(text);

  it.each([
    ['a price digit', 'rate FR 0.0100', 'rate FR 0.0105'],
    ['a zone prefix', 'DE  49', 'DE  49, 491'],
    ['a line grows a band', 'rate DE 0.0200 EUR/min', 'rate DE peak 0.0200 EUR/min offpeak 0.0100 EUR/min'],
    ['an agreement item', 'currency EUR', 'currency USD'],
    ['a comment after an item', 'billing 60/60', 'billing 60/60 // per minute'],
    ['a new line at the end of a block', '    rate DE 0.0200 EUR/min\n', '    rate DE 0.0200 EUR/min\n    bar FR\n'],
    ['a line deleted', '    DE  49\n', ''],
    ['lines pasted', '    DE  49\n', '    DE  49\n    IT  39\n    ES  34\n'],
    ['a band name typed', 'rate FR 0.0100', 'rate FR peak 0.0100'],
    ['a line left half-written (a syntax error)', 'rate DE 0.0200 EUR/min', 'rate DE 0.0200 EUR/'],
    ['a half-written line before another', 'rate FR 0.0100 EUR/min', 'rate FR 0.0100 EUR'],
    ['a zone without prefixes', 'DE  49', 'DE'],
    ['a string left open (a lexical error)', 'rate FR 0.0100 EUR/min', 'rate FR 0.0100 EUR/min "note'],
    ['a stray character', 'billing 60/60', 'billing 60/60 %'],
  ])('%s', (_what, from, to) => {
    const edited = text.replace(from, to);
    const quick = reparse(before, edited, 'a.icx');
    expect(quick).toBeDefined();
    expect(quick).toEqual(parse(edited, 'a.icx'));
  });

  it('reports the syntax error of a half-written line as the full parse does', () => {
    const edited = text.replace('rate DE 0.0200 EUR/min', 'rate DE 0.0200 EUR/');
    const quick = reparse(before, edited, 'a.icx')!;
    expect(quick.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column}`)).toEqual(['ICX1002 11:3']);
  });

  it('moves what follows a line that gained a line', () => {
    const edited = text.replace('    rate DE 0.0200 EUR/min', '    rate DE 0.0200 EUR/min\n    bar FR');
    const quick = reparse(before, edited, 'a.icx');
    expect(quick).toEqual(parse(edited, 'a.icx'));
    // `// after` was on line 13, one line lower now
    expect(quick!.file.comments[0]!.range.start.line).toBe(14);
  });
});

describe('reparse leaves to the full parse what it cannot be sure of', () => {
  const text = 'agreement T-1 {\n  currency EUR\n  // note\n  timezone UTC\n}\n';
  it.each([
    ['the previous parse had an error', 'agreement T-1 {\n  currency\n}\n', 'agreement T-1 {\n  currency E\n}\n'],
    ['the edit removes a block\'s closing brace', text, text.replace('timezone UTC\n}', 'timezone UTC\n')],
    ['the edit is in the agreement header', text, text.replace('T-1', 'T-2')],
  ])('%s', (_why, oldText, newText) => {
    expect(reparse(parsed(oldText), newText, 'a.icx')).toBeUndefined();
  });

  it('an unchanged text is the previous result itself', () => {
    const before = parsed(text);
    expect(reparse(before, text, 'a.icx')).toBe(before.result);
  });
});
