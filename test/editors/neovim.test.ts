// The language server driven by a client nobody here wrote: Neovim's built-in LSP, headless.
// nvim opens an agreement of a scratch copy of agreements/; the driver (nvim-driver.lua) plays
// the steps of scenarios.ts and reports what the server answered.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { editorScenarios, root, serverCommand, type StepResult } from './scenarios.js';

const hasNvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasNvim) console.warn('skipping the Neovim editor tests: nvim is not installed (apt-get install neovim)');

function runNvim(workspace: string, file: string, steps: object[]): StepResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'icx-nvim-'));
  const stepsFile = join(dir, 'steps.json');
  const out = join(dir, 'out.json');
  writeFileSync(stepsFile, JSON.stringify({ cmd: serverCommand, root: workspace, steps }));
  const r = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${join(root, 'test', 'editors', 'nvim-driver.lua')}`, join(workspace, file)], {
    env: { ...process.env, ICX_STEPS: stepsFile, ICX_OUT: out },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.error) throw r.error;
  return JSON.parse(readFileSync(out, 'utf8')) as StepResult[];
}

describe.skipIf(!hasNvim)('the language server in Neovim', () => {
  editorScenarios(runNvim, { countsPublishes: false, timeout: 130_000 });
});
