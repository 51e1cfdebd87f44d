// The canonical formatter (GRAMMAR.md "Canonical layout"). It re-emits the lexer's tokens with
// canonical whitespace; the CST only says where items and blocks begin and end. Working from
// tokens means every comment and every literal's text (`0.0100`, `1_000_000`) comes through
// untouched. A file with syntax errors is never formatted: the formatter does not guess.
import type { CstNode, IToken } from 'chevrotain';
import { allTokens as subtreeTokens, boundaryTokens, nodesOf, onlyChildNode, tokenAt, tokensOf } from './cst-util.js';
import type { Diagnostic } from './diagnostic.js';
import { hasErrors } from './diagnostic.js';
import { LineWriter, Output, placeComments, type LineSpec } from './format-output.js';
import { parseDetailed } from './parse.js';

export interface FormatResult {
  /** the formatted text; null when the file has syntax errors */
  text: string | null;
  diagnostics: Diagnostic[];
}

export function format(text: string, uri: string): FormatResult {
  const parsed = parseDetailed(text, uri);
  if (hasErrors(parsed.diagnostics) || parsed.cst === undefined) return { text: null, diagnostics: parsed.diagnostics };
  try {
    return { text: new Formatter(text, parsed.lexed.tokens, parsed.lexed.comments).file(parsed.cst), diagnostics: parsed.diagnostics };
  } catch (error) {
    // A formatter bug must not cost the user a stack trace (nor their file): report, keep the text.
    const message = error instanceof Error ? error.message : String(error);
    const d: Diagnostic = { code: 'ICX1002', severity: 'error', message: `the formatter failed: ${message}`, uri, range: parsed.file.agreements[0]?.range ?? { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } } };
    return { text: null, diagnostics: [...parsed.diagnostics, d] };
  }
}

const BLOCKS = new Set(['partiesBlock', 'interconnectBlock', 'holidaysBlock', 'timebandsBlock', 'zonesBlock', 'serviceBlock', 'testBlock', 'settlementBlock', 'discountBlock', 'commitmentBlock']);
/** Aligned columns are padded to the longest entry plus this. */
const COLUMN_GAP = 2;

class Formatter {
  private readonly index = new Map<IToken, number>();
  private readonly writer: LineWriter;
  private readonly out = new Output();

  constructor(text: string, private readonly tokens: IToken[], comments: IToken[]) {
    tokens.forEach((t, i) => this.index.set(t, i));
    this.writer = new LineWriter(tokens, placeComments(tokens, comments), text, this.out);
  }

  file(cst: CstNode): string {
    // Agreements and partner/entity declarations, in source order, a blank line between.
    const topLevel = [...nodesOf(cst, 'agreement'), ...nodesOf(cst, 'partyDecl'), ...nodesOf(cst, 'trafficTest')].sort((a, b) => this.firstIndex(a) - this.firstIndex(b));
    for (const node of topLevel) {
      this.out.blank();
      if (node.name === 'partyDecl') this.block(node, 0, () => this.plainLines(nodesOf(node, 'partyDeclItem'), 1));
      // a traffic test: its lines in source order, one per line
      else if (node.name === 'trafficTest') this.block(node, 0, () => this.plainLines([...nodesOf(node, 'trafficSource'), ...nodesOf(node, 'testPeriod'), ...nodesOf(node, 'trafficExpect')], 1));
      else this.agreement(node);
    }
    this.writer.commentsBefore(this.tokens.length, 0);
    return this.out.text();
  }

  private agreement(node: CstNode): void {
    let previous: string | undefined;
    this.block(node, 0, () => {
      for (const item of nodesOf(node, 'agreementItem')) {
        const inner = onlyChildNode(item);
        if (inner === undefined) continue;
        if (previous !== undefined && (BLOCKS.has(previous) || BLOCKS.has(inner.name))) this.out.blank();
        previous = inner.name;
        this.agreementItem(inner, 1);
      }
    });
  }

  private agreementItem(node: CstNode, depth: number): void {
    switch (node.name) {
      case 'partiesBlock':
        return this.block(node, depth, () => this.aligned(nodesOf(node, 'party'), depth + 1, partyCells, partyWide));
      case 'interconnectBlock':
        return this.block(node, depth, () => this.plainLines(nodesOf(node, 'icItem'), depth + 1));
      case 'holidaysBlock':
        return this.block(node, depth, () => {
          for (const d of tokensOf(node, 'Date')) this.writer.write(this.span(d, d), depth + 1);
        });
      case 'timebandsBlock':
        return this.block(node, depth, () => this.aligned(nodesOf(node, 'band'), depth + 1, (n) => [subtreeTokens(nodesOf(n, 'name')[0])]));
      case 'zonesBlock':
        return this.block(node, depth, () => this.aligned(nodesOf(node, 'zoneDef'), depth + 1, (n) => [subtreeTokens(nodesOf(n, 'name')[0])]));
      case 'serviceBlock':
        return this.block(node, depth, () => this.serviceItems(node, depth + 1));
      case 'testBlock':
        return this.block(node, depth, () => this.plainLines([...nodesOf(node, 'testPeriod'), ...nodesOf(node, 'testUsage'), ...nodesOf(node, 'testInput'), ...nodesOf(node, 'testExpect')], depth + 1));
      case 'settlementBlock':
        return this.block(node, depth, () => this.plainLines(nodesOf(node, 'settlementItem'), depth + 1));
      case 'discountBlock':
        return this.block(node, depth, () => this.plainLines([...nodesOf(node, 'tierStyle'), ...nodesOf(node, 'tierLine')], depth + 1));
      case 'commitmentBlock':
        return this.block(node, depth, () => this.plainLines([...nodesOf(node, 'commitsLine'), ...nodesOf(node, 'shortfallLine')], depth + 1));
      default:
        this.writer.write(this.nodeSpan(node), depth);
    }
  }

  /** Header line up to `{`, the body, then `}` on its own line. */
  private block(node: CstNode, depth: number, body: () => void): void {
    const open = tokenAt(node, 'LCurly');
    const close = tokenAt(node, 'RCurly');
    if (open === undefined || close === undefined) return this.writer.write(this.nodeSpan(node), depth);
    this.writer.write(this.span(boundaryTokens(node)![0], open), depth);
    this.out.opened();
    body();
    const closeIndex = this.index.get(close)!;
    this.writer.commentsBefore(closeIndex, depth + 1);
    this.out.closing();
    this.writer.write({ first: closeIndex, last: closeIndex }, depth, false);
  }

  private plainLines(nodes: CstNode[], depth: number): void {
    for (const n of nodes.sort((a, b) => this.firstIndex(a) - this.firstIndex(b))) this.writer.write(this.nodeSpan(n), depth);
  }

  private serviceItems(service: CstNode, depth: number): void {
    const items = nodesOf(service, 'serviceItem').map((n) => onlyChildNode(n)).filter((n): n is CstNode => n !== undefined);
    const rates = items.filter((n) => n.name === 'rateDecl');
    const zoneWidth = Math.max(0, ...rates.map((r) => this.width(rateZoneCell(r))));
    for (const item of items) {
      if (item.name !== 'rateDecl') {
        this.writer.write(this.nodeSpan(item), depth);
        continue;
      }
      const spec = this.nodeSpan(item);
      const rateWord = tokenAt(item, 'Kw_rate')!;
      const zone = rateZoneCell(item);
      const afterZone = this.index.get(zone[zone.length - 1]!)! + 1;
      // A lone rate line has nothing to line up with: single spaces, as in the agreements.
      if (rates.length > 1) spec.columns = new Map([[afterZone, rateWord.image.length + 1 + zoneWidth + COLUMN_GAP]]);
      spec.wide = new Set(
        [...nodesOf(item, 'bandPrice').slice(1).map((b) => this.firstIndex(b)), ...tokensOf(item, 'Kw_from').map((t) => this.index.get(t)!)],
      );
      this.writer.write(spec, depth);
    }
  }

  /** Lines whose leading cells line up in columns, each padded to its longest entry + 2. */
  private aligned(nodes: CstNode[], depth: number, cells: (n: CstNode) => IToken[][], wide?: (n: CstNode) => IToken[]): void {
    const rows = nodes.map((n) => ({ node: n, cells: cells(n) }));
    // A lone line has nothing to line up with.
    const columnCount = rows.length < 2 ? 0 : Math.max(0, ...rows.map((r) => r.cells.length));
    const widths: number[] = [];
    for (let c = 0; c < columnCount; c++) widths.push(Math.max(0, ...rows.map((r) => this.width(r.cells[c] ?? []))) + COLUMN_GAP);
    // Empty columns (no party has a legal name) take no room.
    const starts: number[] = [0];
    for (let c = 0; c < columnCount; c++) starts.push(starts[c]! + (widths[c]! > COLUMN_GAP ? widths[c]! : 0));
    for (const row of rows) {
      const spec = this.nodeSpan(row.node);
      spec.columns = new Map();
      // The first token after each cell starts at the next column; `rest` follows the last cell.
      let nextCellStart = 1;
      for (let c = 0; c < columnCount; c++) {
        const cell = row.cells[c] ?? [];
        const last = cell[cell.length - 1];
        if (last !== undefined) nextCellStart = this.index.get(last)! + 1;
        if (widths[c]! > COLUMN_GAP && nextCellStart <= spec.last) spec.columns.set(nextCellStart, starts[c + 1]!);
      }
      if (wide !== undefined) spec.wide = new Set(wide(row.node).map((t) => this.index.get(t)!));
      this.writer.write(spec, depth);
    }
  }

  private width(tokens: IToken[]): number {
    if (tokens.length === 0) return 0;
    let w = 0;
    tokens.forEach((t, i) => {
      const prev = tokens[i - 1];
      const tight = prev !== undefined && (prev.tokenType.name === 'Slash' || t.tokenType.name === 'Slash' || t.tokenType.name === 'Comma');
      w += t.image.length + (i > 0 && !tight ? 1 : 0);
    });
    return w;
  }

  private firstIndex(node: CstNode): number {
    const b = boundaryTokens(node);
    return b === undefined ? -1 : this.index.get(b[0])!;
  }

  private nodeSpan(node: CstNode): LineSpec {
    const [first, last] = boundaryTokens(node)!;
    return this.span(first, last);
  }

  private span(first: IToken, last: IToken): LineSpec {
    return { first: this.index.get(first)!, last: this.index.get(last)! };
  }
}

/** The zone column of a rate line: the zone, with its `origin OZONE`, or `calls CATEGORY`. */
function rateZoneCell(rate: CstNode): IToken[] {
  return [
    ...tokensOf(rate, 'Kw_calls'), ...subtreeTokens(nodesOf(rate, 'category')[0]),
    ...subtreeTokens(nodesOf(rate, 'zone')[0]), ...tokensOf(rate, 'Kw_origin'), ...subtreeTokens(nodesOf(rate, 'origin')[0]),
  ];
}

/** Party columns: role, name, legal name; the attributes follow. */
function partyCells(party: CstNode): IToken[][] {
  const role = [...tokensOf(party, 'Kw_us'), ...tokensOf(party, 'Kw_partner')];
  return [role, subtreeTokens(nodesOf(party, 'name')[0]), tokensOf(party, 'String')];
}

/** Party attributes after the first are set apart by two spaces (`tadig FRAF1  type interconnect`). */
function partyWide(party: CstNode): IToken[] {
  return nodesOf(party, 'partyAttr')
    .slice(1)
    .map((a) => subtreeTokens(a)[0])
    .filter((t): t is IToken => t !== undefined);
}
