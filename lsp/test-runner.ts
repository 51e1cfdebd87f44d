// Runs `icx test <file> --json` as a subprocess for the code lenses (lsp/features/code-lens.ts):
// the language server must not load runtime/ or DuckDB. Never throws: a missing CLI, a spawn
// error, a crash or unreadable output becomes an error message for the user.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestOutcome } from './features/code-lens.js';

/** bin/icx.js of the repository this server runs from (lsp/../bin/icx.js); undefined when bundled. */
export function findCli(): string | undefined {
  try {
    const bin = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'icx.js');
    return existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

export type RunOutcome = { results: Map<string, TestOutcome> } | { error: string };

/** Runs every test of `file` (absolute path); results by test title (failed if any result of that title failed). */
export function runFileTests(file: string, cwd: string, timeoutMs = 120_000): Promise<RunOutcome> {
  const cli = findCli();
  if (cli === undefined) {
    return Promise.resolve({ error: 'Running tests needs the icx CLI (bin/icx.js beside the language server), which this installation does not have: run `icx test` in a terminal.' });
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
