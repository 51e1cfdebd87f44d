// Code lenses end to end over JSON-RPC: `icx.server.runTest` runs the real CLI (`icx test
// <file> --json`, a subprocess: the server never loads DuckDB) on a copy of an example
// agreement with one expectation made wrong, then the lenses show ✓ / ✗ per test.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CodeLens, InlayHint } from 'vscode-languageserver';
import { startClient, type TestClient } from './client.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const PASSING = 'a 61 second peak call to a French mobile is billed as two minutes';
const FAILING = 'a call at 20:00 Paris time is off-peak';
let dir: string;
let client: TestClient;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'icx-lens-'));
  const original = readFileSync(path.join(REPO, 'agreements/acme-orange-fr.icx'), 'utf8');
  // the off-peak test expects 0.0200 EUR (120 s at 0.0100/min): 0.0999 makes it fail
  const broken = original.replace('expect 0.0200 EUR zone FR-MOBILE band offpeak', 'expect 0.0999 EUR zone FR-MOBILE band offpeak');
  expect(broken).not.toBe(original);
  writeFileSync(path.join(dir, 'a.icx'), broken);
  client = await startClient(pathToFileURL(dir).href);
});
afterAll(() => {
  client?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('runs a file\'s tests through the CLI and shows ✓ passed / ✗ failed lenses', async () => {
  const uri = pathToFileURL(path.join(dir, 'a.icx')).href;
  const before = (await client.rpc.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
  expect(before.length).toBeGreaterThan(2);
  expect(before.every((l) => l.command?.title === '▶ Run test' && l.command.command === 'icx.runTest')).toBe(true);
  const lensOf = (ls: CodeLens[], title: string) => ls.find((l) => l.command?.arguments?.[1] === title);
  expect(lensOf(before, PASSING)?.command?.arguments).toEqual([uri, PASSING]);
  // the lens sits at the start of the test's line, 0-based line 93 (`test "…"` is line 94 in the file)
  expect(lensOf(before, PASSING)?.range.start).toEqual({ line: 93, character: 0 });

  const answer = (await client.rpc.sendRequest('workspace/executeCommand', { command: 'icx.server.runTest', arguments: [uri, FAILING] })) as { outcome: { passed: boolean } | null };
  expect(answer.outcome?.passed).toBe(false);

  const after = (await client.rpc.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
  expect(lensOf(after, PASSING)?.command?.title).toBe('✓ passed');
  expect(lensOf(after, FAILING)?.command?.title).toMatch(/^✗ failed: .*0\.0999/);

  // and the inlay hint on the passing test's usage line: 61 s at 60/60 → 60 + ceil(1/60)×60 = 120 s
  const hints = (await client.rpc.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 95, character: 0 }, end: { line: 96, character: 0 } } })) as InlayHint[];
  expect(hints.map((h) => [h.position.line, h.label])).toEqual([[95, ' → billed 120s']]);

  // edited in the editor since the run: the outcomes are of another text, the lenses offer a new run
  const text = readFileSync(path.join(dir, 'a.icx'), 'utf8');
  await client.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'icx', version: 1, text: text.replace('for 61s', 'for 62s') } });
  const edited = (await client.rpc.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
  expect(lensOf(edited, PASSING)?.command?.title).toBe('▶ Run test');
}, 60_000);

it('answers an error, not a crash, for a file that is not there', async () => {
  const uri = pathToFileURL(path.join(dir, 'missing.icx')).href;
  const answer = (await client.rpc.sendRequest('workspace/executeCommand', { command: 'icx.server.runTest', arguments: [uri, 'x'] })) as { error?: string };
  expect(answer.error).toMatch(/icx test/);
  // the server still answers
  expect(await client.rpc.sendRequest('textDocument/codeLens', { textDocument: { uri: pathToFileURL(path.join(dir, 'a.icx')).href } })).not.toEqual([]);
}, 60_000);
