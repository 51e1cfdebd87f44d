// Usage validation (review fixes): a pre-assigned service never overrides the record's own
// kind and direction; units must be a positive integer; duration_s is rounded up exactly on
// its text; record_id is required; .csv.gz files are read; a file given twice is refused.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HashedAgreementPlan } from '../compiler/plan.js';
import { agreement, compileAgreements, sms, voice } from '../test/support/agreement-snippets.js';
import { rateRecords } from '../test/support/rate-snippet.js';
import { openStore, queryJson, rate, RateInputError, type Store } from './index.js';

const T = 'TG901';
let plans: HashedAgreementPlan[];
let dir: string;

beforeAll(async () => {
  plans = compileAgreements([
    agreement(
      { id: 'VAL', trunks: T },
      `  service sms-out sms payable {
    rate any 0.0050 EUR/msg
  }

  service term voice payable {
    billing 1/1
    rate any 0.6000 EUR/min
  }

  service orig voice receivable {
    billing 1/1
    rate any 0.6000 EUR/min
  }`,
    ),
  ]);
  dir = await mkdtemp(path.join(tmpdir(), 'icx-usage-validation-'));
});

describe('pre-assigned service vs the record kind and direction', () => {
  it('a mismatch goes to no-service with a detail; absent kind/direction take the service', async () => {
    const { rated, suspense } = await rateRecords(plans, [
      voice({ record_id: 'v-to-sms', trunk: T, duration_s: '60', service: 'sms-out' }),
      voice({ record_id: 'in-to-payable', trunk: T, duration_s: '60', direction: 'in', service: 'term' }),
      voice({ record_id: 'ok', trunk: T, duration_s: '60', service: 'term' }),
      voice({ record_id: 'bare', trunk: T, duration_s: '60', kind: undefined, direction: undefined, service: 'orig' }),
      voice({ record_id: 'dir-only', trunk: T, duration_s: '60', kind: undefined, direction: 'out', service: 'orig' }),
    ]);
    expect(rated.map((r) => [r.record_id, r.service, r.kind, r.direction])).toEqual([
      ['ok', 'term', 'voice', 'out'],
      ['bare', 'orig', 'voice', 'in'],
    ]);
    expect(suspense.map((s) => [s.record_id, s.reason])).toEqual([
      ['v-to-sms', 'no-service'],
      ['in-to-payable', 'no-service'],
      ['dir-only', 'no-service'],
    ]);
    expect(suspense[0]!.detail).toMatch(/service "sms-out".*record kind voice, service kind sms/);
    expect(suspense[0]!.detail).not.toMatch(/direction/);
    expect(suspense[1]!.detail).toMatch(/service "term".*record direction in, service direction out \(payable\)/);
    expect(suspense[2]!.detail).toMatch(/record direction out, service direction in \(receivable\)/);
  });
});

describe('units', () => {
  it('must be a positive integer in digits (empty = 1)', async () => {
    const bad = ['2.5', '1e2', '0', '-1', 'abc', '1_000'];
    const { rated, suspense } = await rateRecords(plans, [
      ...bad.map((u, i) => sms({ record_id: `bad${i}`, trunk: T, units: u })),
      sms({ record_id: 'three', trunk: T, units: '3' }),
      sms({ record_id: 'empty', trunk: T, units: '' }),
    ]);
    expect(suspense.map((s) => [s.record_id, s.reason])).toEqual(bad.map((_, i) => [`bad${i}`, 'malformed-units']));
    expect(suspense[0]!.detail).toBe('units "2.5" is not a positive integer');
    expect(rated.map((r) => [r.record_id, r.units, r.amount])).toEqual([
      ['three', '3', '0.015000'],
      ['empty', '1', '0.005000'],
    ]);
  });

  it('a JSON number 2.5 is malformed too', async () => {
    const file = path.join(dir, 'units.json');
    const rec = { trunk: T, direction: 'out', kind: 'sms', b_number: '33612345678', start_time: '2026-03-02T09:00:00Z' };
    await writeFile(file, JSON.stringify([{ ...rec, record_id: 'f', units: 2.5 }, { ...rec, record_id: 'i', units: 2 }]));
    const store = await openStore(':memory:');
    try {
      await rate(store, { plans, usage: [{ path: file }], runId: 'j', progress: false });
      const rows = await queryJson(store, `SELECT record_id, reason FROM suspense ORDER BY seq`);
      expect(rows).toEqual([{ record_id: 'f', reason: 'malformed-units' }]);
      const r = await queryJson(store, `SELECT record_id, units FROM rated ORDER BY seq`);
      expect(r.map((x) => [x.record_id, String(x.units)])).toEqual([['i', '2']]);
    } finally {
      await store.close();
    }
  });
});

describe('duration_s rounded up exactly on the text', () => {
  it('any non-zero digit after the point adds a second; exponent and _ are malformed', async () => {
    const good: [string, string][] = [
      ['61.0000001', '62'], ['0.0000001', '1'], ['61.0000005', '62'], ['61.000000', '61'],
      ['61', '61'], ['60.5', '61'], [' 59.9 ', '60'], ['61.9999996', '62'], ['61.0000000', '61'],
      ['7.123456', '8'], ['7.000000', '7'], ['007', '7'],
    ];
    const { rated, suspense } = await rateRecords(plans, [
      ...good.map(([d], i) => voice({ record_id: `g${i}`, trunk: T, duration_s: d })),
      voice({ record_id: 'exp', trunk: T, duration_s: '1e3' }),
      voice({ record_id: 'under', trunk: T, duration_s: '1_000' }),
      voice({ record_id: 'neg', trunk: T, duration_s: '-5' }),
    ]);
    expect(rated.map((r) => [r.record_id, r.billed_seconds])).toEqual(good.map(([, b], i) => [`g${i}`, b]));
    // 62 s at 0.60/min = 0.62
    expect(rated[0]!.amount).toBe('0.620000');
    expect(suspense.map((s) => [s.record_id, s.reason])).toEqual([
      ['exp', 'malformed-duration'], ['under', 'malformed-duration'], ['neg', 'negative-duration'],
    ]);
  });
});

describe('numeric duration columns (JSON numbers, Parquet DOUBLE): the rendered text', () => {
  // DuckDB renders the JSON number 1e2 as "100.0" (accepted) but 1e-7 as "1e-7" (malformed)
  it('rounds up exactly on the rendered text', async () => {
    const store = await openStore(':memory:');
    try {
      const rec = `"trunk": "${T}", "direction": "out", "kind": "voice", "b_number": "33612345678", "start_time": "2026-03-02T09:00:00Z"`;
      const json = path.join(dir, 'dur.json');
      await writeFile(json, [
        `{"record_id": "j1", "duration_s": 61.0000001, ${rec}}`,
        `{"record_id": "j2", "duration_s": 1e2, ${rec}}`,
        `{"record_id": "j3", "duration_s": 30, ${rec}}`,
        `{"record_id": "j4", "duration_s": 1e-7, ${rec}}`,
      ].join('\n') + '\n');
      const pq = path.join(dir, 'dur.parquet');
      await store.connection.run(`COPY (SELECT * FROM (VALUES ('p1', 61.5::DOUBLE), ('p2', 60.0::DOUBLE)) v(record_id, duration_s),
        (SELECT '${T}' AS trunk, 'out' AS direction, 'voice' AS kind, '33612345678' AS b_number,
                '2026-03-02T09:00:00Z' AS start_time)) TO '${pq}' (FORMAT parquet)`);
      await rate(store, { plans, usage: [{ path: json }, { path: pq }], runId: 'num', progress: false });
      const rated = await queryJson(store, `SELECT record_id, billed_seconds FROM rated ORDER BY seq`);
      expect(rated.map((r) => [r.record_id, String(r.billed_seconds)])).toEqual([
        ['j1', '62'], ['j2', '100'], ['j3', '30'], ['p1', '62'], ['p2', '60'],
      ]);
      const susp = await queryJson(store, `SELECT record_id, reason FROM suspense ORDER BY seq`);
      expect(susp).toEqual([{ record_id: 'j4', reason: 'malformed-duration' }]);
    } finally {
      await store.close();
    }
  });
});

describe('record_id', () => {
  it('empty or missing → missing-field', async () => {
    const { rated, suspense } = await rateRecords(plans, [
      voice({ record_id: '', trunk: T, duration_s: '60' }),
      voice({ record_id: undefined, trunk: T, duration_s: '60' }),
      voice({ record_id: 'x', trunk: T, duration_s: '60' }),
    ]);
    expect(rated.map((r) => r.record_id)).toEqual(['x']);
    expect(suspense.map((s) => s.reason)).toEqual(['missing-field', 'missing-field']);
    expect(suspense[0]!.detail).toBe('required field(s) missing: record_id');
  });
});

describe('usage files', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(':memory:');
  });
  afterAll(async () => store.close());

  const csv = [
    'record_id,trunk,direction,kind,b_number,start_time,duration_s',
    `a,${T},out,voice,33612345678,2026-03-02T09:00:00Z,60`,
    `b,${T},out,voice,33612345678,2026-03-02T09:00:00Z,30`,
  ].join('\n') + '\n';

  it('reads a gzip-compressed .csv.gz file', async () => {
    const file = path.join(dir, 'usage.csv.gz');
    await writeFile(file, gzipSync(csv));
    const res = await rate(store, { plans, usage: [{ path: file }], runId: 'gz', progress: false });
    expect([res.inCount, res.ratedCount, res.suspenseCount]).toEqual([2, 2, 0]);
  });

  it('refuses the same file given twice before any work', async () => {
    const file = path.join(dir, 'twice.csv');
    await writeFile(file, csv);
    const other = path.join(dir, '.', 'sub', '..', 'twice.csv');
    await expect(
      rate(store, { plans, usage: [{ path: file }, { path: other }], runId: 'dup', progress: false }),
    ).rejects.toThrow(RateInputError);
    await expect(
      rate(store, { plans, usage: [{ path: file }, { path: file }], runId: 'dup', progress: false }),
    ).rejects.toThrow(`usage file ${file} given twice`);
    expect(await queryJson(store, `SELECT run_id FROM rating_runs WHERE run_id = 'dup'`)).toEqual([]);
  });
});

describe('a charge too large to rate exactly', () => {
  it('fails the run with a message that says so, and writes nothing', async () => {
    const pricey = compileAgreements([
      agreement({ id: 'OVF', trunks: 'TG902' }, `  service term voice payable {\n    billing 1/1\n    rate any 200000 EUR/min\n  }`),
    ]);
    const store = await openStore(':memory:');
    // The engine multiplies the price in billionths (200,000 EUR/min = 2 × 10^14) by the seconds:
    // a whole day, 86,400 s (the longest call rated), gives 1.7 × 10^19 > 9.2 × 10^18, beyond 64 bits. The run must stop with a clear
    // message (never a wrong amount, never "internal error") and leave the store as it was.
    const rows = [{ record_id: 'huge', trunk: 'TG902', direction: 'out', kind: 'voice', a_number: '1', b_number: '33', start_time: '2026-03-02T10:00:00Z', duration_s: '86400' }];
    await expect(rate(store, { plans: pricey, usage: [{ rows }], runId: 'ovf', progress: false })).rejects.toThrow(/too large to rate exactly/);
    expect(await queryJson(store, `SELECT count(*) AS n FROM rating_runs`)).toEqual([{ n: '0' }]);
    await store.close();
  });
});
