// Digital-partner terms end to end: `icx rate agreements/ --period 2026-03 --retail … --kpi …`
// over agreements/traffic/digital-march.csv, agreements/inputs/retail-march.csv and
// agreements/inputs/kpi-march.csv. Every amount below is worked out by hand from the
// agreements' text and the sample files.
import { describe, it, expect, beforeAll } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { Decimal } from 'decimal.js';
import { root, runRateJob } from '../support/rate-job.js';

const input = (f: string) => join(root, 'agreements', f);

// Per record. FleetCo's iot sessions are rated at 0 (charged per period); ShopCo's
// activations at the commission per event, 1 × 12.00 each, whatever the month.
const expectedRated: Record<string, string> = {
  'F-01': '0', 'F-02': '0', 'F-03': '0', 'F-04': '0', 'F-05': '0',
  'A-01': '12.00', 'A-02': '12.00', 'A-03': '12.00', 'A-04': '12.00',
};

type Line = Record<string, string>;
let rated: Line[] = [];
let suspense: Line[] = [];
let charges: Line[] = [];
let april: Line[] = [];
let stdout = '';
let stderr = '';

const line = (ls: Line[], agreement: string, construct: string, subject?: string) =>
  ls.filter((l) => l.agreement_id === agreement && l.construct === construct && (subject === undefined || l.subject === subject));
const amount = (ls: Line[], agreement: string, construct: string, subject?: string) => {
  const found = line(ls, agreement, construct, subject);
  expect(found.length, `${agreement} ${construct} ${subject ?? ''}`).toBe(1);
  return new Decimal(found[0]!.amount).toFixed(2);
};

beforeAll(async () => {
  const march = await runRateJob([join(root, 'agreements'), '--usage', input('traffic/digital-march.csv'),
    '--period', '2026-03', '--retail', input('inputs/retail-march.csv'), '--kpi', input('inputs/kpi-march.csv')]);
  ({ stdout, stderr, rated, suspense, charges } = march);
  expect(march.code, march.stderr).toBe(0);
  // April over the same store, with an April KPI file: the cap
  const dir = mkdtempSync(join(tmpdir(), 'icx-digital-e2e-'));
  const kpiApril = join(dir, 'kpi-april.csv');
  writeFileSync(kpiApril, 'agreement,service,period,kpi,value\nACME-FACTORY-SLICE,urllc,2026-04,availability,99.90\nACME-FACTORY-SLICE,urllc,2026-04,latency-p99,9ms\n');
  const empty = join(dir, 'none.csv');
  writeFileSync(empty, 'record_id,agreement,service,b_number,start_time\n');
  const aprilJob = await runRateJob([join(root, 'agreements'), '--usage', empty, '--period', '2026-04', '--kpi', kpiApril], { db: march.db });
  expect(aprilJob.code, aprilJob.stderr).toBe(0);
  april = aprilJob.charges;
});

describe('per record', () => {
  it('balances: 10 in = 9 rated + 1 suspense (F-06 has no readable start)', () => {
    expect(stdout).toMatch(/in 10 = rated 9 \+ suspense 1/);
    expect(suspense.map((s) => [s.record_id, s.reason])).toEqual([['F-06', 'malformed-start']]);
  });

  it('rates iot sessions at 0 with a clause that says why, activations at 12.00', () => {
    const got = Object.fromEntries(rated.map((r) => [r.record_id, r.amount]));
    expect(Object.keys(got).sort()).toEqual(Object.keys(expectedRated).sort());
    for (const [id, a] of Object.entries(expectedRated)) expect(new Decimal(got[id]!).eq(a), id).toBe(true);
    for (const r of rated.filter((x) => x.record_id!.startsWith('F-'))) {
      expect(r.clause).toBe('connectivity/pooled: within the pooled allowance, charged per period');
      // a session is no call: no billed seconds; one unit (the record)
      expect([r.billed_seconds, String(r.units)]).toEqual([null, '1']);
    }
    for (const r of rated.filter((x) => x.record_id!.startsWith('A-'))) expect(r.clause).toBe('activations/commission');
  });
});

describe('FleetCo: active devices and the data pool (Europe/Amsterdam)', () => {
  it('counts the devices with a rated record in March', () => {
    // F-01, F-02 device …001; F-03 …002; F-04 …003 (21:30Z = 23:30 CEST, still 31 March);
    // F-05 …004 at 22:30Z = 00:30 on 1 April: not March; F-06 …005 in suspense: not active.
    // 3 devices × 0.40 = 1.20 EUR
    expect(amount(charges, 'ACME-FLEET-IOT', 'active-units')).toBe('1.20');
    expect(line(charges, 'ACME-FLEET-IOT', 'active-units')[0]!.basis_quantity).toMatch(/^3(\.0+)?$/);
  });

  it('charges the volume beyond the pool', () => {
    // used 300 + 400 + 500 + 350 MB = 1,550 MB (1 MB = 1,048,576 B); pool 3 × 500 MB = 1,500 MB;
    // overage 50 MB × 0.002 = 0.10 EUR
    expect(amount(charges, 'ACME-FLEET-IOT', 'pool-overage')).toBe('0.10');
    expect(new Decimal(line(charges, 'ACME-FLEET-IOT', 'pool-overage')[0]!.basis_quantity!).eq(50)).toBe(true);
  });
});

describe('StreamCo: revenue share with a per-subscriber floor (USD, America/New_York)', () => {
  it('shares 70% of the net retail of March', () => {
    // …0001: 15.99 − 1.42 = 14.57; …0002: 15.99 − 1.42 − 15.99 (refund) = −1.42; …0003: 3.00 − 0.27 = 2.73;
    // …0004's line is of February. Net 14.57 − 1.42 + 2.73 = 15.88; 70% = 11.116 → 11.12 (half-up, cents)
    expect(amount(charges, 'ACME-STREAMCO', 'revenue-share')).toBe('11.12');
  });

  it('raises each subscriber below the floor of 2.50 USD', () => {
    // shares: …0001 10.199 (above); …0002 −0.994 → +3.494; …0003 1.911 → +0.589; top-up 4.083 → 4.08
    expect(amount(charges, 'ACME-STREAMCO', 'revenue-share-floor')).toBe('4.08');
    // payable to STREAMCO in total 11.12 + 4.08 = 15.20 USD (= 10.199 + 2.50 + 2.50 = 15.199, each line rounded)
    expect(stdout).toMatch(/^total ACME-STREAMCO\s+payable\s+15\.20\s+USD$/m);
    expect(line(charges, 'ACME-STREAMCO', 'revenue-share')[0]!.direction).toBe('payable');
  });
});

describe('ShopCo: commission on first-month retail (Europe/London)', () => {
  it('takes 5% of the March net retail of the subscribers activated in March', () => {
    // activated in March: …201, …202; …203 was activated in February and
    // …204 at 23:30Z on 31 March = 00:30 BST on 1 April.
    // …201: (30.00 − 5.00) + (12.00 − 2.00) = 35.00; …202: 24.00 − 4.00 − 6.00 = 14.00 (its April line
    // is not first-month); …203's March line is not its first month. 49.00 × 5% = 2.45 EUR
    expect(amount(charges, 'ACME-RESELLER', 'commission-retail')).toBe('2.45');
  });
});

describe('FactoryCorp slice: SLA credits (Europe/Berlin)', () => {
  it('credits 10% of the month fee per full 0.01% of availability below 99.99%, and 5% for latency', () => {
    // fee: 12,000 × 22/31 days = 8,516.13 (period-core's recurring-fee line)
    expect(amount(charges, 'ACME-FACTORY-SLICE', 'recurring-fee')).toBe('8516.13');
    // availability 99.97%: 2 full steps → 20% × 8,516.13 = 1,703.226 → −1,703.23
    expect(amount(charges, 'ACME-FACTORY-SLICE', 'sla-credit', 'availability')).toBe('-1703.23');
    // latency p99 12 ms > 10 ms → 5% × 8,516.13 = 425.8065 → −425.81
    expect(amount(charges, 'ACME-FACTORY-SLICE', 'sla-credit', 'latency-p99')).toBe('-425.81');
    // 25% is under the 50% cap: no cap line
    expect(line(charges, 'ACME-FACTORY-SLICE', 'sla-cap')).toEqual([]);
  });

  it('caps all credits of the service at 50% of the fee', () => {
    // April: whole fee 12,000.00; availability 99.90%: 9 steps → 90% = −10,800.00; latency 9 ms met → 0.00
    // cap 50% = −6,000.00: the cap line adds back 4,800.00
    expect(amount(april, 'ACME-FACTORY-SLICE', 'recurring-fee')).toBe('12000.00');
    expect(amount(april, 'ACME-FACTORY-SLICE', 'sla-credit', 'availability')).toBe('-10800.00');
    expect(amount(april, 'ACME-FACTORY-SLICE', 'sla-credit', 'latency-p99')).toBe('0.00');
    expect(amount(april, 'ACME-FACTORY-SLICE', 'sla-cap')).toBe('4800.00');
  });

  it('says when a KPI or the retail file is missing, never a silent zero', () => {
    // April had no --retail: the revenue share and the commission say so
    expect(amount(april, 'ACME-STREAMCO', 'retail-missing')).toBe('0.00');
    expect(amount(april, 'ACME-RESELLER', 'retail-missing')).toBe('0.00');
    expect(stderr).toBe('');
  });
});

describe('options', () => {
  it('refuses --retail without --period, before any work', async () => {
    const r = await runRateJob([join(root, 'agreements'), '--usage', input('traffic/digital-march.csv'), '--retail', input('inputs/retail-march.csv')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('--retail and --kpi feed period charges: give --period YYYY-MM too');
  });

  it('refuses a bad retail line naming file, line and field, before rating: no outputs, no run stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icx-bad-retail-'));
    const bad = join(dir, 'retail.csv');
    writeFileSync(bad, 'record_id,service,subscriber,date,gross,taxes,refunds,currency\nR-1,premium-video,S1,2026-03-01,15.99,1.42,0,USD\nR-2,premium-video,S2,2026-03-02,12;50,0,0,USD\n');
    const r = await runRateJob([join(root, 'agreements'), '--usage', input('traffic/digital-march.csv'), '--period', '2026-03', '--retail', bad]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`${bad}:3: gross: "12;50" is not an amount`);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(existsSync(join(r.out, 'charges.parquet'))).toBe(false);
    expect(existsSync(join(r.out, 'rated.parquet'))).toBe(false);
    const duck = await DuckDBInstance.create(r.db);
    const con = await duck.connect();
    expect((await con.runAndReadAll('SELECT count(*) AS n FROM rating_runs')).getRowObjectsJson()).toEqual([{ n: '0' }]);
    con.closeSync();
    duck.closeSync();
  });
});
