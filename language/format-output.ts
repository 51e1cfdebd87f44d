// The formatter's output buffer and the rendering of one logical line (an item) from its
// tokens: canonical spacing, column alignment, and the comments that sit on or inside it.
import type { IToken } from 'chevrotain';

const INDENT = '  ';

/** Lines of output; blank lines are requested, then collapsed and dropped after `{`. */
export class Output {
  private readonly lines: string[] = [];
  private pendingBlank = false;
  private afterOpen = false;

  blank(): void {
    this.pendingBlank = true;
  }

  line(depth: number, text: string): void {
    if (this.pendingBlank && !this.afterOpen && this.lines.length > 0) this.lines.push('');
    this.pendingBlank = false;
    this.afterOpen = false;
    this.lines.push((INDENT.repeat(depth) + text).replace(/\s+$/, ''));
  }

  /** After a line ending in `{`: no blank line directly inside a block. */
  opened(): void {
    this.afterOpen = true;
    this.pendingBlank = false;
  }

  /** Before a `}`: no blank line at the end of a block. */
  closing(): void {
    this.pendingBlank = false;
  }

  text(): string {
    return this.lines.length === 0 ? '' : `${this.lines.join('\n')}\n`;
  }
}

/** Where the comments of the file attach, by token index. */
export interface CommentPlacement {
  /** `// ...` after token i on the same source line */
  trailing: Map<number, IToken>;
  /** comments on their own lines, before token i (i = tokens.length: after the last token) */
  before: Map<number, IToken[]>;
}

export function placeComments(tokens: IToken[], comments: IToken[]): CommentPlacement {
  const trailing = new Map<number, IToken>();
  const before = new Map<number, IToken[]>();
  let i = 0;
  for (const c of comments) {
    while (i < tokens.length && tokens[i]!.startOffset < c.startOffset) i++;
    const previous = tokens[i - 1];
    if (previous !== undefined && previous.endLine === c.startLine) trailing.set(i - 1, c);
    else before.set(i, [...(before.get(i) ?? []), c]);
  }
  return { trailing, before };
}

/** True when the source has an empty line right before `offset` (only whitespace between). */
export function blankLineBefore(text: string, offset: number): boolean {
  let newlines = 0;
  for (let i = offset - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === '\n') newlines++;
    else if (ch !== ' ' && ch !== '\t' && ch !== '\r') break;
  }
  return newlines >= 2;
}

export interface LineSpec {
  first: number;
  last: number;
  /** token index → the column (from the line's indentation) it must start at (alignment) */
  columns?: Map<number, number>;
  /** tokens preceded by two spaces: the start of a band price, a `from`, a party attribute */
  wide?: Set<number>;
}

export class LineWriter {
  constructor(
    private readonly tokens: IToken[],
    private readonly comments: CommentPlacement,
    private readonly text: string,
    readonly out: Output,
  ) {}

  /** Own-line comments before token `index`, at `depth`, keeping the user's blank lines. */
  commentsBefore(index: number, depth: number): void {
    for (const c of this.comments.before.get(index) ?? []) {
      if (blankLineBefore(this.text, c.startOffset)) this.out.blank();
      this.out.line(depth, c.image.replace(/\s+$/, ''));
    }
    const t = this.tokens[index];
    if (t !== undefined && blankLineBefore(this.text, t.startOffset)) this.out.blank();
  }

  /** One item on one line (broken only where a comment sits inside it). */
  write(spec: LineSpec, depth: number, leadingComments = true): void {
    if (leadingComments) this.commentsBefore(spec.first, depth);
    let buf = '';
    let lineDepth = depth;
    const flush = (suffix = ''): void => {
      this.out.line(lineDepth, buf + suffix);
      buf = '';
      lineDepth = depth + 2;
    };
    for (let i = spec.first; i <= spec.last; i++) {
      const t = this.tokens[i]!;
      if (i > spec.first) {
        const inner = this.comments.before.get(i);
        if (inner !== undefined && inner.length > 0) {
          if (buf !== '') flush();
          for (const c of inner) this.out.line(depth + 2, c.image.replace(/\s+$/, ''));
        }
        if (buf !== '') buf += this.gap(buf, i, spec);
      }
      buf += t.image;
      const trailing = this.comments.trailing.get(i);
      if (trailing !== undefined) {
        if (i === spec.last) {
          buf += `  ${trailing.image.replace(/\s+$/, '')}`;
        } else {
          flush(`  ${trailing.image.replace(/\s+$/, '')}`);
        }
      }
    }
    if (buf !== '') flush();
  }

  private gap(buf: string, i: number, spec: LineSpec): string {
    const column = spec.columns?.get(i);
    if (column !== undefined) return ' '.repeat(Math.max(column - buf.length, 1));
    if (spec.wide?.has(i)) return '  ';
    const previous = this.tokens[i - 1]!.tokenType.name;
    const current = this.tokens[i]!.tokenType.name;
    if (previous === 'Slash' || current === 'Slash' || current === 'Comma') return '';
    if (previous === 'Minus') return ''; // `-12.30 EUR`
    return ' ';
  }
}
