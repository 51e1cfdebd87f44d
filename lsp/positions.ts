// Between the compiler's positions (1-based line and column, UTF-16 columns, with offsets) and
// LSP positions (0-based line and character, UTF-16): one place for the off-by-one.
import type { Position as IcxPosition, Range as IcxRange } from '../language/ast.js';
import { LineIndex } from '../language/positions.js';
import type { Position, Range } from 'vscode-languageserver';

export function toLspPosition(p: IcxPosition): Position {
  // Chevrotain gives inserted (recovery) tokens offset -1: clamp so no range starts before 0.
  return { line: Math.max(0, p.line - 1), character: Math.max(0, p.column - 1) };
}

export function toLspRange(r: IcxRange): Range {
  return { start: toLspPosition(r.start), end: toLspPosition(r.end) };
}

/** Offsets ↔ LSP positions of one document text. */
export class DocumentPositions {
  private readonly index: LineIndex;
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    this.index = new LineIndex(text);
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  offsetAt(p: Position): number {
    const line = Math.max(0, Math.min(p.line, this.lineStarts.length - 1));
    const start = this.lineStarts[line]!;
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! - 1 : this.text.length;
    return Math.max(start, Math.min(start + Math.max(0, p.character), next));
  }

  positionAt(offset: number): Position {
    return toLspPosition(this.index.position(offset));
  }

  rangeOf(start: number, end: number): Range {
    return toLspRange(this.index.range(start, end));
  }
}
