// End to end: the roaming (TelcoZ) and MVNO (LycaLike) example agreements rate
// agreements/traffic/roaming-mvno-march.csv. Records carry their agreement (no trunk).
// Every expected amount is worked out by hand from the agreements' text.
import { describe, it, expect, beforeAll } from 'vitest';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { root, runRateJob } from '../support/rate-job.js';

// TelcoZ roaming-voice: 30/30 by call category; roaming-data: 1 KB unit, 0.0015 EUR/MB.
// LycaLike mvno-data: 1 KB unit, 0.0009 EUR/MB; mvno-voice: 1/1, 0.0040 EUR/min. 1 KB = 1,024 bytes.
const expectedRated: Record<string, { amount: string; billedBytes?: string; clause?: string }> = {
  'R-0001': { amount: '0.0250' }, //  home 31 s → 60 s; 1 × 0.0250
  'R-0002': { amount: '0.0200' }, //  local 45 s → 60 s; 1 × 0.0200
  'R-0003': { amount: '0.0750' }, //  international 61 s → 90 s; 1.5 × 0.0500
  // 1,500,000 B → 1465 KB = 1,500,160 B; 1465/1024 × 0.0015 = 0.00214599609375 → 0.002146
  'R-0005': { amount: '0.002146', billedBytes: '1500160' },
  'R-0006': { amount: '0', billedBytes: '0', clause: 'zero-volume' }, // empty session: 0 by rule
  // 44,957,000 B → 43,904 KB = 44,957,696 B = 42.875 MB; × 0.0015 = 0.0643125 → half-up 0.064313
  'R-0007': { amount: '0.064313', billedBytes: '44957696' },
  // 1,441,000 B → 1408 KB = 1,441,792 B = 1.375 MB; × 0.0009 = 0.0012375 → half-up 0.001238
  'R-0008': { amount: '0.001238', billedBytes: '1441792' },
  'R-0009': { amount: '0.002467' }, // 37 s at 1/1: 37 × 0.0040 / 60 = 0.0024666… → 0.002467
  'R-0012': { amount: '0.0090', billedBytes: '10485760' }, // 10 MB × 0.0009
};
const expectedSuspense: Record<string, string> = {
  'R-0004': 'no-category', // roaming call without a call category
  'R-0010': 'missing-field', // data record without bytes
  'R-0011': 'malformed-bytes', // "2GB" is not a number of bytes
};

describe('roaming and MVNO usage on agreements/traffic/roaming-mvno-march.csv', () => {
  let rated: Record<string, string>[] = [];
  let suspense: Record<string, string>[] = [];
  let stdout = '';

  beforeAll(async () => {
    const job = await runRateJob([join(root, 'agreements'), '--usage', join(root, 'agreements', 'traffic', 'roaming-mvno-march.csv')]);
    expect(job.code, job.stderr).toBe(0);
    ({ stdout, rated, suspense } = job);
  });

  it('balances: 12 in = 9 rated + 3 suspense', () => {
    expect(rated.length).toBe(9);
    expect(suspense.length).toBe(3);
    expect(stdout).toMatch(/in 12 = rated 9 \+ suspense 3/);
  });

  it('prices every rated record as worked out by hand, with the billed volume of data', () => {
    const byId = Object.fromEntries(rated.map((r) => [r.record_id, r]));
    expect(Object.keys(byId).sort()).toEqual(Object.keys(expectedRated).sort());
    for (const [id, e] of Object.entries(expectedRated)) {
      const r = byId[id]!;
      expect(new Decimal(String(r.amount)).eq(e.amount), `${id}: ${r.amount} ≠ ${e.amount}`).toBe(true);
      if (e.billedBytes !== undefined) expect(String(r.billed_bytes), `billed bytes of ${id}`).toBe(e.billedBytes);
      if (e.clause !== undefined) expect(r.clause).toBe(e.clause);
    }
  });

  it('names the category as the zone of a roaming call and any for data; no B-number on data', () => {
    const byId = Object.fromEntries(rated.map((r) => [r.record_id, r]));
    expect(byId['R-0001']!.zone).toBe('home');
    expect(byId['R-0001']!.clause).toBe('roaming-voice/calls home/any/2026-01-01');
    expect(byId['R-0003']!.zone).toBe('international');
    expect(byId['R-0005']!.zone).toBe('any');
    expect(byId['R-0005']!.b_number).toBeNull();
    expect(byId['R-0005']!.agreement_id).toBe('ACME-TELCOZ-ROAMING-2026');
    expect(byId['R-0008']!.agreement_id).toBe('ACME-LYCA-MVNO-2026');
  });

  it('gives each suspended record its reason', () => {
    const actual = Object.fromEntries(suspense.map((r) => [r.record_id, r.reason]));
    expect(actual).toEqual(expectedSuspense);
  });
});
