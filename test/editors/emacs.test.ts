// The language server driven by a second client nobody here wrote: Emacs 28 with eglot, in
// batch mode. As in neovim.test.ts, the example agreements are copied to a scratch workspace;
// emacs opens one of them in a minimal `icx-mode', and the driver (emacs-driver.el) connects
// eglot through `eglot-server-programs', runs the steps below and reports what it saw:
// flymake's diagnostics, the server's answers, the buffer after `eglot-format-buffer'.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const driver = join(root, 'test', 'editors', 'emacs-driver.el');

/** Why the tests cannot run here, or '' when emacs and eglot are both present. */
function missing(): string {
  const version = spawnSync('emacs', ['--version'], { encoding: 'utf8' });
  if (version.status !== 0) return 'emacs is not installed (apt-get install emacs-nox elpa-eglot)';
  // the driver's own package setup decides: ICX_PROBE exits 0 when eglot loads
  const probe = spawnSync('emacs', ['--batch', '-Q', '-l', driver], { env: { ...process.env, ICX_PROBE: '1' }, encoding: 'utf8', timeout: 30_000 });
  if (probe.status !== 0) return 'eglot does not load in emacs (apt-get install elpa-eglot, or M-x package-install eglot)';
  return '';
}
const why = missing();
if (why) console.warn(`skipping the Emacs editor tests: ${why}`);

interface Diagnostic {
  line: number;
  col: number;
  code: string;
  message: string;
}
interface StepResult {
  kind: string;
  ok?: boolean;
  error?: string;
  result?: unknown;
  text?: string;
  published?: number;
  diagnostics?: Diagnostic[];
}

/** 0-based line and UTF-16 character of the first `needle` (after `after`, when given). */
function at(text: string, needle: string, after = ''): { line: number; character: number } {
  const from = after ? text.indexOf(after) : 0;
  const offset = text.indexOf(needle, from < 0 ? 0 : from);
  if (offset < 0) throw new Error(`${needle} not in the file`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

function runEmacs(workspace: string, file: string, steps: object[]): StepResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'icx-emacs-'));
  const stepsFile = join(dir, 'steps.json');
  const out = join(dir, 'out.json');
  writeFileSync(stepsFile, JSON.stringify({ cmd: [process.execPath, join(root, 'bin', 'icx.js'), 'lsp', '--stdio'], root: workspace, file, steps }));
  const r = spawnSync('emacs', ['--batch', '-Q', '-l', driver], {
    cwd: workspace,
    env: { ...process.env, ICX_STEPS: stepsFile, ICX_OUT: out },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  if (!existsSync(out)) throw new Error(`emacs exited ${r.status} without results:\n${r.stderr}`);
  return JSON.parse(readFileSync(out, 'utf8')) as StepResult[];
}

describe.skipIf(why !== '')('the language server in Emacs (eglot)', () => {
  let workspace = '';
  let text = '';
  beforeAll(() => {
    workspace = mkdtempSync(join(tmpdir(), 'icx-emacs-ws-'));
    cpSync(join(root, 'agreements'), workspace, { recursive: true });
    text = readFileSync(join(workspace, 'acme-orange-fr.icx'), 'utf8');
  });

  it('shows a mistake as it is typed, and clears it when it is fixed', () => {
    const currency = at(text, 'currency EUR').line;
    const results = runEmacs(workspace, 'acme-orange-fr.icx', [
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
    expect(results[4]!.published).toBeGreaterThan(results[2]!.published!);
  }, 70_000);

  it('formats the document as icx fmt does', () => {
    const zones = at(text, 'FR-FIXED    33 1').line;
    const results = runEmacs(workspace, 'acme-orange-fr.icx', [
      { kind: 'set-line', line: zones, text: 'FR-FIXED 33 1,33 2, 33 3, 33 4, 33 5, 33 9' },
      { kind: 'apply-format' },
    ]);
    expect(results[1]!.error).toBeUndefined();
    // the whole buffer, final newline included, is what `icx fmt` wrote (agreements/ is canonical)
    expect(results[1]!.text).toBe(text);
  }, 70_000);

  it('goes to the definition of a zone, renames it everywhere, hovers and completes it', () => {
    const use = at(text, 'FR-FIXED', 'service voice-termination');
    const results = runEmacs(workspace, 'acme-orange-fr.icx', [
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
  }, 70_000);
});
