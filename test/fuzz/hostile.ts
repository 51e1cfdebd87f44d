// Hostile values, shared by the generators and the hostile-content tests: what a careless or
// malicious agreement author could write where a name, a string, a number or a path goes.

/** String contents (written between quotes, escaped by `quote`). */
export const HOSTILE_STRINGS: readonly string[] = [
  "O'Brien & Sons",
  "x'; DROP TABLE rated; --",
  "'); DELETE FROM usage; --",
  'Robert"); DROP TABLE plans;--',
  '"quoted"',
  'back\\slash',
  '; ; ;',
  '../../etc/passwd',
  '/etc/passwd',
  '..\\..\\windows\\system32',
  'C:\\Windows\\win.ini',
  'decks/../../../etc/passwd',
  '%2e%2e%2fetc%2fpasswd',
  '\u0000',
  'nul\u0000inside',
  '\u0007\u0008\u001b[31mred\u001b[0m',
  '\u202eevil\u202c',
  '\ufeffbom',
  'ACME ⇄ Orange 😀 テスト',
  'a'.repeat(2000),
  '${process.exit(1)}',
  '<script>alert(1)</script>',
  '',
];

/** Identifiers the lexer accepts that look like trouble (keywords as names, long names, SQL words). */
export const HOSTILE_IDENTIFIERS: readonly string[] = [
  'DROP',
  'TABLE',
  'SELECT',
  'x--y',
  'a_b-c',
  'rate',
  'zone',
  'any',
  'peak',
  'otherwise',
  'agreement',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'A'.repeat(500),
];

/** Numbers: huge, long, zero, with separators, and what is not a number at all. */
export const HOSTILE_NUMBERS: readonly string[] = [
  '0',
  '00000',
  '99999999999999999999999',
  '1e400',
  '1' + '0'.repeat(400),
  '0.' + '0'.repeat(60) + '1',
  '9'.repeat(40) + '.' + '9'.repeat(40),
  '1_000_000_000_000_000_000',
  '1__0',
  '9007199254740993',
  '-1',
  '0.0000000000000000000000001',
];

/** Paths where a deck, an FX table or a traffic file is named. */
export const HOSTILE_PATHS: readonly string[] = [
  '../../etc/passwd',
  '../etc/passwd',
  '/etc/passwd',
  '/dev/zero',
  'decks/../../secret.csv',
  './../outside.csv',
  'decks\\..\\..\\x.csv',
  'decks/\u0000.csv',
  'decks/nope.csv',
  '',
  '.',
  'decks',
  '~/x.csv',
  'file:///etc/passwd',
];

/** The body of a string literal for `text`: `\` and `"` escaped (the lexer's own escapes). */
export function quote(text: string): string {
  return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', ' ')}"`;
}
