// `icx lcr --store` end to end: measured quality in the summary and the JSON, commitment use in
// the notes, the store never written, and every bad store or window one message with exit 2 (or
// 1 for a window without traffic), never a stack trace. Figures as in lcr-quality-measured.test.ts.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icx, STACK_LINE, tempDir } from '../cli/run-cli.js';
import { call, longCall, calls, storeWith } from './store-support.js';
import { ALPHA, BETA, DELTA, EPSILON, GAMMA, plansOf } from './suppliers.js';

let dir: string;
let cleanup: () => void;
const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  mkdirSync(path.join(dir, 'ag'));
  const texts = { ALPHA, BETA, GAMMA, DELTA, EPSILON };
  for (const [name, text] of Object.entries(texts)) writeFileSync(path.join(dir, 'ag', `${name.toLowerCase()}.icx`), text);
  writeFileSync(path.join(dir, 'fx.csv'), 'date,from,to,rate\n2026-03-10,USD,EUR,0.90\n');
  writeFileSync(path.join(dir, 'text.duckdb'), 'not a database\n');
  (await DuckDBInstance.create(path.join(dir, 'empty.duckdb'))).closeSync();
  // ALPHA 3 answered of 8 (37.5 %), GAMMA 4 of 8 (50 %); EPSILON 599,940 s = 9,999 min in March
  await storeWith(plansOf(...Object.values(texts)), [[
    ...calls('TA1', '33612345678', '2026-03-01T10:00:00Z', 8, 3),
    ...calls('TG1', '33612345678', '2026-03-02T10:00:00Z', 8, 4),
    ...longCall('TE1', '33612345678', '2026-03-01T00:00:00Z', 599940),
  ]], path.join(dir, 'icx.duckdb'));
});
afterAll(() => cleanup());

const BASE = ['lcr', 'ag', '--at', '2026-03-10T10:00', '--fx', 'fx.csv'];
const W = '2026-02-08..2026-03-09';

describe('icx lcr --store (CLI)', () => {
  it('judges the floor on measured quality, shows the figures, reads commitment use, writes nothing', () => {
    const before = hash(path.join(dir, 'icx.duckdb'));
    const r = icx([...BASE, '--store', 'icx.duckdb', '--min-asr', '40', '--min-attempts', '8'], dir);
    expect(r.code).toBe(0);
    // ALPHA out on its measured 37.5 %; DELTA (no traffic, no stated target) out on the stated targets; EPSILON
    // 1 attempt, 100 %, but fewer than 8 and no stated target: out too
    expect(r.stdout).toContain(`; ALPHA (LCR-ALPHA) left out: quality: measured ASR 37.5% over 8 attempts ${W}, below the floor 40%`);
    expect(r.stdout).toContain(`; DELTA (LCR-DELTA) left out: quality: the agreement states no asr target (floor 40%) (only 0 attempts measured ${W})`);
    // kept suppliers' figures: BETA 0 attempts (stated 40 % ≥ 40 %), GAMMA 4 of 8
    expect(r.stdout).toContain(`; measured quality ${W}: BETA no attempts (too few: stated targets used), GAMMA ASR 50.0% ACD 60.0 s over 8 attempts\n`);
    expect(r.stderr).toContain(`icx: note: LCR-BETA (termination): 0 attempts measured ${W} (fewer than --min-attempts 8): quality judged on the agreement's stated targets\n`);
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(hash(path.join(dir, 'icx.duckdb'))).toBe(before);
    expect(readdirSync(dir).filter((f) => f.startsWith('icx.duckdb'))).toEqual(['icx.duckdb']); // no WAL left behind
  });

  it('puts the measured figures in the JSON, and the commitment use in the notes', () => {
    const r = icx([...BASE, '--store', 'icx.duckdb', '--min-acd', '30', '--min-attempts', '1', '--json'], dir);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const g = doc.suppliers.find((x: { supplier: string }) => x.supplier === 'GAMMA');
    expect(g.quality).toMatchObject({ window: W, judgedOn: 'measured', attempts: 8, answered: 4, asr: '50.0', acd: '60.0' });
    expect(g.quality.zones).toEqual([{ zone: 'G-FR', judgedOn: 'zone', attempts: 8, answered: 4, asr: '50.0', acd: '60.0' }]);
    // EPSILON: 1 answered call of 599,940 s ≥ 30 s; 9,999 min used → 1 min left
    expect(doc.notes).toContain('LCR-EPSILON: 9,999 min used 2026-03-01..2026-03-10 10:00 (store icx.duckdb)');
    const p336 = doc.routes.find((x: { prefix: string }) => x.prefix === '336');
    expect(p336.routes.find((x: { supplier: string }) => x.supplier === 'EPSILON').marginalCost).toBe('0.030000');
    // ALPHA and GAMMA answered 60 s calls: ACD 60 ≥ 30; BETA and DELTA have no traffic and state no ACD: out
    expect(doc.excludedSuppliers.map((x: { name: string }) => x.name)).toEqual(['BETA', 'DELTA']);
  });

  it('refuses a bad store or window with one message, never a stack trace', () => {
    const cases: [string[], number, RegExp][] = [
      [['--store', 'nope.duckdb'], 2, /^icx: --store nope.duckdb: no such file/],
      [['--store', 'text.duckdb'], 2, /^icx: --store text.duckdb: not an icx store \(not a DuckDB database file\)/],
      [['--store', 'empty.duckdb'], 2, /^icx: --store empty.duckdb: not an icx store \(no table rating_runs/],
      [['--store', 'icx.duckdb', '--min-asr', '40', '--quality-from', '2025-01-01', '--quality-to', '2025-01-31'], 1,
        /^icx: --store icx.duckdb: no rated outbound voice traffic of the suppliers \(LCR-ALPHA, LCR-BETA, LCR-DELTA, LCR-EPSILON, LCR-GAMMA\) in the quality window 2025-01-01..2025-01-31: no ASR\/ACD to measure/],
      [['--quality-window', '7'], 2, /^icx: --quality-window measures quality from rated traffic: give the store with --store FILE/],
      [['--store', 'icx.duckdb', '--quality-window', '7', '--quality-from', '2026-03-01', '--quality-to', '2026-03-09'], 2, /^icx: choose one of --quality-window and --quality-from\/--quality-to/],
      [['--store', 'icx.duckdb', '--quality-from', '2026-03-01'], 2, /^icx: --quality-from and --quality-to go together/],
      [['--store', 'icx.duckdb', '--quality-from', '2026-02-30', '--quality-to', '2026-03-09'], 2, /^icx: --quality-from: `2026-02-30` is not a date written YYYY-MM-DD/],
      [['--store', 'icx.duckdb', '--min-attempts', '0'], 2, /--min-attempts/],
    ];
    for (const [args, code, message] of cases) {
      const r = icx([...BASE, ...args], dir);
      expect({ args, code: r.code }).toEqual({ args, code });
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toContain(STACK_LINE);
      expect(r.stdout).toBe('');
    }
    expect(existsSync(path.join(dir, 'nope.duckdb'))).toBe(false);
  });
});
