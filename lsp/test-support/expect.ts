// Assertions for language features. Each takes a marked source (see ./context.ts).
import { expect } from 'vitest';
import type { SourceText } from '../features/context.js';
import { completion } from '../features/completion.js';
import { hover } from '../features/hover.js';
import { definition, references } from '../features/navigation.js';
import { rename } from '../features/rename.js';
import { contextFor, cursor } from './context.js';

export interface Others { others?: SourceText[] }

export function expectCompletion(source: string, want: { includes?: string[]; excludes?: string[]; exactly?: string[] } & Others): string[] {
  const c = cursor(source);
  const labels = completion(contextFor(c.text, want.others), c.offset).map((i) => i.label);
  for (const l of want.includes ?? []) expect(labels, `completion should offer ${l}`).toContain(l);
  for (const l of want.excludes ?? []) expect(labels, `completion should not offer ${l}`).not.toContain(l);
  if (want.exactly) expect([...labels].sort()).toEqual([...want.exactly].sort());
  return labels;
}

/** The hover's Markdown must contain every string of `contains` (in order). */
export function expectHover(source: string, contains: string[] | null, opts: Others = {}): string {
  const c = cursor(source);
  const h = hover(contextFor(c.text, opts.others), c.offset);
  if (contains === null) {
    expect(h).toBeNull();
    return '';
  }
  expect(h, 'a hover').not.toBeNull();
  const value = typeof h!.contents === 'object' && 'value' in h!.contents ? h!.contents.value : String(h!.contents);
  let from = 0;
  for (const s of contains) {
    const at = value.indexOf(s, from);
    expect(at, `hover should contain ${JSON.stringify(s)} after offset ${from}:\n${value}`).toBeGreaterThanOrEqual(0);
    from = at + s.length;
  }
  return value;
}

/** The cursor's definition must be exactly the marked range(s) of this file, or `opts.at` (places in other files). */
export function expectDefinition(source: string, opts: Others & { at?: { uri: string; text: string }[] } = {}): void {
  const c = cursor(source);
  const got = definition(contextFor(c.text, opts.others), c.offset);
  const want = opts.at
    ? opts.at.map((w) => { const m = cursor(w.text); return { uri: w.uri, start: m.ranges[0]![0], end: m.ranges[0]![1] }; })
    : c.ranges.map(([start, end]) => ({ uri: 'test.icx', start, end }));
  expect(got).toEqual(want);
}

/** The references (declarations included) must be exactly the marked ranges. */
export function expectReferences(source: string, opts: Others & { includeDeclaration?: boolean } = {}): void {
  const c = cursor(source);
  const got = references(contextFor(c.text, opts.others), c.offset, opts.includeDeclaration ?? true).map((p) => [p.start, p.end]).sort((a, b) => a[0]! - b[0]!);
  expect(got).toEqual(c.ranges);
}

/** Renaming at the cursor to `newName` yields `after` (the whole text, edits applied), or the error. */
export function expectRename(source: string, newName: string, after: string | { error: RegExp }, opts: Others = {}): void {
  const c = cursor(source);
  const result = rename(contextFor(c.text, opts.others), c.offset, newName);
  if (typeof after !== 'string') {
    expect('error' in result ? result.error : 'no error').toMatch(after.error);
    return;
  }
  expect('edits' in result ? 'edits' : result.error).toBe('edits');
  if (!('edits' in result)) return;
  const edits = result.edits.filter((e) => e.place.uri === 'test.icx').sort((a, b) => b.place.start - a.place.start);
  let text = c.text;
  for (const e of edits) text = text.slice(0, e.place.start) + e.newText + text.slice(e.place.end);
  expect(text).toBe(after);
}
