// `icx report traffic` as users run it (a subprocess): the report of the fixture store, named
// by the fixture agreements, and every refusal with its message and exit code.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icx, STACK_LINE, tempDir } from '../cli/run-cli.js';
import { AGREEMENT_TEXTS, fixtureStore } from './fixture.js';

const { dir, cleanup } = tempDir();
afterAll(() => cleanup());
const db = join(dir, 'icx.duckdb');

beforeAll(async () => {
  const store = await fixtureStore(db);
  await store.close();
  mkdirSync(join(dir, 'agreements'));
  for (const [name, text] of Object.entries(AGREEMENT_TEXTS)) writeFileSync(join(dir, 'agreements', name), text);
}, 60_000);

const run = (...args: string[]) => icx(['report', 'traffic', ...args], dir);

describe('icx report traffic', () => {
  it('writes the month of the store, partners named by the agreements', () => {
    const r = run('agreements', '--period', '2026-03', '--db', db, '--out', 'reports/march.html');
    expect(r.code, r.stderr).toBe(0);
    // rated 7 payable EUR + 3 payable USD + 2 receivable EUR = 12; suspense: S3 (no-agreement)
    expect(r.stdout).toBe('traffic report 2026-03: 12 rated records, 1 in suspense → reports/march.html\n');
    const html = readFileSync(join(dir, 'reports', 'march.html'), 'utf8');
    expect(html).toContain('<title>Traffic report — March 2026</title>');
    expect(html).toMatch(/<td>ORANGE<\/td>/);
    expect(html).toMatch(/<td>TELCOUS<\/td>/);
    // payable EUR total 0.1890 (traffic-data.test.ts)
    expect(html).toContain('0.189 <span class="ccy">EUR</span>');
    expect(html).not.toMatch(/https?:|<script/);
  });

  it('works from the store alone (agreement ids) and with --partner', () => {
    const r = run('--period', '2026-03', '--db', db, '--out', 'us.html', '--partner', 'REP-US');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('traffic report 2026-03 of REP-US: 3 rated records, 0 in suspense → us.html\n');
    expect(readFileSync(join(dir, 'us.html'), 'utf8')).toMatch(/<td>REP-US<\/td>/);
  });

  it('an empty month: a report that says so, and a warning', () => {
    const r = run('--period', '2026-05', '--db', db, '--out', 'may.html');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^icx: warning: no rated traffic in 2026-05 in .*icx\.duckdb: the report says so\n$/);
    expect(readFileSync(join(dir, 'may.html'), 'utf8')).toContain('No rated traffic in May 2026');
  });

  it('refuses a missing store without creating one', () => {
    const r = run('--period', '2026-03', '--db', 'nope.duckdb', '--out', 'x.html');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('icx: --db nope.duckdb: no such file or directory\n');
    expect(existsSync(join(dir, 'nope.duckdb'))).toBe(false);
    expect(existsSync(join(dir, 'x.html'))).toBe(false);
  });

  it('refuses a bad period, a missing one, an unknown partner and a non-HTML --out, writing nothing', () => {
    const bad = run('--period', '2026-3', '--db', db, '--out', 'x.html');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--period <YYYY-MM>' argument '2026-3' is invalid\. expected a month as YYYY-MM/);
    const none = run('--db', db, '--out', 'x.html');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/required option '--period <YYYY-MM>' not specified/);
    const who = run('agreements', '--period', '2026-03', '--db', db, '--out', 'x.html', '--partner', 'NOPE');
    expect(who.code).toBe(2);
    expect(who.stderr).toBe('icx: --partner NOPE: no rated or suspense record of that partner or agreement in the store (it has ORANGE, TELCOUS)\n');
    const txt = run('--period', '2026-03', '--db', db, '--out', 'x.txt');
    expect(txt.code).toBe(2);
    expect(txt.stderr).toBe('icx: --out x.txt: the report is HTML, give a file ending in .html\n');
    for (const r of [bad, none, who, txt]) expect(r.stderr).not.toContain(STACK_LINE);
    expect(existsSync(join(dir, 'x.html'))).toBe(false);
    expect(existsSync(join(dir, 'x.txt'))).toBe(false);
  });
});
