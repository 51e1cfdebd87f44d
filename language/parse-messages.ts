// Syntax error messages in the words of the language ("expected a price like `0.0123 EUR/min`
// after `peak`"), not Chevrotain's token-type dumps. Chevrotain calls these while parsing.
import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { SERVICE_KINDS } from './ast.js';

const TOKEN_WORDS: Record<string, string> = {
  Number: 'a number',
  String: 'a quoted string',
  UnterminatedString: 'a quoted string',
  DateTime: 'a date and time like `2026-03-02T10:00:00`',
  Date: 'a date like `2026-01-01`',
  TimeRange: 'a time range like `08:00-20:00`',
  Duration: 'a duration like `61s`',
  Percent: 'a percentage like `45%`',
  Range: '`..`',
  Slash: '`/`',
  Comma: '`,`',
  GreaterEq: '`>=`',
  LessEq: '`<=`',
  LCurly: '`{`',
  RCurly: '`}`',
  Identifier: 'a name',
  SoftKeyword: 'a name',
  TimeZoneName: 'a time zone like `Europe/Paris`',
  Arrow: '`->`',
  EOF: 'the end of the file',
};

/** What a rule expects when none of its alternatives fits. */
const RULE_WORDS: Record<string, string> = {
  file: '`agreement`',
  agreementItem:
    'an agreement item (`version`, `parties`, `currency`, `valid`, `timezone`, `interconnect`, `holidays`, `timebands`, `zones`, `service`, `test` or `settlement`) or `}`',
  serviceItem:
    'a service line (`billing`, `connect fee`, `zero duration calls`, `calls across a band boundary`, `rate`, `bar`, `maximum`, `rounding` or `surcharge`) or `}`',
  icItem: '`site`, `trunks`, `traffic` or `quality`',
  qualityTarget: 'a quality target like `asr >= 45%`',
  band: '`otherwise`, `holidays <calendar>` or days like `mon-fri`',
  party: '`us` or `partner`',
  partyAttr: '`tadig` or `type`',
  rateDecl: 'a price like `0.0123 EUR/min`',
  bandPrice: 'a price like `0.0123 EUR/min`',
  priceSpec: 'a price like `0.0123 EUR/min` (or steps: `first 60s … then …`)',
  price: 'a price like `0.0123 EUR/min`',
  money: 'an amount like `0.0100 EUR`',
  prefix: 'a prefix like `33 6`',
  zoneDef: 'a prefix like `33 6`',
  name: 'a name',
  timezoneDecl: 'a time zone like `Europe/Paris`',
  testExpect: 'an amount like `0.0246 EUR` or `suspense <reason>`',
  fxDecl: '`usage date` or `period end`',
  zeroDurationDecl: '`charged` or `free`',
  boundaryDecl: '`rated at the start band` or `split at the boundary`',
  partyDecl: 'a name like `ORANGE`',
  partyDeclItem: '`type`, `tadig`, `carrier code`, `vat` or `address`',
  codeList: 'a code like `FRAF1`',
  codeValue: 'a code like `FRAF1`',
  settlementItem: '`invoicing`, `netting`, `dispute tolerance` or `currency`',
  tolerance: 'a percentage like `1%` or an amount like `500 EUR`',
  poolDecl: 'a pool like `data pooled 500 MB/device/month, overage 0.002 EUR/MB`',
  quantity: 'an allowance like `500 MB/device/month`',
  revenueShareDecl: 'a share like `revenue share 70% of net retail to STREAMCO`',
  commissionDecl: 'a commission like `commission 12.00 EUR/activation plus 5% of first-month retail`',
  slaDecl: 'an SLA like `sla availability >= 99.99% per month, credit 10% per 0.01% below, cap 50%`',
};

/** What a block holds, for "expected `}`" errors that really mean "this line is not an item". */
const BLOCK_CONTENT: Record<string, string> = {
  agreement: 'an agreement item (`version`, `parties`, `currency`, `valid`, `timezone`, `interconnect`, `holidays`, `timebands`, `zones`, `service`, `test` or `settlement`)',
  partiesBlock: 'a party (`us …` or `partner …`)',
  interconnectBlock: '`site`, `trunks`, `traffic` or `quality`',
  holidaysBlock: 'a date like `2026-01-01`',
  timebandsBlock: 'a band like `peak mon-fri 08:00-20:00`',
  zonesBlock: 'a zone like `FR-MOBILE 33 6, 33 7`',
  serviceBlock: 'a service line (`billing`, `connect fee`, `zero duration calls`, `calls across a band boundary`, `rate`, `bar`, `maximum`, `rounding` or `surcharge`)',
  testBlock: '`}`',
  partyDecl: '`type`, `tadig`, `carrier code`, `vat` or `address`',
  settlementBlock: '`invoicing monthly, due 30 days`, `netting bilateral`, `dispute tolerance 1% or 500 EUR` or `currency EUR from table "fx/ecb-2026.csv"`',
};

/** Wording for an `OR` that depends on where in the rule it failed. */
function describeAlternatives(ruleName: string, previous: IToken | undefined): string | undefined {
  const prev = previous?.image;
  if (ruleName === 'roundingDecl') return prev === 'per' ? '`record` or `invoice line`' : '`half-up`, `half-even`, `up` or `down`';
  if (ruleName === 'serviceBlock') return prev && (SERVICE_KINDS as readonly string[]).includes(prev) ? '`payable` or `receivable`' : 'a service kind (`voice`, `sms`, `data`, `event`, `iot`, `subscription` or `slice`)';
  if (ruleName === 'qualityTarget') {
    if (prev === '>=' || prev === '<=') return 'a percentage like `45%` or a duration like `4s`';
    if (prev === 'asr' || prev === 'acd' || prev === 'pdd') return '`>=` or `<=`';
  }
  return RULE_WORDS[ruleName];
}

export function describeToken(type: TokenType): string {
  return TOKEN_WORDS[type.name] ?? type.LABEL ?? `\`${type.name}\``;
}

/** Rule-specific wording for one expected token, where the token alone says too little. */
function describeExpected(type: TokenType, ruleName: string, previous: IToken | undefined): string {
  const prev = previous?.tokenType.name;
  if (ruleName === 'price' || ruleName === 'money') {
    if (type.name === 'Identifier' && prev === 'Slash') return 'a unit like `min` or `msg`';
    if (type.name === 'Identifier') return 'a currency code like `EUR`';
    if (type.name === 'Slash') return '`/` and a unit, as in `EUR/min`';
    if (type.name === 'Number') return RULE_WORDS[ruleName]!;
  }
  if (type.name === 'RCurly' && BLOCK_CONTENT[ruleName] !== undefined) return `${BLOCK_CONTENT[ruleName]} or \`}\``;
  if (ruleName === 'billingDecl' && type.name === 'Number') return 'billing increments in seconds like `60/60`';
  if (ruleName === 'prefix' || ruleName === 'zoneDef') {
    if (type.name === 'Number') return RULE_WORDS['prefix']!;
  }
  return describeToken(type);
}

function shown(token: IToken): string {
  if (token.tokenType.name === 'EOF') return 'the end of the file';
  const image = token.image.length > 30 ? `${token.image.slice(0, 30)}…` : token.image;
  return `\`${image}\``;
}

let messageTokens: IToken[] = [];

/** Chevrotain sometimes hands the provider a token after a skip as `previous`; the parser
 *  registers the real token stream so "after X" names the token written before the error. */
export function useTokensForMessages(tokens: IToken[]): void {
  // kept as the array (a Map of every token cost a tenth of a large file's parse); looked up by
  // offset only when a message is built
  messageTokens = tokens;
}

function realPrevious(actual: IToken, previous: IToken | undefined): IToken | undefined {
  if (!(actual.startOffset >= 0)) return previous;
  let lo = 0;
  let hi = messageTokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = messageTokens[mid]!;
    if (t === actual) return mid > 0 ? messageTokens[mid - 1] : previous;
    if (t.startOffset < actual.startOffset) lo = mid + 1;
    else hi = mid - 1;
  }
  return previous;
}

function after(previous: IToken | undefined): string {
  if (previous === undefined || previous.tokenType.name === 'EOF' || previous.image === '') return '';
  return ` after ${shown(previous)}`;
}

function firstTokens(paths: TokenType[][][]): string {
  const words = new Set<string>();
  for (const alt of paths) for (const path of alt) if (path[0] !== undefined) words.add(describeToken(path[0]));
  const list = [...words];
  if (list.length <= 1) return list[0] ?? 'something else';
  return `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
}

export const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous, ruleName }) {
    const prev = realPrevious(actual, previous);
    return `expected ${describeExpected(expected, ruleName, prev)}${after(prev)}, found ${shown(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `expected \`agreement\` or the end of the file, found ${shown(firstRedundant)}`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }) {
    const prev = realPrevious(actual[0]!, previous);
    const what = describeAlternatives(ruleName, prev) ?? firstTokens(expectedPathsPerAlt);
    return `expected ${what}${after(prev)}, found ${shown(actual[0]!)}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, previous, ruleName }) {
    const prev = realPrevious(actual[0]!, previous);
    const what = RULE_WORDS[ruleName] ?? firstTokens([expectedIterationPaths]);
    return `expected ${what}${after(prev)}, found ${shown(actual[0]!)}`;
  },
};
