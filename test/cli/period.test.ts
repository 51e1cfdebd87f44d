// `icx rate --period`: charges.parquet beside rated.parquet, exact amounts worked out by hand,
// byte-identical across runs, and a record rated again counted once.
import { DuckDBInstance } from '@duckdb/node-api';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icx, ROOT, STACK_LINE, tempDir } from './run-cli.js';

let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  copyFileSync(path.join(ROOT, 'agreements', 'acme-orange-fr.icx'), path.join(dir, 'orange.icx'));
  // 1,000 peak calls of 1,000 min to French mobiles (60,000 s each, whole 60/60 increments; a call
  // of more than a day would be suspense implausible-duration):
  // 1,000 × 1,000 × 0.0123 = 12,300.00 EUR. 1,000,000 min → tier 2 (retroactive 8%): -984.00.
  // Q1 commitment 250,000 − 12,300 = 237,700.00 payable (March ends the quarter).
  const calls = Array.from({ length: 1000 }, (_, i) => `c${i + 1},TG101,out,voice,447700900001,33612345678,2026-03-02T10:00:00+01:00,60000,`);
  writeFileSync(path.join(dir, 'usage.csv'), ['record_id,trunk,direction,kind,a_number,b_number,start_time,duration_s,units', ...calls].join('\n') + '\n');
});
afterAll(() => cleanup());

async function charges(file: string) {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const r = await c.runAndReadAll(
    `SELECT construct, subject, tier, CAST(amount AS VARCHAR) AS amount, direction, CAST(period_start AS VARCHAR) AS ps,
            CAST(period_end AS VARCHAR) AS pe, clause_source, typeof(amount) AS t
     FROM read_parquet('${file.replace(/'/g, "''")}') ORDER BY line_no`,
  );
  const rows = r.getRowObjectsJson();
  c.closeSync();
  return rows;
}

describe('icx rate --period', () => {
  it('writes the period charges beside the rated records', async () => {
    const r = icx(['rate', 'orange.icx', '--usage', 'usage.csv', '--out', 'out1', '--db', 'store.duckdb', '--period', '2026-03'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('period charges 2026-03');
    expect(r.stdout).toContain('charges.parquet');
    const rows = await charges(path.join(dir, 'out1', 'charges.parquet'));
    // lines in a stable order: by agreement, period start (the quarter first), service, construct
    expect(rows.map((x) => [x.construct, x.subject, x.tier, x.amount, x.direction])).toEqual([
      ['commitment-shortfall', 'voice-termination', null, '237700.000000000', 'payable'],
      ['discount', 'FR-MOBILE-VOLUME', 2, '-984.000000000', 'payable'],
    ]);
    expect(rows[0]!.t).toBe('DECIMAL(38,9)');
    expect([rows[0]!.ps, rows[0]!.pe, rows[1]!.ps, rows[1]!.pe]).toEqual(['2026-01-01', '2026-03-31', '2026-03-01', '2026-03-31']);
    expect(String(rows[0]!.clause_source)).toMatch(/^orange\.icx:\d+$/);
  });

  it('counts a record rated again once, and writes the same bytes', async () => {
    const r = icx(['rate', 'orange.icx', '--usage', 'usage.csv', '--out', 'out2', '--db', 'store.duckdb', '--period', '2026-03'], dir);
    expect(r.code).toBe(0);
    const a = readFileSync(path.join(dir, 'out1', 'charges.parquet'));
    const b = readFileSync(path.join(dir, 'out2', 'charges.parquet'));
    expect(b.equals(a)).toBe(true);
  });

  it('rejects a period that is no month, naming the option', () => {
    const r = icx(['rate', 'orange.icx', '--usage', 'usage.csv', '--out', 'out3', '--db', 'store.duckdb', '--period', '2026-13'], dir);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('--period');
    expect(r.stderr).not.toContain(STACK_LINE);
  });
});
