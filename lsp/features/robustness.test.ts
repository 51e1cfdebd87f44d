// No feature may throw on any text: random truncations and edits of the example agreements,
// all six functions at random offsets.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completion } from './completion.js';
import { hover } from './hover.js';
import { definition, references } from './navigation.js';
import { prepareRename, rename } from './rename.js';
import { contextFor } from '../test-support/context.js';

const dir = 'agreements';
const files = readdirSync(dir).filter((f) => f.endsWith('.icx')).map((f) => ({ uri: f, text: readFileSync(`${dir}/${f}`, 'utf8') }));

describe('robustness', () => {
  it('never throws on truncated or edited agreements, at any offset', () => {
    const snippet = fc.constantFrom('{', '}', 'rate ', 'FR-', '"', '//', ' 0.01 EUR/', '\n', 'service x voice ', '⟦', 'any', '-');
    fc.assert(
      fc.property(fc.nat(files.length - 1), fc.nat(), fc.nat(), snippet, fc.nat(), fc.boolean(), (fi, cut, at, insert, where, truncate) => {
        const base = files[fi]!.text;
        const p = where % (base.length + 1);
        const text = truncate ? base.slice(0, cut % (base.length + 1)) : base.slice(0, p) + insert + base.slice(p);
        const ctx = contextFor(text, files, files[fi]!.uri);
        const offset = at % (text.length + 1);
        expect(Array.isArray(completion(ctx, offset))).toBe(true);
        hover(ctx, offset);
        expect(Array.isArray(definition(ctx, offset))).toBe(true);
        expect(Array.isArray(references(ctx, offset, true))).toBe(true);
        prepareRename(ctx, offset);
        const r = rename(ctx, offset, 'NEW-NAME');
        expect('edits' in r || 'error' in r).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
