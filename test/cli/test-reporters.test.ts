// `icx test --reporter junit|github`, `--output-file`, and `icx check --format github`, run as
// users run them. The JUnit XML is parsed back with a real XML parser; the annotation lines are
// compared whole.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, UNKNOWN_ZONE } from './fixtures.js';
import { icx, STACK_LINE, tempDir } from './run-cli.js';

let dir: string;
let cleanup: () => void;

const PEAK = 'a 61 second peak call to a French mobile is billed as two minutes';
// a title with every character XML must escape
const ODD = `odd <title> & 'quotes'`;
// Two failing tests: 61 s at 60/60 is two minutes, 2 × 0.0123 = 0.0246 (not 0.0123); a premium
// number is barred (not no-zone). The odd-titled test passes: 30 s → 60 s × 0.0123 = 0.0123.
const FAILING = FIXTURE.replace('expect 0.0246 EUR', 'expect 0.0123 EUR')
  .replace('expect suspense barred', 'expect suspense no-zone')
  .replace('  test "premium numbers', `  test "${ODD}" {\n    usage voice-termination to 33612345678 at 2026-03-02T10:00:00 for 30s\n    expect 0.0123 EUR\n  }\n\n  test "premium numbers`);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  writeFileSync(path.join(dir, 'pass.icx'), FIXTURE);
  writeFileSync(path.join(dir, 'fail.icx'), FAILING);
  writeFileSync(path.join(dir, 'bad.icx'), UNKNOWN_ZONE);
});
afterAll(() => cleanup());

interface Case { '@_name': string; '@_classname': string; '@_file': string; '@_line': string; failure?: { '@_message': string; '#text': string } }
interface Suite { '@_name': string; '@_tests': string; '@_failures': string; '@_file': string; testcase: Case[] }

function parseJunit(xml: string): { testsuites: { '@_tests': string; '@_failures': string; testsuite: Suite[] } } {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => name === 'testsuite' || name === 'testcase', trimValues: false });
  return parser.parse(xml) as ReturnType<typeof parseJunit>;
}

describe('icx test --reporter junit', () => {
  it('prints JUnit XML that parses back: one suite per agreement, counts, names, file and line, failure text', () => {
    const r = icx(['test', 'fail.icx', '--reporter', 'junit'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain(STACK_LINE);
    const doc = parseJunit(r.stdout);
    expect(doc.testsuites['@_tests']).toBe('3');
    expect(doc.testsuites['@_failures']).toBe('2');
    const [suite] = doc.testsuites.testsuite;
    expect(doc.testsuites.testsuite).toHaveLength(1);
    expect(suite).toMatchObject({ '@_name': 'ACME-ORANGE-FR-2026', '@_tests': '3', '@_failures': '2', '@_file': 'fail.icx' });
    expect(suite!.testcase.map((c) => c['@_name'])).toEqual([PEAK, ODD, 'premium numbers are barred']);
    const [peak, odd, premium] = suite!.testcase;
    expect(peak).toMatchObject({ '@_classname': 'ACME-ORANGE-FR-2026', '@_file': 'fail.icx', '@_line': String(lineOf(FAILING, `test "${PEAK}"`)) });
    expect(peak!.failure!['@_message']).toBe('expected 0.0123 EUR zone FR-MOBILE band peak got 0.0246 EUR zone FR-MOBILE band peak billed 120s');
    expect(peak!.failure!['#text']).toContain('amount: expected 0.0123, got 0.0246');
    expect(peak!.failure!['#text']).toContain('61 s billed 120 s (60/60) × 0.0123 EUR/min = 0.0246 EUR');
    expect(odd!.failure).toBeUndefined();
    expect(premium!.failure!['@_message']).toBe('expected suspense no-zone got suspense barred');
    expect(premium!.failure!['#text']).toContain('suspense barred: B-number 33891234567 is in barred zone FR-PREMIUM');
  });

  it('--output-file writes the XML there (whole, no temp file left) and prints the summary; exit 0 when all pass', () => {
    const r = icx(['test', 'pass.icx', '--reporter', 'junit', '--output-file', 'reports/junit.xml'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('2 tests passed, 0 failed; junit report written to reports/junit.xml\n');
    const doc = parseJunit(readFileSync(path.join(dir, 'reports', 'junit.xml'), 'utf8'));
    expect(doc.testsuites['@_failures']).toBe('0');
    expect(doc.testsuites.testsuite[0]!.testcase).toHaveLength(2);
    expect(readdirSync(path.join(dir, 'reports'))).toEqual(['junit.xml']);
  });

  it('--output-file into a place that cannot be a directory: a usage error before any work', () => {
    const r = icx(['test', 'pass.icx', '--reporter', 'junit', '--output-file', 'pass.icx/out.xml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--output-file pass.icx/out.xml');
    expect(r.stderr).not.toContain(STACK_LINE);
  });

  it('an unknown reporter is a usage error', () => {
    const r = icx(['test', 'pass.icx', '--reporter', 'tap'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('text, junit, github');
  });
});

describe('icx test --reporter github', () => {
  it('prints one ::error per failed test at its file and line, escaped, then the summary', () => {
    const r = icx(['test', 'fail.icx', '--reporter', 'github'], dir);
    expect(r.code).toBe(1);
    const peakLine = lineOf(FAILING, `test "${PEAK}"`);
    const premiumLine = lineOf(FAILING, 'test "premium numbers');
    const rateLine = lineOf(FAILING, 'rate FR-MOBILE');
    // the message's newlines are %0A; `:` and `,` are escaped only in the properties
    expect(r.stdout.split('\n')).toEqual([
      `::error file=fail.icx,line=${peakLine},title=icx test::${PEAK}: expected 0.0123 EUR zone FR-MOBILE band peak got 0.0246 EUR zone FR-MOBILE band peak billed 120s` +
        '%0Aamount: expected 0.0123, got 0.0246%0Atrace:' +
        '%0A  record: voice-termination to 33612345678 at 2026-03-02T10:00:00 for 61s' +
        '%0A  zone FR-MOBILE (prefix 336), band peak' +
        `%0A  rate line voice-termination/FR-MOBILE/peak/2026-01-01 at fail.icx:${rateLine}: 0.0123 EUR/min` +
        '%0A  61 s billed 120 s (60/60) × 0.0123 EUR/min = 0.0246 EUR',
      `::error file=fail.icx,line=${premiumLine},title=icx test::premium numbers are barred: expected suspense no-zone got suspense barred` +
        '%0Aexpected suspense no-zone, got barred (B-number 33891234567 is in barred zone FR-PREMIUM (prefix 3389) of ACME-ORANGE-FR-2026 service voice-termination)' +
        '%0Atrace:%0A  record: voice-termination to 33891234567 at 2026-03-02T10:00:00 for 30s' +
        '%0A  suspense barred: B-number 33891234567 is in barred zone FR-PREMIUM (prefix 3389) of ACME-ORANGE-FR-2026 service voice-termination',
      'icx test: 1 test passed, 2 failed',
      '',
    ]);
  });

  it('paths are shown relative to the working directory, as the CLI displays them', () => {
    const r = icx(['test', path.join(dir, 'fail.icx'), '--reporter', 'github'], path.dirname(dir));
    expect(r.stdout).toContain(`::error file=${path.basename(dir)}/fail.icx,line=`);
  });

  it('nothing but the summary when every test passes', () => {
    const r = icx(['test', 'pass.icx', '--reporter', 'github'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('icx test: 2 tests passed, 0 failed\n');
  });
});

describe('icx check --format github', () => {
  it('prints each diagnostic as an annotation with its range and code, then the summary; exit 1 on errors', () => {
    const r = icx(['check', 'bad.icx', '--format', 'github'], dir);
    expect(r.code).toBe(1);
    const line = lineOf(UNKNOWN_ZONE, 'rate FR-FIXD');
    // `rate FR-FIXD`: the zone name starts at column 10 (4 spaces + "rate "), 7 characters, end exclusive
    expect(r.stdout).toBe(
      `::error file=bad.icx,line=${line},col=10,endLine=${line},endColumn=17,title=ICX2002::Unknown zone FR-FIXD; define it in \`zones { ... }\` or use one of: any, FR-MOBILE, FR-FIXED, FR-PREMIUM.\n` +
        '1 error, 0 warnings in 1 file\n',
    );
  });

  it('a clean file: only the summary, exit 0', () => {
    const r = icx(['check', 'pass.icx', '--format', 'github'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('ok: 1 file, 1 agreement, no problems\n');
  });
});
