// Semantic tokens from the lexer, with names coloured by what the AST says they are: the
// names declared in the file (zones, bands, services, partners/entities, the agreement id) and
// every use of those names in the file. Keywords are soft (a keyword may be a name), so a
// keyword-shaped token standing where the AST holds a name is a name, not a keyword.
import type { IToken } from 'chevrotain';
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import type { AgreementFile, Node } from '../../language/ast.js';
import { lex } from '../../language/index.js';
import { parseIncrementally } from './ast-cache.js';
import { walkNodes } from './ast-walk.js';

export const TOKEN_TYPES = ['keyword', 'string', 'number', 'comment', 'operator', 'variable', 'namespace', 'class', 'function', 'enumMember', 'event'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'date', 'duration'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

/** What each kind of name is shown as. */
export const NAME_TYPES = { agreement: 'namespace', partner: 'class', service: 'function', zone: 'enumMember', band: 'event' } as const satisfies Record<string, TokenType>;
type NameKind = keyof typeof NAME_TYPES;

export interface PlainToken {
  offset: number;
  length: number;
  line: number; // 0-based
  character: number; // 0-based, UTF-16
  type: TokenType;
  modifiers: TokenModifier[];
}

const LITERAL: Record<string, { type: TokenType; modifiers: TokenModifier[] }> = {
  String: { type: 'string', modifiers: [] },
  UnterminatedString: { type: 'string', modifiers: [] },
  Number: { type: 'number', modifiers: [] },
  Percent: { type: 'number', modifiers: [] },
  Duration: { type: 'number', modifiers: ['duration'] },
  Date: { type: 'number', modifiers: ['date'] },
  DateTime: { type: 'number', modifiers: ['date'] },
  YearMonth: { type: 'number', modifiers: ['date'] },
  TimeRange: { type: 'number', modifiers: ['date'] },
  MalformedLiteral: { type: 'number', modifiers: [] },
  Range: { type: 'operator', modifiers: [] },
  Arrow: { type: 'operator', modifiers: [] },
  GreaterEq: { type: 'operator', modifiers: [] },
  LessEq: { type: 'operator', modifiers: [] },
  TimeZoneName: { type: 'string', modifiers: [] },
};

/** The tokens in document order, decoded (tests read these; the wire format is below). */
export function plainTokens(text: string, uri: string): PlainToken[] {
  // the parser's own lexer (with the tokens it fixes up: unterminated strings…); the AST kept
  // up to date incrementally, so an edit costs a lexing pass, not a full parse
  const lexed = lex(text, uri);
  const { file } = parseIncrementally(text, uri);
  const { declared, names, nameOffsets } = namesOf(file);
  const out: PlainToken[] = [];
  const push = (t: IToken, type: TokenType, modifiers: TokenModifier[]) => {
    if (!(t.startOffset >= 0) || t.image.length === 0 || t.image.includes('\n')) return;
    out.push({ offset: t.startOffset, length: t.image.length, line: (t.startLine ?? 1) - 1, character: (t.startColumn ?? 1) - 1, type, modifiers });
  };
  for (const t of lexed.tokens) {
    const tn = t.tokenType.name;
    const lit = LITERAL[tn];
    if (lit) push(t, lit.type, lit.modifiers);
    // a keyword-shaped word is a name only where the AST holds a name that names something
    // declared (`service voice …`: `voice` is a Name in the AST, but the service kind, a keyword)
    else if (tn === 'Identifier' || (tn.startsWith('Kw_') && nameOffsets.has(t.startOffset) && (declared.has(t.startOffset) || names.has(t.image)))) {
      const decl = declared.get(t.startOffset);
      if (decl) push(t, NAME_TYPES[decl], ['declaration']);
      else {
        const kind = names.get(t.image);
        push(t, kind ? NAME_TYPES[kind] : 'variable', []);
      }
    } else if (tn.startsWith('Kw_')) push(t, 'keyword', []);
  }
  for (const c of lexed.comments) push(c, 'comment', []);
  return out.sort((a, b) => a.offset - b.offset);
}

/** LSP's relative encoding: 5 integers per token. */
export function semanticTokens(text: string, uri: string): SemanticTokens {
  const data: number[] = [];
  let line = 0;
  let char = 0;
  for (const t of plainTokens(text, uri)) {
    const dl = t.line - line;
    data.push(dl, dl === 0 ? t.character - char : t.character, t.length, TOKEN_TYPES.indexOf(t.type), t.modifiers.reduce((m, x) => m | (1 << TOKEN_MODIFIERS.indexOf(x)), 0));
    line = t.line;
    char = t.character;
  }
  return { data };
}

function namesOf(file: AgreementFile) {
  const declared = new Map<number, NameKind>();
  const names = new Map<string, NameKind>();
  const declare = (n: Node & { text: string }, kind: NameKind) => {
    if (!n.text) return;
    declared.set(n.range.start.offset, kind);
    if (!names.has(n.text)) names.set(n.text, kind);
  };
  for (const d of file.partyDecls ?? []) declare(d.name, 'partner');
  for (const a of file.agreements) {
    declare(a.id, 'agreement');
    for (const i of a.items) {
      if (i.kind === 'parties') for (const p of i.parties) declare(p.name, 'partner');
      if (i.kind === 'zones') for (const z of i.zones) declare(z.name, 'zone');
      if (i.kind === 'timebands') for (const b of i.bands) declare(b.name, 'band');
      if (i.kind === 'service') declare(i.name, 'service');
    }
  }
  // a Name node is `{ text, range }` and nothing else: where the AST holds a name
  const nameOffsets = new Set<number>();
  walkNodes(file.agreements, (n) => {
    const keys = Object.keys(n);
    if (keys.length === 2 && typeof n['text'] === 'string') nameOffsets.add(n.range.start.offset);
  });
  walkNodes(file.partyDecls ?? [], (n) => {
    if (Object.keys(n).length === 2 && typeof n['text'] === 'string') nameOffsets.add(n.range.start.offset);
  });
  return { declared, names, nameOffsets };
}
