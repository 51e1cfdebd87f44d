// expectCodeActions: in the spirit of ./expect.ts. The snippet is compiled; the diagnostics of
// `code` (all of them, or those at the marked ranges) are handed to codeActions with the cursor
// (‸, optional); the action titled `title` is applied; the result must be exactly `after`,
// compile without any `code` diagnostic, and — when the snippet was in canonical layout —
// still be canonical (what `icx fmt` writes).
import { expect } from 'vitest';
import { compile, NO_FILES } from '../../compiler/index.js';
import { format } from '../../language/index.js';
import { codeActions, type IcxCodeAction } from '../features/code-actions.js';
import { contextFor, cursor } from './context.js';

export function actionsFor(source: string, code?: string): { text: string; actions: IcxCodeAction[] } {
  const c = cursor(source);
  const ctx = contextFor(c.text);
  const ds = ctx.compiled.diagnostics
    .filter((d) => d.uri === ctx.uri && (code === undefined || d.code === code))
    .filter((d) => c.ranges.length === 0 || c.ranges.some(([s, e]) => s === d.range.start.offset && e === d.range.end.offset))
    .map((d) => ({ code: d.code, start: d.range.start.offset, end: d.range.end.offset }));
  const at = c.offset >= 0 ? { start: c.offset, end: c.offset } : undefined;
  return { text: c.text, actions: codeActions(ctx, ds, at) };
}

export function applyEdits(text: string, action: IcxCodeAction): string {
  const edits = [...action.edits].sort((a, b) => b.place.start - a.place.start);
  for (const e of edits) text = text.slice(0, e.place.start) + e.newText + text.slice(e.place.end);
  return text;
}

/** Applies the action titled `title` (fixing `code`, or a refactor when code is null) and checks the result. */
export function expectCodeActions(source: string, code: string | null, title: string, after: string): IcxCodeAction {
  const { text, actions } = actionsFor(source, code ?? undefined);
  const action = actions.find((a) => a.title === title);
  expect(action, `an action "${title}" among ${JSON.stringify(actions.map((a) => a.title))}`).toBeDefined();
  if (code !== null) {
    expect(action!.kind).toBe('quickfix');
    expect(action!.diagnosticCode).toBe(code);
  }
  const got = applyEdits(text, action!);
  expect(got).toBe(after);
  if (code !== null) {
    const left = compile([{ uri: 'test.icx', text: got }], NO_FILES).diagnostics.filter((d) => d.code === code);
    expect(left.map((d) => d.message)).toEqual([]);
  }
  if (format(text, 'test.icx').text === text) expect(format(got, 'test.icx').text, 'the fixed text is canonical').toBe(got);
  return action!;
}
