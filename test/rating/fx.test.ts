// Multi-currency rating: services priced in SDR, settled in EUR through an FX table, the rate
// taken at the usage date or at the period end (last local day of the month), a missing rate
// to suspense `no-fx-rate`, and exact conversion with one rounding (docs/internal-contracts.md
// "Multi-currency"): settlement = round(original unrounded × rate), original = round(original).
// Expected values by hand; the arithmetic is in the comments. Agreements are in Europe/Paris
// (CET = UTC+1 until 2026-03-29, CEST = UTC+2 after).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../compiler/index.js';
import type { CompiledSet } from '../../compiler/plan.js';
import { openStore, queryJson, rate, runAgreementTests, type Store } from '../../runtime/index.js';
import { agreement } from '../support/agreement-snippets.js';

const TABLES: Record<string, string> = {
  'fx/t.csv': [
    'date,from,to,rate',
    '2026-03-02,SDR,EUR,1.1712',
    '2026-03-31,SDR,EUR,1.1645',
    '2026-04-30,SDR,EUR,1.18',
    '2026-03-03,USD,EUR,0.9123', // another pair: never used for SDR
  ].join('\n'),
  'fx/half.csv': 'date,from,to,rate\n2026-03-02,SDR,EUR,1.17125\n2026-03-03,SDR,EUR,1.17025\n',
};

function fxAgreement(id: string, trunk: string, fx: string, services: string): string {
  return agreement({ id, trunks: trunk }, services).replace('  currency EUR\n', `  currency EUR\n  ${fx}\n`);
}

const voiceSms = (rounding = '') => `  service v voice payable {
    billing 60/60
    rate FR-MOBILE 0.0250 SDR/min${rounding}
  }
  service m sms payable {
    rate FR-MOBILE 0.0133 SDR/msg
  }`;

const TEXTS = [
  fxAgreement('FX-UD', 'TG601', 'fx SDR -> EUR from table "fx/t.csv" at usage date', voiceSms()),
  fxAgreement('FX-PE', 'TG602', 'fx SDR -> EUR from table "fx/t.csv" at period end', voiceSms()),
  fxAgreement('FX-R', 'TG603', 'fx SDR -> EUR from table "fx/t.csv" at usage date',
    `  service v voice payable {\n    billing 1/1\n    rate FR-MOBILE 0.0251 SDR/min\n  }`),
  fxAgreement('FX-HU', 'TG604', 'fx SDR -> EUR from table "fx/half.csv" at usage date', voiceSms()),
  fxAgreement('FX-HE', 'TG605', 'fx SDR -> EUR from table "fx/half.csv" at usage date',
    voiceSms('\n    rounding half-even 6 decimals per record')),
  fxAgreement('FX-BIG', 'TG606', 'fx SDR -> EUR from table "fx/t.csv" at usage date',
    `  service v voice payable {\n    billing 60/60\n    rate FR-MOBILE 9.9999 SDR/min\n  }`),
  fxAgreement('FX-D', 'TG608', 'fx SDR -> EUR from table "fx/half.csv" at usage date',
    `  service v voice payable {\n    billing 60/60\n    rate FR-MOBILE 0.0210 SDR/min\n  }`),
  fxAgreement('FX-SPLIT', 'TG609', 'fx SDR -> EUR from table "fx/t.csv" at usage date',
    `  service v voice payable {\n    billing 1/1\n    calls across a band boundary are split at the boundary\n    rate FR-MOBILE  peak 0.0300 SDR/min  offpeak 0.0120 SDR/min\n  }`),
  // a plain EUR agreement in the same run: unchanged, original = amount, no rate
  agreement({ id: 'EUR-ONLY', trunks: 'TG607' }, `  service v voice payable {\n    billing 60/60\n    rate FR-MOBILE 0.0250 EUR/min\n  }`),
];

let compiled: CompiledSet;
let store: Store;
let rated: Map<string, Record<string, unknown>>;
let suspense: Map<string, Record<string, unknown>>;
let counts: { in: number; rated: number; suspense: number };

const call = (id: string, trunk: string, start: string, dur = '61') =>
  ({ record_id: id, trunk, direction: 'out', kind: 'voice', b_number: '33612345678', start_time: start, duration_s: dur });

beforeAll(async () => {
  const r = compile(TEXTS.map((text, i) => ({ uri: `a${i}.icx`, text })), { readFile: (u) => TABLES[u] });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  compiled = r.compiled;
  store = await openStore(':memory:');
  const res = await rate(store, {
    plans: compiled.plans, runId: 'fx', progress: false,
    usage: [{ name: 'fx', rows: [
      call('ud-0302', 'TG601', '2026-03-02T09:00:00Z'), // Mon 10:00 CET
      call('pe-0302', 'TG602', '2026-03-02T09:00:00Z'),
      call('ud-0303', 'TG601', '2026-03-03T09:00:00Z'), // no SDR row dated 2026-03-03
      call('pe-0410', 'TG602', '2026-04-10T08:00:00Z'), // 10:00 CEST, period end 2026-04-30
      call('pe-0504', 'TG602', '2026-05-04T08:00:00Z'), // period end 2026-05-31: no row
      call('ud-local', 'TG601', '2026-03-01T23:30:00Z'), // local 2026-03-02 00:30 CET (UTC date 03-01 has no row)
      call('pe-local', 'TG602', '2026-03-31T22:30:00Z'), // local 2026-04-01 00:30 CEST: April's period end
      call('r-7s', 'TG603', '2026-03-02T09:00:00Z', '7'),
      call('hu', 'TG604', '2026-03-02T09:00:00Z'),
      call('he', 'TG605', '2026-03-02T09:00:00Z'),
      call('big', 'TG606', '2026-03-02T09:00:00Z', '86400'), // a whole day: the longest call rated
      call('eur', 'TG607', '2026-03-02T09:00:00Z'),
      call('double', 'TG608', '2026-03-03T09:00:00Z', '600'),
      call('split', 'TG609', '2026-03-02T18:59:30Z', '60'), // 19:59:30 CET: 30 s peak, 30 s off-peak
      { record_id: 'sms', trunk: 'TG601', direction: 'out', kind: 'sms', b_number: '33612345678', start_time: '2026-03-02T09:00:00Z', units: '3' },
      { ...call('zone-miss', 'TG601', '2026-03-03T09:00:00Z'), b_number: '4420' }, // no zone, and no rate that day
    ] }],
  });
  counts = { in: res.inCount, rated: res.ratedCount, suspense: res.suspenseCount };
  const rows = await queryJson(store, `SELECT record_id, CAST(amount AS VARCHAR) AS amount, currency,
      CAST(original_amount AS VARCHAR) AS original_amount, original_currency, CAST(fx_rate AS VARCHAR) AS fx_rate,
      CAST(fx_date AS VARCHAR) AS fx_date, CAST(billed_seconds AS VARCHAR) AS billed FROM rated WHERE run_id = 'fx'`);
  rated = new Map(rows.map((r) => [String(r.record_id), r]));
  const sus = await queryJson(store, `SELECT record_id, reason, detail FROM suspense WHERE run_id = 'fx'`);
  suspense = new Map(sus.map((r) => [String(r.record_id), r]));
});

afterAll(async () => {
  await store?.close();
});

/** amounts come back as DECIMAL(18,9) text */
const n9 = (s: string) => {
  const [i, f = ''] = s.split('.');
  return `${i}.${f.padEnd(9, '0')}`;
};

function expectRated(id: string, amount: string, original: string | null, fxRate: string | null, fxDate: string | null): void {
  const r = rated.get(id);
  expect(r, `${id} rated; suspense: ${JSON.stringify(suspense.get(id))}`).toBeDefined();
  expect(r!.amount).toBe(n9(amount));
  expect(r!.currency).toBe('EUR');
  expect(r!.original_amount).toBe(n9(original ?? amount));
  expect(r!.original_currency).toBe(original === null ? 'EUR' : 'SDR');
  expect(r!.fx_rate).toBe(fxRate === null ? null : n9(fxRate));
  expect(r!.fx_date).toBe(fxDate);
}

describe('FX at usage date vs at period end', () => {
  it('usage date: 61 s at 60/60 → 120 s × 0.0250 SDR/60 = 0.05 SDR; × 1.1712 (row of 2026-03-02) = 0.05856 EUR', () => {
    expectRated('ud-0302', '0.05856', '0.05', '1.1712', '2026-03-02');
  });

  it('period end: the same call takes the row of 2026-03-31: 0.05 × 1.1645 = 0.058225 EUR', () => {
    expectRated('pe-0302', '0.058225', '0.05', '1.1645', '2026-03-31');
  });

  it('period end in April: 0.05 × 1.18 (row of 2026-04-30) = 0.059 EUR', () => {
    expectRated('pe-0410', '0.059', '0.05', '1.18', '2026-04-30');
  });

  it('the date is the LOCAL date of the start: 23:30Z on 03-01 is 00:30 on 03-02 in Paris → 0.05 × 1.1712 = 0.05856', () => {
    expectRated('ud-local', '0.05856', '0.05', '1.1712', '2026-03-02');
  });

  it('period end follows the local month: 22:30Z on 03-31 is 00:30 on 04-01 (CEST) → April: 0.05 × 1.18 = 0.059', () => {
    expectRated('pe-local', '0.059', '0.05', '1.18', '2026-04-30');
  });

  it('sms: 3 × 0.0133 SDR = 0.0399 SDR; × 1.1712 = 0.04673088 → 0.046731 EUR (half-up, 6 decimals)', () => {
    expectRated('sms', '0.046731', '0.0399', '1.1712', '2026-03-02');
  });

  it('a call split at a band boundary converts its whole amount: 30 s × 0.0300/60 + 30 s × 0.0120/60 = 0.015 + 0.006 = 0.021 SDR; × 1.1712 = 0.0245952 → 0.024595 EUR', () => {
    expectRated('split', '0.024595', '0.021', '1.1712', '2026-03-02');
  });

  it('a service in the agreement currency is untouched: 0.05 EUR, original = amount, no rate, no date', () => {
    expectRated('eur', '0.05', null, null, null);
  });
});

describe('a missing FX rate', () => {
  it('usage date without a row for that date → suspense no-fx-rate, never a rate of 1', () => {
    expect(rated.has('ud-0303')).toBe(false);
    expect(suspense.get('ud-0303')).toMatchObject({ reason: 'no-fx-rate' });
    expect(String(suspense.get('ud-0303')!.detail)).toContain('no SDR->EUR rate dated 2026-03-03');
    expect(String(suspense.get('ud-0303')!.detail)).toContain('fx/t.csv');
  });

  it('period end without a row for the month end (2026-05-31) → suspense no-fx-rate', () => {
    expect(suspense.get('pe-0504')).toMatchObject({ reason: 'no-fx-rate' });
    expect(String(suspense.get('pe-0504')!.detail)).toContain('rate dated 2026-05-31 (period end of local date 2026-05-04)');
  });

  it('a record that fails earlier keeps its own reason (no-zone before no-fx-rate)', () => {
    expect(suspense.get('zone-miss')).toMatchObject({ reason: 'no-zone' });
  });

  it('in = rated + suspense, every record once', () => {
    expect(counts.in).toBe(16);
    expect(counts.rated + counts.suspense).toBe(16);
    expect(counts.suspense).toBe(3); // ud-0303, pe-0504, zone-miss
    expect(rated.size + suspense.size).toBe(16);
  });
});

describe('exact conversion, one rounding', () => {
  it('converts the UNROUNDED original: 7 s × 0.0251/60 = 0.0029283… SDR; × 1.1712 = 0.20577984/60 = 0.003429664 → 0.003430 EUR', () => {
    // rounding the original first would give 0.002928 × 1.1712 = 0.0034292736 → 0.003429 (wrong)
    expectRated('r-7s', '0.00343', '0.002928', '1.1712', '2026-03-02');
  });

  it('an exact half after conversion, half-up: 0.05 × 1.17125 = 0.0585625 → 0.058563 (the product in binary floating point is 0.05856249999…)', () => {
    expectRated('hu', '0.058563', '0.05', '1.17125', '2026-03-02');
  });

  it('a half that DOUBLE arithmetic loses: 600 s × 0.0210 SDR/min / 60 = 0.21 SDR; × 1.17025 = 0.2457525 → 0.245753 EUR', () => {
    // in DuckDB, round(0.0210 * 600 / 60 * 1.17025, 6) (DECIMAL / x is DOUBLE) gives 0.245752 (wrong)
    expectRated('double', '0.245753', '0.21', '1.17025', '2026-03-03');
  });

  it('the same half, half-even: 0.0585625 → 0.058562 (6th decimal 2 is even)', () => {
    expectRated('he', '0.058562', '0.05', '1.17125', '2026-03-02');
  });

  it('beyond 64-bit intermediate products: 86,400 s → 1,440 min × 9.9999 = 14,399.856 SDR; × 1.1712 = 16,865.1113472 → 16,865.111347 EUR', () => {
    // 14,399.856 × 1.1712 = 14,399.856 + 14,399.856 × 0.1712 (= 2,465.2553472) = 16,865.1113472
    // n60 = 86,400 s × 9.9999e9 ≈ 8.6e14; × rate 1.1712e9 ≈ 1.0e24 > 9.2e18: HUGEINT
    expectRated('big', '16865.111347', '14399.856', '1.1712', '2026-03-02');
  });
});

describe('agreement tests with `original`', () => {
  it('checks the settlement amount and the original amount', async () => {
    const text = fxAgreement('FX-T', 'TG699', 'fx SDR -> EUR from table "fx/t.csv" at usage date', `${voiceSms()}
  test "61 s in SDR, settled at the usage-date rate" {
    usage v to 33612345678 at 2026-03-02T10:00:00 for 61s
    expect 0.05856 EUR original 0.0500 SDR
  }
  test "a wrong original fails" {
    usage v to 33612345678 at 2026-03-02T10:00:00 for 61s
    expect 0.05856 EUR original 0.0501 SDR
  }
  test "no rate on 2026-03-03" {
    usage v to 33612345678 at 2026-03-03T10:00:00 for 61s
    expect suspense no-fx-rate
  }`);
    const r = compile([{ uri: 't.icx', text }], { readFile: (u) => TABLES[u] });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const s = await openStore(':memory:');
    try {
      const results = await runAgreementTests(s, r.compiled);
      expect(results.map((x) => x.passed)).toEqual([true, false, true]);
      expect(results[1]!.failures).toEqual(['original amount: expected 0.0501 SDR, got 0.05 SDR']);
    } finally {
      await s.close();
    }
  });
});
