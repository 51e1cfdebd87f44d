// `icx test --update` round trip on temp copies: a deliberate price change makes tests fail;
// --update rewrites their expect lines (single-record and period tests), prints old → new with
// file:line, keeps the file canonical, and the re-run passes. What cannot be updated is named.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from './fixtures.js';
import { icx, STACK_LINE, tempDir } from './run-cli.js';

let dir: string;
let cleanup: () => void;

const PEAK = 'a 61 second peak call to a French mobile is billed as two minutes';
const MONTH = `  test "a month of peak calls" {
    // 3 calls of 61 s, each billed 120 s
    period 2026-03
    usage voice-termination to 33612345678 at 2026-03-02T10:00:00 for 61s count 3
    expect 0.0738 EUR
    expect total 0.0738 EUR
  }

  test "premium numbers are barred" {`;
// The agreement before the change: every test passes (0.0738 = 3 × 2 min × 0.0123).
const BEFORE = FIXTURE.replace('expect 0.0246 EUR zone FR-MOBILE band peak', 'expect 0.0246 EUR zone FR-MOBILE band peak billed 120s')
  .replace('  test "premium numbers are barred" {', MONTH);
// The deliberate change: the peak mobile price goes from 0.0123 to 0.0150 EUR/min. Hand-computed
// new values: one 61 s call billed 120 s (60/60) = 2 min × 0.0150 = 0.0300 EUR; the month's three
// = 3 × 0.0300 = 0.0900 EUR, no charge lines, so the total is 0.0900 too. And the barred test's
// expectation was wrong on purpose (no-zone): the actual reason is barred.
const CHANGED = BEFORE.replace('rate FR-MOBILE  peak 0.0123 EUR/min', 'rate FR-MOBILE  peak 0.0150 EUR/min')
  .replace('expect suspense barred', 'expect suspense no-zone');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  writeFileSync(path.join(dir, 'before.icx'), BEFORE);
  writeFileSync(path.join(dir, 'agreement.icx'), CHANGED);
});
afterAll(() => cleanup());

describe('icx test --update', () => {
  it('the fixture before the change passes and is canonical', () => {
    expect(icx(['test', 'before.icx'], dir).code).toBe(0);
    expect(icx(['fmt', '--check', 'before.icx'], dir).code).toBe(0);
  });

  it('fails before, rewrites the expect lines, prints old → new with file:line, passes after, stays canonical', () => {
    expect(icx(['fmt', '--check', 'agreement.icx'], dir).code).toBe(0);
    const before = icx(['test', 'agreement.icx'], dir);
    expect(before.code).toBe(1);
    expect(before.stdout).toMatch(/0 tests passed, 3 failed/);

    const r = icx(['test', 'agreement.icx', '--update'], dir);
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(r.code).toBe(0);
    const at = (needle: string) => `agreement.icx:${lineOf(CHANGED, needle)}`;
    expect(r.stdout).toContain(
      '--update: 4 expect lines rewritten in 1 file\n' +
        `  ${at('billed 120s')}  ${PEAK}\n` +
        '    - expect 0.0246 EUR zone FR-MOBILE band peak billed 120s\n' +
        '    + expect 0.0300 EUR zone FR-MOBILE band peak billed 120s\n' +
        `  ${at('    expect 0.0738 EUR')}  a month of peak calls\n` +
        '    - expect 0.0738 EUR\n' +
        '    + expect 0.0900 EUR\n' +
        `  ${at('expect total 0.0738 EUR')}  a month of peak calls\n` +
        '    - expect total 0.0738 EUR\n' +
        '    + expect total 0.0900 EUR\n' +
        `  ${at('expect suspense no-zone')}  premium numbers are barred\n` +
        '    - expect suspense no-zone\n' +
        '    + expect suspense barred\n',
    );
    // --update checks itself: the rewritten file is compiled and tested again
    expect(r.stdout).toContain('re-run after --update: 3 tests passed, 0 failed\n');
    // only the expect lines changed, to the hand-computed values
    const expected = CHANGED.replace('expect 0.0246 EUR zone', 'expect 0.0300 EUR zone')
      .replace('    expect 0.0738 EUR\n', '    expect 0.0900 EUR\n')
      .replace('expect total 0.0738 EUR', 'expect total 0.0900 EUR')
      .replace('expect suspense no-zone', 'expect suspense barred');
    expect(readFileSync(path.join(dir, 'agreement.icx'), 'utf8')).toBe(expected);

    const after = icx(['test', 'agreement.icx'], dir);
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/3 tests passed, 0 failed/);
    expect(icx(['fmt', '--check', 'agreement.icx'], dir).code).toBe(0);
  });

  it('a billed duration and a shorter literal keep the file canonical', () => {
    // billed 60s was wrong: 61 s at 60/60 is 120 s; the amount 0.0246 is right and stays
    const text = FIXTURE.replace('expect 0.0246 EUR zone FR-MOBILE band peak', 'expect 0.0246 EUR zone FR-MOBILE band offpeak billed 60s  // two minutes');
    writeFileSync(path.join(dir, 'billed.icx'), text);
    expect(icx(['fmt', '--check', 'billed.icx'], dir).code).toBe(0);
    const r = icx(['test', 'billed.icx', '--update'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('    - expect 0.0246 EUR zone FR-MOBILE band offpeak billed 60s  // two minutes\n    + expect 0.0246 EUR zone FR-MOBILE band peak billed 120s  // two minutes\n');
    expect(icx(['test', 'billed.icx'], dir).code).toBe(0);
    expect(icx(['fmt', '--check', 'billed.icx'], dir).code).toBe(0);
  });

  it('says which tests it cannot update, and why, and exits 1', () => {
    // two calls to a barred number cannot make an amount: the usage is wrong, not the expectation
    const text = FIXTURE.replace('  test "premium numbers are barred" {', `  test "premium calls in a month" {
    period 2026-03
    usage voice-termination to 33891234567 at 2026-03-02T10:00:00 for 30s count 2
    expect 0.0100 EUR
  }

  test "premium numbers are barred" {`);
    writeFileSync(path.join(dir, 'stuck.icx'), text);
    const r = icx(['test', 'stuck.icx', '--update'], dir);
    expect(r.code).toBe(1);
    const line = lineOf(text, 'test "premium calls in a month"');
    const expectLine = lineOf(text, 'expect 0.0100 EUR');
    expect(r.stdout).toContain('--update: 0 expect lines rewritten in 0 files\n');
    expect(r.stdout).toContain(
      `  not updated: stuck.icx:${line}  premium calls in a month: line ${expectLine}: 2 of 2 records went to suspense (barred, barred); fix the usage or expect suspense by hand\n`,
    );
    expect(readFileSync(path.join(dir, 'stuck.icx'), 'utf8')).toBe(text);
  });

  it('--update with --reporter junit keeps stdout pure XML (the notes go to stderr)', () => {
    writeFileSync(path.join(dir, 'junit.icx'), CHANGED);
    const r = icx(['test', 'junit.icx', '--update', '--reporter', 'junit'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<?xml')).toBe(true);
    expect(r.stdout.trimEnd().endsWith('</testsuites>')).toBe(true);
    expect(r.stderr).toContain('--update: 4 expect lines rewritten in 1 file');
  });
});
