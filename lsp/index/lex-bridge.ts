// The language's lexer and service kinds, as completion needs them (tokens only, no diagnostics).
import type { IToken } from 'chevrotain';
import { lex as lexText } from '../../language/index.js';
import { SERVICE_KINDS } from '../../language/ast.js';

export const SERVICE_KINDS_LIST: readonly string[] = SERVICE_KINDS;

export function lex(text: string): IToken[] {
  return lexText(text, '').tokens;
}
