// Compiler ranges of a recovered parse can hold inserted tokens (offset -1, NaN columns):
// LSP clients reject such ranges, so every range sent goes through here.
import type { Range as IcxRange } from '../../language/ast.js';
import type { Position, Range } from 'vscode-languageserver';
import { toLspRange } from '../positions.js';

function clean(p: Position): Position {
  const line = Number.isFinite(p.line) ? p.line : 0;
  const character = Number.isFinite(p.character) ? p.character : 0;
  return { line, character };
}

export function safeRange(r: IcxRange): Range {
  const lsp = toLspRange(r);
  const start = clean(lsp.start);
  let end = clean(lsp.end);
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) end = start;
  return { start, end };
}

export function contains(outer: Range, inner: Range): boolean {
  const le = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}
