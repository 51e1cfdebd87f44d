// Turns text into tokens. Never stops at a bad character: each run of characters no token
// matches becomes one ICX1001 diagnostic and lexing goes on, so the parser still sees the
// rest of the file.
import { Lexer, type IToken } from 'chevrotain';
import type { Diagnostic } from './diagnostic.js';
import { diagnostic } from './diagnostic-codes.js';
import { LineIndex } from './positions.js';
import { allTokens, DateTime, DateTok, MalformedLiteral, StringLit, TimeRange, UnterminatedString } from './tokens.js';

export interface LexResult {
  /** tokens the parser reads (no comments, no whitespace) */
  tokens: IToken[];
  comments: IToken[];
  diagnostics: Diagnostic[];
  lines: LineIndex;
}

const lexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false });

export function lex(text: string, uri: string): LexResult {
  const lines = new LineIndex(text);
  const result = lexer.tokenize(text);
  const diagnostics: Diagnostic[] = result.errors.map((e) => {
    const bad = text.slice(e.offset, e.offset + e.length);
    const shown = bad.length > 20 ? `${bad.slice(0, 20)}…` : bad;
    return diagnostic('ICX1001', `unexpected character${e.length > 1 ? 's' : ''} \`${shown}\``, uri, lines.range(e.offset, e.offset + e.length));
  });
  for (const token of result.tokens) {
    if (token.tokenType === UnterminatedString) {
      diagnostics.push(diagnostic('ICX1003', 'this string has no closing `"` on its line', uri, tokenRange(lines, token)));
      // The parser sees a string, so one missing quote costs one diagnostic, not a cascade.
      token.tokenType = StringLit;
      token.tokenTypeIdx = StringLit.tokenTypeIdx!;
    }
    if (token.tokenType === MalformedLiteral) {
      const meant = token.image.includes('T') ? DateTime : token.image.includes(':') ? TimeRange : DateTok;
      const example = meant === DateTime ? '`2026-03-02T10:00:00`' : meant === TimeRange ? '`08:00-20:00`' : '`2026-01-31`';
      const what = meant === DateTime ? 'date and time' : meant === TimeRange ? 'time range' : 'date';
      diagnostics.push(diagnostic('ICX1004', `malformed ${what} \`${token.image}\`: write it like ${example}`, uri, tokenRange(lines, token)));
      token.tokenType = meant;
      token.tokenTypeIdx = meant.tokenTypeIdx!;
    }
    if (token.tokenType === StringLit) {
      // Escapes come in pairs (`\\` then a space is fine), so scan them in order.
      const bad = [...token.image.matchAll(/\\(.?)/g)].find((m) => m[1] !== '"' && m[1] !== '\\' && m[1] !== '');
      if (bad !== undefined) {
        const at = token.startOffset + bad.index;
        diagnostics.push(diagnostic('ICX1004', `unknown escape \`${bad[0]}\` in a string: only \\" and \\\\ are allowed`, uri, lines.range(at, at + 2)));
      }
    }
  }
  const comments = (result.groups['comments'] ?? []) as IToken[];
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { tokens: result.tokens, comments, diagnostics, lines };
}

/** The range of a token; an inserted or EOF token (offset -1/NaN) yields an empty range at `fallbackOffset`. */
export function tokenRange(lines: LineIndex, token: IToken, fallbackOffset = 0) {
  if (!isRealToken(token)) return lines.range(fallbackOffset, fallbackOffset);
  return lines.range(token.startOffset, token.startOffset + token.image.length);
}

export function isRealToken(token: IToken | undefined): token is IToken {
  return token !== undefined && token.isInsertedInRecovery !== true && Number.isFinite(token.startOffset) && token.startOffset >= 0 && token.tokenType.name !== 'EOF';
}
