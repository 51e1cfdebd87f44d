// `icx reconcile cdrs` as a user runs it: exit codes, messages naming file/line/field, --json,
// --map, and the --out files. The agreement is the CLI fixture (test/cli/fixtures.ts: voice-
// termination 60/60, FR-MOBILE peak 0.0123 EUR/min, default record rounding 6 decimals) with
// `dispute tolerance 1% or 0.01 EUR`.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../cli/fixtures.js';
import { icx, ROOT, STACK_LINE, tempDir } from '../cli/run-cli.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const AGREEMENT = FIXTURE.replace('  test "a 61 second', '  settlement {\n    dispute tolerance 1% or 0.01 EUR\n  }\n\n  test "a 61 second');
const HEADER = 'record_id,trunk,direction,kind,a_number,b_number,start_time,duration_s';
// three calls of 61 s at 10:00–10:20 Paris, Monday 2 March (peak): 120 s billed → 2 × 0.0123 = 0.0246 each
const OURS = [
  'O1,TG101,out,voice,447700900001,33612345678,2026-03-02T09:00:00Z,61',
  'O2,TG101,out,voice,447700900002,33612345678,2026-03-02T09:10:00Z,61',
  'O3,TG101,out,voice,447700900003,33612345678,2026-03-02T09:20:00Z,61',
];
const THEIR_HEADER = 'record_id,a_number,b_number,start_time,duration_s';

function write(name: string, lines: string[]): void {
  writeFileSync(join(dir, name), lines.join('\n') + '\n');
}
const run = (...args: string[]) => icx(['reconcile', 'cdrs', 'a', ...args, '--partner', 'ORANGE', '--period', '2026-03', '--db', 'icx.duckdb'], dir);

beforeAll(() => {
  mkdirSync(join(dir, 'a'));
  writeFileSync(join(dir, 'a', 'orange.icx'), AGREEMENT);
  write('ours.csv', [HEADER, ...OURS]);
  const rated = icx(['rate', 'a', '--usage', 'ours.csv', '--out', 'o', '--db', 'icx.duckdb'], dir);
  expect(rated.code, rated.stderr).toBe(0);
  // O1, O2 as ours; O2 a second time; X a call we never carried; O3 missing
  write('theirs.csv', [THEIR_HEADER,
    'O1,+447700900001,+33612345678,2026-03-02T09:00:00Z,61',
    'O2,447700900002,33612345678,2026-03-02T09:10:00Z,61',
    'O2,447700900002,33612345678,2026-03-02T09:10:00Z,61',
    'X,447700900009,33612345678,2026-03-02T09:30:00Z,61']);
});

describe('icx reconcile cdrs', () => {
  it('reports each category with its money, exits 3 on a dispute with --exit-code, and writes findings and evidence', () => {
    const r = run('theirs.csv', '--out', 'rec', '--exit-code');
    // difference: duplicate O2 +0.0246, unmatched X +0.0246, unmatched ours O3 −0.0246 = +0.0246;
    // theirs 0.0246 × 4 = 0.0984, 1% = 0.000984; the larger threshold is 0.01 < 0.0246 → dispute
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^matched\s+2\s+0\.0492\s+0\.0492\s+0$/m);
    expect(r.stdout).toMatch(/^unmatched theirs\s+1\s+0\.0246\s+-\s+\+0\.0246\s+disputed \+0\.0246$/m);
    expect(r.stdout).toMatch(/^duplicates theirs\s+1\s+0\.0246\s+-\s+\+0\.0246\s+disputed \+0\.0246$/m);
    expect(r.stdout).toMatch(/^unmatched ours\s+1\s+-\s+0\.0246\s+-0\.0246$/m);
    expect(r.stdout).toMatch(/^total\s+0\.0984\s+0\.0738\s+\+0\.0246$/m);
    expect(r.stdout).toContain('verdict: dispute: difference 0.0246 EUR is beyond tolerance (more than 0.01 EUR): ' +
      'the tolerance is the larger of 1% of their total 0.0984 EUR = 0.000984 EUR and 0.01 EUR: 0.01 EUR');
    // without --exit-code the report is the result: exit 0 whatever the verdict (as icx reconcile invoice)
    expect(run('theirs.csv').code).toBe(0);
    expect(readdirSync(join(dir, 'rec')).sort()).toEqual(['duplicate-theirs.csv', 'duration.csv', 'findings.json', 'unmatched-ours.csv', 'unmatched-theirs.csv']);
    const f = JSON.parse(readFileSync(join(dir, 'rec', 'findings.json'), 'utf8'));
    expect([f.format, f.kind, f.partner, f.period, f.currency, f.verdict]).toEqual([1, 'cdrs', 'ORANGE', '2026-03', 'EUR', 'dispute']);
    expect(f.totals).toEqual({ theirs: '0.0984', ours: '0.0738', difference: '0.0246' });
    expect(f.tolerance).toEqual({ percent: '1', amount: '0.01', currency: 'EUR' });
    expect(f.lines.find((l: { category: string }) => l.category === 'unmatched-theirs').evidence).toBe('unmatched-theirs.csv');
    const unmatched = readFileSync(join(dir, 'rec', 'unmatched-theirs.csv'), 'utf8').trim().split('\n');
    expect(unmatched).toHaveLength(2);
    expect(unmatched[1]).toBe('unmatched-theirs,5,X,,447700900009,33612345678,2026-03-02T09:30:00.000000Z,,61,,voice-termination,FR-MOBILE,peak,120,,0.0246,,0.0246,');
    const ours = readFileSync(join(dir, 'rec', 'unmatched-ours.csv'), 'utf8').trim().split('\n');
    expect(ours[1]).toMatch(/^unmatched-ours,,,O3,447700900003,33612345678,,2026-03-02T09:20:00\.000000Z,,61,voice-termination,FR-MOBILE,peak,,120,,0\.0246,-0\.0246,$/);
    // an empty category still gets its file (a header only), so a re-used folder keeps no stale file
    expect(readFileSync(join(dir, 'rec', 'duration.csv'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('prints Findings with --json and accepts what matches, exit 0; --map reads other column names', () => {
    write('same.csv', ['CallId,Calling,Called,Start,Dur',
      'O1,447700900001,33612345678,2026-03-02T10:00:01+01:00,61',
      ',447700900002,33612345678,2026-03-02T09:10:01Z,61',
      'O3,447700900003,33612345678,2026-03-02T09:20:00Z,61.5']);
    const r = run('same.csv', '--json', '--map', 'record_id=CallId,a_number=Calling,b_number=Called,start_time=Start,duration_s=Dur');
    expect(r.code, r.stderr).toBe(0);
    const f = JSON.parse(r.stdout);
    expect([f.verdict, f.totals.difference, f.source.file]).toEqual(['accept', '0', 'same.csv']);
    expect(f.cdrs).toMatchObject({ theirRecords: 3, ourRecords: 3, matchedById: 2, matchedByTime: 1, timeToleranceSeconds: '2', durationToleranceSeconds: '1' });
  });

  it('refuses a bad row naming file, line and field; writes nothing', () => {
    write('bad.csv', [THEIR_HEADER, 'O1,447700900001,33612345678,2026-03-02T09:00:00Z,61', 'O2,447700900002,,2026-03-02T09:10:00Z,61']);
    const r = run('bad.csv', '--out', 'rec-bad');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('icx: 1 record of bad.csv cannot be reconciled; nothing was written\nbad.csv:3: b_number: missing\n');
    expect(existsSync(join(dir, 'rec-bad'))).toBe(false);
    write('wide.csv', [THEIR_HEADER, 'O1,447700900001,33612345678,2026-03-02T09:00:00Z,61', 'O2,447700900002,33612345678,2026-03-02T09:10:00Z,61,oops']);
    expect(run('wide.csv').stderr).toBe('icx: 1 record of wide.csv cannot be reconciled; nothing was written\nwide.csv:3: fields beyond the header: oops\n');
    write('naive.csv', [THEIR_HEADER, 'O1,447700900001,33612345678,2026-03-02 10:00:00,61']);
    const naive = run('naive.csv');
    expect(naive.stderr).toContain('naive.csv:2: start_time "2026-03-02 10:00:00" has no UTC offset and no --assume-timezone was given');
    // with the zone it matches O1 (10:00 Paris = 09:00Z)
    const zoned = run('naive.csv', '--assume-timezone', 'Europe/Paris', '--json');
    expect(JSON.parse(zoned.stdout).cdrs.matchedById).toBe(1);
  });

  it('names wrong inputs with exit 2 and never a stack trace', () => {
    const missing = run('nope.csv');
    expect([missing.code, missing.stderr]).toEqual([2, 'icx: CDR file nope.csv: no such file or directory\n']);
    const tol = run('theirs.csv', '--time-tolerance', 'two');
    expect(tol.code).toBe(2);
    expect(tol.stderr).toMatch(/option '--time-tolerance <d>' argument 'two' is invalid\. expected a duration such as 2s, 1\.5s or 500ms/);
    const partner = icx(['reconcile', 'cdrs', 'a', 'theirs.csv', '--partner', 'NOBODY', '--period', '2026-03', '--db', 'icx.duckdb'], dir);
    expect([partner.code, partner.stderr]).toEqual([2, 'icx: no agreement with partner NOBODY is valid in 2026-03\n']);
    const several = icx(['reconcile', 'cdrs', join(ROOT, 'agreements'), 'theirs.csv', '--partner', 'ORANGE', '--period', '2026-03', '--db', 'icx.duckdb'], dir);
    expect(several.code).toBe(2);
    expect(several.stderr).toMatch(/2 agreements with partner ORANGE are valid in 2026-03 \(ACME-IE-ORANGE-FR-2026, ACME-ORANGE-FR-2026\): choose one with --agreement/);
    const noFile = icx(['reconcile', 'cdrs', 'a', '--partner', 'ORANGE', '--period', '2026-03'], dir);
    expect(noFile.code).toBe(2);
    for (const x of [missing, tol, partner, several, noFile]) expect(x.stderr).not.toContain(STACK_LINE);
  });
});
