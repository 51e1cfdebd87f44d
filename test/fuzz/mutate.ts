// Mutations of the example agreements: token-level edits (delete, duplicate, swap, replace a token
// by one of its kind with a hostile value, which keeps the file parseable so the compiler's checks
// run on it) and character-level damage (cut the file, insert random or nasty characters, deep
// nesting, huge numbers, `../`).
import fc from 'fast-check';
import type { SourceFile } from '../../compiler/index.js';
import { lex } from '../../language/index.js';
import { SEEDS } from './corpus.js';
import { HOSTILE_IDENTIFIERS, HOSTILE_NUMBERS, HOSTILE_PATHS, HOSTILE_STRINGS, quote } from './hostile.js';

interface Span { start: number; end: number; kind: string }

const spansCache = new Map<string, Span[]>();
const SEED_TEXTS = new Set(SEEDS.map((s) => s.text));
/** The tokens of a text (comments included) as spans; the seeds' are cached (the first mutation of each case). */
function spans(text: string): Span[] {
  let s = spansCache.get(text);
  if (!s) {
    const lexed = lex(text, 'seed.icx');
    s = [...lexed.tokens, ...lexed.comments]
      .map((t) => ({ start: t.startOffset, end: t.startOffset + t.image.length, kind: t.tokenType.name }))
      .sort((a, b) => a.start - b.start);
    if (SEED_TEXTS.has(text)) spansCache.set(text, s);
  }
  return s;
}

const VALUE_KINDS = new Set(['String', 'Number', 'Duration', 'Percent', 'Date', 'DateTime', 'TimeRange', 'Identifier']);

/** A replacement of the same token kind: the file most often still parses. */
function sameKind(kind: string, r: number): string {
  const of = (xs: readonly string[]) => xs[r % xs.length]!;
  switch (kind) {
    case 'String':
      return quote(of([...HOSTILE_STRINGS, ...HOSTILE_PATHS]));
    case 'Number':
      return of(['1', '0.5', '60', '0.0001', '1_000', ...HOSTILE_NUMBERS.filter((n) => /^\d[\d_]*(\.\d[\d_]*)?$/.test(n))]);
    case 'Duration':
      return of(['1s', '30s', '1min', '0s', '99999999999999999999999s', '0.0001ms', '1_000_000h', '0min']);
    case 'Percent':
      return of(['5%', '50%', '0%', '100%', '99999999999999999999%', '0.000000001%']);
    case 'Date':
      return of(['2026-06-15', '2026-01-01', '2026-02-29', '2026-13-01', '0000-00-00', '9999-12-31', '2024-02-29']);
    case 'DateTime':
      return of(['2026-03-29T02:30:00', '2026-10-25T02:30:00', '9999-12-31T23:59:59Z', '2026-01-01T24:00:00', '0001-01-01T00:00:00+14:00']);
    case 'TimeRange':
      return of(['00:00-24:00', '20:00-08:00', '25:00-26:00', '08:00-08:00', '23:59-00:00']);
    default:
      return of(HOSTILE_IDENTIFIERS);
  }
}

/** Inserted text: random strings, unicode, grammar fragments and the nastiest values. */
const insertion = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ maxLength: 8, unit: 'binary' }),
  fc.constantFrom('"', '\\', "'", '../', '../../etc/passwd', '/etc/passwd', '\u0000', '\r', '\r\n', '\t', '\ufeff', '😀', '\u202e', '{', '}', '//', '/*', '..', '->', ',', '-'),
  fc.constantFrom(...HOSTILE_NUMBERS, '1e400', '99999999999999999999999'),
  fc.constantFrom('agreement', 'service', 'rate', 'zones {', 'test "t" {', 'expect', 'usage', 'tier', 'period 2026-03', 'rates from deck "../../etc/passwd"', 'fx USD -> EUR from table "/etc/passwd" at usage date'),
  fc.nat({ max: 400 }).map((n) => '{'.repeat(n)),
  fc.nat({ max: 400 }).map((n) => 'agreement A {\n'.repeat(n)),
);

export type Mutation =
  | { op: 'delete' | 'duplicate'; token: number }
  | { op: 'swap'; token: number; other: number }
  | { op: 'replace'; token: number; r: number }
  | { op: 'cut'; at: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'repeatLine'; at: number; times: number }
  | { op: 'transform'; how: 'crlf' | 'tabs' | 'bom' | 'no-final-newline' | 'cr' };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const), token: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), token: fc.nat(), other: fc.nat() }),
  { arbitrary: fc.record({ op: fc.constant('replace' as const), token: fc.nat(), r: fc.nat() }), weight: 3 },
  fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
  { arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: insertion }), weight: 2 },
  fc.record({ op: fc.constant('repeatLine' as const), at: fc.nat(), times: fc.integer({ min: 2, max: 200 }) }),
  // what editors and other systems do to a whole file
  fc.record({ op: fc.constant('transform' as const), how: fc.constantFrom('crlf' as const, 'tabs' as const, 'bom' as const, 'no-final-newline' as const, 'cr' as const) }),
);

export function applyMutation(text: string, m: Mutation): string {
  if (m.op === 'cut') return text.slice(0, m.at % (text.length + 1));
  if (m.op === 'insert') {
    const at = m.at % (text.length + 1);
    return text.slice(0, at) + m.text + text.slice(at);
  }
  if (m.op === 'transform') {
    if (m.how === 'crlf') return text.replace(/\r?\n/g, '\r\n');
    if (m.how === 'cr') return text.replace(/\r?\n/g, '\r');
    if (m.how === 'tabs') return text.replace(/^( {2})+/gm, (s) => '\t'.repeat(s.length / 2));
    if (m.how === 'bom') return '\ufeff' + text;
    return text.replace(/\s+$/, '');
  }
  if (m.op === 'repeatLine') {
    const ls = text.split('\n');
    const i = m.at % ls.length;
    // at most ~200,000 characters added: error-dense files beyond that parse linearly but slowly
    // (about 0.25 ms per broken agreement header), which the enormous-file tests cover apart
    const times = Math.max(1, Math.min(m.times, Math.floor(200_000 / Math.max(1, ls[i]!.length))));
    return [...ls.slice(0, i + 1), ...Array<string>(times - 1).fill(ls[i]!), ...ls.slice(i + 1)].join('\n');
  }
  const ts = spans(text);
  if (ts.length === 0) return text;
  const t = ts[m.token % ts.length]!;
  const image = text.slice(t.start, t.end);
  switch (m.op) {
    case 'delete':
      return text.slice(0, t.start) + text.slice(t.end);
    case 'duplicate':
      return text.slice(0, t.end) + ' ' + image + text.slice(t.end);
    case 'replace': {
      // the first value token from there (a keyword or a brace replaced would only be a syntax error)
      const v = ts.slice(m.token % ts.length).find((x) => VALUE_KINDS.has(x.kind)) ?? t;
      return text.slice(0, v.start) + sameKind(v.kind, m.r) + text.slice(v.end);
    }
    case 'swap': {
      const u = ts[m.other % ts.length]!;
      if (u.start === t.start) return text;
      const [a, b] = u.start < t.start ? [u, t] : [t, u];
      return text.slice(0, a.start) + text.slice(b.start, b.end) + text.slice(a.end, b.start) + text.slice(a.start, a.end) + text.slice(b.end);
    }
  }
}

/** Token replacements only: the file most often still parses, so the compiler's checks and lowering see the values. */
const valueMutation: fc.Arbitrary<Mutation> = fc.record({ op: fc.constant('replace' as const), token: fc.nat(), r: fc.nat() });

/** An example agreement file (agreements/**\/*.icx) with one to six mutations of any kind, or one to three value replacements. */
export const mutatedSeed: fc.Arbitrary<SourceFile> = fc
  .tuple(fc.constantFrom(...SEEDS), fc.oneof(fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.array(valueMutation, { minLength: 1, maxLength: 3 })))
  .map(([seed, ms]) => ({ uri: seed.uri, text: ms.reduce(applyMutation, seed.text) }));
