// The extension's build (vscode-extension/scripts/build.mjs): the language server bundle stays
// free of DuckDB, a missing server entry is a clear error, and the bundled lsp/main.ts (once it
// exists) answers `initialize` over stdio. Needs vscode-extension/node_modules (esbuild).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const EXT = path.join(ROOT, 'vscode-extension');
const BUILD = path.join(EXT, 'scripts', 'build.mjs');
const installed = existsSync(path.join(EXT, 'node_modules', 'esbuild'));
const lspMain = path.join(ROOT, 'lsp', 'main.ts');
if (!installed) console.warn('skipped: vscode-extension/node_modules is absent; run `npm ci --prefix vscode-extension`');

const tmp = mkdtempSync(path.join(tmpdir(), 'icx-ext-build-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function build(...args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [BUILD, '--outdir', tmp, ...args], { cwd: EXT, encoding: 'utf8', env: { ...process.env, ICX_SERVER_ENTRY: '' } });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe.skipIf(!installed)('the extension build', () => {
  it('refuses a server that pulls in DuckDB, naming it', () => {
    const entry = path.join(tmp, 'duck-server.ts');
    writeFileSync(entry, "import { DuckDBInstance } from '@duckdb/node-api';\nconsole.log(DuckDBInstance);\n");
    const r = build('--server', entry);
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/DuckDB/);
    expect(existsSync(path.join(tmp, 'server', 'main.js'))).toBe(false);
  });

  it('says which server entry is missing', () => {
    const r = build('--server', path.join(tmp, 'no-such-main.ts'));
    expect(r.status).toBe(1);
    expect(r.out).toContain('no-such-main.ts does not exist');
  });

  it.skipIf(!existsSync(lspMain))('bundles lsp/main.ts and the bundle answers initialize over stdio', () => {
    const b = build();
    expect(b.status, b.out).toBe(0);
    const r = spawnSync(process.execPath, [path.join(EXT, 'scripts', 'smoke-server.mjs'), path.join(tmp, 'server', 'main.js')], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    expect(r.stdout).toMatch(/^initialize → /m);
  });
});
