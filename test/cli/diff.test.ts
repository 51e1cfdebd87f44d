// End to end: `icx diff` on directories with --usage (impact amounts computed by hand below),
// on git revisions of a temporary repository, --exit-code both ways, and sides that fail.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, DECK_AGREEMENT, DECK_NEW, DECK_OLD, SECOND, variant } from '../diff/snippets.js';
import { icx, STACK_LINE, tempDir } from './run-cli.js';

let dir: string;
let cleanup: () => void;

/** v2: FR-MOBILE peak 0.0123 → 0.0133; 33 2 leaves FR-FIXED for a new barred zone FR-PREMIUM. */
const NEW = variant(
  ['version 1', 'version 2'],
  ['peak 0.0123 EUR/min', 'peak 0.0133 EUR/min'],
  ['FR-FIXED   33 1, 33 2\n', 'FR-FIXED   33 1\n    FR-PREMIUM 33 2\n'],
  ['    rate FR-FIXED   0.0045 EUR/min\n', '    rate FR-FIXED   0.0045 EUR/min\n    bar FR-PREMIUM\n'],
);

// Billing 60/60 (whole minutes, rounded up). 2026-03-02 is a Monday; peak is mon-fri 08:00-20:00 Paris.
//   r1 FR-MOBILE peak 61 s → 2 min: old 2 × 0.0123 = 0.0246, new 2 × 0.0133 = 0.0266
//   r2 FR-MOBILE peak 300 s → 5 min: old 5 × 0.0123 = 0.0615, new 5 × 0.0133 = 0.0665
//      FR-MOBILE peak: old 0.0861, new 0.0931, difference +0.0070 on 2 records
//   r3 FR-MOBILE offpeak (22:00) 60 s → 1 min × 0.0100 = 0.0100 on both sides: no row
//   r4 33 2… peak 90 s → 2 min: old FR-FIXED 2 × 0.0045 = 0.0090; new: barred → suspense (moved, 0.0090)
//   r5 sms in, 1 message at tier 1's provisional 0.0050 on both sides
//   cost (out): old 0.0246 + 0.0615 + 0.0100 + 0.0090 = 0.1051; new 0.0266 + 0.0665 + 0.0100 = 0.1031; −0.0020
//   revenue (in): 0.0050 → 0.0050, difference 0
const USAGE = `record_id,trunk,direction,kind,b_number,start_time,duration_s,units
r1,TG1,out,voice,33612345678,2026-03-02T10:00:00+01:00,61,
r2,TG1,out,voice,33712345678,2026-03-02T10:30:00+01:00,300,
r3,TG1,out,voice,33612345678,2026-03-02T22:00:00+01:00,60,
r4,TG1,out,voice,33212345678,2026-03-02T11:00:00+01:00,90,
r5,TG1,in,sms,447700900123,2026-03-02T11:00:00+01:00,,1
`;

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=icx test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' });
}

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  for (const d of ['old', 'new', 'bad']) mkdirSync(path.join(dir, d));
  writeFileSync(path.join(dir, 'old', 'acme.icx'), BASE);
  writeFileSync(path.join(dir, 'new', 'acme.icx'), NEW);
  writeFileSync(path.join(dir, 'bad', 'acme.icx'), BASE.replace('  zones {', '  zones {{'));
  writeFileSync(path.join(dir, 'usage.csv'), USAGE);
  // two partners: SFR's FR-MOBILE 0.0110 → 0.0120; r6 is 60 s on its trunk: 1 min, 0.0110 → 0.0120
  for (const d of ['old2', 'new2']) mkdirSync(path.join(dir, d));
  writeFileSync(path.join(dir, 'old2', 'acme.icx'), BASE);
  writeFileSync(path.join(dir, 'old2', 'sfr.icx'), SECOND);
  writeFileSync(path.join(dir, 'new2', 'acme.icx'), NEW);
  writeFileSync(path.join(dir, 'new2', 'sfr.icx'), SECOND.replace('0.0110 EUR/min', '0.0120 EUR/min'));
  writeFileSync(path.join(dir, 'usage2.csv'), USAGE + 'r6,TG2,out,voice,33612345678,2026-03-02T10:00:00+01:00,60,\n');
});
afterAll(() => cleanup());

describe('icx diff OLD NEW', () => {
  it('prints the changes and the impact on the traffic, exit 0', () => {
    const r = icx(['diff', 'old', 'new', '--usage', 'usage.csv'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('~ agreement DIFF-ACME-ORANGE (ORANGE) v1 → v2  (acme.icx)');
    expect(r.stdout).toContain('    ~ zone FR-FIXED loses 332\n');
    expect(r.stdout).toContain('    + zone FR-PREMIUM 332\n    + bar FR-PREMIUM\n');
    expect(r.stdout).toContain('    ~ FR-MOBILE peak 0.0123 → 0.0133 EUR/min (+8.13%)\n');
    expect(r.stdout).toContain('Impact on usage.csv (5 records; old: 5 rated, 0 in suspense; new: 4 rated, 1 in suspense)\n' +
      '  DIFF-ACME-ORANGE voice-termination FR-MOBILE peak (ORANGE, cost) +0.0010 EUR/min: +0.007 EUR on this traffic (0.0861 → 0.0931, 2 records)\n' +
      '  1 record rated before, in suspense now (barred): DIFF-ACME-ORANGE voice-termination FR-FIXED, 0.009 EUR\n' +
      '  total revenue 0.005 → 0.005 EUR: 0.00 EUR\n' +
      '  total cost 0.1051 → 0.1031 EUR: -0.002 EUR\n');
  });

  it('gives the impact as exact decimal strings with --json', () => {
    const r = icx(['diff', 'old', 'new', '--usage', 'usage.csv', '--json'], dir);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.format).toBe(1);
    expect(doc.impact.records).toBe(5);
    expect(doc.impact.rows).toEqual([{
      agreement: 'DIFF-ACME-ORANGE', partner: 'ORANGE', direction: 'out', service: 'voice-termination', zone: 'FR-MOBILE', band: 'peak',
      currency: 'EUR', was: null, records: 2, oldAmount: '0.086100000', newAmount: '0.093100000', difference: '0.007000000',
    }]);
    expect(doc.impact.moved).toEqual([{
      move: 'rated→suspense', agreement: 'DIFF-ACME-ORANGE', service: 'voice-termination', zone: 'FR-FIXED', reason: 'barred',
      records: 1, amount: '0.009000000', currency: 'EUR',
    }]);
    expect(doc.impact.totals).toEqual([
      { direction: 'in', currency: 'EUR', oldAmount: '0.005000000', newAmount: '0.005000000', difference: '0.000000000' },
      { direction: 'out', currency: 'EUR', oldAmount: '0.105100000', newAmount: '0.103100000', difference: '-0.002000000' },
    ]);
  });

  it('writes a pull-request comment with --format markdown', () => {
    const r = icx(['diff', 'old', 'new', '--usage', 'usage.csv', '--format', 'markdown'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^## icx diff: `old` → `new`\n/);
    expect(r.stdout).toContain('| ~ | voice-termination | FR-MOBILE peak | 0.0123 EUR/min | 0.0133 EUR/min | +8.13% |');
    expect(r.stdout).toContain('| ORANGE | DIFF-ACME-ORANGE | voice-termination | FR-MOBILE | peak | cost | +0.0010 EUR/min | 0.0861 | 0.0931 | **+0.007 EUR** | 2 |');
  });

  it('with several partners, gives the totals per partner too', () => {
    const r = icx(['diff', 'old2', 'new2', '--usage', 'usage2.csv'], dir);
    expect(r.stderr).toBe('');
    // ORANGE as above; SFR cost 0.0110 → 0.0120; totals: cost 0.1051 + 0.0110 = 0.1161 → 0.1031 + 0.0120 = 0.1151 (−0.0010)
    expect(r.stdout).toContain('  DIFF-ACME-SFR voice-termination FR-MOBILE (SFR, cost) +0.0010 EUR/min: +0.001 EUR on this traffic (0.011 → 0.012, 1 record)\n');
    expect(r.stdout).toContain(
      '  ORANGE revenue 0.005 → 0.005 EUR: 0.00 EUR\n' +
      '  ORANGE cost 0.1051 → 0.1031 EUR: -0.002 EUR\n' +
      '  SFR cost 0.011 → 0.012 EUR: +0.001 EUR\n' +
      '  total revenue 0.005 → 0.005 EUR: 0.00 EUR\n' +
      '  total cost 0.1161 → 0.1151 EUR: -0.001 EUR\n');
  });

  it('reads Parquet usage as well (the same records, the same totals)', async () => {
    const { openStore } = await import('../../runtime/index.js');
    const store = await openStore(':memory:');
    try {
      const csv = path.join(dir, 'usage.csv').replace(/'/g, "''");
      const pq = path.join(dir, 'usage.parquet').replace(/'/g, "''");
      // all_varchar: the columns stay text, as the usage contract reads them
      await store.connection.run(`COPY (SELECT * FROM read_csv('${csv}', all_varchar = true)) TO '${pq}' (FORMAT parquet)`);
    } finally {
      await store.close();
    }
    const r = icx(['diff', 'old', 'new', '--usage', 'usage.parquet'], dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('  total cost 0.1051 → 0.1031 EUR: -0.002 EUR\n');
  });

  it('--exit-code: 1 with commercial changes, 0 without', () => {
    expect(icx(['diff', 'old', 'new', '--exit-code'], dir).code).toBe(1);
    const same = icx(['diff', 'old', 'old', '--exit-code'], dir);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('No commercial changes.');
    expect(icx(['diff', 'old', 'new'], dir).code).toBe(0);
  });

  it('names the side, file and line of an agreement that does not compile, exit 1', () => {
    const r = icx(['diff', 'old', 'bad'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^bad\/acme\.icx:\d+:\d+: error ICX1\d{3}: /m);
    expect(r.stderr).toContain('icx: the new side (bad) does not compile');
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(r.stdout).toBe('');
  });

  it('refuses a missing side and an unknown format, exit 2', () => {
    expect(icx(['diff', 'old', 'nowhere'], dir).code).toBe(2);
    expect(icx(['diff', 'old', 'new', '--format', 'html'], dir).code).toBe(2);
  });
});

describe('icx diff on git revisions', () => {
  let repo: string;
  beforeAll(() => {
    repo = path.join(dir, 'repo');
    mkdirSync(path.join(repo, 'agreements', 'decks'), { recursive: true });
    git(repo, 'init', '-q');
    writeFileSync(path.join(repo, 'agreements', 'acme.icx'), BASE);
    writeFileSync(path.join(repo, 'agreements', 'deck.icx'), DECK_AGREEMENT('2026-01-01'));
    writeFileSync(path.join(repo, 'agreements', 'decks', 'az.csv'), DECK_OLD);
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'v1');
    writeFileSync(path.join(repo, 'agreements', 'acme.icx'), variant(['peak 0.0123 EUR/min', 'peak 0.0133 EUR/min']));
    writeFileSync(path.join(repo, 'agreements', 'deck.icx'), DECK_AGREEMENT('2026-03-01'));
    writeFileSync(path.join(repo, 'agreements', 'decks', 'az.csv'), DECK_NEW);
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'v2');
  });

  it('compares HEAD~1..HEAD, reading agreements and decks at each revision (no checkout)', () => {
    const r = icx(['diff', 'HEAD~1..HEAD', 'agreements'], repo);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^icx diff HEAD~1 → HEAD\n/);
    expect(r.stdout).toContain('    ~ FR-MOBILE peak 0.0123 → 0.0133 EUR/min (+8.13%)\n');
    // the deck is read at each revision: 336 was 0.0380 in v1's deck, 0.0400 in v2's
    expect(r.stdout).toContain('    ~ 336 France - Mobile 0.0380 → 0.0400 USD/min (+5.26%) from 2026-01-01\n');
    expect(r.stdout).toContain('1 notice violation');
  });

  it('--exit-code on revisions: HEAD..HEAD has none (0), HEAD~1.. has some (1)', () => {
    const same = icx(['diff', 'HEAD..HEAD', '--exit-code'], repo);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('No commercial changes.');
    expect(icx(['diff', 'HEAD~1..', '--exit-code'], repo).code).toBe(1);
  });

  it('takes two revisions written apart as REV1..REV2', () => {
    const r = icx(['diff', 'HEAD~1', 'HEAD'], repo);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^icx diff HEAD~1 → HEAD\n/);
    expect(r.stdout).toContain('    ~ FR-MOBILE peak 0.0123 → 0.0133 EUR/min (+8.13%)\n');
  });

  it('compares a revision with the working tree', () => {
    writeFileSync(path.join(repo, 'agreements', 'acme.icx'), variant(['billing 60/60', 'billing 1/1']));
    const r = icx(['diff', 'HEAD', 'agreements'], repo);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^icx diff HEAD → working tree\n/);
    expect(r.stdout).toContain('    ~ billing 60/60 → 1/1\n');
    // v2 had the peak at 0.0133; the working tree's file is BASE with 1/1 billing:
    // (0.0123 − 0.0133) / 0.0133 = −7.5188% → −7.52%
    expect(r.stdout).toContain('    ~ FR-MOBILE peak 0.0133 → 0.0123 EUR/min (-7.52%)\n');
  });

  it('names the revision and file of a side that does not compile', () => {
    writeFileSync(path.join(repo, 'agreements', 'acme.icx'), BASE.replace('  zones {', '  zones {{'));
    git(repo, 'commit', '-q', '-am', 'broken');
    const r = icx(['diff', 'HEAD~1..HEAD'], repo);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^HEAD:agreements\/acme\.icx:\d+:\d+: error ICX1\d{3}: /m);
    expect(r.stderr).toContain('icx: the new side (HEAD) does not compile');
  });

  it('refuses an unknown revision, exit 2', () => {
    const r = icx(['diff', 'nosuchrev..HEAD'], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nosuchrev: not a git revision');
  });
});
