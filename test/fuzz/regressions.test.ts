// What the agreement fuzzer found, each as its minimized input: the property that broke, and the
// root-cause fix (docs/reliability.md "Agreement fuzzing" lists them).
import { describe, expect, it } from 'vitest';
import { parse, reparse } from '../../language/index.js';

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
});
