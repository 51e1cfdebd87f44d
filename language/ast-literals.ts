// Literal and name nodes from tokens. A missing token (recovery could not find one) yields an
// empty value at the fallback position instead of throwing: the AST of a broken file is
// partial, never absent.
import type { CstNode, IToken } from 'chevrotain';
import type {
  DateLit, DateTimeLit, DurationLit, DurationUnit, MoneyLit, Name, NumberLit, PercentLit, PriceLit,
  QuantityLit, Range, StringLit, TimeRangeLit,
} from './ast.js';
import { spanOf, tokenAt } from './cst-util.js';
import type { LineIndex } from './positions.js';

export class Literals {
  constructor(readonly lines: LineIndex) {}

  tokenRange(t: IToken | undefined, fallback: number): Range {
    if (t === undefined) return this.lines.range(fallback, fallback);
    return this.lines.range(t.startOffset, t.startOffset + t.image.length);
  }

  /** Range of a CST node's real tokens; empty at `fallback` when it has none. */
  nodeRange(node: CstNode | undefined, fallback: number): Range {
    const span = spanOf(node);
    return span === undefined ? this.lines.range(fallback, fallback) : this.lines.range(span[0], span[1]);
  }

  /** The text of a `name` rule node (Identifier or a keyword used as a name). */
  name(node: CstNode | undefined, fallback: number): Name {
    const t = tokenAt(node, 'Identifier') ?? tokenAt(node, 'SoftKeyword') ?? firstKeyword(node);
    return this.nameFromToken(t, fallback);
  }

  nameFromToken(t: IToken | undefined, fallback: number): Name {
    return { text: t?.image ?? '', range: this.tokenRange(t, fallback) };
  }

  number(t: IToken | undefined, fallback: number): NumberLit {
    const text = t?.image ?? '';
    return { text, value: text.replace(/_/g, ''), range: this.tokenRange(t, fallback) };
  }

  duration(t: IToken | undefined, fallback: number): DurationLit {
    const text = t?.image ?? '';
    const m = /^(.*?)(ms|min|s|h)$/.exec(text);
    return {
      text,
      amount: (m?.[1] ?? '').replace(/_/g, ''),
      unit: (m?.[2] ?? 's') as DurationUnit,
      range: this.tokenRange(t, fallback),
    };
  }

  percent(t: IToken | undefined, fallback: number): PercentLit {
    const text = t?.image ?? '';
    return { text, value: text.replace(/%$/, '').replace(/_/g, ''), range: this.tokenRange(t, fallback) };
  }

  date(t: IToken | undefined, fallback: number): DateLit {
    return { text: t?.image ?? '', range: this.tokenRange(t, fallback) };
  }

  dateTime(t: IToken | undefined, fallback: number): DateTimeLit {
    return { text: t?.image ?? '', range: this.tokenRange(t, fallback) };
  }

  string(t: IToken | undefined, fallback: number): StringLit {
    const raw = t?.image ?? '';
    // An unterminated string (already reported by the lexer) has no closing quote to strip.
    const inner = raw.length >= 2 && raw.endsWith('"') && !raw.endsWith('\\"') ? raw.slice(1, -1) : raw.slice(1);
    return { value: inner.replace(/\\(["\\])/g, '$1'), range: this.tokenRange(t, fallback) };
  }

  timeRange(t: IToken | undefined, fallback: number): TimeRangeLit {
    const text = t?.image ?? '';
    const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(text);
    const minutes = (h: string | undefined, mm: string | undefined) => Number(h ?? 0) * 60 + Number(mm ?? 0);
    return {
      text,
      startMinute: m === null ? 0 : minutes(m[1], m[2]),
      endMinute: m === null ? 0 : minutes(m[3], m[4]),
      range: this.tokenRange(t, fallback),
    };
  }

  money(node: CstNode | undefined, fallback: number): MoneyLit {
    const amountTok = tokenAt(node, 'Number');
    const at = amountTok?.startOffset ?? fallback;
    return {
      amount: this.number(amountTok, at),
      currency: this.nameFromToken(tokenAt(node, 'currency'), at),
      range: this.nodeRange(node, fallback),
    };
  }

  price(node: CstNode | undefined, fallback: number): PriceLit {
    const amountTok = tokenAt(node, 'Number');
    const at = amountTok?.startOffset ?? fallback;
    return {
      amount: this.number(amountTok, at),
      currency: this.nameFromToken(tokenAt(node, 'currency'), at),
      per: this.nameFromToken(tokenAt(node, 'per'), at),
      ...(tokenAt(node, 'perPeriod') ? { perPeriod: this.nameFromToken(tokenAt(node, 'perPeriod'), at) } : {}),
      range: this.nodeRange(node, fallback),
    };
  }

  quantity(node: CstNode | undefined, fallback: number): QuantityLit {
    const amountTok = tokenAt(node, 'Number');
    const at = amountTok?.startOffset ?? fallback;
    return {
      amount: this.number(amountTok, at),
      unit: this.nameFromToken(tokenAt(node, 'unit'), at),
      per: this.nameFromToken(tokenAt(node, 'per'), at),
      ...(tokenAt(node, 'perPeriod') ? { perPeriod: this.nameFromToken(tokenAt(node, 'perPeriod'), at) } : {}),
      range: this.nodeRange(node, fallback),
    };
  }
}

function firstKeyword(node: CstNode | undefined): IToken | undefined {
  if (node === undefined) return undefined;
  for (const key of Object.keys(node.children)) {
    if (key.startsWith('Kw_')) {
      const t = tokenAt(node, key);
      if (t !== undefined) return t;
    }
  }
  return undefined;
}
