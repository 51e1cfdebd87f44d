// The language entry point: text → AST + every syntax diagnostic. Never throws.
import type { CstNode, IRecognitionException, IToken } from 'chevrotain';
import type { AgreementFile, Range } from './ast.js';
import { buildAst } from './ast-builder.js';
import type { Diagnostic } from './diagnostic.js';
import { diagnostic } from './diagnostic-codes.js';
import { allTokens, nodesOf, tokensOf } from './cst-util.js';
import { isRealToken, lex, tokenRange, type LexResult } from './lexer.js';
import { parser } from './parser.js';

export interface ParseResult {
  file: AgreementFile;
  diagnostics: Diagnostic[];
}

/** Everything a parse produced, for tools that need tokens or the CST (formatter, language server). */
export interface ParseDetail extends ParseResult {
  lexed: LexResult;
  cst: CstNode | undefined;
}

export function parse(text: string, uri: string): ParseResult {
  const { file, diagnostics } = parseDetailed(text, uri);
  return { file, diagnostics };
}

export function parseDetailed(text: string, uri: string): ParseDetail {
  const lexed = lex(text, uri);
  let cst: CstNode | undefined;
  let syntax: Diagnostic[];
  try {
    cst = parser.parseFile(lexed.tokens);
    syntax = [...parser.errors.map((e) => toDiagnostic(e, lexed, uri, text.length)), ...strays(cst, lexed, uri)];
  } catch (error) {
    // Chevrotain recovers from syntax errors itself; this is the last line of defence against a
    // bug in a grammar action, so no input can ever surface a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    syntax = [diagnostic('ICX1002', `the parser failed: ${message}`, uri, lexed.lines.range(0, 0))];
  }
  let file: AgreementFile;
  try {
    file = buildAst(cst, lexed, uri);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    syntax.push(diagnostic('ICX1002', `could not build the syntax tree: ${message}`, uri, lexed.lines.range(0, 0)));
    file = { uri, agreements: [], comments: [] };
  }
  const diagnostics = combineDiagnostics(lexed.diagnostics, syntax);
  return { file, diagnostics, lexed, cst };
}

/** Items and `}` the grammar accepts outside an agreement only so that parsing goes on. */
function strays(cst: CstNode | undefined, lexed: LexResult, uri: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const item of nodesOf(cst, 'strayItem')) {
    const first = allTokens(item)[0];
    if (first === undefined) continue;
    out.push(diagnostic('ICX1002', `\`${first.image}\` is outside any agreement: is a \`}\` above closing the agreement too early?`, uri, tokenRange(lexed.lines, first)));
  }
  for (const close of tokensOf(cst, 'strayClose')) {
    out.push(diagnostic('ICX1002', 'unexpected `}`: no block is open here', uri, tokenRange(lexed.lines, close)));
  }
  return out;
}

/** Lexer and parser diagnostics together, in text order. A bad token already reported by the
 *  lexer needs no second, vaguer parser message. */
export function combineDiagnostics(lexical: Diagnostic[], syntax: Diagnostic[]): Diagnostic[] {
  const lexedAt = new Set(lexical.map((d) => d.range.start.offset));
  return dedupe([...lexical, ...syntax.filter((d) => !lexedAt.has(d.range.start.offset))]).sort((a, b) => a.range.start.offset - b.range.start.offset);
}

/** Parser errors as diagnostics, without duplicates, in text order (for incremental-errors.ts,
 *  which re-parses part of a file and must report what a full parse would). */
export function syntaxDiagnostics(errors: IRecognitionException[], lexed: Pick<LexResult, 'lines' | 'tokens'>, uri: string, textLength: number): Diagnostic[] {
  return dedupe(errors.map((e) => toDiagnostic(e, lexed, uri, textLength))).sort((a, b) => a.range.start.offset - b.range.start.offset);
}

function toDiagnostic(e: IRecognitionException, lexed: Pick<LexResult, 'lines' | 'tokens'>, uri: string, textLength: number): Diagnostic {
  return diagnostic('ICX1002', e.message, uri, errorRange(e, lexed, textLength));
}

/** The offending token's range; at the end of the file (EOF has offset -1 or NaN), an empty
 *  range right after the last real token, where the missing text belongs. */
function errorRange(e: IRecognitionException, lexed: Pick<LexResult, 'lines' | 'tokens'>, textLength: number): Range {
  const t = e.token;
  if (isRealToken(t)) return lexed.lines.range(t.startOffset, t.startOffset + t.image.length);
  const previous = (e as { previousToken?: IToken }).previousToken;
  const anchor = isRealToken(previous) ? previous : lexed.tokens[lexed.tokens.length - 1];
  const at = anchor !== undefined ? anchor.startOffset + anchor.image.length : textLength;
  return lexed.lines.range(at, at);
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.code}:${d.range.start.offset}:${d.range.end.offset}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
