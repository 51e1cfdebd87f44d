// Safe reading of a (possibly recovered, partial) CST. Chevrotain leaves optional children
// out entirely, and recovery can insert tokens that never were in the text (offset -1/NaN):
// every accessor here returns undefined for those instead of throwing.
import type { CstElement, CstNode, IToken } from 'chevrotain';
import { isRealToken } from './lexer.js';

export function isCstNode(e: CstElement): e is CstNode {
  return (e as CstNode).children !== undefined;
}

/** The i-th real token under `key`. */
export function tokenAt(node: CstNode | undefined, key: string, i = 0): IToken | undefined {
  const found = tokensOf(node, key)[i];
  return found;
}

/** Every real token under `key`, in source order. */
export function tokensOf(node: CstNode | undefined, key: string): IToken[] {
  const list = node?.children[key] ?? [];
  return list.filter((e): e is IToken => !isCstNode(e) && isRealToken(e)).sort((a, b) => a.startOffset - b.startOffset);
}

export function nodeAt(node: CstNode | undefined, key: string, i = 0): CstNode | undefined {
  return nodesOf(node, key)[i];
}

export function nodesOf(node: CstNode | undefined, key: string): CstNode[] {
  return (node?.children[key] ?? []).filter(isCstNode);
}

/** The first child node of any rule (for `OR` rules like agreementItem). */
export function onlyChildNode(node: CstNode | undefined): CstNode | undefined {
  if (node === undefined) return undefined;
  for (const list of Object.values(node.children)) for (const e of list) if (isCstNode(e)) return e;
  return undefined;
}

/** Every real token in the subtree, in source order. */
export function allTokens(node: CstNode | undefined): IToken[] {
  const out: IToken[] = [];
  const walk = (n: CstNode): void => {
    for (const list of Object.values(n.children)) {
      for (const e of list) {
        if (isCstNode(e)) walk(e);
        else if (isRealToken(e)) out.push(e);
      }
    }
  };
  if (node !== undefined) walk(node);
  return out.sort((a, b) => a.startOffset - b.startOffset);
}

/** The memo of boundaryTokens, kept on the node itself: a WeakMap keyed by every CST node was
 *  slow to fill and to collect on large files. */
const BOUNDARY = Symbol('boundaryTokens');
type Memo = { [BOUNDARY]?: [IToken, IToken] | null };

/** The first and last real tokens of the subtree. Memoised per node: the builder and the
 *  formatter ask for the span of every node, and a block can hold tens of thousands of lines. */
export function boundaryTokens(node: CstNode | undefined): [IToken, IToken] | undefined {
  if (node === undefined) return undefined;
  const known = (node as Memo)[BOUNDARY];
  if (known !== undefined) return known ?? undefined;
  let first: IToken | undefined;
  let last: IToken | undefined;
  // No closures here: tsx wraps every closure it creates in a naming helper, which dominated
  // the profile on large files.
  for (const key in node.children) {
    for (const e of node.children[key]!) {
      let a: IToken | undefined;
      let b: IToken | undefined;
      if (isCstNode(e)) [a, b] = boundaryTokens(e) ?? [undefined, undefined];
      else if (isRealToken(e)) a = b = e;
      if (a === undefined || b === undefined) continue;
      if (first === undefined || a.startOffset < first.startOffset) first = a;
      if (last === undefined || b.startOffset > last.startOffset) last = b;
    }
  }
  const result: [IToken, IToken] | undefined = first === undefined || last === undefined ? undefined : [first, last];
  (node as Memo)[BOUNDARY] = result ?? null;
  return result;
}

/** [start, end) offsets of the real tokens in the subtree; undefined when it holds none. */
export function spanOf(node: CstNode | undefined): [number, number] | undefined {
  const b = boundaryTokens(node);
  return b === undefined ? undefined : [b[0].startOffset, b[1].startOffset + b[1].image.length];
}

/** Offset of the first real token in the subtree, or `fallback` when it holds none. */
export function startOf(node: CstNode | undefined, fallback: number): number {
  return spanOf(node)?.[0] ?? fallback;
}

/** The first real token under any of the keys. */
export function firstTokenOf(node: CstNode | undefined, keys: string[]): IToken | undefined {
  for (const k of keys) {
    const t = tokenAt(node, k);
    if (t !== undefined) return t;
  }
  return undefined;
}
