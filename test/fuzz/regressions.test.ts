// What the agreement fuzzer found, each as its minimized input: the property that broke, and the
// root-cause fix (docs/reliability.md "Agreement fuzzing" lists them).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/index.js';
import { agreement, expectClean, expectDiagnostics } from '../../compiler/test-support/expect-diagnostics.js';
import { readFxTable } from '../../compiler/fx-table.js';
import { LineIndex, parse, reparse } from '../../language/index.js';
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

  // Huge numbers compiled clean and the plan held another number than written (1e+23 for
  // 99999999999999999999999), or one the store's 32-bit column cannot take (a failed run later).
  it('a version beyond the store\'s 32-bit column is ICX3007 at the number (compiler/check/units.ts)', () => {
    expectDiagnostics(agreement('  version ⟦2147483648⟧\n'), [{ code: 'ICX3007', message: 'at most 2147483647' }]);
    expectClean(agreement('  version 2147483647\n'));
  });

  it('a billing increment beyond 2^53 is ICX3004 at the number (compiler/check/units.ts)', () => {
    expectDiagnostics(agreement('  service vt voice payable {\n    billing ⟦99999999999999999999999⟧/⟦9007199254740993⟧\n    rate any 0.0123 EUR/min\n  }'), [
      { code: 'ICX3004', message: 'larger than icx can hold exactly' },
      { code: 'ICX3004', message: 'larger than icx can hold exactly' },
    ]);
  });

  it('a volume rounding unit beyond 2^53 bytes is ICX3301 at the number (compiler/check/unit-pricing.ts)', () => {
    expectDiagnostics(agreement('  service d data payable {\n    billing ⟦99999999999999999999999⟧ GB\n    rate any 0.0015 EUR/MB\n  }'), [{ code: 'ICX3301', message: 'larger than icx can hold exactly' }]);
    expectClean(agreement('  service d data payable {\n    billing 1000 GB\n    rate any 0.0015 EUR/MB\n  }'));
  });

  it('an FX table row with an empty last field: the range stays on its line (compiler/fx-table.ts)', () => {
    // The empty rate was marked by one character: the newline, so the range ended on the next line.
    const text = 'date,from,to,rate\n2026-10-04,SDR,EUR,\n2026-10-05,SDR,EUR,1.171484\n';
    const [p] = readFxTable(text).problems;
    expect(p!.code).toBe('ICX3606');
    const lines = new LineIndex(text);
    expect(p!.range.start).toEqual(lines.position(37));
    expect(p!.range.end).toEqual(lines.position(37));
    expect(p!.range.end.line).toBe(2);
  });

  it('incremental parse: lines whose syntax error makes recovery close the agreement early re-parse in full (language/incremental-errors.ts)', () => {
    // Two edits in agreements/acme-streamco.icx (a misspelt `period`, a test's title before its
    // keyword): the full parse's recovery ends the agreement at the first test's `}`, while the
    // re-parse kept the agreement's old end.
    const before = readFileSync(new URL('../../agreements/acme-streamco.icx', import.meta.url), 'utf8');
    const after = before
      .replace('    period 2026-03\n    retail premium-video 1001', '    p0eriod 2026-03\n    retail premium-video 1001')
      .replace('test "without retail revenue the share is not computed, and says so" {', '"without retail revenue the share is not computed, and says so" test {');
    expect(after).not.toBe(before);
    const quick = reparse({ text: before, result: parse(before, 'x.icx') }, after, 'x.icx');
    if (quick !== undefined) expect(quick).toEqual(parse(after, 'x.icx'));
  });

  it('an empty FX table: an empty range at the start, inside the text (compiler/fx-table.ts)', () => {
    for (const text of ['', '\n\n']) {
      const [p] = readFxTable(text).problems;
      expect(p!.code).toBe('ICX3607');
      expect(p!.range.start).toEqual(new LineIndex(text).position(0));
      expect(p!.range.end).toEqual(new LineIndex(text).position(0));
    }
  });

  it('rate steps running past 2^53 seconds are ICX5006 at the length (compiler/check/rates.ts)', () => {
    // `first 99999999999999999999999s` compiled clean with the step ending at 1e+23 in the plan.
    expectDiagnostics(agreement('  service vt voice payable {\n    billing 1/1\n    rate any first ⟦99999999999999999999999s⟧ 0.02 EUR/min then 0.01 EUR/min\n  }'), [
      { code: 'ICX5006', message: 'more than icx can hold exactly' },
    ]);
    expectClean(agreement('  service vt voice payable {\n    billing 1/1\n    rate any first 60s 0.02 EUR/min then 0.01 EUR/min\n  }'));
  });
});
