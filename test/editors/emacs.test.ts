// The language server driven by a second client nobody here wrote: Emacs 28 with eglot, in
// batch mode. As in neovim.test.ts, the example agreements are copied to a scratch workspace;
// emacs opens one of them in a minimal `icx-mode', and the driver (emacs-driver.el) connects
// eglot through `eglot-server-programs', runs the steps below and reports what it saw:
// flymake's diagnostics, the server's answers, the buffer after `eglot-format-buffer'.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { editorScenarios, root, serverCommand, type StepResult } from './scenarios.js';

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

function runEmacs(workspace: string, file: string, steps: object[]): StepResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'icx-emacs-'));
  const stepsFile = join(dir, 'steps.json');
  const out = join(dir, 'out.json');
  writeFileSync(stepsFile, JSON.stringify({ cmd: serverCommand, root: workspace, file, steps }));
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
  editorScenarios(runEmacs, { countsPublishes: true, timeout: 70_000 });
});
