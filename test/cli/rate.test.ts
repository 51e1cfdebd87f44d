// `icx rate` end to end on generated traffic: the run balances, the output files exist,
// and a sample of rated amounts is recomputed here by hand (decimal.js, own prefix match,
// own time-band logic) — not with the engine's SQL — so the engine is checked, not echoed.
import { DuckDBInstance } from '@duckdb/node-api';
import { Decimal } from 'decimal.js';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, FR_HOLIDAYS, MARCH_PRICES, REASON_CODES, SMS_PRICE } from './fixtures.js';
import { icx, STACK_LINE, tempDir } from './run-cli.js';

let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  writeFileSync(path.join(dir, 'orange.icx'), FIXTURE);
});
afterAll(() => cleanup());

/** The fixture's zones, longest prefix first. */
const PREFIXES: [string, string][] = (
  [
    ['336', 'FR-MOBILE'], ['337', 'FR-MOBILE'],
    ['331', 'FR-FIXED'], ['332', 'FR-FIXED'], ['333', 'FR-FIXED'], ['334', 'FR-FIXED'], ['335', 'FR-FIXED'], ['339', 'FR-FIXED'],
    ['3389', 'FR-PREMIUM'],
  ] as [string, string][]
).sort((a, b) => b[0].length - a[0].length);

function zoneOf(b: string): string | null {
  return PREFIXES.find(([p]) => b.startsWith(p))?.[1] ?? null;
}

/** peak = Mon–Fri 08:00–20:00 Paris time, except FR holidays. */
function bandOf(startUtcMs: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(startUtcMs))
      .map((p) => [p.type, p.value]),
  );
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const hour = Number(parts.hour);
  const weekday = !['Sat', 'Sun'].includes(parts.weekday!);
  return weekday && !FR_HOLIDAYS.has(date) && hour >= 8 && hour < 20 ? 'peak' : 'offpeak';
}

/** billing 60/60, zero-duration calls free (the default). */
function billedSeconds(durationS: string): number {
  const d = new Decimal(durationS).ceil().toNumber();
  return d === 0 ? 0 : Math.ceil(d / 60) * 60;
}

interface RatedRow {
  record_id: string;
  kind: string;
  zone: string;
  band: string;
  b_number: string;
  start_ms: string;
  duration_s: string | null;
  billed_seconds: string | null;
  units: string | null;
  amount: string;
  currency: string;
}

async function query<T>(sql: string): Promise<T[]> {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  try {
    await con.run(`SET TimeZone = 'UTC'`);
    return (await con.runAndReadAll(sql)).getRowObjectsJson() as T[];
  } finally {
    con.closeSync();
    db.closeSync();
  }
}

describe('icx rate', () => {
  it('rates a small file: summary, balance line, both Parquet files', () => {
    expect(icx(['traffic', 'orange.icx', '--records', '2000', '--month', '2026-03', '--seed', '1', '--out', 'small.csv'], dir).code).toBe(0);
    const r = icx(['rate', 'orange.icx', '--usage', 'small.csv', '--out', 'out-small', '--db', 'small.duckdb'], dir);
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^in 2000 = rated \d+ \+ suspense \d+$/m);
    expect(r.stdout).toContain('voice-termination');
    expect(existsSync(path.join(dir, 'out-small', 'rated.parquet'))).toBe(true);
    expect(existsSync(path.join(dir, 'out-small', 'suspense.parquet'))).toBe(true);
    const j = icx(['rate', 'orange.icx', '--usage', 'small.csv', '--out', 'out-small-2', '--db', 'small.duckdb', '--json'], dir);
    expect(j.code).toBe(0);
    const doc = JSON.parse(j.stdout) as { in: number; rated: number; suspense: number; balanced: boolean; summary: unknown[] };
    expect(doc.in).toBe(2000);
    expect(doc.rated + doc.suspense).toBe(2000);
    expect(doc.balanced).toBe(true);
    expect(doc.summary.length).toBeGreaterThan(0);
  });

  it('aborts with diagnostics and writes nothing when the agreements have errors', () => {
    writeFileSync(path.join(dir, 'broken.icx'), FIXTURE.replace('rate FR-FIXED   0.0045', 'rate FR-FIXD    0.0045'));
    const r = icx(['rate', 'broken.icx', '--usage', 'small.csv', '--out', 'out-broken', '--db', 'broken.duckdb'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error ICX2002');
    expect(existsSync(path.join(dir, 'out-broken'))).toBe(false);
  });

  it('100k records end to end: balanced, amounts recomputed by hand, documented suspense reasons', async () => {
    const g = icx(['traffic', 'orange.icx', '--records', '100000', '--month', '2026-03', '--seed', 'e2e', '--out', 'big.parquet'], dir);
    expect(g.code).toBe(0);
    const r = icx(['rate', 'orange.icx', '--usage', 'big.parquet', '--out', 'out-big', '--db', 'big.duckdb'], dir);
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(r.code).toBe(0);
    const m = /^in (\d+) = rated (\d+) \+ suspense (\d+)$/m.exec(r.stdout);
    expect(m).not.toBeNull();
    const [inN, rated, suspense] = [Number(m![1]), Number(m![2]), Number(m![3])];
    expect(inN).toBe(100_000);
    expect(rated + suspense).toBe(inN);

    const ratedFile = path.join(dir, 'out-big', 'rated.parquet').replace(/'/g, "''");
    const suspFile = path.join(dir, 'out-big', 'suspense.parquet').replace(/'/g, "''");
    const [counts] = await query<{ r: string; s: string }>(`SELECT (SELECT count(*) FROM '${ratedFile}') r, (SELECT count(*) FROM '${suspFile}') s`);
    expect(Number(counts!.r)).toBe(rated);
    expect(Number(counts!.s)).toBe(suspense);

    // A spread of rows: evenly spaced, plus the awkward ones (unanswered, fractional seconds,
    // sms, and the DST change night of 29 March).
    const cols = `record_id, kind, zone, band, b_number, epoch_ms(start_time)::VARCHAR AS start_ms, duration_s::VARCHAR AS duration_s,
                  billed_seconds::VARCHAR AS billed_seconds, units::VARCHAR AS units, amount::VARCHAR AS amount, currency`;
    const sample = await query<RatedRow>(`
      SELECT ${cols} FROM (SELECT *, row_number() OVER (ORDER BY record_id) AS n FROM '${ratedFile}') WHERE n % 2000 = 0
      UNION ALL (SELECT ${cols} FROM '${ratedFile}' WHERE duration_s = 0 ORDER BY record_id LIMIT 5)
      UNION ALL (SELECT ${cols} FROM '${ratedFile}' WHERE duration_s <> floor(duration_s) ORDER BY record_id LIMIT 5)
      UNION ALL (SELECT ${cols} FROM '${ratedFile}' WHERE kind = 'sms' ORDER BY record_id LIMIT 5)
      UNION ALL (SELECT ${cols} FROM '${ratedFile}' WHERE start_time >= TIMESTAMPTZ '2026-03-28 22:00:00+00' AND start_time < TIMESTAMPTZ '2026-03-29 09:00:00+00' ORDER BY record_id LIMIT 10)`);
    expect(sample.length).toBeGreaterThanOrEqual(50);
    const bands = new Set<string>();
    for (const row of sample) {
      const band = bandOf(Number(row.start_ms));
      bands.add(band);
      expect(row.currency).toBe('EUR');
      if (row.kind === 'sms') {
        const expected = new Decimal(row.units!).times(SMS_PRICE).toDecimalPlaces(6, Decimal.ROUND_HALF_UP);
        expect(new Decimal(row.amount).eq(expected), `${row.record_id}: ${row.amount} vs ${expected.toFixed()}`).toBe(true);
        continue;
      }
      const zone = zoneOf(row.b_number);
      expect(row.zone, row.record_id).toBe(zone);
      expect(row.band, row.record_id).toBe(band);
      const billed = billedSeconds(row.duration_s!);
      expect(Number(row.billed_seconds), row.record_id).toBe(billed);
      const price = MARCH_PRICES[zone!]![band]!;
      const expected = new Decimal(billed).times(price).div(60).toDecimalPlaces(6, Decimal.ROUND_HALF_UP);
      expect(new Decimal(row.amount).eq(expected), `${row.record_id}: ${row.amount} vs ${expected.toFixed()}`).toBe(true);
    }
    expect(bands).toEqual(new Set(['peak', 'offpeak']));

    const reasons = await query<{ reason: string; n: string }>(`SELECT reason, count(*)::VARCHAR AS n FROM '${suspFile}' GROUP BY reason ORDER BY reason`);
    for (const { reason } of reasons) expect(REASON_CODES.has(reason), reason).toBe(true);
    // The generator sends some traffic to the barred premium zone and ~1% to wrong numbers.
    expect(reasons.map((x) => x.reason)).toEqual(expect.arrayContaining(['barred', 'no-zone']));
  });
});
