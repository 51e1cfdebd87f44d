// Incremental re-parse for the language server: after an edit inside one item (a rate line, a
// zone, a currency line…), lex and parse only that item and the one before it, and splice them
// into the previous AST, shifting the positions of everything after. A 10,000-line agreement
// then re-parses in a few milliseconds instead of ~200.
//
// The answer must be exactly what parse() would give, or nothing: `reparse` returns undefined
// (parse the whole text) whenever it cannot be sure — the previous parse had a diagnostic, the
// edit is not inside one item's lines, the item shares a line with something else, a comment
// is involved, or the new text does not lex and parse cleanly into the same number of items.
// The item before is re-parsed too, so that its end is decided with the edited item's new
// first tokens as lookahead, as the full parse would. language/incremental.test.ts compares
// the two on random edits of every example agreement.
import type { CstNode, IToken } from 'chevrotain';
import type { Agreement, AgreementFile, Comment, PartyDecl, AgreementItem, Node, Position, Range, ServiceBlock, ZoneDef, ZonesBlock } from './ast.js';
import { buildItem, buildZoneDef } from './ast-builder.js';
import { buildPartyDecl } from './ast-builder-parties.js';
import { buildServiceItem } from './ast-builder-service.js';
import { Literals } from './ast-literals.js';
import { onlyChildNode } from './cst-util.js';
import type { Diagnostic } from './diagnostic.js';
import { parseInContext } from './incremental-errors.js';
import { lex } from './lexer.js';
import { combineDiagnostics, type ParseResult } from './parse.js';
import { parser, type ItemRule } from './parser.js';
import { LineIndex, lineEnd, lineStart } from './positions.js';

export interface ParsedText {
  text: string;
  result: ParseResult;
}

/** Lines of following text lexed as lookahead for the last item's decisions (maxLookahead 3). */
const LOOKAHEAD_LINES = 3;

/** The new parse of `text`, reusing `previous` (a parse of an earlier text of the same file);
 *  undefined when only a full parse can tell. */
export function reparse(previous: ParsedText, text: string, uri: string): ParseResult | undefined {
  const r = tryReparse(previous, text, uri);
  return typeof r === 'string' ? undefined : r;
}

/** The new parse, or why only a full parse can tell (for tests and the benchmark). */
export function tryReparse(previous: ParsedText, text: string, uri: string): ParseResult | string {
  const old = previous.text;
  if (previous.result.diagnostics.length > 0) return 'the previous parse had diagnostics';
  const edit = changedSpan(old, text);
  if (edit === undefined) return previous.result;
  const why: string[] = [];
  for (const slot of slotsAround(previous.result.file, edit.start, edit.oldEnd)) {
    const result = reparseSlot(previous, text, uri, edit, slot);
    if (typeof result !== 'string') return result;
    why.push(`${slot.rule}: ${result}`);
    // the enclosing block would hit the same error: re-parsing it would only cost time
    if (result.startsWith(SYNTAX_ERROR)) break;
  }
  return why.length > 0 ? why.join('; ') : 'the edit is in no item';
}

interface Edit {
  /** first changed offset (same in both texts) */
  start: number;
  /** end of the changed part in the old text, exclusive */
  oldEnd: number;
  /** new length − old length */
  delta: number;
  /** new line count − old line count */
  lineDelta: number;
}

function changedSpan(old: string, text: string): Edit | undefined {
  if (old === text) return undefined;
  const max = Math.min(old.length, text.length);
  let start = 0;
  while (start < max && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && old.charCodeAt(old.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++;
  const oldEnd = old.length - tail;
  const newEnd = text.length - tail;
  return { start, oldEnd, delta: text.length - old.length, lineDelta: newlines(text, start, newEnd) - newlines(old, start, oldEnd) };
}

function newlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

/** An item in a block's list, and how to put a new list back into the file. */
interface Slot {
  rule: ItemRule;
  /** false when the item before ends with `}`, after which nothing can continue it */
  withPrevious: boolean;
  /** the blocks around the list, outermost first (for lines with a syntax error) */
  ancestors: Node[];
  list: readonly Node[];
  /** the file with `items` in place of `list`; `shift` moves nodes after the edit */
  rebuild(items: Node[], shift: Shift): AgreementFile;
  /** nodes of other lists that the re-parsed lines must not reach (they would be kept as they were) */
  others?: readonly Node[];
}

/** The item lists of the blocks around the edit, innermost first. */
function slotsAround(file: AgreementFile, start: number, end: number): Slot[] {
  const contains = (n: Node) => n.range.start.offset <= start && end <= n.range.end.offset;
  const ai = file.agreements.findIndex(contains);
  const agreement = file.agreements[ai];
  if (agreement === undefined) return partySlot(file);
  const withItems = (items: AgreementItem[], shift: Shift): AgreementFile => {
    const a: Agreement = { ...agreement, items, range: shift.around(agreement.range) };
    return { ...othersMoved(file, shift), agreements: file.agreements.map((x, i) => (i < ai ? x : i === ai ? a : shift.node(x))) };
  };
  const outer: Slot = {
    rule: 'agreementItem',
    withPrevious: true,
    ancestors: [agreement],
    list: agreement.items,
    rebuild: (items, shift) => withItems(items as AgreementItem[], shift),
  };
  const index = agreement.items.findIndex(contains);
  const item = agreement.items[index];
  if (item === undefined) return [outer];
  const inner = (rule: ItemRule, list: readonly Node[], replace: (items: Node[], shift: Shift) => AgreementItem): Slot => ({
    rule,
    withPrevious: true,
    ancestors: [agreement, item],
    list,
    rebuild: (items, shift) => withItems(agreement.items.map((x, i) => (i < index ? x : i === index ? replace(items, shift) : shift.node(x))), shift),
  });
  const slots: Slot[] = [];
  if (item.kind === 'service') {
    const s: ServiceBlock = item;
    slots.push(inner('serviceItem', s.items, (items, shift) => ({ ...s, items: items as ServiceBlock['items'], range: shift.around(s.range) })));
  } else if (item.kind === 'zones') {
    const z: ZonesBlock = item;
    slots.push(inner('zoneDef', z.zones, (items, shift) => ({ ...z, zones: items as ZoneDef[], range: shift.around(z.range) })));
  }
  return [...slots, outer];
}

/** The file with every top-level list (agreements, partner declarations, any kind added later)
 *  moved past the edit; the caller replaces the list it re-parsed. Comments are redone apart. */
function othersMoved(file: AgreementFile, shift: Shift): AgreementFile {
  const out: Record<string, unknown> = { ...file };
  for (const [key, value] of Object.entries(file)) {
    if (key !== 'comments' && Array.isArray(value)) out[key] = value.map((n: Node) => shift.nodeIfAfter(n));
  }
  return out as unknown as AgreementFile;
}

/** A partner or entity declared outside any agreement (partners.icx). */
function partySlot(file: AgreementFile): Slot[] {
  const decls = file.partyDecls ?? [];
  if (decls.length === 0) return [];
  return [
    {
      rule: 'partyDecl',
      withPrevious: false,
      ancestors: [],
      list: decls,
      rebuild: (items, shift) => ({ ...othersMoved(file, shift), partyDecls: items as PartyDecl[] }),
      // agreements and traffic tests between or after the declarations
      others: Object.entries(file).flatMap(([key, value]) => (key !== 'comments' && key !== 'partyDecls' && Array.isArray(value) ? (value as Node[]) : [])),
    },
  ];
}

/** The lines to re-parse in a block: every item the edit touches, from the line of the item
 *  before them (re-read for its lookahead) to the end of the edit's last line. */
interface Region {
  /** index of the first item re-parsed, and one past the last, in the old list */
  from: number;
  to: number;
  /** offsets in the old text: a line start, and a line end */
  start: number;
  end: number;
}

function regionOf(old: string, list: readonly Node[], edit: Edit, withPrevious: boolean): Region | string {
  if (list.length === 0) return 'an empty block';
  let first = list.findIndex((n) => lineEnd(old, n.range.end.offset) >= edit.start);
  if (first < 0) first = list.length - 1; // after the last item, before the block closes
  let last = first;
  while (last + 1 < list.length && lineStart(old, list[last + 1]!.range.start.offset) <= edit.oldEnd) last++;
  const from = withPrevious && first > 0 ? first - 1 : first;
  const start = lineStart(old, list[from]!.range.start.offset);
  const lastEnd = list[last]!.range.end.offset;
  const end = Math.max(lineEnd(old, lastEnd), lineEnd(old, edit.oldEnd));
  if (edit.start < start) return 'the edit is before the block\'s first item';
  if (!isBlank(old, start, list[from]!.range.start.offset)) return 'an item shares its first line';
  if (!onlyBlanksAndComments(old, lastEnd, end)) return 'an item shares its last line';
  return { from, to: last + 1, start, end };
}

const SYNTAX_ERROR = 'a syntax error';

/** Items after the lines that a re-parse with a syntax error reads again, and their size limit
 *  (the next agreement item may be a 5,000-line service: then parse in full). */
const FOLLOWING_ITEMS = 3;
const MAX_FOLLOWING_CHARS = 4000;

/** Items a block may gain in one edit (a pasted list of rate lines). */
const MAX_NEW_ITEMS = 500;

function reparseSlot(previous: ParsedText, text: string, uri: string, edit: Edit, slot: Slot): ParseResult | string {
  const old = previous.text;
  const region = regionOf(old, slot.list, edit, slot.withPrevious);
  if (typeof region === 'string') return region;
  const { start: regionStart, end: regionEnd } = region;
  if (slot.others?.some((n) => n.range.start.offset < regionEnd && n.range.end.offset > regionStart)) return 'the lines reach another kind of top-level item';

  const newRegionEnd = regionEnd + edit.delta;
  // the items after the lines: read again only if the lines have a syntax error
  const following: Node[] = [];
  for (const n of slot.list.slice(region.to, region.to + FOLLOWING_ITEMS)) {
    if (lineEnd(old, n.range.end.offset) - regionEnd > MAX_FOLLOWING_CHARS) break;
    following.push(n);
  }
  const followingEnd = following.length > 0 ? lineEnd(old, following[following.length - 1]!.range.end.offset) + edit.delta : newRegionEnd;
  let tailEnd = newRegionEnd;
  for (let i = 0; i < LOOKAHEAD_LINES && tailEnd < text.length; i++) tailEnd = lineEnd(text, tailEnd + 1);
  tailEnd = Math.max(tailEnd, followingEnd);
  const lexed = lex(text.slice(regionStart, tailEnd), uri);
  const regionLength = newRegionEnd - regionStart;
  // strings and every other token end on their line, so lexing the lines alone finds what lexing
  // the whole text finds there (the text after them lexed clean before and is unchanged)
  if (lexed.diagnostics.some((d) => d.range.start.offset >= regionLength)) return 'a lexical error after the lines';
  const inRegion = lexed.tokens.filter((t) => t.startOffset < regionLength).length;
  if (inRegion === 0) return 'no tokens left';
  const lineBase = lineOf(old, regionStart) - 1;
  const tokens = lexed.tokens.map((t) => moved(t, regionStart, lineBase));
  const lines = new LineIndex(text);
  const lexical = lexed.diagnostics.map((d) => ({ ...d, range: lines.range(d.range.start.offset + regionStart, d.range.end.offset + regionStart) }));

  let items: CstNode[];
  let diagnostics: Diagnostic[] = [];
  const parsed = parser.parseItems(slot.rule, tokens, inRegion, region.to - region.from + MAX_NEW_ITEMS);
  if (parsed.errors > 0) {
    if (following.length < Math.min(FOLLOWING_ITEMS, slot.list.length - region.to)) return `${SYNTAX_ERROR}: the items after the lines are too long to read again`;
    const inContext = parseInContext({
      rule: slot.rule,
      ancestors: slot.ancestors,
      following,
      text,
      uri,
      delta: edit.delta,
      tokens: tokens.filter((t) => t.startOffset < followingEnd),
      end: newRegionEnd,
      lines,
    });
    if (typeof inContext === 'string') return `${SYNTAX_ERROR}: ${inContext}`;
    items = inContext.items;
    diagnostics = inContext.diagnostics;
  } else {
    if (parsed.items.length === 0 || parsed.ends[parsed.ends.length - 1] !== inRegion) return 'the lines do not hold whole items';
    items = parsed.items;
  }

  const lit = new Literals(lines);
  // a recovered item may build to nothing: the full parse leaves it out too
  const built = items.map((cst) => build(slot.rule, cst, lit, regionStart)).filter((n): n is Node => n !== undefined);
  if (built.length === 0 && diagnostics.length === 0 && lexical.length === 0) return 'no item built';
  const shift = new Shift(regionEnd, edit.delta, edit.lineDelta);
  const list = [...slot.list.slice(0, region.from), ...built, ...slot.list.slice(region.to).map((n) => shift.node(n))];
  // The parser skips comments, so they only need their own list brought up to date.
  const regionComments: Comment[] = lexed.comments
    .filter((c) => c.startOffset < regionLength)
    .map((c) => moved(c, regionStart, lineBase))
    .map((c) => ({ text: c.image.replace(/\s+$/, ''), range: lit.tokenRange(c, 0) }));
  const file = slot.rebuild(list, shift);
  const comments = previous.result.file.comments;
  return {
    file: {
      ...file,
      comments: [
        ...comments.filter((c) => c.range.end.offset <= regionStart),
        ...regionComments,
        ...comments.filter((c) => c.range.start.offset >= regionEnd).map((c) => shift.node(c)),
      ],
    },
    diagnostics: combineDiagnostics(lexical, diagnostics),
  };
}

function build(rule: ItemRule, cst: CstNode, lit: Literals, fallback: number): Node | undefined {
  switch (rule) {
    case 'agreementItem':
      return buildItem(onlyChildNode(cst), lit);
    case 'serviceItem':
      return buildServiceItem(onlyChildNode(cst), lit);
    case 'zoneDef':
      return buildZoneDef(cst, lit, fallback);
    case 'partyDecl':
      return buildPartyDecl(cst, lit);
  }
}

/** A token lexed from a slice starting at a line start, moved to its place in the whole text
 *  (columns are unchanged because the slice starts a line). */
function moved(t: IToken, offset: number, lines: number): IToken {
  t.startOffset += offset;
  if (t.endOffset !== undefined) t.endOffset += offset;
  if (t.startLine !== undefined) t.startLine += lines;
  if (t.endLine !== undefined) t.endLine += lines;
  return t;
}

/**
 * Moves positions at or after the old end of the re-parsed lines by the edit's size. Those
 * positions are on later lines than the edit (the re-parsed region ends a line), so only
 * offsets and line numbers change, never columns. Copies: the previous AST stays valid.
 */
class Shift {
  constructor(
    private readonly from: number,
    private readonly delta: number,
    private readonly lineDelta: number,
  ) {}

  position(p: Position): Position {
    return p.offset < this.from ? p : { offset: p.offset + this.delta, line: p.line + this.lineDelta, column: p.column };
  }

  /** A range that starts before the edit and ends after it. */
  around(r: Range): Range {
    return { start: r.start, end: this.position(r.end) };
  }

  nodeIfAfter<T extends Node>(n: T): T {
    return n.range.start.offset < this.from ? n : this.node(n);
  }

  node<T>(n: T): T {
    return this.copy(n) as T;
  }

  private copy(v: unknown): unknown {
    if (typeof v !== 'object' || v === null) return v;
    if (Array.isArray(v)) return v.map((x) => this.copy(x));
    const o = v as Record<string, unknown>;
    if (typeof o['offset'] === 'number' && typeof o['line'] === 'number' && typeof o['column'] === 'number') return this.position(o as unknown as Position);
    const out: Record<string, unknown> = {};
    for (const key in o) out[key] = this.copy(o[key]);
    return out;
  }
}

function lineOf(s: string, offset: number): number {
  return newlines(s, 0, offset) + 1;
}

/** Only blanks, line breaks and `//` comments (which run to the end of their line). */
function onlyBlanksAndComments(s: string, from: number, to: number): boolean {
  let i = from;
  while (i < to) {
    const c = s.charCodeAt(i);
    if (isBlankChar(c) || c === 10) i++;
    else if (c === 47 && s.charCodeAt(i + 1) === 47) i = lineEnd(s, i);
    else return false;
  }
  return true;
}

function isBlankChar(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

function isBlank(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}
