#!/usr/bin/env node
// Launcher for the icx CLI: the sources are TypeScript run through tsx (no build step), so
// this starts a child node with the tsx loader on runtime/cli/main.ts, resolved relative to
// this file so `npx icx`, `npm run icx` and a global link all work from any directory.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
// `icx lsp` goes straight to the language server: it must not load the runtime (DuckDB).
const main = process.argv[2] === 'lsp' ? path.join(here, '..', 'lsp', 'main.ts') : path.join(here, '..', 'runtime', 'cli', 'main.ts');
const args = process.argv[2] === 'lsp' ? process.argv.slice(3) : process.argv.slice(2);

// Resolve tsx from this package, not from the caller's directory (which may not have it).
const tsx = import.meta.resolve('tsx');

const child = spawn(process.execPath, ['--import', tsx, main, ...args], { stdio: 'inherit' });

// Forward interrupts so Ctrl-C stops the child (which cleans up its temp files).
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => child.kill(sig));
}

child.on('error', (err) => {
  process.stderr.write(`icx: cannot start node: ${err.message}\n`);
  process.exit(70);
});
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 70);
});
