// Test helper: a snippet marks each expected diagnostic's range with ⟦...⟧; the helper
// strips the marks, compiles, and compares codes and exact ranges (offset, line, column).
import { expect } from 'vitest';
import type { Range } from '../../language/ast.js';
import { marked } from '../../language/test-support/marked.js';
import type { Diagnostic } from '../../language/diagnostic.js';
import { compile, type CompileResult } from '../index.js';

/** Removes ⟦⟧ marks; returns the clean text and the marked ranges ordered by start, then end. */
export function stripMarks(snippet: string): { text: string; ranges: Range[] } {
  const { text, ranges } = marked(snippet);
  ranges.sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset);
  return { text, ranges };
}

/**
 * The head of a test agreement: parties (ACME and one partner), currency, validity and time
 * zone, each on its own line; by default Orange France in EUR for 2026, Paris time.
 */
export function agreementHeader(o: { partner?: string; currency?: string; valid?: string; timezone?: string } = {}): string {
  return `  parties {
    us ACME "ACME Telecom Ltd"
    partner ${o.partner ?? 'ORANGE "Orange France SA" type interconnect'}
  }
  currency ${o.currency ?? 'EUR'}
  valid ${o.valid ?? '2026-01-01 .. 2026-12-31'}
  timezone ${o.timezone ?? 'Europe/Paris'}
`;
}

/** A complete, valid agreement around `body` (parties, currency, validity, time zone). */
export function agreement(body: string, opts: { id?: string; header?: string } = {}): string {
  const header = opts.header ?? agreementHeader();
  return `agreement ${opts.id ?? 'T-1'} "test" {\n${header}${body}\n}\n`;
}

export interface Expected {
  code: string;
  /** a fragment or pattern the message must contain */
  message?: string | RegExp;
}

function key(d: { code: string; range: Range }): string {
  const r = d.range;
  return `${d.code} ${r.start.line}:${r.start.column}(${r.start.offset})-${r.end.line}:${r.end.column}(${r.end.offset})`;
}

/**
 * Compiles the snippet and expects exactly the marked diagnostics: `expected[i]` belongs
 * to the i-th mark (by start). Codes in `ignore` are left out of the comparison.
 */
export function expectDiagnostics(
  snippet: string,
  expected: Expected[],
  opts: { uri?: string; ignore?: string[] } = {},
): CompileResult {
  const { text, ranges } = stripMarks(snippet);
  expect(ranges.length, 'one ⟦mark⟧ per expected diagnostic').toBe(expected.length);
  const uri = opts.uri ?? 'test.icx';
  const result = compile([{ uri, text }]);
  const actual = result.diagnostics.filter((d) => !(opts.ignore ?? []).includes(d.code));
  const want = expected.map((e, i) => ({ code: e.code, range: ranges[i]! }));
  expect(actual.map(key).sort(), messages(actual)).toEqual(want.map(key).sort());
  for (const [i, e] of expected.entries()) {
    if (!e.message) continue;
    // Several diagnostics may share a range: any one of them may carry the message.
    const pattern = e.message;
    const same = actual.filter((a) => key(a) === key(want[i]!));
    const ok = same.some((d) => (typeof pattern === 'string' ? d.message.includes(pattern) : pattern.test(d.message)));
    expect(ok, `a ${e.code} message containing ${String(pattern)}; got:\n${messages(same)}`).toBe(true);
  }
  return result;
}

function messages(ds: Diagnostic[]): string {
  return ds.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column}: ${d.message}`).join('\n');
}

/** Compiles a valid snippet and expects no diagnostics at all. */
export function expectClean(text: string, uri = 'test.icx'): CompileResult {
  const result = compile([{ uri, text }]);
  expect(messages(result.diagnostics)).toBe('');
  return result;
}

/**
 * Compiles several marked files together. `found` has `code uri markIndex` per diagnostic,
 * sorted (marks numbered by start within their file; -1 for a diagnostic at no mark);
 * `messages` the diagnostics' messages in order.
 */
export function compileMarked(files: Record<string, string>): CompileResult & { found: string[]; messages: string[] } {
  const stripped = Object.entries(files).map(([uri, s]) => ({ uri, ...stripMarks(s) }));
  const r = compile(stripped.map(({ uri, text }) => ({ uri, text })));
  const found = r.diagnostics.map((d) => {
    const f = stripped.find((s) => s.uri === d.uri)!;
    const i = f.ranges.findIndex((m) => m.start.offset === d.range.start.offset && m.end.offset === d.range.end.offset);
    return `${d.code} ${d.uri} ${i}`;
  });
  return { ...r, found: found.sort(), messages: r.diagnostics.map((d) => d.message) };
}
