// Which icx CLI runs a file's tests: the agreements project's own, else the one beside the server.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { findCli } from './test-runner.js';

const repoCli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'icx.js');
const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'icx-cli-'));
  temps.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return root;
}

it('uses the icx installed in the agreements project, from a nested folder', () => {
  const root = project({ 'node_modules/icx/bin/icx.js': '', 'agreements/voice/orange.icx': '' });
  expect(findCli(path.join(root, 'agreements/voice/orange.icx'))).toBe(path.join(root, 'node_modules/icx/bin/icx.js'));
});

it('uses bin/icx.js of the icx repository itself, but not a bin/icx.js of another package', () => {
  const icxRepo = project({ 'package.json': '{"name":"icx"}', 'bin/icx.js': '', 'agreements/a.icx': '' });
  expect(findCli(path.join(icxRepo, 'agreements/a.icx'))).toBe(path.join(icxRepo, 'bin/icx.js'));
  const other = project({ 'package.json': '{"name":"not-icx"}', 'bin/icx.js': '', 'a.icx': '' });
  expect(findCli(path.join(other, 'a.icx'))).toBe(repoCli); // falls back to the CLI beside this server
});

it('falls back to the CLI beside the server when the project has none', () => {
  const root = project({ 'a.icx': '' });
  expect(findCli(path.join(root, 'a.icx'))).toBe(repoCli);
});
