// Completion that knows the language at the cursor, even in a half-written file: the block the
// cursor is in (from the `{`/`}` tokens before it), the words of the line so far, and the grammar
// as a table of phrases (lsp/index/phrases.ts); names in scope come from the symbol index.
import type { IToken } from 'chevrotain';
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import { CHARGE_CONSTRUCTS, ISO_4217_ACTIVE, PARTNER_TYPES, SUSPENSE_REASONS } from '../../compiler/index.js';
import { lex, SERVICE_KINDS_LIST } from '../index/lex-bridge.js';
import { indexWorkspace, type FileIndex, type SymbolKind } from '../index/symbols.js';
import { namesFromTokens } from '../index/token-names.js';
import { BLOCK_OF_HEADER, nextAfter, type Block } from '../index/phrases.js';
import type { FeatureContext } from './context.js';

/** Price units by service kind (compiler/check/units.ts, unit-pricing.ts, digital.ts). */
const UNITS: Record<string, string[]> = {
  voice: ['min'], sms: ['msg'], data: ['KB', 'MB', 'GB'], event: ['event', 'call', 'activation', 'month'],
  iot: ['device', 'MB', 'month'], subscription: ['subscriber', 'month'], slice: ['month', 'GB', 'MB'],
};
const PERIODS = ['month', 'quarter', 'year'];

let timeZones: string[] | undefined;
function ianaZones(): string[] {
  if (timeZones === undefined) {
    try {
      timeZones = [...(Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone'), 'UTC'];
    } catch {
      timeZones = ['UTC'];
    }
  }
  return timeZones;
}

interface Frame { block: Block; header: string[] }

export function completion(ctx: FeatureContext, offset: number): CompletionItem[] {
  try {
    return complete(ctx, Math.max(0, Math.min(offset, ctx.text.length)));
  } catch {
    return [];
  }
}

function complete(ctx: FeatureContext, offset: number): CompletionItem[] {
  const before = ctx.text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  // Inside a comment or a string nothing is offered.
  const lineSoFar = before.slice(lineStart);
  if (/\/\//.test(lineSoFar.replace(/"(?:[^"\\]|\\.)*"/g, '""')) || (lineSoFar.match(/"/g)?.length ?? 0) % 2 === 1) return [];
  // A word being typed; a time zone name includes its `/` (Europe/Pa), a unit after `EUR/` does not.
  // Scanned backwards by hand: an unanchored `[…]*$` regex is quadratic on a long run of word
  // characters (a 1,000,000-character string took minutes; found by the fuzzer).
  const wordChar = /^\s*timezone\s+[A-Za-z0-9_/+-]*$/.test(lineSoFar) ? /[A-Za-z0-9_/+-]/ : /[A-Za-z0-9_+-]/;
  let wordFrom = offset;
  while (wordFrom > lineStart && wordChar.test(before[wordFrom - 1]!)) wordFrom--;
  const word = before.slice(wordFrom).replace(/^[-/+]+/, '');
  const wordStart = offset - word.length;
  // One lex of the whole text serves both the context (tokens before the word) and the names.
  const allTokens = lex(ctx.text);
  const tokens = allTokens.filter((t) => t.startOffset + t.image.length <= wordStart);
  const stack = blocks(tokens);
  const frame = stack[stack.length - 1] ?? { block: 'top', header: [] };
  const line = tokens.filter((t) => t.startOffset >= lineStart).map((t) => t.image);

  // Other files from the (cached) index; this file's names from its tokens, so typing never waits for a parse.
  const others = indexWorkspace(ctx.files.filter((f) => f.uri !== ctx.uri));
  const own = namesFromTokens(allTokens, offset);
  const names = (kind: SymbolKind) => [...(own.inAgreement.get(kind) ?? [])];
  const fromOthers = partyNames(others);
  const parties = { partner: [...new Set([...own.partner, ...fromOthers.partner])], entity: [...new Set([...own.entity, ...fromOthers.entity])] };
  const here = { text: ctx.text };
  const serviceKind = stack.find((f) => f.block === 'service')?.header[2];

  const items: CompletionItem[] = [];
  const range = ctx.positions.rangeOf(wordStart, offset);
  const push = (labels: Iterable<string>, kind: CompletionItemKind, detail?: string) => {
    for (const label of labels) items.push({ label, kind, detail, textEdit: { range, newText: label } });
  };

  // `0.0123 EUR/` and `0.40 EUR/device/`: units for the service kind, then periods.
  const last = line.length;
  if (line[last - 1] === '/' && last >= 3 && /^[A-Z]{3}$/.test(line[last - 2]!) && /^\d/.test(line[last - 3]!)) {
    push(unitsFor(serviceKind, here, offset), CompletionItemKind.Unit, `unit of a ${serviceKind ?? ''} price`);
    return items;
  }
  if (line[last - 1] === '/' && last >= 4 && line[last - 3] === '/') {
    push(PERIODS, CompletionItemKind.Unit, 'per period');
    return items;
  }
  // After an amount: a currency.
  if (last >= 1 && /^-?\d/.test(line[last - 1]!) && !['billing', 'version', 'rounding', 'notice', 'tier', 'period'].includes(line[0]!)) {
    push(ISO_4217_ACTIVE, CompletionItemKind.Constant, 'ISO 4217 currency');
    if (line[0] !== 'expect' && line[0] !== 'connect' && line[0] !== 'maximum') return items;
  }

  const slot = (s: string): void => {
    switch (s) {
      case '$zone': push(names('zone'), CompletionItemKind.Enum, 'zone'); break;
      case '$service': push(names('service'), CompletionItemKind.Class, 'service'); break;
      case '$band': push(names('band'), CompletionItemKind.EnumMember, 'band'); break;
      case '$holidays': push(names('holidays'), CompletionItemKind.Event, 'holiday calendar'); break;
      case '$party': push([...parties.partner, ...parties.entity], CompletionItemKind.Module, 'partner or entity'); break;
      case '$partner': push(parties.partner, CompletionItemKind.Module, 'partner'); break;
      case '$entity': push(parties.entity, CompletionItemKind.Module, 'entity'); break;
      case '$currency': push(ISO_4217_ACTIVE, CompletionItemKind.Constant, 'ISO 4217 currency'); break;
      case '$tz': push(ianaZones(), CompletionItemKind.Constant, 'IANA time zone'); break;
      case '$ptype': push(PARTNER_TYPES, CompletionItemKind.EnumMember, 'partner type'); break;
      case '$reason': push(SUSPENSE_REASONS, CompletionItemKind.EnumMember, 'suspense reason'); break;
      case '$kind': push(SERVICE_KINDS_LIST, CompletionItemKind.Keyword, 'service kind'); break;
      case '$construct': push(CHARGE_CONSTRUCTS, CompletionItemKind.EnumMember, 'charge construct'); break;
      case '$subject': push([...names('discount'), ...names('service')], CompletionItemKind.Class, 'discount or service'); break;
      default: break;
    }
  };
  const isName = (w: string, s: string): boolean => s === '$name' || s === '$kind' || /^[A-Za-z0-9]/.test(w);

  if (frame.block === 'service' && line[0] === 'rate') {
    rateLine(line, names, push);
    return items;
  }
  if (frame.block === 'timebands') {
    if (line.length >= 1) {
      const prev = line[line.length - 1]!;
      if (prev === 'holidays') slot('$holidays');
      else if (prev === 'except') push(['holidays'], CompletionItemKind.Keyword);
      else if (line.length === 1) push(['otherwise', 'holidays', 'mon-fri', 'sat-sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], CompletionItemKind.Keyword);
      else push(['except'], CompletionItemKind.Keyword);
    }
    return items;
  }
  if (frame.block === 'test' && line[0] === 'expect' && line.length >= 3 && /^-?\d/.test(line[1]!)) {
    const prev = line[line.length - 1]!;
    if (prev === 'zone') slot('$zone');
    else if (prev === 'band') slot('$band');
    else push(['original', 'zone', 'band', 'billed'], CompletionItemKind.Keyword);
    return items;
  }
  if (frame.block === 'test' && line[0] === 'usage' && line.length >= 2) {
    push(['from', 'to', 'at', 'for', 'units', 'bytes', 'category', 'count'], CompletionItemKind.Keyword);
    return items;
  }
  if (frame.block === 'service' && line[0] === 'surcharge' && line.length >= 3 && line[line.length - 1] !== 'outside') return items;

  const next = nextAfter(frame.block, line, isName);
  push(next.words.filter((w) => !w.startsWith('$') && w !== '..' && w !== '->'), CompletionItemKind.Keyword);
  for (const s of next.slots) slot(s);
  if (line.length === 0) items.push(...snippets(frame.block));
  return items;
}

/** `rate` [zone | any | calls CAT] [origin ZONE] (band? price)+ [from DATE] [not prorated | prorated by day] */
function rateLine(line: string[], names: (k: 'zone' | 'band') => string[], push: (l: Iterable<string>, k: CompletionItemKind, d?: string) => void): void {
  const prev = line[line.length - 1]!;
  if (line.length === 1) {
    push([...names('zone'), 'any'], CompletionItemKind.Enum, 'zone');
    push(['calls', 'origin'], CompletionItemKind.Keyword);
    return;
  }
  if (prev === 'origin') return push(names('zone'), CompletionItemKind.Enum, 'origin zone');
  if (prev === 'calls') return push(['local', 'home', 'international'], CompletionItemKind.EnumMember, 'call category');
  if (prev === 'from' || prev === 'by' || prev === 'first' || prev === 'next') {
    if (prev === 'by') push(['day'], CompletionItemKind.Keyword);
    return;
  }
  if (prev === 'not') return push(['prorated'], CompletionItemKind.Keyword);
  if (prev === 'prorated') return push(['by'], CompletionItemKind.Keyword);
  const priced = line.some((w) => w === '/');
  push(names('band'), CompletionItemKind.EnumMember, 'band');
  push(['first'], CompletionItemKind.Keyword);
  if (!priced && line.length === 2) push(['origin'], CompletionItemKind.Keyword);
  if (priced) push(['from', 'not', 'prorated', 'for'], CompletionItemKind.Keyword);
}

function unitsFor(kind: string | undefined, here: { text: string }, offset: number): string[] {
  const base = UNITS[kind ?? ''] ?? Object.values(UNITS).flat();
  // an event service's own unit, as already written on its other price lines
  const extra: string[] = [];
  for (const m of here.text.matchAll(/\d\s+[A-Z]{3}\/([A-Za-z][A-Za-z0-9_-]*)/g)) if (m.index !== offset) extra.push(m[1]!);
  return [...new Set([...base, ...(kind === 'event' ? extra.filter((u) => !['min', 'msg', 'KB', 'MB', 'GB'].includes(u)) : [])])];
}

function partyNames(all: readonly FileIndex[]): { partner: string[]; entity: string[] } {
  const partner = new Set<string>();
  const entity = new Set<string>();
  for (const f of all) for (const d of f.file.partyDecls ?? []) if (d?.name?.text) (d.role === 'entity' ? entity : partner).add(d.name.text);
  return { partner: [...partner], entity: [...entity] };
}

/** The open blocks at the end of `tokens`: each `{` opens the block its line's first word names. */
function blocks(tokens: IToken[]): Frame[] {
  const stack: Frame[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.image === '{') {
      let j = i;
      while (j > 0 && tokens[j - 1]!.startLine === t.startLine && tokens[j - 1]!.image !== '{' && tokens[j - 1]!.image !== '}') j--;
      const header = tokens.slice(j, i).map((x) => x.image);
      stack.push({ block: BLOCK_OF_HEADER[header[0] ?? ''] ?? 'other', header });
    } else if (t.image === '}') stack.pop();
  }
  // `service x voice payable` with no `{` yet: the header line itself is handled by the phrase table.
  return [{ block: 'top', header: [] }, ...stack];
}

function snippets(block: Block): CompletionItem[] {
  if (block !== 'agreement') return [];
  return [
    {
      label: 'service block', kind: CompletionItemKind.Snippet, insertTextFormat: InsertTextFormat.Snippet, detail: 'a whole service',
      insertText: 'service ${1:name} ${2|voice,sms,data,event,iot,subscription,slice|} ${3|payable,receivable|} {\n  billing ${4:60}/${5:60}\n  rate ${6:any} ${7:0.0100} ${8:EUR}/${9:min}\n}',
    },
    {
      label: 'test block', kind: CompletionItemKind.Snippet, insertTextFormat: InsertTextFormat.Snippet, detail: 'a rating test',
      insertText: 'test "${1:what it shows}" {\n  usage ${2:service} to ${3:336} at ${4:2026-03-02T10:00:00} for ${5:61s}\n  expect ${6:0.0100} ${7:EUR}\n}',
    },
  ];
}
