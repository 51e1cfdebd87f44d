// Multi-currency through the CLI: the FX table is read under the agreements root, its errors
// are printed at file:line:col of the TABLE, the rate summary shows the amount before FX, and
// rated.parquet carries original_amount, original_currency, fx_rate, fx_date.
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icx, STACK_LINE, tempDir } from './run-cli.js';

let dir: string;
let cleanup: () => void;

const AGREEMENT = `agreement ACME-FX "SDR priced roaming voice" {
  version 1

  parties {
    us       ACME    "ACME Telecom Ltd"  tadig GBRAC
    partner  TELCOZ  "TelcoZ"            tadig ZZZTZ  type roaming
  }

  currency EUR
  fx SDR -> EUR from table "fx/sdr.csv" at usage date
  valid 2026-03-01 .. 2026-03-31
  timezone Europe/Paris

  interconnect IC {
    trunks TG900
    traffic voice
  }

  zones {
    HOME 44
  }

  service roam voice payable {
    billing 30/30
    rate HOME 0.0250 SDR/min
  }

  test "61 s billed 90 s: 90 × 0.0250 / 60 = 0.0375 SDR × 1.1712 = 0.043920 EUR" {
    usage roam to 447700900123 at 2026-03-02T10:00:00 for 61s
    expect 0.04392 EUR original 0.0375 SDR
  }
}
`;

// March 2026, only the 2nd and 3rd: the 4th has no rate
const TABLE = 'date,from,to,rate\n2026-03-02,SDR,EUR,1.1712\n2026-03-03,SDR,EUR,1.1700\n';
const USAGE = [
  'record_id,trunk,direction,kind,a_number,b_number,start_time,duration_s',
  'c1,TG900,out,voice,33612345678,447700900123,2026-03-02T10:00:00+01:00,61', // 90 s → 0.0375 SDR × 1.1712 = 0.04392 EUR
  'c2,TG900,out,voice,33612345678,447700900123,2026-03-03T10:00:00+01:00,30', // 30 s → 0.0125 SDR × 1.17 = 0.014625 EUR
  'c3,TG900,out,voice,33612345678,447700900123,2026-03-04T10:00:00+01:00,30', // no rate dated 2026-03-04
  '',
].join('\n');

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  mkdirSync(path.join(dir, 'ag', 'fx'), { recursive: true });
  writeFileSync(path.join(dir, 'ag', 'fx.icx'), AGREEMENT);
  writeFileSync(path.join(dir, 'ag', 'fx', 'sdr.csv'), TABLE);
  writeFileSync(path.join(dir, 'usage.csv'), USAGE);
});
afterAll(() => cleanup());

describe('icx with FX', () => {
  it('check, fmt --check and test pass', () => {
    const c = icx(['check', 'ag'], dir);
    expect(c.stderr).not.toContain(STACK_LINE);
    expect(c.code).toBe(0);
    expect(icx(['fmt', '--check', 'ag'], dir).code).toBe(0);
    const t = icx(['test', 'ag'], dir);
    expect(t.code, t.stdout + t.stderr).toBe(0);
  });

  it('rates: summary with the amount before FX, no-fx-rate in suspense, FX columns in rated.parquet', async () => {
    const r = icx(['rate', 'ag', '--usage', 'usage.csv', '--out', 'out', '--db', 'fx.duckdb'], dir);
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^in 3 = rated 2 \+ suspense 1$/m);
    expect(r.stdout).toContain('before fx');
    expect(r.stdout).toContain('0.050000 SDR'); // 0.0375 + 0.0125
    expect(r.stdout).toContain('0.058545'); // 0.04392 + 0.014625 EUR
    expect(r.stdout).toMatch(/no-fx-rate\s+1/);

    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const file = path.join(dir, 'out', 'rated.parquet').replace(/'/g, "''");
    const rows = (await c.runAndReadAll(`SELECT record_id, amount::VARCHAR AS amount, currency, original_amount::VARCHAR AS original_amount,
        original_currency, fx_rate::VARCHAR AS fx_rate, fx_date::VARCHAR AS fx_date FROM '${file}' ORDER BY record_id`)).getRowObjectsJson();
    c.closeSync();
    db.closeSync();
    expect(rows).toEqual([
      { record_id: 'c1', amount: '0.043920000', currency: 'EUR', original_amount: '0.037500000', original_currency: 'SDR', fx_rate: '1.171200000', fx_date: '2026-03-02' },
      { record_id: 'c2', amount: '0.014625000', currency: 'EUR', original_amount: '0.012500000', original_currency: 'SDR', fx_rate: '1.170000000', fx_date: '2026-03-03' },
    ]);
  });

  it('a bad table row is an error at the table file, line and field; nothing is rated', () => {
    writeFileSync(path.join(dir, 'ag', 'fx', 'sdr.csv'), 'date,from,to,rate\n2026-03-02,SDR,EUR,1.1712\n2026-03-03,SDR,EUR,1,17\n');
    const r = icx(['rate', 'ag', '--usage', 'usage.csv', '--out', 'out-bad', '--db', 'bad.duckdb'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(r.stderr).toMatch(/fx[/\\]sdr\.csv:3:1/);
    expect(r.stderr).toContain('ICX3608');
    writeFileSync(path.join(dir, 'ag', 'fx', 'sdr.csv'), TABLE);
  });
});
