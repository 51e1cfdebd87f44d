// The server end to end over JSON-RPC: diagnostics equal to compile()'s (what `icx check`
// prints) for a workspace of two agreements and a deck with an error; stale versions dropped;
// re-checks when a deck changes on disk or in the editor; formatting equal to `icx fmt`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver';
import { compile } from '../../compiler/index.js';
import { format } from '../../language/index.js';
import { startClient, type TestClient } from './client.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const AGREEMENT = readFileSync(path.join(REPO, 'agreements/acme-carrierx-az.icx'), 'utf8');
const DECK = readFileSync(path.join(REPO, 'agreements/decks/carrierx-az.csv'), 'utf8');
// line 3 of the deck gets a rate that is not a number
const BAD_DECK = DECK.replace('1201,USA - New Jersey,0.0052,', '1201,USA - New Jersey,abc,');
const B = `agreement B-2026 "b" {
  version 1
  currency EUR
  valid 2026-01-01 ..
  timezone UTC

  service voice-out voice payable {
    rate nowhere 0.01 EUR/min
  }
}
`;

let dir: string;
let client: TestClient;
const fileUri = (rel: string) => pathToFileURL(path.join(dir, rel)).href;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'icx-lsp-'));
  mkdirSync(path.join(dir, 'decks'));
  writeFileSync(path.join(dir, 'a.icx'), AGREEMENT);
  writeFileSync(path.join(dir, 'b.icx'), B);
  writeFileSync(path.join(dir, 'decks/carrierx-az.csv'), BAD_DECK);
  // not part of the workspace: dot-folders and node_modules are skipped, as by the CLI
  mkdirSync(path.join(dir, '.hidden'));
  writeFileSync(path.join(dir, '.hidden/x.icx'), 'garbage {');
  mkdirSync(path.join(dir, 'node_modules'));
  writeFileSync(path.join(dir, 'node_modules/y.icx'), 'garbage {');
});
afterEach(() => {
  client?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What `icx check` reports, as the LSP objects the server must publish, by file URI. */
function expected(files: Record<string, string>, deck: string): Map<string, unknown[]> {
  const disk: Record<string, string> = { 'decks/carrierx-az.csv': deck };
  const result = compile(
    Object.entries(files).map(([uri, text]) => ({ uri, text })),
    { readFile: (uri) => disk[uri] },
  );
  const out = new Map<string, unknown[]>();
  for (const d of result.diagnostics) {
    const list = out.get(fileUri(d.uri)) ?? [];
    list.push({
      range: { start: { line: d.range.start.line - 1, character: d.range.start.column - 1 }, end: { line: d.range.end.line - 1, character: d.range.end.column - 1 } },
      severity: { error: 1, warning: 2, info: 3 }[d.severity],
      code: d.code,
      source: 'icx',
      message: d.message,
    });
    out.set(fileUri(d.uri), list);
  }
  return out;
}

/** The latest publication of each URI. */
function latest(c: TestClient): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  for (const p of c.published) out.set(p.uri, p.diagnostics);
  for (const [k, v] of out) if (v.length === 0) out.delete(k);
  return out;
}

async function settle(c: TestClient, ms = 120): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

describe('icx lsp over JSON-RPC', () => {
  it('publishes the diagnostics of compile() for every file, the deck CSV included', async () => {
    client = await startClient(pathToFileURL(dir).href);
    await client.waitFor((p) => p.uri === fileUri('decks/carrierx-az.csv'));
    await settle(client);
    const want = expected({ 'a.icx': AGREEMENT, 'b.icx': B }, BAD_DECK);
    // the test means something: a deck error and an error of b.icx are both there
    expect(want.get(fileUri('decks/carrierx-az.csv'))?.length).toBeGreaterThan(0);
    expect(want.get(fileUri('b.icx'))?.length).toBeGreaterThan(0);
    expect(latest(client)).toEqual(want);
    expect([...latest(client).keys()].some((u) => u.includes('.hidden') || u.includes('node_modules'))).toBe(false);
  });

  it('re-checks when the deck changes on disk, and clears a file that became clean', async () => {
    client = await startClient(pathToFileURL(dir).href);
    await client.waitFor((p) => p.uri === fileUri('decks/carrierx-az.csv') && p.diagnostics.length > 0);
    const since = client.published.length;
    writeFileSync(path.join(dir, 'decks/carrierx-az.csv'), DECK);
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri('decks/carrierx-az.csv'), type: 2 }] });
    const cleared = await client.waitFor((p) => p.uri === fileUri('decks/carrierx-az.csv'), since);
    expect(cleared.diagnostics).toEqual([]);
  });

  it('picks up a new .icx created on disk, and forgets a deleted one', async () => {
    client = await startClient(pathToFileURL(dir).href);
    await settle(client);
    let since = client.published.length;
    writeFileSync(path.join(dir, 'c.icx'), B.replace('B-2026', 'C-2026'));
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri('c.icx'), type: 1 }] });
    const p = await client.waitFor((x) => x.uri === fileUri('c.icx'), since);
    expect(p.diagnostics).toEqual(expected({ 'a.icx': AGREEMENT, 'b.icx': B, 'c.icx': B.replace('B-2026', 'C-2026') }, BAD_DECK).get(fileUri('c.icx')));
    expect(p.diagnostics.length).toBeGreaterThan(0);
    since = client.published.length;
    rmSync(path.join(dir, 'c.icx'));
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri('c.icx'), type: 3 }] });
    expect((await client.waitFor((x) => x.uri === fileUri('c.icx'), since)).diagnostics).toEqual([]);
  });

  it('re-checks when the deck is edited in the editor (open text wins over the disk)', async () => {
    writeFileSync(path.join(dir, 'decks/carrierx-az.csv'), DECK);
    client = await startClient(pathToFileURL(dir).href);
    await settle(client);
    expect(latest(client).has(fileUri('decks/carrierx-az.csv'))).toBe(false);
    const since = client.published.length;
    await client.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri: fileUri('decks/carrierx-az.csv'), languageId: 'csv', version: 1, text: BAD_DECK } });
    const p = await client.waitFor((x) => x.uri === fileUri('decks/carrierx-az.csv'), since);
    expect(p.diagnostics).toEqual(expected({ 'a.icx': AGREEMENT, 'b.icx': B }, BAD_DECK).get(fileUri('decks/carrierx-az.csv')));
    expect(p.version).toBe(1);
  });

  it('drops results of stale versions: quick edits publish only the latest version', async () => {
    client = await startClient(pathToFileURL(dir).href, { debounceMs: 100 });
    await settle(client, 200);
    const since = client.published.length;
    const uri = fileUri('b.icx');
    await client.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'icx', version: 1, text: B } });
    await client.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: B.replace('nowhere', 'nowhere2') }] });
    const fixed = B.replace('    rate nowhere 0.01 EUR/min\n', '    rate 0.01 EUR/min\n');
    await client.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: fixed }] });
    const p = await client.waitFor((x) => x.uri === uri, since);
    await settle(client, 200);
    const forB = client.published.slice(since).filter((x) => x.uri === uri);
    expect(p.version).toBe(3);
    expect(forB.every((x) => x.version === 3)).toBe(true);
    expect(forB.at(-1)!.diagnostics).toEqual(expected({ 'a.icx': AGREEMENT, 'b.icx': fixed }, BAD_DECK).get(uri) ?? []);
  });

  it('formats like `icx fmt` (language format()), and not at all with syntax errors', async () => {
    client = await startClient(pathToFileURL(dir).href);
    const uri = fileUri('b.icx');
    const messy = B.replace('  version 1', 'version    1').replace('currency EUR', 'currency   EUR  // the money');
    await client.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'icx', version: 1, text: messy } });
    const edits = await client.rpc.sendRequest<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(format(B, 'b.icx').text).toBe(B); // B is canonical: only the messy lines differ
    const doc = TextDocument.create(uri, 'icx', 1, messy);
    expect(edits.length).toBe(1);
    expect(TextDocument.applyEdits(doc, edits)).toBe(format(messy, 'b.icx').text);
    // a range around the messy lines gets the edit; a range elsewhere gets none
    const inRange = await client.rpc.sendRequest<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } }, options: { tabSize: 2, insertSpaces: true } });
    expect(inRange).toEqual(edits);
    const outside = await client.rpc.sendRequest<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri }, range: { start: { line: 7, character: 0 }, end: { line: 8, character: 0 } }, options: { tabSize: 2, insertSpaces: true } });
    expect(outside).toEqual([]);
    await client.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: messy.replace('currency', 'currency {') }] });
    expect(await client.rpc.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
  });

  it('answers symbols, folding and semantic tokens, and survives a garbage document', async () => {
    client = await startClient(pathToFileURL(dir).href);
    const uri = fileUri('a.icx');
    await client.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'icx', version: 1, text: AGREEMENT } });
    const symbols = await client.rpc.sendRequest<{ name: string; children?: { name: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s) => s.name)).toEqual(['ACME-CARRIERX-AZ-2026']);
    expect(symbols[0]!.children!.map((c) => c.name)).toContain('termination');
    const ws = await client.rpc.sendRequest<{ name: string; location: { uri: string } }[]>('workspace/symbol', { query: 'termin' });
    expect(ws.map((s) => [s.name, s.location.uri])).toEqual([['termination', uri]]);
    const folds = await client.rpc.sendRequest<unknown[]>('textDocument/foldingRange', { textDocument: { uri } });
    expect(folds.length).toBeGreaterThan(3);
    const tokens = await client.rpc.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    expect(tokens.data.length % 5).toBe(0);
    await client.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: '}}}{{ "\u0000 agreement agreement 12:99-' }] });
    for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/semanticTokens/full', 'textDocument/formatting']) {
      await expect(client.rpc.sendRequest(method, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })).resolves.toBeDefined();
    }
  });
});
