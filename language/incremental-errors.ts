// The incremental re-parse of lines that have a syntax error (incremental.ts hands them here).
// Chevrotain's error recovery depends on the rules being parsed around the error (what may
// follow them), so the lines cannot be parsed alone: they are parsed as a small document made
// of the real headers of their enclosing blocks (`agreement X {`, `service … {`), the lines,
// the next few items of the block, and the blocks' real closing braces. The answer is taken
// only when that document shows the parser back in step by the next item: no stray or extra
// structure, the following items read exactly as before, every error at or before the first
// token after the lines. From there on a full parse would do what the previous parse did.
import type { CstNode, IRecognitionException, IToken } from 'chevrotain';
import type { Node } from './ast.js';
import { nodesOf, onlyChildNode, spanOf, tokensOf } from './cst-util.js';
import type { Diagnostic } from './diagnostic.js';
import { isRealToken, lex } from './lexer.js';
import { syntaxDiagnostics } from './parse.js';
import { parser, type ItemRule } from './parser.js';
import type { LineIndex } from './positions.js';

export interface RegionInContext {
  rule: ItemRule;
  /** the enclosing blocks, outermost first (the agreement, then a service or zones block) */
  ancestors: readonly Node[];
  /** the items after the re-parsed lines, as the previous parse read them (old offsets) */
  following: readonly Node[];
  /** the text before the edit is the same in both texts: headers are read from it */
  text: string;
  uri: string;
  /** new − old length: moves old offsets after the edit */
  delta: number;
  /** tokens of the lines and of `following`, at their places in the new text */
  tokens: IToken[];
  /** end of the re-parsed lines in the new text */
  end: number;
  lines: LineIndex;
}

/** The re-parsed items (their CST nodes) and the syntax diagnostics, or why not. */
export function parseInContext(r: RegionInContext): { items: CstNode[]; diagnostics: Diagnostic[] } | string {
  if (r.ancestors.length === 0) return 'no enclosing block';
  const headers: IToken[] = [];
  for (const a of r.ancestors) {
    const h = headerTokens(r, a);
    if (h === undefined) return 'a block header could not be read';
    headers.push(...h);
  }
  const closers: IToken[] = [];
  for (const a of [...r.ancestors].reverse()) {
    const at = a.range.end.offset - 1 + r.delta;
    if (r.text[at] !== '}') return 'a block does not end with `}`';
    closers.push(placed(lex('}', r.uri).tokens[0]!, at, r.lines));
  }
  const all = [...headers, ...r.tokens, ...closers];
  const cst = parser.parseFile(all);
  const errors = [...parser.errors];

  const items = itemsOf(cst, r.rule);
  if (items === undefined) return 'the lines changed the blocks around them';
  // Recovery may close the agreement on a `}` of the lines: the full parse then ends it there too,
  // which the previous range (kept and moved) would not say (found by the fuzzer).
  const agreementClose = tokensOf(nodesOf(cst, 'agreement')[0], 'RCurly')[0];
  if (agreementClose?.startOffset !== closers[closers.length - 1]!.startOffset) return 'the lines close the agreement';
  const spans = items.map((n) => spanOf(n));
  if (spans.some((s) => s === undefined)) return 'an item has no tokens';
  const inLines = items.filter((_, i) => spans[i]![0] < r.end);
  const after = spans.filter((s) => s![0] >= r.end);
  if (after.length !== r.following.length) return 'the items after the lines read differently';
  for (let i = 0; i < after.length; i++) {
    const was = r.following[i]!.range;
    if (after[i]![0] !== was.start.offset + r.delta || after[i]![1] !== was.end.offset + r.delta) return 'the items after the lines read differently';
  }
  const limit = r.following.length > 0 ? after[0]![0] : closers[0]!.startOffset;
  if (!errors.every((e) => isWithin(e, limit))) return 'an error after the lines';
  return { items: inLines, diagnostics: syntaxDiagnostics(errors, { lines: r.lines, tokens: all }, r.uri, r.text.length) };
}

function isWithin(e: IRecognitionException, limit: number): boolean {
  return e.name !== 'NotAllInputParsedException' && isRealToken(e.token) && e.token.startOffset <= limit;
}

/** The item nodes of the one block the small document must hold; undefined if it holds other things. */
function itemsOf(cst: CstNode, rule: ItemRule): CstNode[] | undefined {
  if (nodesOf(cst, 'strayItem').length > 0 || tokensOf(cst, 'strayClose').length > 0 || nodesOf(cst, 'partyDecl').length > 0) return undefined;
  const agreements = nodesOf(cst, 'agreement');
  if (agreements.length !== 1 || tokensOf(agreements[0], 'RCurly').length !== 1) return undefined;
  if (rule === 'agreementItem') return nodesOf(agreements[0], 'agreementItem');
  const blocks = nodesOf(agreements[0], 'agreementItem');
  if (blocks.length !== 1) return undefined;
  const block = onlyChildNode(blocks[0]);
  const expected = rule === 'serviceItem' ? 'serviceBlock' : rule === 'zoneDef' ? 'zonesBlock' : undefined;
  if (block === undefined || block.name !== expected || tokensOf(block, 'RCurly').length !== 1) return undefined;
  return nodesOf(block, rule);
}

/** The tokens of a block's header, up to its `{` (before the edit: old and new text agree). */
function headerTokens(r: RegionInContext, block: Node): IToken[] | undefined {
  const start = block.range.start.offset;
  const lexed = lex(r.text.slice(start, Math.min(start + 4000, r.end)), r.uri);
  const open = lexed.tokens.findIndex((t) => t.image === '{');
  if (open < 0) return undefined;
  return lexed.tokens.slice(0, open + 1).map((t) => placed(t, start, r.lines));
}

/** A token lexed from a slice, moved to `offset` in the whole text, lines and columns included. */
function placed(t: IToken, offset: number, lines: LineIndex): IToken {
  t.startOffset += offset;
  if (t.endOffset !== undefined) t.endOffset += offset;
  const s = lines.position(t.startOffset);
  const e = lines.position(t.endOffset ?? t.startOffset);
  t.startLine = s.line;
  t.startColumn = s.column;
  t.endLine = e.line;
  t.endColumn = e.column;
  return t;
}
