// The language server driven by a client nobody here wrote: Neovim's built-in LSP, headless.
// The example agreements are copied to a scratch workspace; nvim opens one of them, and the
// driver (nvim-driver.lua) runs the steps below and reports what the server answered.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const hasNvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;

interface StepResult {
  kind: string;
  ok?: boolean;
  error?: string;
  result?: unknown;
  text?: string;
  diagnostics?: { line: number; col: number; code: string; message: string }[];
}

/** 0-based line and UTF-16 character of the first `needle` (after `after`, when given). */
function at(text: string, needle: string, after = ''): { line: number; character: number } {
  const from = after ? text.indexOf(after) : 0;
  const offset = text.indexOf(needle, from < 0 ? 0 : from);
  if (offset < 0) throw new Error(`${needle} not in the file`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

function runNvim(workspace: string, file: string, steps: object[]): StepResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'icx-nvim-'));
  const stepsFile = join(dir, 'steps.json');
  const out = join(dir, 'out.json');
  writeFileSync(stepsFile, JSON.stringify({ cmd: [process.execPath, join(root, 'bin', 'icx.js'), 'lsp', '--stdio'], root: workspace, steps }));
  const r = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${join(root, 'test', 'editors', 'nvim-driver.lua')}`, join(workspace, file)], {
    env: { ...process.env, ICX_STEPS: stepsFile, ICX_OUT: out },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.error) throw r.error;
  return JSON.parse(readFileSync(out, 'utf8')) as StepResult[];
}

describe.skipIf(!hasNvim)('the language server in Neovim', () => {
  let workspace = '';
  let text = '';
  beforeAll(() => {
    workspace = mkdtempSync(join(tmpdir(), 'icx-nvim-ws-'));
    cpSync(join(root, 'agreements'), workspace, { recursive: true });
    text = readFileSync(join(workspace, 'acme-orange-fr.icx'), 'utf8');
  });

  it('shows a mistake as it is typed, and clears it when it is fixed', () => {
    const currency = at(text, 'currency EUR').line;
    const results = runNvim(workspace, 'acme-orange-fr.icx', [
      { kind: 'wait-diagnostics', none: true },
      { kind: 'set-line', line: currency, text: '  currency EUX' },
      { kind: 'wait-diagnostics', code: 'ICX3003' },
      { kind: 'set-line', line: currency, text: '  currency EUR' },
      { kind: 'wait-diagnostics', none: true },
    ]);
    expect(results.map((r) => r.error ?? r.ok)).toEqual([true, true, true, true, true]);
    // the same diagnostic `icx check` gives: ICX3003 at the currency code, 0-based line and column
    expect(results[2]!.diagnostics).toContainEqual(expect.objectContaining({ line: currency, col: 11, code: 'ICX3003' }));
  });

  it('formats the document as icx fmt does', () => {
    const zones = at(text, 'FR-FIXED    33 1').line;
    const results = runNvim(workspace, 'acme-orange-fr.icx', [
      { kind: 'set-line', line: zones, text: 'FR-FIXED 33 1,33 2, 33 3, 33 4, 33 5, 33 9' },
      { kind: 'apply-format' },
    ]);
    expect(results[1]!.text + '\n').toBe(text);
  });

  it('goes to the definition of a zone and renames it everywhere', () => {
    const use = at(text, 'FR-FIXED', 'service voice-termination');
    const results = runNvim(workspace, 'acme-orange-fr.icx', [
      { kind: 'request', method: 'textDocument/definition', params: { position: use } },
      { kind: 'request', method: 'textDocument/rename', params: { position: use, newName: 'FR-LANDLINE' } },
      { kind: 'request', method: 'textDocument/hover', params: { position: use } },
      { kind: 'request', method: 'textDocument/completion', params: { position: { line: use.line, character: use.character } } },
    ]);
    const def = results[0]!.result as { uri: string; range: { start: { line: number } } }[] | { uri: string; range: { start: { line: number } } };
    const first = Array.isArray(def) ? def[0]! : def;
    expect(first.uri).toMatch(/acme-orange-fr\.icx$/);
    expect(first.range.start.line).toBe(at(text, 'FR-FIXED    33 1').line);
    // FR-FIXED: its definition, two rate lines and the test's `zone FR-FIXED` twice
    const edit = results[1]!.result as { changes?: Record<string, { newText: string }[]>; documentChanges?: { edits: { newText: string }[] }[] };
    const edits = edit.changes ? Object.values(edit.changes).flat() : (edit.documentChanges ?? []).flatMap((c) => c.edits);
    const uses = text.match(/\bFR-FIXED\b/g)!.length;
    expect(edits.map((e) => e.newText)).toEqual(Array(uses).fill('FR-LANDLINE'));
    // the zone's prefixes and the rates that use it
    expect(JSON.stringify(results[2]!.result)).toMatch(/331.*0\.0045 EUR\/min/);
    const items = results[3]!.result as { label: string }[] | { items: { label: string }[] };
    const labels = (Array.isArray(items) ? items : items.items).map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['FR-MOBILE', 'FR-FIXED']));
  });
});
