// The properties every agreement text must satisfy, whatever it holds. Plain functions that throw
// a FuzzFailure (no vitest inside), so the CI test and the nightly script (run.ts) share them.
//   1. compile, as the CLI calls it (compiler/index.ts with a host over the agreements root) and as
//      the language server calls it (incremental parse, diagnostics only), never throws and
//      finishes within a time bound; no check fails inside (no `internal-error` diagnostic);
//      a plan that compiles clean holds exact numbers (nothing beyond 2^53, nothing infinite);
//   2. every diagnostic has a catalogue code, a severity, a message, and a range inside the text
//      of the file it names, its line and column matching its offset;
//   3. the incremental parse the server keeps equals a fresh parse of the same text;
//   4. a file without syntax errors formats; formatting is idempotent, keeps every comment and
//      the AST, and introduces no diagnostic (the compile says the same, code for code);
//   5. every language-server feature (lsp/features/*, the functions lsp/server.ts calls) answers at
//      any cursor without throwing, with well-formed ranges.
import { compile, type CompileHost, type CompileResult, type SourceFile } from '../../compiler/index.js';
import { DIAGNOSTIC_CODES, format, lex, LineIndex, parse, type Diagnostic } from '../../language/index.js';
import { forgetParse, parseIncrementally } from '../../lsp/features/ast-cache.js';
import { codeActions } from '../../lsp/features/code-actions.js';
import { codeLens } from '../../lsp/features/code-lens.js';
import { completion } from '../../lsp/features/completion.js';
import type { FeatureContext } from '../../lsp/features/context.js';
import { diagnosticsByUri } from '../../lsp/features/diagnostics.js';
import { foldingRanges } from '../../lsp/features/folding.js';
import { formatDocument, formatRange } from '../../lsp/features/formatting.js';
import { hover } from '../../lsp/features/hover.js';
import { inlayHints } from '../../lsp/features/inlay-hints.js';
import { definition, references } from '../../lsp/features/navigation.js';
import { prepareRename, rename } from '../../lsp/features/rename.js';
import { semanticTokens } from '../../lsp/features/semantic-tokens.js';
import { documentSymbols, workspaceSymbols } from '../../lsp/features/symbols.js';
import { DocumentPositions } from '../../lsp/positions.js';

export class FuzzFailure extends Error {
  constructor(readonly property: string, message: string) {
    super(`${property}: ${message}`);
  }
}

function check(ok: unknown, property: string, message: () => string): asserts ok {
  if (!ok) throw new FuzzFailure(property, message());
}

/** Runs fn; a throw becomes a FuzzFailure naming the step (with the stack's first frames). */
function noThrow<T>(property: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof FuzzFailure) throw err;
    const e = err instanceof Error ? err : new Error(String(err));
    throw new FuzzFailure(property, `threw ${e.name}: ${e.message}\n${(e.stack ?? '').split('\n').slice(1, 6).join('\n')}`);
  }
}

export interface Limits {
  /** the most one compile of a case may take (ms); generous, the machine is shared */
  compileMs: number;
}
export const DEFAULT_LIMITS: Limits = { compileMs: 5_000 };

const SEVERITIES = new Set(['error', 'warning', 'info']);

/** Property 2, on the diagnostics of one compile; `textOf` gives the text of any uri they name. */
export function checkDiagnostics(ds: readonly Diagnostic[], textOf: (uri: string) => string | undefined): void {
  const indexes = new Map<string, LineIndex>();
  for (const d of ds) {
    const where = () => `${d.code} ${d.uri}:${d.range?.start?.line}:${d.range?.start?.column} ${d.message}`;
    check(d.code !== 'internal-error', 'no-internal-error', where);
    check(typeof d.code === 'string' && Object.hasOwn(DIAGNOSTIC_CODES, d.code), 'diagnostic-code', () => `code not in the catalogue: ${where()}`);
    check(SEVERITIES.has(d.severity), 'diagnostic-severity', where);
    check(typeof d.message === 'string' && d.message.trim().length > 0, 'diagnostic-message', where);
    const text = textOf(d.uri);
    // a diagnostic without a file (uri '') is about the set of agreements; the server logs it
    if (d.uri === '') continue;
    check(text !== undefined, 'diagnostic-uri', () => `names a file that is not there: ${where()}`);
    const { start, end } = d.range;
    check(Number.isInteger(start.offset) && Number.isInteger(end.offset) && 0 <= start.offset && start.offset <= end.offset && end.offset <= text.length, 'diagnostic-range', () => `range ${start.offset}..${end.offset} outside 0..${text.length}: ${where()}`);
    let index = indexes.get(d.uri);
    if (!index) indexes.set(d.uri, (index = new LineIndex(text)));
    for (const p of [start, end]) {
      const at = index.position(p.offset);
      check(at.line === p.line && at.column === p.column, 'diagnostic-position', () => `offset ${p.offset} is ${at.line}:${at.column}, the diagnostic says ${p.line}:${p.column}: ${where()}`);
    }
  }
}

function timed<T>(property: string, limitMs: number, fn: () => T): T {
  const t0 = performance.now();
  const out = noThrow(property, fn);
  const ms = performance.now() - t0;
  check(ms <= limitMs, 'time-bound', () => `${property} took ${Math.round(ms)} ms (limit ${limitMs} ms)`);
  return out;
}

/** A rating plan holds only numbers that are what was written: finite, and integers within 2^53. */
function exactNumbers(v: unknown, path: string): void {
  if (typeof v === 'number') check(Number.isFinite(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER, 'plan-exact-numbers', () => `${path} = ${v}`);
  else if (Array.isArray(v)) v.forEach((x, i) => exactNumbers(x, `${path}[${i}]`));
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) exactNumbers(x, `${path}.${k}`);
}

/** Properties 1 and 2 through the CLI's entry and the server's; returns both results. */
export function checkCompile(files: readonly SourceFile[], host: CompileHost, limits: Limits = DEFAULT_LIMITS): { cli: CompileResult; lsp: CompileResult } {
  const texts = new Map(files.map((f) => [f.uri, f.text]));
  const textOf = (uri: string) => texts.get(uri) ?? host.readFile(uri);
  const cli = timed('compile (CLI)', limits.compileMs, () => compile([...files], host));
  checkDiagnostics(cli.diagnostics, textOf);
  for (const { plan } of cli.compiled.plans) exactNumbers(plan, `plan ${plan.id}`);
  const lsp = timed('compile (LSP)', limits.compileMs, () => compile([...files], host, { parse: parseIncrementally, diagnosticsOnly: true }));
  checkDiagnostics(lsp.diagnostics, textOf);
  return { cli, lsp };
}

const astOf = (r: ReturnType<typeof parse>) => JSON.stringify({ file: r.file, diagnostics: r.diagnostics });

/** Property 3: the server's incremental parse, from `before`, agrees with a fresh parse of `after`. */
export function checkIncremental(uri: string, before: string, after: string): void {
  // keyed apart from the compiles' documents, and from a full parse of `before` (so a failure replays)
  const key = `fuzz-incremental/${uri}`;
  forgetParse(key);
  for (const text of [before, after]) {
    const incremental = noThrow('incremental parse', () => parseIncrementally(text, key));
    const fresh = noThrow('parse', () => parse(text, key));
    check(astOf(incremental) === astOf(fresh), 'incremental-equals-full', () => `the incremental parse of the ${text === before ? 'text' : 'edited text'} differs from a fresh parse`);
  }
}

const comments = (text: string) => lex(text, 'c.icx').comments.map((c) => c.image.trimEnd());
const codes = (ds: readonly Diagnostic[], uri: string) => ds.filter((d) => d.uri === uri).map((d) => `${d.severity} ${d.code}`).sort();
const withoutRanges = (v: unknown) => JSON.stringify(v, (k, x: unknown) => (k === 'range' ? undefined : x));

/** Property 4 on one file (compiled alone with `host`); returns whether the file formatted. */
export function checkFormat(file: SourceFile, host: CompileHost): boolean {
  const first = noThrow('format', () => format(file.text, file.uri));
  const parsed = noThrow('parse', () => parse(file.text, file.uri));
  const syntaxOk = !parsed.diagnostics.some((d) => d.severity === 'error');
  check(!first.diagnostics.some((d) => d.message.includes('formatter failed')), 'format-no-failure', () => first.diagnostics.map((d) => d.message).join('; '));
  check((first.text !== null) === syntaxOk, 'format-when-parsed', () => `parse errors: ${!syntaxOk}, formatted: ${first.text !== null}`);
  if (first.text === null) return false;
  const formatted = first.text;
  const second = noThrow('format', () => format(formatted, file.uri));
  check(second.text === formatted, 'format-idempotent', () => `formatting twice changes the text:\n${firstDifference(formatted, second.text ?? '<null>')}`);
  check(JSON.stringify(comments(formatted)) === JSON.stringify(comments(file.text)), 'format-keeps-comments', () => `before ${JSON.stringify(comments(file.text))}\nafter  ${JSON.stringify(comments(formatted))}`);
  const reparsed = parse(formatted, file.uri);
  check(codes(reparsed.diagnostics, file.uri).join() === codes(parsed.diagnostics, file.uri).join(), 'format-no-new-syntax-diagnostic', () => reparsed.diagnostics.map((d) => d.message).join('; '));
  check(withoutRanges(reparsed.file) === withoutRanges(parsed.file), 'format-keeps-ast', () => 'the formatted text parses to another AST');
  const before = compile([file], host, { diagnosticsOnly: true }).diagnostics;
  const after = compile([{ uri: file.uri, text: formatted }], host, { diagnosticsOnly: true }).diagnostics;
  check(codes(after, file.uri).join() === codes(before, file.uri).join(), 'format-no-new-diagnostic', () => `before: ${codes(before, file.uri).join(', ')}\nafter:  ${codes(after, file.uri).join(', ')}`);
  return true;
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at offset ${i}:\n  ${JSON.stringify(a.slice(Math.max(0, i - 60), i + 60))}\n  ${JSON.stringify(b.slice(Math.max(0, i - 60), i + 60))}`;
}

interface LspRange { start: { line: number; character: number }; end: { line: number; character: number } }
function lspRange(r: LspRange, what: string): void {
  const ok = (p: { line: number; character: number }) => Number.isInteger(p.line) && p.line >= 0 && Number.isInteger(p.character) && p.character >= 0;
  check(ok(r.start) && ok(r.end) && (r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character)), 'lsp-range', () => `${what}: ${JSON.stringify(r)}`);
}
function place(p: { uri: string; start: number; end: number }, textOf: (uri: string) => string | undefined, what: string): void {
  const t = textOf(p.uri);
  check(t !== undefined && 0 <= p.start && p.start <= p.end && p.end <= t.length, 'lsp-place', () => `${what}: ${JSON.stringify(p)} in a text of ${t?.length} characters`);
}

/**
 * Property 5: the context the server builds (every file, the server's compile), then every
 * feature at every offset given, on the file `uri`.
 */
export function checkLsp(files: readonly SourceFile[], uri: string, offsets: readonly number[], host: CompileHost, lspCompile?: CompileResult): void {
  const text = files.find((f) => f.uri === uri)!.text;
  const positions = new DocumentPositions(text);
  const compiled = lspCompile ?? noThrow('compile (LSP)', () => compile([...files], host, { parse: parseIncrementally, diagnosticsOnly: true }));
  const ctx: FeatureContext = { uri, text, positions, files, compiled, host };
  const texts = new Map(files.map((f) => [f.uri, f.text]));
  const textOf = (u: string) => texts.get(u) ?? host.readFile(u);
  noThrow('lsp diagnostics', () => {
    for (const list of diagnosticsByUri(compiled.diagnostics).values()) for (const d of list) lspRange(d.range, 'diagnostic');
  });
  noThrow('lsp whole-document features', () => {
    for (const e of formatDocument(text, uri, positions)) lspRange(e.range, 'formatting edit');
    const walk = (ss: ReturnType<typeof documentSymbols>): void => {
      for (const s of ss) {
        lspRange(s.range, 'symbol');
        lspRange(s.selectionRange, 'symbol selection');
        check(s.name.length > 0, 'lsp-symbol-name', () => JSON.stringify(s));
        walk(s.children ?? []);
      }
    };
    walk(documentSymbols(text, uri));
    workspaceSymbols(files, '', (u) => u);
    workspaceSymbols(files, 'a', (u) => u);
    for (const f of foldingRanges(text, uri)) check(f.startLine >= 0 && f.startLine <= f.endLine, 'lsp-folding', () => JSON.stringify(f));
    const { data } = semanticTokens(text, uri);
    check(data.length % 5 === 0 && data.every((n) => Number.isInteger(n) && n >= 0), 'lsp-semantic-tokens', () => 'malformed token data');
    for (const l of codeLens(ctx)) check(0 <= l.offset && l.offset <= l.end && l.end <= text.length, 'lsp-code-lens', () => JSON.stringify(l));
    for (const h of inlayHints(ctx)) check(0 <= h.offset && h.offset <= text.length, 'lsp-inlay-hint', () => JSON.stringify(h));
  });
  const ds = compiled.diagnostics.filter((d) => d.uri === uri).map((d) => ({ code: d.code, start: d.range.start.offset, end: d.range.end.offset }));
  for (const offset of offsets) {
    const at = `at offset ${offset}`;
    noThrow(`lsp features ${at}`, () => {
      completion(ctx, offset);
      hover(ctx, offset);
      for (const p of definition(ctx, offset)) place(p, textOf, `definition ${at}`);
      for (const p of references(ctx, offset, true)) place(p, textOf, `references ${at}`);
      const target = prepareRename(ctx, offset);
      if (target) {
        place(target, textOf, `prepareRename ${at}`);
        const r = rename(ctx, offset, 'RENAMED-1');
        if ('edits' in r) for (const e of r.edits) place(e.place, textOf, `rename ${at}`);
      }
      const range = { start: offset, end: Math.min(text.length, offset + 40) };
      for (const a of codeActions(ctx, ds, range)) for (const e of a.edits) place(e.place, textOf, `code action ${at}`);
      const p = positions.positionAt(offset);
      for (const e of formatRange(text, uri, positions, { start: p, end: positions.positionAt(range.end) })) lspRange(e.range, `range formatting ${at}`);
    });
  }
}
