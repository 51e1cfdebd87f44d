// `icx lsp --stdio` through the real launcher (bin/icx.js): initialize, a diagnostic for an
// opened document, shutdown and exit. And the rule that lsp/ never imports runtime/ or DuckDB.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';

const REPO = path.resolve(import.meta.dirname, '../..');

describe('icx lsp --stdio', () => {
  it('speaks LSP over stdin/stdout and exits on shutdown/exit', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'icx-lsp-stdio-'));
    const child = spawn(process.execPath, [path.join(REPO, 'bin/icx.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const rpc = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const published = new Promise<PublishDiagnosticsParams>((resolve) => rpc.onNotification('textDocument/publishDiagnostics', resolve));
    rpc.listen();
    try {
      const init = await rpc.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', { processId: null, rootUri: pathToFileURL(dir).href, capabilities: {} });
      expect(init.capabilities['documentFormattingProvider']).toBe(true);
      await rpc.sendNotification('initialized', {});
      const uri = pathToFileURL(path.join(dir, 'x.icx')).href;
      await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'icx', version: 1, text: 'agreement X "x" {\n  currency\n}\n' } });
      const p = await published;
      expect(p.uri).toBe(uri);
      expect(p.diagnostics.length).toBeGreaterThan(0);
      expect(p.diagnostics[0]!.source).toBe('icx');
      await rpc.sendRequest('shutdown');
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await rpc.sendNotification('exit');
      expect(await exited).toBe(0);
    } finally {
      rpc.dispose();
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('lsp/ imports neither runtime/ nor DuckDB', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d)) {
        const f = path.join(d, e);
        if (statSync(f).isDirectory()) walk(f);
        else if (f.endsWith('.ts')) files.push(f);
      }
    };
    walk(path.join(REPO, 'lsp'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const imports = [...readFileSync(f, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      expect(imports.filter((i) => i.includes('runtime/') || i.includes('duckdb')), f).toEqual([]);
    }
  });
});
