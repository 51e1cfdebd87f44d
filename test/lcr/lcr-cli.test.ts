// `icx lcr` end to end: files written whole, exit codes 0 / 1 / 2, never a stack trace.
// Amounts as in lcr.test.ts (same suppliers, 2026-03-10T10:00Z, 120 s).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icx, STACK_LINE, tempDir } from '../cli/run-cli.js';
import { ALPHA, BETA, CUSTOMER, DELTA, GAMMA } from './suppliers.js';

let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  mkdirSync(path.join(dir, 'ag'));
  for (const [name, text] of Object.entries({ ALPHA, BETA, GAMMA, DELTA, CUSTOMER })) writeFileSync(path.join(dir, 'ag', `${name.toLowerCase()}.icx`), text);
  writeFileSync(path.join(dir, 'fx.csv'), 'date,from,to,rate\n2026-03-10,USD,EUR,0.90\n');
  writeFileSync(path.join(dir, 'sell.csv'), 'prefix,price,currency\n336,0.0150,EUR\n');
  writeFileSync(path.join(dir, 'badsell.csv'), 'prefix,price,currency\n336,abc,EUR\n');
});
afterAll(() => cleanup());

const AT = ['--at', '2026-03-10T10:00', '--fx', 'fx.csv'];

describe('icx lcr (CLI)', () => {
  it('writes the CSV whole, cheapest first, with the excluded after', () => {
    const r = icx(['lcr', 'ag', ...AT, '--out', 'routes.csv'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^7 prefixes, 4 suppliers in EUR for a 120 s call at 2026-03-10T10:00:00.000Z\nwrote routes.csv\n$/);
    const lines = readFileSync(path.join(dir, 'routes.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('prefix,rank,supplier,agreement,service,zone,matched_prefix,band,rate,rate_currency,increments,billed_seconds,cost,currency,call_seconds,native_cost,fx_rate,clause,excluded,marginal_cost');
    const p337 = lines.filter((l) => l.startsWith('337,')).map((l) => l.split(',').slice(0, 3).concat(l.split(',')[12]!).join(' '));
    // DELTA 0.020 USD × 0.90 = 0.018 EUR; ALPHA 0.0095 × 2 = 0.019; GAMMA 0.0100 × 2 = 0.020
    expect(p337).toEqual(['337 1 DELTA 0.018000', '337 2 ALPHA 0.019000', '337 3 GAMMA 0.020000']);
    expect(lines.filter((l) => l.startsWith('3389,')).map((l) => `${l.split(',')[2]} ${l.split(',')[18]}`)).toEqual(['ALPHA ', 'GAMMA barred']);
  });

  it('prints JSON with --max-suppliers and the margin guard', () => {
    const r = icx(['lcr', 'ag', ...AT, '--json', '--max-suppliers', '1', '--sell', 'sell.csv'], dir);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const p336 = doc.routes.find((x: { prefix: string }) => x.prefix === '336');
    expect(p336.sellCost).toBe('0.030000'); // 0.0150 × 120 / 60
    expect(p336.routes.map((x: { supplier: string; cost: string }) => `${x.supplier} ${x.cost}`)).toEqual(['GAMMA 0.020000']);
    expect(p336.excluded.map((x: { supplier: string; reason: string }) => `${x.supplier} ${x.reason}`)).toEqual(['ALPHA margin']);
  });

  it('prints a readable table, and a disabled supplier in the summary', () => {
    const r = icx(['lcr', 'ag', ...AT, '--disable', 'GAMMA'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^prefix +rank +supplier +agreement +zone/);
    expect(r.stdout).toMatch(/\n337 +1 +DELTA +LCR-DELTA +D-MOB7 +337 +0\.0100 USD\/min +1\/1 +0\.018000 EUR/);
    expect(r.stdout).toMatch(/1 prefixes without a route; GAMMA \(LCR-GAMMA\) left out: disabled\n$/);
  });

  it('bad input is one message and exit 2; a missing FX rate exit 1; nothing written', () => {
    const cases: [string[], number, RegExp][] = [
      [['--at', '2026-02-30T10:00'], 2, /--at: `2026-02-30T10:00` is not a valid calendar date/],
      [[...AT, '--band', 'weekend'], 2, /--band: no supplier has a band `weekend`/],
      [[...AT, '--sell', 'badsell.csv'], 2, /badsell.csv:2: price: `abc` is not a plain decimal number/],
      [['--at', '2026-03-10T10:00'], 1, /DELTA \(LCR-DELTA\): no USD->EUR rate dated 2026-03-10/],
      [['--at', '2025-06-01T10:00'], 2, /no payable voice service/],
    ];
    for (const [args, code, message] of cases) {
      const r = icx(['lcr', 'ag', ...args, '--out', 'never.csv'], dir);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toContain(STACK_LINE);
    }
    expect(existsSync(path.join(dir, 'never.csv'))).toBe(false);
  });
});
