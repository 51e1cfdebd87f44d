// Runs `icx test <file> --json` as a subprocess for the code lenses (lsp/features/code-lens.ts):
// the language server must not load runtime/ or DuckDB. Never throws: a missing CLI, a spawn
// error, a crash or unreadable output becomes an error message for the user.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestOutcome } from './features/code-lens.js';

/** The icx CLI that tests `file`: the agreements project's own icx first (the version its CI
 *  runs), found by walking up from the file's folder to `node_modules/icx/bin/icx.js`, or to
 *  `bin/icx.js` of a package named "icx" (the icx repository itself); else the CLI beside this
 *  server (lsp/../bin/icx.js, absent when the server is bundled into the VS Code extension). */
export function findCli(file?: string): string | undefined {
  if (file !== undefined) {
    for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
      const installed = path.join(dir, 'node_modules', 'icx', 'bin', 'icx.js');
      if (existsSync(installed)) return installed;
      if (isIcxPackage(dir)) return path.join(dir, 'bin', 'icx.js');
      if (path.dirname(dir) === dir) break;
    }
  }
  try {
    const bin = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'icx.js');
    return existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

function isIcxPackage(dir: string): boolean {
  if (!existsSync(path.join(dir, 'bin', 'icx.js'))) return false;
  try {
    return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name === 'icx';
  } catch {
    return false;
  }
}

export type RunOutcome = { results: Map<string, TestOutcome> } | { error: string };

/** Runs every test of `file` (absolute path); results by test title (failed if any result of that title failed). */
export function runFileTests(file: string, cwd: string, timeoutMs = 120_000): Promise<RunOutcome> {
  const cli = findCli(file);
  if (cli === undefined) {
    return Promise.resolve({ error: `Running tests needs the icx CLI: none found above ${path.dirname(file)} (node_modules/icx) nor beside the language server. Add icx to the project (npm install --save-dev icx) or run \`icx test\` in a terminal.` });
  }
  return new Promise((resolve) => {
    let out = '';
    let err = '';
    let done = false;
    const finish = (r: RunOutcome) => {
      if (!done) {
        done = true;
        resolve(r);
      }
    };
    try {
      const child = spawn(process.execPath, [cli, 'test', file, '--json'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
      const timer = setTimeout(() => {
        child.kill('SIGTERM');
        finish({ error: `icx test ${file} did not finish in ${timeoutMs / 1000} s` });
      }, timeoutMs);
      child.stdout.on('data', (b: Buffer) => (out += b.toString()));
      child.stderr.on('data', (b: Buffer) => (err += b.toString()));
      child.on('error', (e) => {
        clearTimeout(timer);
        finish({ error: `cannot start icx test: ${e.message}` });
      });
      child.on('close', () => {
        clearTimeout(timer);
        finish(parseResults(out, err));
      });
    } catch (e) {
      finish({ error: `cannot start icx test: ${e instanceof Error ? e.message : String(e)}` });
    }
  });
}

/** The JSON of runtime/cli/commands/test.ts: { passed, failed, results: [{ title, passed, failures: string[] }] }. */
export function parseResults(stdout: string, stderr: string): RunOutcome {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    const why = stderr.trim() || stdout.trim() || 'no output';
    return { error: `icx test failed: ${why.split('\n').slice(0, 5).join('\n')}` };
  }
  const list = (json as { results?: unknown }).results;
  if (!Array.isArray(list)) return { error: 'icx test --json printed no results' };
  const results = new Map<string, TestOutcome>();
  for (const r of list as { title?: unknown; passed?: unknown; failures?: unknown }[]) {
    if (typeof r?.title !== 'string') continue;
    const failures = Array.isArray(r.failures) ? r.failures.filter((f): f is string => typeof f === 'string') : [];
    const prev = results.get(r.title);
    if (prev && !prev.passed) continue;
    results.set(r.title, r.passed === true ? { passed: true } : { passed: false, reason: failures[0] ?? 'expectation not met' });
  }
  return { results };
}
