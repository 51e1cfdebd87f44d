// Calendar and matching: DST-correct bands, holidays, effective dates by local date,
// validity, longest-prefix match, the split rule across one or many boundaries.
import { describe, expect, it } from 'vitest';
import type { BandWindow } from '../compiler/plan.js';
import { rateRecords } from '../test/support/rate-snippet.js';
import { agreementPlan, hashed, rateLine, voice, voiceService } from './testing/fixtures.js';

/** Every day: night 00:00-07:00, day 07:00-24:00 (so the band flips one hour off if DST is wrong). */
function nightDay(): BandWindow[] {
  const w: BandWindow[] = [];
  for (const holiday of [false, true]) for (let d = 1; d <= 7; d++) {
    w.push({ holiday, isoDow: d, startMinute: 0, endMinute: 420, band: 'night' });
    w.push({ holiday, isoDow: d, startMinute: 420, endMinute: 1440, band: 'day' });
  }
  return w;
}

describe('time bands in the agreement zone, DST-correct', () => {
  const plans = [hashed(agreementPlan({
    bands: ['night', 'day'], bandWindows: nightDay(),
    services: [voiceService({ rates: [rateLine('FR-MOBILE', 'night', '0.0100'), rateLine('FR-MOBILE', 'day', '0.0200')] })],
  }))];

  it('Europe/Paris 2026-03-29 (spring forward) and 2026-10-25 (fall back)', async () => {
    const recs = [
      voice('mar28-0530Z', { start_time: '2026-03-28T05:30:00Z' }), // 06:30 CET → night
      voice('mar29-0030Z', { start_time: '2026-03-29T00:30:00Z' }), // 01:30 CET → night
      voice('mar29-0530Z', { start_time: '2026-03-29T05:30:00Z' }), // 07:30 CEST → day (06:30 if DST ignored)
      voice('oct24-0530Z', { start_time: '2026-10-24T05:30:00Z' }), // 07:30 CEST → day
      voice('oct25-0530Z', { start_time: '2026-10-25T05:30:00Z' }), // 06:30 CET → night (07:30 if DST ignored)
      voice('oct25-0030Z', { start_time: '2026-10-25T00:30:00Z' }), // 02:30 CEST (first pass) → night
      voice('oct25-0130Z', { start_time: '2026-10-25T01:30:00Z' }), // 02:30 CET (second pass) → night
    ];
    const { rated } = await rateRecords(plans, recs as never);
    const got = Object.fromEntries(rated.map((r) => [r.record_id, `${r.band} ${r.local_start.slice(11)}`]));
    expect(got).toEqual({
      'mar28-0530Z': 'night 06:30:00', 'mar29-0030Z': 'night 01:30:00', 'mar29-0530Z': 'day 07:30:00',
      'oct24-0530Z': 'day 07:30:00', 'oct25-0530Z': 'night 06:30:00',
      'oct25-0030Z': 'night 02:30:00', 'oct25-0130Z': 'night 02:30:00',
    });
  });

  it('a start time without offset uses assumeTimezone, else suspense missing-offset', async () => {
    const recs = [voice('naive', { start_time: '2026-03-29T07:30:00' })];
    const none = await rateRecords(plans, recs as never);
    expect(none.suspense.map((s) => s.reason)).toEqual(['missing-offset']);
    const paris = await rateRecords(plans, recs as never, { assumeTimezone: 'Europe/Paris' });
    expect([paris.rated[0]!.start_time, paris.rated[0]!.band]).toEqual(['2026-03-29T05:30:00Z', 'day']);
    await expect(rateRecords(plans, recs as never, { assumeTimezone: 'Mars/Olympus' })).rejects.toThrow(/unknown assume-timezone/);
  });
});

describe('holidays, effective dates and validity use the local date', () => {
  const plans = [hashed(agreementPlan({
    services: [voiceService({
      rates: [
        rateLine('FR-MOBILE', 'peak', '0.0123'), rateLine('FR-MOBILE', 'offpeak', '0.0100'),
        rateLine('FR-FIXED', 'peak', '0.0045', { effectiveTo: '2026-04-01' }),
        rateLine('FR-FIXED', 'peak', '0.0040', { effectiveFrom: '2026-04-01', clause: 'svc/FR-FIXED/peak/2026-04-01' }),
        rateLine('FR-FIXED', 'offpeak', '0.0045', { effectiveTo: '2026-04-01' }),
        rateLine('FR-FIXED', 'offpeak', '0.0040', { effectiveFrom: '2026-04-01', clause: 'svc/FR-FIXED/offpeak/2026-04-01' }),
      ],
    })],
  }))];

  it('picks holiday profiles, rate lines and validity by local date', async () => {
    const { rated, suspense } = await rateRecords(plans, [
      voice('easter-monday', { start_time: '2026-04-06T08:00:00Z', duration_s: 60 }), // 10:00 on a holiday → offpeak
      voice('tuesday', { start_time: '2026-04-07T08:00:00Z', duration_s: 60 }), // 10:00 → peak
      voice('fixed-old', { b_number: '33123', start_time: '2026-03-31T21:00:00Z', duration_s: 60 }), // 23:00 Mar 31
      voice('fixed-new', { b_number: '33123', start_time: '2026-03-31T22:30:00Z', duration_s: 60 }), // 00:30 Apr 1 local
      voice('after', { start_time: '2026-12-31T23:30:00Z' }), // 00:30 on 2027-01-01 local
      voice('before', { start_time: '2026-01-01T00:30:00+01:00' }),
    ] as never);
    const by = Object.fromEntries(rated.map((r) => [r.record_id, [r.band, r.amount, r.clause]]));
    expect(by['easter-monday']).toEqual(['offpeak', '0.010000', 'svc/FR-MOBILE/offpeak/2026-01-01']);
    expect(by['tuesday']).toEqual(['peak', '0.012300', 'svc/FR-MOBILE/peak/2026-01-01']);
    expect(by['fixed-old']![1]).toBe('0.004500');
    expect(by['fixed-new']).toEqual(['offpeak', '0.004000', 'svc/FR-FIXED/offpeak/2026-04-01']);
    expect(by['before']![0]).toBe('offpeak'); // New Year's Day is a holiday
    expect(suspense.map((s) => [s.record_id, s.reason])).toEqual([['after', 'outside-validity']]);
  });

  it('no-rate, no-service, no-zone, barred, no-agreement, pre-assigned agreement and service', async () => {
    const p = [hashed(agreementPlan({ services: [voiceService({ rates: [rateLine('FR-MOBILE', 'peak', '0.0123')] })] }))];
    const { rated, suspense } = await rateRecords(p, [
      voice('offpeak', { start_time: '2026-03-02T22:00:00+01:00' }),
      voice('inbound', { direction: 'in' }),
      voice('uk', { b_number: '447700900123' }),
      voice('premium', { b_number: '33899123' }),
      voice('trunk', { trunk: 'TG999' }),
      voice('assigned', { trunk: 'TG999', agreement: 'ACME-ORANGE', service: 'voice-termination', kind: null, direction: null }),
      voice('bad-assigned', { agreement: 'NOPE' }),
    ] as never);
    expect(rated.map((r) => r.record_id)).toEqual(['assigned']);
    expect(suspense.map((s) => [s.record_id, s.reason])).toEqual([
      ['offpeak', 'no-rate'], ['inbound', 'no-service'], ['uk', 'no-zone'], ['premium', 'barred'],
      ['trunk', 'no-agreement'], ['bad-assigned', 'no-agreement'],
    ]);
  });
});

describe('longest-prefix match', () => {
  it('takes the longest of overlapping prefixes, including the empty prefix and leading zeros', async () => {
    const zones = { '': 'ANY', '33': 'FR', '336': 'FR-MOB', '3361': 'FR-MOB-1', '33612': 'FR-MOB-12', '00': 'INTL-00', '0044': 'UK-00' };
    const prefixes = Object.entries(zones).map(([prefix, zone]) => ({ prefix, zone }));
    const rates = [...new Set(Object.values(zones))].flatMap((z) => [rateLine(z, 'peak', '0.01'), rateLine(z, 'offpeak', '0.01')]);
    const p = [hashed(agreementPlan({ services: [voiceService({ prefixes, barredZones: [], rates })] }))];
    const nums = { '33612345678': 'FR-MOB-12', '3361999': 'FR-MOB-1', '336999': 'FR-MOB', '33199': 'FR', '4420': 'ANY',
      '0012': 'INTL-00', '004420': 'UK-00', '012': 'ANY', '+33612': 'FR-MOB-12', '3': 'ANY', '336': 'FR-MOB' };
    const { rated } = await rateRecords(p, Object.keys(nums).map((b) => voice(b, { b_number: b })) as never);
    expect(Object.fromEntries(rated.map((r) => [r.record_id, r.zone]))).toEqual(nums);
  });
});

describe('split rule', () => {
  const split = (over = {}) => [hashed(agreementPlan({
    services: [voiceService({ boundaryRule: 'split', billing: { firstSeconds: 1, nextSeconds: 1, minimumSeconds: 0 }, ...over })],
  }))];

  it('charges actual seconds per band window, extra billed seconds at the last band', async () => {
    const { rated } = await rateRecords(split(), [
      // 19:59:30 + 90 s: 30 s peak, 60 s offpeak: 30×0.0123/60 + 60×0.0100/60 = 0.00615 + 0.01
      voice('cross', { start_time: '2026-03-02T19:59:30+01:00', duration_s: 90 }),
      voice('inside', { start_time: '2026-03-02T19:58:00+01:00', duration_s: 120 }), // ends 19:59:59 → all peak
      voice('edge', { start_time: '2026-03-02T19:58:00+01:00', duration_s: 121 }), // last second 20:00:00 offpeak
    ] as never);
    const by = Object.fromEntries(rated.map((r) => [r.record_id, [r.amount, r.band, r.clause]]));
    expect(by['cross']).toEqual(['0.016150', 'peak', 'svc/FR-MOBILE/peak/2026-01-01 + svc/FR-MOBILE/offpeak/2026-01-01']);
    expect(by['inside']).toEqual(['0.024600', 'peak', 'svc/FR-MOBILE/peak/2026-01-01']);
    // 120 s peak + 1 s offpeak = 0.0246 + 0.000166666… = 0.024766666… → 0.024767
    expect(by['edge']![0]).toBe('0.024767');
  });

  it('60/60 increments: the padding goes to the last window', async () => {
    const p = split({ billing: { firstSeconds: 60, nextSeconds: 60, minimumSeconds: 0 } });
    // 19:59:30 + 45 s = 30 s peak + 15 s offpeak, billed 60: 30 peak + 30 offpeak = 0.00615 + 0.005
    const { rated } = await rateRecords(p, [voice('a', { start_time: '2026-03-02T19:59:30+01:00', duration_s: 45 })] as never);
    expect([rated[0]!.amount, rated[0]!.billed_seconds]).toEqual(['0.011150', '60']);
  });

  it('any number of boundaries, and across midnight into another day profile', async () => {
    const w: BandWindow[] = [];
    for (const holiday of [false, true]) for (let d = 1; d <= 7; d++) {
      w.push({ holiday, isoDow: d, startMinute: 0, endMinute: 600, band: 'A' });
      w.push({ holiday, isoDow: d, startMinute: 600, endMinute: 602, band: 'B' });
      w.push({ holiday, isoDow: d, startMinute: 602, endMinute: 1439, band: 'A' });
      w.push({ holiday, isoDow: d, startMinute: 1439, endMinute: 1440, band: 'B' });
    }
    const p = [hashed(agreementPlan({
      bands: ['A', 'B'], bandWindows: w,
      services: [voiceService({
        boundaryRule: 'split', billing: { firstSeconds: 1, nextSeconds: 1, minimumSeconds: 0 },
        rates: [rateLine('FR-MOBILE', 'A', '0.06'), rateLine('FR-MOBILE', 'B', '0.12')],
      })],
    }))];
    const { rated } = await rateRecords(p, [
      // 09:59:30 + 200 s: 30 s A, 120 s B, 50 s A → 0.03 + 0.24 + 0.05
      voice('three', { start_time: '2026-03-02T09:59:30+01:00', duration_s: 200 }),
      // 23:58:30 + 150 s: 30 s A, 60 s B (23:59), 60 s A (00:00 next day) → 0.03 + 0.12 + 0.06
      voice('midnight', { start_time: '2026-03-02T23:58:30+01:00', duration_s: 150 }),
    ] as never);
    expect(rated.map((r) => [r.record_id, r.amount])).toEqual([['three', '0.320000'], ['midnight', '0.210000']]);
  });

  it('across the DST change, bands follow the wall clock', async () => {
    // night 00:00-07:00 / day: a call from 01:59:30 CET for 60 s ends 03:00:29 CEST: all night
    const p = [hashed(agreementPlan({
      bands: ['night', 'day'], bandWindows: nightDay(),
      services: [voiceService({
        boundaryRule: 'split', billing: { firstSeconds: 1, nextSeconds: 1, minimumSeconds: 0 },
        rates: [rateLine('FR-MOBILE', 'night', '0.06'), rateLine('FR-MOBILE', 'day', '0.12')],
      })],
    }))];
    const { rated } = await rateRecords(p, [
      voice('dst', { start_time: '2026-03-29T00:59:30Z', duration_s: 60 }),
      // 06:59:30 CEST + 60 s: 30 s night, 30 s day = 0.03 + 0.06
      voice('morning', { start_time: '2026-03-29T04:59:30Z', duration_s: 60 }),
    ] as never);
    expect(rated.map((r) => r.amount)).toEqual(['0.060000', '0.090000']);
  });
});

describe('a trunk shared by agreements over time', () => {
  it('picks the agreement valid on the local date', async () => {
    const rates25 = ['peak', 'offpeak'].map((b) => rateLine('FR-MOBILE', b, '0.0200', { effectiveFrom: '2025-01-01' }));
    const old = hashed(agreementPlan({
      id: 'AG-2025', validFrom: '2025-01-01', validTo: '2025-12-31', timezone: 'America/New_York',
      services: [voiceService({ rates: rates25 })],
    }));
    const cur = hashed(agreementPlan({ id: 'AG-2026', validFrom: '2026-01-01', validTo: null }));
    const { rated, suspense } = await rateRecords([old, cur], [
      voice('y25', { start_time: '2025-06-02T10:00:00Z' }),
      voice('y26', { start_time: '2026-06-02T10:00:00Z' }),
      // 2026-01-01 03:00 UTC: still 2025-12-31 in New York (AG-2025), already 2026 in Paris (AG-2026):
      // both are valid on their own local date; the later one wins
      voice('edge', { start_time: '2026-01-01T03:00:00Z' }),
      voice('nye', { start_time: '2025-12-31T20:00:00Z' }), // 21:00 in Paris: only AG-2025 is valid
      voice('before', { start_time: '2024-06-02T10:00:00Z' }),
    ] as never);
    expect(Object.fromEntries(rated.map((r) => [r.record_id, r.agreement_id]))).toEqual({ y25: 'AG-2025', y26: 'AG-2026', edge: 'AG-2026', nye: 'AG-2025' });
    expect(suspense.map((s) => [s.record_id, s.reason])).toEqual([['before', 'outside-validity']]);
  });
});
