// Test helper for decks: an agreement and its deck files, each with ⟦marked⟧ ranges, compiled
// through a host that serves the decks; the diagnostics must be exactly the marked ones.
import { expect } from 'vitest';
import type { Range } from '../../language/ast.js';
import type { Diagnostic } from '../../language/diagnostic.js';
import { compile, type CompileResult } from '../index.js';
import { stripMarks } from './expect-diagnostics.js';

export interface MarkedExpectation {
  /** which file the mark is in: 'agreement' or a deck uri */
  file: string;
  code: string;
  message?: string | RegExp;
}

function key(uri: string, code: string, r: Range): string {
  return `${uri} ${code} ${r.start.line}:${r.start.column}(${r.start.offset})-${r.end.line}:${r.end.column}(${r.end.offset})`;
}

/**
 * Compiles `agreement` (uri agreements/a.icx) with `decks` (uri → marked text, relative to the
 * agreements root) and expects exactly the marked diagnostics, in mark order per file: the
 * agreement's marks first, then each deck's in the order given.
 */
export function expectDeckDiagnostics(
  agreementText: string,
  decks: Record<string, string>,
  expected: MarkedExpectation[],
  opts: { ignore?: string[] } = {},
): CompileResult {
  const uri = 'a.icx';
  const a = stripMarks(agreementText);
  const files = new Map<string, string>();
  const marks: { uri: string; range: Range }[] = a.ranges.map((range) => ({ uri, range }));
  for (const [deckUri, text] of Object.entries(decks)) {
    const d = stripMarks(text);
    files.set(deckUri, d.text);
    marks.push(...d.ranges.map((range) => ({ uri: deckUri, range })));
  }
  expect(marks.length, 'one ⟦mark⟧ per expected diagnostic').toBe(expected.length);
  const result = compile([{ uri, text: a.text }], { readFile: (u) => files.get(u) });
  const actual = result.diagnostics.filter((d) => !(opts.ignore ?? []).includes(d.code));
  const want = expected.map((e, i) => {
    const m = marks[i]!;
    expect(m.uri === uri ? 'agreement' : m.uri, `mark ${i} is in the file the expectation names`).toBe(e.file);
    return key(m.uri, e.code, m.range);
  });
  expect(actual.map((d) => key(d.uri, d.code, d.range)).sort(), messages(actual)).toEqual([...want].sort());
  expected.forEach((e, i) => {
    if (!e.message) return;
    const same = actual.filter((d) => key(d.uri, d.code, d.range) === want[i]);
    const ok = same.some((d) => (typeof e.message === 'string' ? d.message.includes(e.message) : e.message!.test(d.message)));
    expect(ok, `a ${e.code} message containing ${String(e.message)}; got:\n${messages(same)}`).toBe(true);
  });
  return result;
}

function messages(ds: Diagnostic[]): string {
  return ds.map((d) => `${d.uri} ${d.code} ${d.range.start.line}:${d.range.start.column}: ${d.message}`).join('\n');
}
