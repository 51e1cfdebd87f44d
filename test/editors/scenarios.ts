// What every real editor client must see the language server do, written once: each editor's
// test supplies a runner that plays the steps in that editor (nvim-driver.lua, emacs-driver.el)
// and returns what the editor saw. The example agreements are copied to a scratch workspace.
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';

export const root = join(import.meta.dirname, '..', '..');

/** The server command every driver starts. */
export const serverCommand = [process.execPath, join(root, 'bin', 'icx.js'), 'lsp', '--stdio'];

export interface StepResult {
  kind: string;
  ok?: boolean;
  error?: string;
  result?: unknown;
  text?: string;
  /** how many diagnostics publishes the buffer has seen (drivers that count them) */
  published?: number;
  diagnostics?: { line: number; col: number; code: string; message: string }[];
}

export type EditorRunner = (workspace: string, file: string, steps: object[]) => StepResult[];

/** 0-based line and UTF-16 character of the first `needle` (after `after`, when given). */
export function at(text: string, needle: string, after = ''): { line: number; character: number } {
  const from = after ? text.indexOf(after) : 0;
  const offset = text.indexOf(needle, from < 0 ? 0 : from);
  if (offset < 0) throw new Error(`${needle} not in the file`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

/** Registers the scenarios (inside the editor's `describe`). */
export function editorScenarios(run: EditorRunner, opts: { countsPublishes: boolean; timeout: number }): void {
  let workspace = '';
  let text = '';
  beforeAll(() => {
    workspace = mkdtempSync(join(tmpdir(), 'icx-editor-ws-'));
    cpSync(join(root, 'agreements'), workspace, { recursive: true });
    text = readFileSync(join(workspace, 'acme-orange-fr.icx'), 'utf8');
  });

  it('shows a mistake as it is typed, and clears it when it is fixed', () => {
    const currency = at(text, 'currency EUR').line;
    const results = run(workspace, 'acme-orange-fr.icx', [
      { kind: 'wait-diagnostics', none: true },
      { kind: 'set-line', line: currency, text: '  currency EUX' },
      { kind: 'wait-diagnostics', code: 'ICX3003' },
      { kind: 'set-line', line: currency, text: '  currency EUR' },
      { kind: 'wait-diagnostics', none: true },
    ]);
    expect(results.map((r) => r.error ?? r.ok)).toEqual([true, true, true, true, true]);
    // the same diagnostic `icx check` gives: ICX3003 at the currency code, 0-based line and column
    expect(results[2]!.diagnostics).toContainEqual(expect.objectContaining({ line: currency, col: 11, code: 'ICX3003' }));
    // cleared by the server's answer to the fix (an empty publish), not by nothing having come yet
    if (opts.countsPublishes) expect(results[4]!.published).toBeGreaterThan(results[2]!.published!);
  }, opts.timeout);

  it('formats the document as icx fmt does', () => {
    const zones = at(text, 'FR-FIXED    33 1').line;
    const results = run(workspace, 'acme-orange-fr.icx', [
      { kind: 'set-line', line: zones, text: 'FR-FIXED 33 1,33 2, 33 3, 33 4, 33 5, 33 9' },
      { kind: 'apply-format' },
    ]);
    expect(results[1]!.error).toBeUndefined();
    // the whole buffer is what `icx fmt` wrote (agreements/ is canonical); drivers that read the
    // buffer by lines drop the final newline
    expect(results[1]!.text!.endsWith('\n') ? results[1]!.text : results[1]!.text + '\n').toBe(text);
  }, opts.timeout);

  it('goes to the definition of a zone, renames it everywhere, hovers and completes it', () => {
    const use = at(text, 'FR-FIXED', 'service voice-termination');
    const results = run(workspace, 'acme-orange-fr.icx', [
      { kind: 'request', method: 'textDocument/definition', params: { position: use } },
      { kind: 'request', method: 'textDocument/rename', params: { position: use, newName: 'FR-LANDLINE' } },
      { kind: 'request', method: 'textDocument/hover', params: { position: use } },
      { kind: 'request', method: 'textDocument/completion', params: { position: use } },
    ]);
    expect(results.map((r) => r.error)).toEqual([undefined, undefined, undefined, undefined]);
    const def = results[0]!.result as { uri: string; range: { start: { line: number } } }[] | { uri: string; range: { start: { line: number } } };
    const first = Array.isArray(def) ? def[0]! : def;
    expect(first.uri).toMatch(/acme-orange-fr\.icx$/);
    expect(first.range.start.line).toBe(at(text, 'FR-FIXED    33 1').line);
    // FR-FIXED: its definition, two rate lines and the tests' `zone FR-FIXED`: one edit each
    const edit = results[1]!.result as { changes?: Record<string, { newText: string }[]>; documentChanges?: { edits: { newText: string }[] }[] };
    const edits = edit.changes ? Object.values(edit.changes).flat() : (edit.documentChanges ?? []).flatMap((c) => c.edits);
    const uses = text.match(/\bFR-FIXED\b/g)!.length;
    expect(edits.map((e) => e.newText)).toEqual(Array(uses).fill('FR-LANDLINE'));
    // the zone's prefixes and the rates that use it
    expect(JSON.stringify(results[2]!.result)).toMatch(/331.*0\.0045 EUR\/min/);
    const items = results[3]!.result as { label: string }[] | { items: { label: string }[] };
    const labels = (Array.isArray(items) ? items : items.items).map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['FR-MOBILE', 'FR-FIXED']));
  }, opts.timeout);
}
