// The token vocabulary of the agreement language (GRAMMAR.md "Tokens"). Kept apart from the
// lexer driver so the parser, the formatter, the TextMate grammar test and completion can
// share the one list of keywords.
import './polyfills.js';
import { createToken, Lexer, type CustomPatternMatcherReturn, type IToken, type TokenType } from 'chevrotain';

/** Every keyword, as written in source. `billed` is here although GRAMMAR.md's list omits it:
 *  `testExpect` uses it. */
export const KEYWORDS = [
  'agreement', 'version', 'parties', 'us', 'partner', 'tadig', 'type', 'currency', 'valid',
  'timezone', 'interconnect', 'site', 'trunks', 'traffic', 'quality', 'asr', 'acd', 'pdd',
  'holidays', 'timebands', 'except', 'otherwise', 'zones', 'service', 'voice', 'sms', 'data', 'event', 'iot', 'subscription', 'slice',
  'payable', 'receivable', 'billing', 'minimum', 'connect', 'fee', 'zero', 'duration', 'calls',
  'charged', 'free', 'across', 'band', 'boundary', 'rated', 'at', 'start', 'split', 'the',
  'rate', 'first', 'next', 'then', 'from', 'bar', 'maximum', 'per', 'call', 'rounding',
  'half-up', 'half-even', 'up', 'down', 'decimals', 'record', 'invoice', 'line', 'test',
  'usage', 'to', 'for', 'units', 'expect', 'zone', 'suspense', 'are', 'is', 'a', 'billed',
  // partners, entities and settlement terms (GRAMMAR.md "Partners and entities", "Settlement")
  'entity', 'vat', 'address', 'carrier', 'code', 'settlement', 'invoicing', 'due', 'netting',
  'dispute', 'tolerance', 'or',
  // multi-currency: `fx SDR -> EUR from table "fx/gsma-2026.csv" at usage date`, `expect … original 0.0250 SDR`
  'fx', 'table', 'date', 'period', 'end', 'original',
  // rate decks (compiler/deck/)
  'rates', 'deck', 'issued', 'notice', 'increases', 'days',
  // per-record pricing of data and events, origin-based pricing, roaming call categories
  'origin', 'outside', 'surcharge', 'bytes', 'category',
  // digital-partner terms (pooled data, revenue share, commission, SLA credits)
  'active', 'pooled', 'overage', 'revenue', 'share', 'of', 'net', 'retail', 'commission', 'plus',
  'sla', 'credit', 'below', 'cap', 'kpi', 'gross', 'taxes', 'refunds',
  // period charges (tiers, discounts, commitments, minimum fees, caps, recurring fees, period tests)
  'discount', 'commitment', 'commits', 'shortfall', 'invoiced', 'tier', 'tiered', 'on', 'not',
  'prorated', 'by', 'charge', 'total', 'count',
  // dispute deadlines (`settlement { dispute within 30 days / dispute answer within 15 days }`)
  'within', 'answer',
] as const;
export type Keyword = (typeof KEYWORDS)[number];

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\uFEFF]+/, group: Lexer.SKIPPED, line_breaks: true });
export const Comment = createToken({ name: 'Comment', pattern: /\/\/[^\r\n]*/, group: 'comments' });
export const StringLit = createToken({ name: 'String', pattern: /"(?:[^"\\\r\n]|\\.)*"/ });
/** A string missing its closing quote: lexed so the rest of the line is not a cascade of
 *  errors; the lexer driver reports it (ICX1003) and hands the parser a String. */
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /"(?:[^"\\\r\n]|\\.)*\\?/ });
export const DateTime = createToken({
  name: 'DateTime',
  pattern: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?(?![\dT:+Z-])/,
  start_chars_hint: [...'0123456789'],
});
// The lookaheads leave `2026-03-02T1` or `08:00-20:0000` whole, for MalformedLiteral.
export const DateTok = createToken({ name: 'Date', pattern: /\d{4}-\d{2}-\d{2}(?![\dT:+Z-])/, start_chars_hint: [...'0123456789'] });
/** Digits glued to `-` or `:` that are no date, date-time or time range (`2026-13`,
 *  `8:00-20:00`). Lexed as one token so the lexer reports one ICX1004 and the parser sees the
 *  literal the writer meant, instead of a cascade of errors. */
export const MalformedLiteral = createToken({ name: 'MalformedLiteral', pattern: /\d+(?:[-:][\dT:+Z]*)+/ });
const YEAR_MONTH = /\d{4}-(?:0[1-9]|1[0-2])(?![\dT:+Z-])/y;
/** A calendar month, `2026-03`: only right after `period` (elsewhere `2026-13` stays a malformed date). */
function matchYearMonth(text: string, offset: number, tokens: IToken[]): CustomPatternMatcherReturn | null {
  const previous = tokens[tokens.length - 1];
  if (previous === undefined || previous.tokenType.name !== 'Kw_period') return null;
  YEAR_MONTH.lastIndex = offset;
  const m = YEAR_MONTH.exec(text);
  return m === null ? null : [m[0]];
}
export const YearMonth = createToken({
  name: 'YearMonth', pattern: { exec: matchYearMonth }, line_breaks: false, start_chars_hint: [...'0123456789'],
});
export const TimeRange = createToken({ name: 'TimeRange', pattern: /\d{2}:\d{2}-\d{2}:\d{2}(?![\dT:+Z-])/, start_chars_hint: [...'0123456789'] });
// The lookahead keeps `61sec` from lexing as `61s` + `ec`: it becomes one bad number instead.
export const Duration = createToken({
  name: 'Duration',
  pattern: /\d[\d_]*(?:\.\d[\d_]*)?(?:ms|min|s|h)(?![A-Za-z0-9_])/,
  start_chars_hint: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
});
export const Percent = createToken({ name: 'Percent', pattern: /\d[\d_]*(?:\.\d[\d_]*)?%/ });
export const NumberTok = createToken({ name: 'Number', pattern: /\d[\d_]*(?:\.\d[\d_]*)?/ });
export const Range = createToken({ name: 'Range', pattern: /\.\./ });
/** The sign of a negative amount in a test expectation (`expect charge … -12.30 EUR`). */
export const Minus = createToken({ name: 'Minus', pattern: /-/ });
export const Slash = createToken({ name: 'Slash', pattern: /\// });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
export const GreaterEq = createToken({ name: 'GreaterEq', pattern: />=/ });
export const LessEq = createToken({ name: 'LessEq', pattern: /<=/ });
export const LCurly = createToken({ name: 'LCurly', pattern: /{/ });
/** `->` of an fx line (`fx SDR -> EUR …`): `SDR->EUR` lexes as SDR, ->, EUR (an identifier never ends in `-`). */
export const Arrow = createToken({ name: 'Arrow', pattern: /->/ });
export const RCurly = createToken({ name: 'RCurly', pattern: /}/ });

const TZ_PATTERN = /[A-Z][A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+/y;
/** `Europe/Paris` would otherwise swallow `EUR/min`, so a zone name is only lexed right
 *  after the `timezone` keyword. */
function matchTimeZone(text: string, offset: number, tokens: IToken[]): CustomPatternMatcherReturn | null {
  const previous = tokens[tokens.length - 1];
  if (previous === undefined || previous.tokenType.name !== 'Kw_timezone') return null;
  TZ_PATTERN.lastIndex = offset;
  const m = TZ_PATTERN.exec(text);
  return m === null ? null : [m[0]];
}
export const TimeZoneName = createToken({
  name: 'TimeZoneName',
  pattern: { exec: matchTimeZone },
  line_breaks: false,
  start_chars_hint: [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'],
});

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/ });

/** Category of every keyword: lets a `name` position accept keyword-looking names. */
export const SoftKeyword = createToken({ name: 'SoftKeyword', pattern: Lexer.NA });

/** Token (and CST child) name of a keyword: `Kw_half_up` for `half-up`. Prefixed because
 *  Chevrotain forbids a token and a rule sharing a name (`band`, `agreement`). */
export function keywordTokenName(word: Keyword): string {
  return `Kw_${word.replace(/-/g, '_')}`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

export const keywordTokens: Record<Keyword, TokenType> = Object.fromEntries(
  KEYWORDS.map((kw) => [
    kw,
    createToken({ name: keywordTokenName(kw), label: `\`${kw}\``, pattern: new RegExp(escapeRegExp(kw)), longer_alt: Identifier, categories: [SoftKeyword] }),
  ]),
) as Record<Keyword, TokenType>;

export function kw(word: Keyword): TokenType {
  return keywordTokens[word];
}

// Longest keywords first: `are` must be tried before `a`, `timezone` before `to`, or the
// shorter one would match and its longer_alt would turn the longer keyword into an Identifier.
const keywordsByLength = [...KEYWORDS].sort((a, b) => b.length - a.length).map((k) => keywordTokens[k]);

/** Lexer modes order matters: the first matching pattern wins. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  StringLit,
  UnterminatedString,
  DateTime,
  DateTok,
  TimeRange,
  YearMonth,
  MalformedLiteral,
  Duration,
  Percent,
  NumberTok,
  Range,
  // `->` before `-`, or the arrow would lex as a minus sign
  Arrow,
  Minus,
  Slash,
  Comma,
  GreaterEq,
  LessEq,
  LCurly,
  RCurly,
  TimeZoneName,
  ...keywordsByLength,
  Identifier,
  SoftKeyword,
];
