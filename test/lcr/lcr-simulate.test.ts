// `icx lcr simulate`: past calls re-costed under the routes `icx lcr` computes at each call's
// start, against the routes they took. Suppliers of test/lcr/suppliers.ts, a 120 s typical call.
// Route tables (hand-ranked, 120 s):
//   Saturday 14 March (BETA offpeak; ALPHA's 33 6 still 0.0200):
//     3361: BETA 2 min × 0.0060 = 0.012 < GAMMA 4 × 30 s × 0.0100/2 = 0.020 < ALPHA 0.040 → BETA
//     336:  GAMMA 0.020 < ALPHA 0.040 → GAMMA
//   Monday 16 March 10:00Z (11:00 Paris: BETA peak; ALPHA's 33 6 at 0.0090 from the 15th):
//     3361: ALPHA 0.018 < GAMMA 0.020 < BETA 0.030 → ALPHA;   331: ALPHA 0.010 < GAMMA 0.020 → ALPHA
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InlineUsageRow } from '../../runtime/ingest/ingest.js';
import { localTime, quarterHourClock } from '../../runtime/lcr/local-time.js';
import { simulate } from '../../runtime/lcr/simulate.js';
import { icx, STACK_LINE, tempDir } from '../cli/run-cli.js';
import { ALPHA, BETA, CUSTOMER, DELTA, GAMMA, plansOf } from './suppliers.js';

const call = (id: string, trunk: string, b: string, start: string, seconds: string): InlineUsageRow =>
  ({ record_id: id, trunk, direction: 'out', kind: 'voice', b_number: b, start_time: start, duration_s: seconds });

const TRAFFIC: InlineUsageRow[] = [
  // GAMMA 30/30: 90 s × 0.0100/60 = 0.015000; routed to ALPHA 1/1: 90 × 0.0090/60 = 0.013500
  call('r1', 'TG1', '33612345678', '2026-03-16T10:00:00Z', '90'),
  // BETA offpeak 60/60: 60 × 0.0060/60 = 0.006000; BETA is already first on Saturday
  call('r2', 'TB1', '33612345678', '2026-03-14T10:00:00Z', '30'),
  // ALPHA 1/1: 61 × 0.0200/60 = 0.0203333… → 0.020333 (6 decimals, half-up); GAMMA 30/30: 90 × 0.0100/60 = 0.015000
  call('r3', 'TA1', '33655555555', '2026-03-14T12:00:00Z', '61'),
  // ALPHA 1/1: 100 × 0.0050/60 = 0.0083333… → 0.008333; ALPHA is first for 331
  call('r4', 'TA1', '3312345', '2026-03-16T10:05:00Z', '100'),
  // GAMMA has no zone for 44: suspense in the run as given, so not simulated
  call('r5', 'TG1', '4412345', '2026-03-16T10:05:00Z', '100'),
  // inbound on a receivable service: rated, but not a call we route
  { ...call('r6', 'TC1', '3312345', '2026-03-16T10:05:00Z', '100'), direction: 'in' },
];

describe('icx lcr simulate', () => {
  it('re-costs each call on the route icx lcr picks at its start, and accounts for every record', async () => {
    const sim = await simulate(plansOf(ALPHA, BETA, GAMMA, CUSTOMER), { callSeconds: 120, currency: 'EUR', by: 'zone', usage: [{ rows: TRAFFIC, name: 'traffic.csv' }] });
    const A = { supplier: 'ALPHA', agreement: 'LCR-ALPHA' };
    const G = { supplier: 'GAMMA', agreement: 'LCR-GAMMA' };
    const B = { supplier: 'BETA', agreement: 'LCR-BETA' };
    // largest savings first; ties by the route used
    expect(sim.groups).toEqual([
      { actual: { ...A, zone: 'A-MOB' }, routed: { ...G, zone: 'G-FR' }, status: 'rerouted', calls: 1, minutes: '1.02', actualCost: '0.020333', routedCost: '0.015000', savings: '0.005333' },
      { actual: { ...G, zone: 'G-FR' }, routed: { ...A, zone: 'A-MOB' }, status: 'rerouted', calls: 1, minutes: '1.50', actualCost: '0.015000', routedCost: '0.013500', savings: '0.001500' },
      { actual: { ...A, zone: 'A-FIX' }, routed: { ...A, zone: 'A-FIX' }, status: 'same', calls: 1, minutes: '1.67', actualCost: '0.008333', routedCost: '0.008333', savings: '0.000000' },
      { actual: { ...B, zone: 'B-61' }, routed: { ...B, zone: 'B-61' }, status: 'same', calls: 1, minutes: '0.50', actualCost: '0.006000', routedCost: '0.006000', savings: '0.000000' },
    ]);
    // 0.020333 + 0.015 + 0.008333 + 0.006 = 0.049666; 0.015 + 0.0135 + 0.008333 + 0.006 = 0.042833;
    // savings 0.006833 = 13.758…% → 13.76
    expect(sim.totals).toEqual({ calls: 4, actualCost: '0.049666', routedCost: '0.042833', savings: '0.006833', savingsPercent: '13.76' });
    // 6 in = 4 simulated + 0 kept + 1 outside + 1 suspense
    expect(sim.records).toEqual({ in: 6, suspense: 1, outside: 1, simulated: 4, kept: 0 });
    expect(sim.suspenseByReason).toEqual([{ reason: 'no-zone', records: 1 }]);
    // Saturday (both calls offpeak for BETA) and Monday: two states, two tables
    expect(sim.tables).toBe(2);
    // routed two calls at a time (pages of input positions 0–1, 2–3, 4–5): the same result
    const paged = await simulate(plansOf(ALPHA, BETA, GAMMA, CUSTOMER), { callSeconds: 120, currency: 'EUR', by: 'zone', usage: [{ rows: TRAFFIC, name: 'traffic.csv' }], pageSize: 2 });
    expect(paged).toEqual(sim);
  });

  it('keeps a call on its route when no supplier may take it, at its own cost', async () => {
    // GAMMA disabled: 33 45 is only GAMMA's (prefix 33), so the route 33 has no offer; the call
    // keeps GAMMA: 120 s × 0.0100/60 = 0.020000 on both sides. r1 still moves to ALPHA (0.0015 saved).
    const traffic = [TRAFFIC[0]!, call('r7', 'TG1', '3345000000', '2026-03-16T10:00:00Z', '120')];
    const sim = await simulate(plansOf(ALPHA, BETA, GAMMA), { callSeconds: 120, currency: 'EUR', disable: ['GAMMA'], usage: [{ rows: traffic, name: 't.csv' }] });
    expect(sim.groups.map((g) => [g.routed.agreement, g.status, g.reason ?? '', g.actualCost, g.routedCost, g.savings])).toEqual([
      ['LCR-ALPHA', 'rerouted', '', '0.015000', '0.013500', '0.001500'],
      ['LCR-GAMMA', 'kept', 'no-offer', '0.020000', '0.020000', '0.000000'],
    ]);
    expect(sim.records).toEqual({ in: 2, suspense: 0, outside: 0, simulated: 1, kept: 1 });
    expect(sim.keptByReason).toEqual([{ reason: 'no-offer', records: 1 }]);
    expect(sim.notes).toContain('GAMMA (LCR-GAMMA) left out: disabled');
  });

  it('converts each side into the table currency, and an FX rate can flip the route', async () => {
    // 33 7 on Monday, 60 s: ALPHA 0.0095 EUR/min → 0.009500 EUR. DELTA 0.0100 USD/min → 0.010000 USD.
    const traffic = [call('x', 'TA1', '3371234', '2026-03-16T10:00:00Z', '60')];
    const at = (rate: string) => simulate(plansOf(ALPHA, DELTA), {
      callSeconds: 120, currency: 'EUR', usage: [{ rows: traffic, name: 'x.csv' }],
      fx: [{ date: '2026-03-16', from: 'USD', to: 'EUR', rate, where: 'fx.csv:2' }],
    });
    // at 0.90: DELTA 0.010000 USD × 0.90 = 0.009000 EUR < 0.0095 → rerouted; saves 0.0005 = 5.263…% → 5.26
    const cheap = await at('0.90');
    expect(cheap.groups.map((g) => [g.routed.agreement, g.status, g.actualCost, g.routedCost, g.savings])).toEqual([['LCR-DELTA', 'rerouted', '0.009500', '0.009000', '0.000500']]);
    expect(cheap.totals.savingsPercent).toBe('5.26');
    // at 1.00: DELTA 0.0100 EUR > ALPHA 0.0095 → ALPHA stays first
    const dear = await at('1.00');
    expect(dear.groups.map((g) => [g.routed.agreement, g.status, g.savings])).toEqual([['LCR-ALPHA', 'same', '0.000000']]);
  });

  it('builds one table per state of the suppliers, not one per day', async () => {
    // Monday 2 to Wednesday 4 March, 10:00Z: every supplier has the same band (BETA peak), the same
    // rate lines (ALPHA's change is on the 15th) and no FX: one table; GAMMA 30/30 2 min = 0.020
    // and ALPHA 0.0200 × 2 = 0.040 for 336 → GAMMA is first, the route used: nothing saved
    const days = ['02', '03', '04'].map((d) => call(`d${d}`, 'TG1', '33655555555', `2026-03-${d}T10:00:00Z`, '120'));
    const sim = await simulate(plansOf(ALPHA, BETA, GAMMA), { callSeconds: 120, currency: 'EUR', usage: [{ rows: days }] });
    expect([sim.tables, sim.totals.calls, sim.totals.actualCost, sim.totals.savings]).toEqual([1, 3, '0.060000', '0.000000']);
  });

  it('refuses traffic with nothing to route', async () => {
    const inbound = [{ ...call('r6', 'TC1', '3312345', '2026-03-16T10:05:00Z', '100'), direction: 'in' }];
    await expect(simulate(plansOf(ALPHA, CUSTOMER), { callSeconds: 120, usage: [{ rows: inbound }] }))
      .rejects.toThrow('none of the 1 usage records is an outbound voice call rated by a supplier');
  });
});

describe('icx lcr simulate (CLI)', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    mkdirSync(path.join(dir, 'ag'));
    for (const [name, text] of Object.entries({ ALPHA, BETA, GAMMA, CUSTOMER })) writeFileSync(path.join(dir, 'ag', `${name.toLowerCase()}.icx`), text);
    const cols = ['record_id', 'trunk', 'direction', 'kind', 'b_number', 'start_time', 'duration_s'] as const;
    writeFileSync(path.join(dir, 'traffic.csv'), [cols.join(','), ...TRAFFIC.map((r) => cols.map((c) => String(r[c] ?? '')).join(','))].join('\n') + '\n');
  });
  afterAll(() => cleanup());

  it('prints the table and the accounting, and writes the CSV whole', () => {
    const r = icx(['lcr', 'simulate', 'ag', '--usage', 'traffic.csv', '--currency', 'EUR'], dir);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('4 calls: cost 0.049666 EUR on the routes used, 0.042833 EUR on the least-cost routes: savings 0.006833 EUR (13.76%)');
    expect(r.stdout).toContain('records: 6 in = 4 simulated + 0 kept on their route + 1 not outbound voice to a supplier + 1 in suspense (no-zone 1)');
    // by supplier (the default): ALPHA → GAMMA 0.005333, GAMMA → ALPHA 0.0015, ALPHA → ALPHA (A-FIX), BETA → BETA
    expect(r.stdout.split('\n').slice(2, 6).map((l) => l.split(/\s{2,}/).filter(Boolean).join(' | '))).toEqual([
      'ALPHA (LCR-ALPHA) | GAMMA (LCR-GAMMA) | rerouted | 1 | 1.02 | 0.020333 | 0.015000 | 0.005333',
      'GAMMA (LCR-GAMMA) | ALPHA (LCR-ALPHA) | rerouted | 1 | 1.50 | 0.015000 | 0.013500 | 0.001500',
      'ALPHA (LCR-ALPHA) | ALPHA (LCR-ALPHA) | same | 1 | 1.67 | 0.008333 | 0.008333 | 0.000000',
      'BETA (LCR-BETA) | BETA (LCR-BETA) | same | 1 | 0.50 | 0.006000 | 0.006000 | 0.000000',
    ]);
    const out = icx(['lcr', 'simulate', 'ag', '--usage', 'traffic.csv', '--currency', 'EUR', '--by', 'zone', '--out', 'sim.csv'], dir);
    expect(out.code).toBe(0);
    const lines = readFileSync(path.join(dir, 'sim.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('supplier,agreement,zone,routed_supplier,routed_agreement,routed_zone,status,reason,calls,minutes,cost,routed_cost,savings,currency');
    expect(lines[1]).toBe('ALPHA,LCR-ALPHA,A-MOB,GAMMA,LCR-GAMMA,G-FR,rerouted,,1,1.02,0.020333,0.015000,0.005333,EUR');
    expect(lines).toHaveLength(5);
    // the same traffic under other column names, mapped: the same totals
    writeFileSync(path.join(dir, 'renamed.csv'), readFileSync(path.join(dir, 'traffic.csv'), 'utf8').replace('b_number', 'Called').replace('record_id', 'CallId'));
    const mapped = icx(['lcr', 'simulate', 'ag', '--usage', 'renamed.csv', '--currency', 'EUR', '--map', 'record_id=CallId,b_number=Called', '--json'], dir);
    expect(mapped.code).toBe(0);
    expect(JSON.parse(mapped.stdout).totals).toEqual({ calls: 4, actualCost: '0.049666', routedCost: '0.042833', savings: '0.006833', savingsPercent: '13.76' });
  });

  it('names what is missing or does not apply, with exit 2 and no stack trace', () => {
    const cases: [string[], string][] = [
      [['lcr', 'simulate', 'ag'], 'icx: icx lcr simulate needs --usage FILE… (the past traffic to re-cost)\n'],
      [['lcr', 'simulate', 'ag', '--usage', 'traffic.csv', '--at', '2026-03-16T10:00'], 'icx: icx lcr simulate routes each call at its own start time and band: --at, --from, --to and --band do not apply\n'],
      [['lcr', 'simulate', 'ag', '--usage', 'traffic.csv', '--store', 'icx.duckdb'], 'icx: icx lcr simulate does not read --store: measured quality and commitment use change over the traffic it replays; give --min-asr/--min-acd (stated targets) or --commitment-used instead\n'],
      [['lcr', 'ag', '--at', '2026-03-16T10:00', '--usage', 'traffic.csv'], 'icx: --usage, --assume-timezone, --map and --by are options of icx lcr simulate\n'],
    ];
    for (const [args, message] of cases) {
      const r = icx(args, dir);
      expect([r.code, r.stderr]).toEqual([2, message]);
    }
    const missing = icx(['lcr', 'simulate', 'ag', '--usage', 'nope.csv'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.csv');
    expect(missing.stderr).not.toMatch(STACK_LINE);
  });
});

describe('quarterHourClock', () => {
  it('gives every minute the local time localTime gives, across DST changes and odd offsets', () => {
    const clock = quarterHourClock();
    // Paris spring forward (01:00Z), Lord Howe's 30-minute DST end (2026-04-05 15:00Z),
    // St John's −03:30, Kathmandu +05:45: every minute of 4 hours around each
    const cases: [string, string][] = [['Europe/Paris', '2026-03-28T23:00:00Z'], ['Australia/Lord_Howe', '2026-04-05T13:00:00Z'], ['America/St_Johns', '2026-03-08T03:00:00Z'], ['Asia/Kathmandu', '2026-03-15T16:00:00Z']];
    for (const [zone, from] of cases) {
      for (let m = 0; m < 240; m++) {
        const at = new Date(Date.parse(from) + m * 60_000 + 17_000);
        expect(clock(at, zone), `${zone} ${at.toISOString()}`).toEqual(localTime(at, zone));
      }
    }
  });
});
