// The CarrierX A–Z example end to end: agreements/acme-carrierx-az.icx prices
// agreements/traffic/carrierx-march.csv from its deck (agreements/decks/carrierx-az.csv).
// Every expected amount is worked out by hand from the deck. Time zone UTC; billing 1/1
// unless the deck row has increments; amounts rounded half-up to 6 decimals (default).
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { root, runRateJob } from '../support/rate-job.js';

const expectedRated: Record<string, string> = {
  'X-01': '0.029483', // 447 at 0.0290 (before 15 March): 61 × 0.0290 / 60 = 1.769 / 60 = 0.0294833…
  'X-02': '0.032', //    447 at 0.0320 from 2026-03-15 00:00 UTC: 60 × 0.0320 / 60
  'X-03': '0.029', //    one second before: still 0.0290; 60 × 0.0290 / 60
  'X-04': '0.0027', //   1 (USA) 6/6: 31 s → 6 + ceil(25 / 6) × 6 = 36 s; 36 × 0.0045 / 60 = 0.162 / 60
  'X-05': '0.00104', //  1201 (New Jersey, longer than 1) 6/6: 7 s → 12 s; 12 × 0.0052 / 60 = 0.0624 / 60
  'X-07': '0.27', //     1876 Jamaica 60/60: 61 s → 120 s; 120 × 0.1350 / 60
  'X-08': '0.25', //     4470 UK personal 60/60, open until 10 March: 30 s → 60 s; 60 × 0.2500 / 60
  'X-10': '0.0615', //   4917 at 0.0410 before the 5 March decrease: 90 × 0.0410 / 60 = 3.69 / 60
  'X-11': '0.0585', //   4917 at 0.0390 from 5 March: 90 × 0.0390 / 60 = 3.51 / 60
  'X-12': '0.03075', //  4915 keeps 0.0410: 45 × 0.0410 / 60 = 1.845 / 60
  'X-13': '0.208333', // 2348 at 0.1250 from 20 March: 100 × 0.1250 / 60 = 12.5 / 60 = 0.2083333…
  'X-14': '0.183333', // 2348 at 0.1100 the day before: 100 × 0.1100 / 60 = 11 / 60 = 0.1833333…
  'X-15': '0', //        zero-second call to France fixed: free (no zero-duration rule → free)
  'X-17': '0.0118', //   353 Ireland fixed: 59 × 0.0120 / 60 = 0.708 / 60
  'X-18': '0.018', //    34 Spain fixed: 120 × 0.0090 / 60 = 1.08 / 60
};
const expectedSuspense: Record<string, string> = {
  'X-06': 'closed', //  1800 toll free: closed in the deck from 2026-01-01
  'X-09': 'closed', //  4470 UK personal: closed from 2026-03-10 00:00 UTC
  'X-16': 'no-zone', // 61 Australia: not in the deck
};

describe('CarrierX A–Z deck on agreements/traffic/carrierx-march.csv', () => {
  let rated: Record<string, string>[] = [];
  let suspense: Record<string, string>[] = [];
  let stdout = '';

  beforeAll(async () => {
    const job = await runRateJob([join(root, 'agreements'), '--usage', join(root, 'agreements', 'traffic', 'carrierx-march.csv')]);
    expect(job.code, job.stderr).toBe(0);
    ({ stdout, rated, suspense } = job);
  });

  it('balances: 18 in = 15 rated + 3 suspense', () => {
    expect(rated.length).toBe(15);
    expect(suspense.length).toBe(3);
    expect(stdout).toMatch(/in 18 = rated 15 \+ suspense 3/);
  });

  it('prices every rated record as worked out by hand', () => {
    const actual = Object.fromEntries(rated.map((r) => [r.record_id, String(r.amount)]));
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expectedRated).sort());
    for (const [id, amount] of Object.entries(expectedRated)) {
      expect(new Decimal(actual[id]!).eq(amount), `${id}: ${actual[id]} ≠ ${amount}`).toBe(true);
    }
  });

  it('names the destination as the zone and cites the deck line', () => {
    const byId = Object.fromEntries(rated.map((r) => [r.record_id, r]));
    expect(byId['X-02']!.zone).toBe('United Kingdom - Mobile');
    expect(byId['X-02']!.rate_source).toBe('decks/carrierx-az.csv:16'); // line 16: the 15 March increase
    expect(byId['X-05']!.zone).toBe('USA - New Jersey');
    expect(byId['X-04']!.billed_seconds).toBe('36');
    for (const r of rated) {
      expect(r.agreement_id).toBe('ACME-CARRIERX-AZ-2026');
      expect(r.currency).toBe('USD');
    }
  });

  it('gives each suspended record its reason', () => {
    expect(Object.fromEntries(suspense.map((r) => [r.record_id, r.reason]))).toEqual(expectedSuspense);
  });
});
