// What the agreement fuzzer found, each as its minimized input: the property that broke, and the
// root-cause fix (docs/reliability.md "Agreement fuzzing" lists them).
import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/index.js';
import { parse, reparse } from '../../language/index.js';
import { completion } from '../../lsp/features/completion.js';
import { contextFor } from '../../lsp/test-support/context.js';

describe('fuzzer findings', () => {
  it('incremental parse: an edit spanning partner declarations and the agreement between them re-parses in full (language/incremental.ts)', () => {
    // The party-declaration slot re-parsed the lines from the first declaration to the last and
    // kept the agreement between them: the server then reported on an agreement no longer there.
    const before = 'partner A {\n}\n\nagreement X {\n}\n\npartner B {\n}\n';
    const after = 'entity C {\n  type iot\n}\n';
    const quick = reparse({ text: before, result: parse(before, 'x.icx') }, after, 'x.icx');
    if (quick !== undefined) expect(quick).toEqual(parse(after, 'x.icx'));
    expect(quick?.file.agreements ?? []).toEqual([]);
  });

  it('completion: a cursor after a 1,000,000-character string answers at once (lsp/features/completion.ts)', () => {
    // The word before the cursor was found by an unanchored `[…]*$` regex over the text before
    // it: quadratic in a run of word characters, minutes for this file.
    const text = `agreement A "${'x'.repeat(1_000_000)}" {\n  \n}\n`;
    const ctx = contextFor(text, [], 'big.icx');
    const t0 = performance.now();
    const items = completion(ctx, text.length - 3);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(items.map((i) => i.label)).toContain('version');
  });

  it('duplicate agreement ids: each message names a few other places, not every one (compiler/check/cross-file.ts)', () => {
    // 3,000 pasted copies gave 3,000 messages of 2,999 places each: quadratic time and memory.
    const text = 'agreement A {\n}\n'.repeat(3000);
    const ds = compile([{ uri: 'a.icx', text }]).diagnostics.filter((d) => d.code === 'ICX2006');
    expect(ds).toHaveLength(3000);
    expect(ds[0]!.message).toBe('Agreement id A is also used at a.icx:3, a.icx:5, a.icx:7 and 2996 more; agreement ids must be unique, so rename one.');
    expect(ds[2]!.message).toBe('Agreement id A is also used at a.icx:1, a.icx:3, a.icx:7 and 2996 more; agreement ids must be unique, so rename one.');
    expect(Math.max(...ds.map((d) => d.message.length))).toBeLessThan(200);
  });

  it('two agreements with one id name each other, as before', () => {
    const ds = compile([{ uri: 'a.icx', text: 'agreement A {\n}\nagreement A {\n}\n' }]).diagnostics.filter((d) => d.code === 'ICX2006');
    expect(ds.map((d) => d.message)).toEqual([
      'Agreement id A is also used at a.icx:3; agreement ids must be unique, so rename one.',
      'Agreement id A is also used at a.icx:1; agreement ids must be unique, so rename one.',
    ]);
  });
});
