// Random edits and garbage fed to the server's features (directly, many runs) and to the server
// itself over JSON-RPC (fewer runs): nothing throws, and every answer is well formed.
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Range } from 'vscode-languageserver';
import { compile } from '../../compiler/index.js';
import { codeActions } from '../../lsp/features/code-actions.js';
import { diagnosticsByUri } from '../../lsp/features/diagnostics.js';
import { foldingRanges } from '../../lsp/features/folding.js';
import { formatDocument, formatRange } from '../../lsp/features/formatting.js';
import { semanticTokens } from '../../lsp/features/semantic-tokens.js';
import { documentSymbols } from '../../lsp/features/symbols.js';
import { DocumentPositions } from '../../lsp/positions.js';
import { contextFor } from '../../lsp/test-support/context.js';
import { startClient } from './client.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const SEED = readFileSync(path.join(REPO, 'agreements/acme-orange-fr.icx'), 'utf8');

/** An edit: replace [at, at+del) of the text by ins. */
const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 40 }), ins: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('{', '}', '"', '\n', '//', 'agreement', 'zones {', 'rate ', '2026-13-45', '08:00-', '..', '\u0000', '😀', '\r\n')) });
const apply = (text: string, e: { at: number; del: number; ins: string }) => {
  const at = e.at % (text.length + 1);
  return text.slice(0, at) + e.ins + text.slice(at + e.del);
};
const texts = fc.oneof(
  fc.array(edit, { maxLength: 8 }).map((es) => es.reduce(apply, SEED)),
  fc.string({ maxLength: 300 }),
);

function wellFormedRange(r: Range): void {
  for (const p of [r.start, r.end]) {
    expect(Number.isInteger(p.line) && p.line >= 0).toBe(true);
    expect(Number.isInteger(p.character) && p.character >= 0).toBe(true);
  }
  expect(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character)).toBe(true);
}

describe('features never throw and answer well-formed results', () => {
  it('on random edits of a real agreement and on garbage', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const positions = new DocumentPositions(text);
        for (const list of diagnosticsByUri(compile([{ uri: 'x.icx', text }]).diagnostics).values()) for (const d of list) wellFormedRange(d.range);
        const edits = formatDocument(text, 'x.icx', positions);
        for (const e of edits) wellFormedRange(e.range);
        formatRange(text, 'x.icx', positions, { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } });
        const walk = (ss: ReturnType<typeof documentSymbols>): void => {
          for (const s of ss) {
            wellFormedRange(s.range);
            wellFormedRange(s.selectionRange);
            expect(s.name.length).toBeGreaterThan(0);
            walk(s.children ?? []);
          }
        };
        walk(documentSymbols(text, 'x.icx'));
        for (const f of foldingRanges(text, 'x.icx')) expect(f.startLine < f.endLine && f.startLine >= 0).toBe(true);
        const { data } = semanticTokens(text, 'x.icx');
        expect(data.length % 5).toBe(0);
        expect(data.every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
        const ctx = contextFor(text, [], 'x.icx');
        const ds = ctx.compiled.diagnostics.map((d) => ({ code: d.code, start: d.range.start.offset, end: d.range.end.offset }));
        for (const a of codeActions(ctx, ds, { start: text.length >> 1, end: text.length >> 1 })) {
          for (const e of a.edits) expect(0 <= e.place.start && e.place.start <= e.place.end && e.place.end <= text.length).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the server survives random edits over JSON-RPC', () => {
  it('keeps answering every request', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'icx-lsp-fuzz-'));
    writeFileSync(path.join(dir, 'a.icx'), SEED);
    const client = await startClient(pathToFileURL(dir).href, { debounceMs: 1 });
    const uri = pathToFileURL(path.join(dir, 'a.icx')).href;
    try {
      await client.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'icx', version: 1, text: SEED } });
      let version = 1;
      await fc.assert(
        fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), fc.nat({ max: 400 }), fc.nat({ max: 200 }), async (es, line, character) => {
          version++;
          const text = es.reduce(apply, SEED);
          await client.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
          const position = { line, character };
          const doc = { textDocument: { uri } };
          const options = { tabSize: 2, insertSpaces: true };
          const answers = await Promise.all([
            client.rpc.sendRequest('textDocument/documentSymbol', doc),
            client.rpc.sendRequest('textDocument/foldingRange', doc),
            client.rpc.sendRequest('textDocument/semanticTokens/full', doc),
            client.rpc.sendRequest('textDocument/formatting', { ...doc, options }),
            client.rpc.sendRequest('textDocument/rangeFormatting', { ...doc, options, range: { start: position, end: position } }),
            client.rpc.sendRequest('textDocument/completion', { ...doc, position }),
            client.rpc.sendRequest('textDocument/hover', { ...doc, position }),
            client.rpc.sendRequest('textDocument/definition', { ...doc, position }),
            client.rpc.sendRequest('textDocument/references', { ...doc, position, context: { includeDeclaration: true } }),
            client.rpc.sendRequest('textDocument/prepareRename', { ...doc, position }),
            client.rpc.sendRequest('workspace/symbol', { query: 'a' }),
            client.rpc.sendRequest('textDocument/codeAction', { ...doc, range: { start: position, end: position }, context: { diagnostics: client.published.at(-1)?.diagnostics ?? [] } }),
          ]);
          expect(answers).toHaveLength(12);
        }),
        { numRuns: 25 },
      );
      client.server.flush();
      // nothing was logged as a handler failure
      expect(client.logs.filter((l) => l.includes('failed'))).toEqual([]);
    } finally {
      client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
