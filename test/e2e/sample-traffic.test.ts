// The README's main job, end to end: the example agreements rate the hand-written March sample.
// Every expected amount below is worked out by hand from the agreements' text.
import { describe, it, expect, beforeAll } from 'vitest';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { root, runRateJob } from '../support/rate-job.js';

// Orange (Europe/Paris, CET = UTC+1 in early March; peak mon-fri 08:00-20:00)
// Nordtel (Europe/Berlin, CET = UTC+1; day mon-fri 07:00-19:00; connect fee 0.0020; 60/1)
const expectedRated: Record<string, string> = {
  'M-0001': '0.0246', // Mon 10:00 Paris, FR-MOBILE peak; 61 s → 120 s at 60/60; 2 × 0.0123
  'M-0002': '0.0200', // 19:00Z = 20:00 Paris → offpeak; 90 s → 120 s; 2 × 0.0100
  'M-0003': '0.0135', // FR-FIXED before 1 April; 180 s = 3 × 0.0045
  'M-0005': '0.0054', // inbound 31 s at 30/6 → 36 s; 36/60 × 0.0090
  'M-0006': '0.0050', // inbound SMS, 1 × 0.0050
  'M-0007': '0', //      zero-second call: free by the agreement's rule
  'M-0008': '0.0203', // 10:00 Berlin, DE-MOBILE day; 61 s at 60/1 = 61 s; 61/60 × 0.0180 = 0.0183 + 0.0020
  'M-0009': '0.0410', // DE-MOBILE-TMO (49151); 120 s = 2 × 0.0195 = 0.0390 + 0.0020
  'M-0010': '0.0200', // DE-FIXED day steps: 60 s × 0.0090/60 + 90 s × 0.0060/60 = 0.0090 + 0.0090, + 0.0020
  'M-0011': '0.0350', // 18:59 Berlin, split: 60 s day 0.0180 + 60 s night 0.0150, + 0.0020
  'M-0013': '0.005242', // inbound 37 s at 1/1: 37 × 0.0085 / 60 = 0.0052416… → 6 dp half-up
  'M-0014': '0.0110', // SMS to 49170 (DE-MOBILE-TMO)
  'M-0020': '0.0246', // "+33612345678": the + is stripped; same as M-0001
};
const expectedSuspense: Record<string, string> = {
  'M-0004': 'barred', // 33 89 premium
  'M-0012': 'barred', // 49 180 service number
  'M-0015': 'no-zone', // SMS to a German fixed line: the SMS service prices mobiles only
  'M-0016': 'no-agreement', // trunk TG999 belongs to no agreement
  'M-0017': 'malformed-start',
  'M-0018': 'malformed-duration',
  'M-0019': 'negative-duration',
};

describe('the README job on agreements/traffic/march-sample.csv', () => {
  let rated: Record<string, string>[] = [];
  let suspense: Record<string, string>[] = [];
  let stdout = '';

  beforeAll(async () => {
    const job = await runRateJob([join(root, 'agreements'), '--usage', join(root, 'agreements', 'traffic', 'march-sample.csv')]);
    expect(job.code, job.stderr).toBe(0);
    ({ stdout, rated, suspense } = job);
  });

  it('balances: 20 in = 13 rated + 7 suspense', () => {
    expect(rated.length).toBe(13);
    expect(suspense.length).toBe(7);
    expect(stdout).toMatch(/in 20 = rated 13 \+ suspense 7/);
  });

  it('prices every rated record as worked out by hand', () => {
    const actual = Object.fromEntries(rated.map((r) => [r.record_id, String(r.amount)]));
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expectedRated).sort());
    for (const [id, amount] of Object.entries(expectedRated)) {
      expect(new Decimal(actual[id]!).eq(amount), `${id}: ${actual[id]} ≠ ${amount}`).toBe(true);
    }
  });

  it('prints the total at the declared places and the suspense reasons', () => {
    // Orange 0.0246 + 0.0200 + 0.0135 + 0.0054 + 0.0050 + 0 + 0.0246 = 0.0931
    // Nordtel 0.0203 + 0.0410 + 0.0200 + 0.0350 + 0.005242 + 0.0110 = 0.132542; together 0.225642
    // Orange's voice-termination rounds each invoice line half-even to 2 places:
    // FR-FIXED 0.0135 → 0.01, FR-MOBILE offpeak 0.0200 → 0.02, FR-MOBILE peak 0.0492 → 0.05,
    // so the invoiced total is 0.225642 − 0.0135 + 0.01 − 0.0492 + 0.05 = 0.222942
    expect(stdout).toMatch(/^ACME-ORANGE-FR-2026\s+voice-termination\s+FR-MOBILE\s+peak\s+3\s+4\.00\s+0\.0492\s+0\.05\s+EUR$/m);
    expect(stdout).toMatch(/^total\s+13\s+0\.225642\s+0\.222942\s+EUR$/m);
    // the SMS service rounds to the default 6 places, so its amount shows 6 places
    expect(stdout).toMatch(/^ACME-NORDTEL-DE-2026\s+sms-termination\s+DE-MOBILE-TMO\s+day\s+1\s+1\s+0\.011000\s+EUR$/m);
    expect(stdout).toMatch(/^barred\s+2$/m);
  });

  it('gives each suspended record its reason', () => {
    const actual = Object.fromEntries(suspense.map((r) => [r.record_id, r.reason]));
    expect(actual).toEqual(expectedSuspense);
  });

  it('carries agreement, version, plan hash and clause on every rated record', () => {
    for (const r of rated) {
      expect(r.agreement_id).toMatch(/^ACME-(ORANGE-FR|NORDTEL-DE)-2026$/);
      expect(r.plan_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.currency).toBe('EUR');
      if (r.record_id === 'M-0007') {
        expect(r.clause).toBe('zero-duration'); // priced by the service's zero-duration rule, not a rate line
      } else {
        expect(r.clause).toMatch(/^[a-z-]+\/([A-Z-]+|any)\//);
        expect(r.rate_source).toMatch(/^acme-[a-z-]+\.icx:\d+/);
      }
    }
  });
});
