// What may follow what, per block: the grammar (language/GRAMMAR.md) as a table completion can
// walk. A phrase is a sequence of slots; a slot is `a|b` (any of these words), `$kind` (a name or
// value of that kind: completion offers the names in scope), `$any` (one token of anything,
// offered nothing), and a trailing `?` marks an optional slot. lsp/index/phrases.test.ts parses
// each phrase, written out, inside its block, so the table cannot drift from the parser unnoticed.
export type Block =
  | 'top' | 'agreement' | 'service' | 'test' | 'parties' | 'partyDecl' | 'settlement' | 'discount'
  | 'commitment' | 'interconnect' | 'zones' | 'timebands' | 'holidays' | 'other';

export const PHRASES: Record<Block, string[][]> = {
  top: [['agreement', '$name'], ['partner', '$name'], ['entity', '$name']],
  agreement: [
    ['version', '$any'], ['parties'], ['currency', '$currency'], ['valid', '$any', '..'], ['timezone', '$tz'],
    ['interconnect', '$name'], ['holidays', '$name'], ['timebands'], ['zones'],
    ['service', '$name', '$kind', 'payable|receivable'], ['test', '$any'], ['settlement'],
    ['fx', '$currency', '->', '$currency', 'from', 'table', '$any', 'at', 'usage|period', 'date|end'],
    ['discount', 'on', '$service', 'zone', '$zone'], ['discount', '$name', 'on', '$service', 'zone', '$zone'],
    ['commitment', 'on', '$service'],
  ],
  service: [
    ['billing', '$any'], ['connect', 'fee', '$any', '$currency'],
    ['zero', 'duration', 'calls', 'are?', 'charged|free'],
    ['calls', 'across', 'a', 'band', 'boundary', 'are', 'rated|split', 'at', 'the', 'start|boundary', 'band'],
    ['rate'], ['bar', '$zone'], ['maximum', '$any', '$currency', 'per', 'call'],
    ['rounding', 'half-up|half-even|up|down', '$any', 'decimals', 'per', 'record|invoice', 'line'],
    ['rates', 'from', 'deck', '$any', 'issued'], ['notice', 'increases', '$any', 'days'],
    ['surcharge', 'origin', 'outside?', '$zone'],
    ['tiered', 'per'], ['tier'], ['minimum', '$any', '$currency'],
    ['data', 'pooled'], ['revenue', 'share', '$any', 'of', 'net', 'retail', 'to', '$party'],
    ['commission', '$any'], ['sla', '$any'],
  ],
  test: [
    ['period', '$any'], ['usage', '$service'], ['kpi', '$any'], ['retail', '$service'],
    ['expect', 'suspense', '$reason'], ['expect', 'charge', '$construct', '$subject'], ['expect', 'total', '$any', '$currency'], ['expect', '$any', '$currency'],
  ],
  parties: [['us', '$entity'], ['partner', '$partner']],
  partyDecl: [['type', '$ptype'], ['tadig', '$any'], ['carrier', 'code'], ['vat', '$any'], ['address', '$any']],
  settlement: [['invoicing', '$any'], ['netting', '$any'], ['dispute', 'tolerance'], ['dispute', 'within', '$any', 'days'], ['dispute', 'answer', 'within', '$any', 'days'], ['currency', '$currency', 'from', 'table', '$any']],
  discount: [['per', '$any'], ['tier', '$any']],
  commitment: [['$party', 'commits'], ['shortfall', 'invoiced|at']],
  interconnect: [['site', '$any'], ['trunks'], ['traffic', 'voice|sms'], ['quality', 'asr|acd|pdd']],
  zones: [],
  timebands: [],
  holidays: [],
  other: [],
};

/** The keyword a block header starts with → the block it opens. */
export const BLOCK_OF_HEADER: Record<string, Block> = {
  agreement: 'agreement', service: 'service', test: 'test', parties: 'parties', partner: 'partyDecl',
  entity: 'partyDecl', settlement: 'settlement', discount: 'discount', commitment: 'commitment',
  interconnect: 'interconnect', zones: 'zones', timebands: 'timebands', holidays: 'holidays',
};

export interface Next {
  words: string[];
  slots: string[];
}

/** What may come next after `line` (the words of the line so far) in `block`. */
export function nextAfter(block: Block, line: readonly string[], isName: (word: string, slot: string) => boolean): Next {
  const out: Next = { words: [], slots: [] };
  for (const phrase of PHRASES[block]) walk(phrase, 0, line, 0, isName, out);
  return { words: [...new Set(out.words)], slots: [...new Set(out.slots)] };
}

function walk(phrase: string[], p: number, line: readonly string[], l: number, isName: (w: string, s: string) => boolean, out: Next): void {
  if (p >= phrase.length) return;
  const raw = phrase[p]!;
  const optional = raw.endsWith('?');
  const slot = optional ? raw.slice(0, -1) : raw;
  if (optional) walk(phrase, p + 1, line, l, isName, out);
  if (l === line.length) {
    if (slot.startsWith('$')) out.slots.push(slot);
    else out.words.push(...slot.split('|'));
    return;
  }
  const word = line[l]!;
  const matches = slot === '$any' || (slot.startsWith('$') ? isName(word, slot) : slot.split('|').includes(word));
  if (matches) walk(phrase, p + 1, line, l + 1, isName, out);
}
