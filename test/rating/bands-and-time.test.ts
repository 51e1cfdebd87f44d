// Rating conformance: time bands in the agreement's IANA zone (Europe/Paris), weekends,
// holidays, calls across a band boundary (start band vs split), DST change days.
// Hand-computed from docs/internal-contracts.md "Rating semantics (voice)" 4:
//   the band is chosen by the LOCAL time of the call start (DST-correct); `split` charges the
//   actual seconds in each band window at that band and the extra billed seconds
//   (billed − d) at the band of the last window.
// Europe/Paris is UTC+1 (CET) in winter and UTC+2 (CEST) from 2026-03-29 01:00 UTC to
// 2026-10-25 01:00 UTC. Start times are mostly written in UTC (`Z`) on purpose, so an engine that
// takes bands from the UTC clock, or with a fixed offset, fails.
// Weekdays: 2026-03-02 Mon, 03-07 Sat, 03-27 Fri, 03-29 Sun, 03-30 Mon, 05-01 Fri (holiday FR),
// 05-04 Mon, 06-15 Mon, 10-23 Fri, 10-25 Sun, 10-26 Mon.
import { agreement, ratingSuite, voice } from '../support/agreement-snippets.js';

const PEAK_OFFPEAK = `    rate FR-MOBILE peak 0.0123 EUR/min offpeak 0.0100 EUR/min`;
const START_BAND = `    calls across a band boundary are rated at the start band`;
const SPLIT = `    calls across a band boundary are split at the boundary`;

// ------------------------------------------------------------------------ peak / off-peak, 60 s
// billing 60/60, every call 60 s → billed 60 s → amount = one minute at the band price:
// peak 60/60 × 0.0123 = 0.0123; off-peak 60/60 × 0.0100 = 0.0100.
const T = 'TG401';
const peak = { amount: '0.0123', billed: 60, band: 'peak', zone: 'FR-MOBILE' } as const; // 60/60 × 0.0123
const offpeak = { amount: '0.0100', billed: 60, band: 'offpeak', zone: 'FR-MOBILE' } as const; // 60/60 × 0.0100

ratingSuite(
  'peak / off-peak in Europe/Paris',
  agreement(
    { id: 'BANDS', trunks: T },
    `  service term voice payable {\n    billing 60/60\n${START_BAND}\n${PEAK_OFFPEAK}\n  }`,
  ),
  [
    {
      name: 'Mon 2026-03-02 06:59:59Z = 07:59:59 CET → off-peak',
      record: voice({ trunk: T, duration_s: '60', start_time: '2026-03-02T06:59:59Z' }),
      expect: offpeak, // 06:59:59 + 1 h = 07:59:59 local < 08:00 → offpeak, 0.0100
    },
    {
      name: 'Mon 2026-03-02 07:00:00Z = 08:00:00 CET → peak (a UTC clock would say off-peak)',
      record: voice({ trunk: T, duration_s: '60', start_time: '2026-03-02T07:00:00Z' }),
      expect: peak, // 07:00 + 1 h = 08:00 local → peak, 0.0123
    },
    {
      name: 'the same instants written with +01:00: 07:59:59+01:00 → off-peak',
      record: voice({ trunk: T, duration_s: '60', start_time: '2026-03-02T07:59:59+01:00' }),
      expect: offpeak, // local 07:59:59 → offpeak, 0.0100
    },
    {
      name: 'the same instants written with +01:00: 08:00:00+01:00 → peak',
      record: voice({ trunk: T, duration_s: '60', start_time: '2026-03-02T08:00:00+01:00' }),
      expect: peak, // local 08:00:00 → peak, 0.0123
    },
    {
      name: 'an instant written in another offset: 02:00:00-05:00 = 07:00Z = 08:00 CET → peak',
      record: voice({ trunk: T, duration_s: '60', start_time: '2026-03-02T02:00:00-05:00' }),
      expect: peak, // 02:00 + 5 h = 07:00Z; + 1 h = 08:00 local → peak, 0.0123
    },
    {
      name: 'fractional start second: 06:59:59.999Z = 07:59:59.999 CET is still off-peak',
      record: voice({ trunk: T, duration_s: '60', start_time: '2026-03-02T06:59:59.999Z' }),
      expect: offpeak, // 07:59:59.999 local < 08:00 → offpeak, 0.0100
    },
    {
      name: 'Mon 2026-03-02 18:59:59Z = 19:59:59 CET → peak',
      record: voice({ trunk: T, duration_s: '60', start_time: '2026-03-02T18:59:59Z' }),
      expect: peak, // 19:59:59 local < 20:00 → peak (start band), 0.0123
    },
    {
      name: 'Mon 2026-03-02 19:00:00Z = 20:00:00 CET → off-peak (a UTC clock would say peak)',
      record: voice({ trunk: T, duration_s: '60', start_time: '2026-03-02T19:00:00Z' }),
      expect: offpeak, // 20:00 local, window 08:00-20:00 is end-exclusive → offpeak, 0.0100
    },
    {
      name: 'summer Mon 2026-06-15 05:59:59Z = 07:59:59 CEST → off-peak',
      record: voice({ trunk: T, duration_s: '60', start_time: '2026-06-15T05:59:59Z' }),
      expect: offpeak, // 05:59:59 + 2 h = 07:59:59 → offpeak, 0.0100
    },
    {
      name: 'summer Mon 2026-06-15 06:00:00Z = 08:00:00 CEST → peak (a winter offset would say off-peak)',
      record: voice({ trunk: T, duration_s: '60', start_time: '2026-06-15T06:00:00Z' }),
      expect: peak, // 06:00 + 2 h = 08:00 → peak, 0.0123
    },
    {
      name: 'weekend: Sat 2026-03-07 10:00 CET → off-peak',
      record: voice({ trunk: T, duration_s: '60', start_time: '2026-03-07T09:00:00Z' }),
      expect: offpeak, // Saturday is not mon-fri → offpeak, 0.0100
    },
    {
      name: 'holiday: Fri 2026-05-01 10:00 CEST (08:00Z) → off-peak (except holidays FR)',
      record: voice({ trunk: T, duration_s: '60', start_time: '2026-05-01T08:00:00Z' }),
      expect: offpeak, // 2026-05-01 is in holidays FR → peak excluded → otherwise = offpeak, 0.0100
    },
    {
      name: 'control: Mon 2026-05-04 10:00 CEST (08:00Z) → peak',
      record: voice({ trunk: T, duration_s: '60', start_time: '2026-05-04T08:00:00Z' }),
      expect: peak, // ordinary Monday 10:00 → peak, 0.0123
    },
    {
      name: 'before spring DST: Fri 2026-03-27 06:30Z = 07:30 CET → off-peak',
      record: voice({ trunk: T, duration_s: '60', start_time: '2026-03-27T06:30:00Z' }),
      expect: offpeak, // + 1 h = 07:30 → offpeak, 0.0100
    },
    {
      name: 'after spring DST: Mon 2026-03-30 06:30Z = 08:30 CEST → peak',
      record: voice({ trunk: T, duration_s: '60', start_time: '2026-03-30T06:30:00Z' }),
      expect: peak, // + 2 h = 08:30 → peak, 0.0123 (a fixed +01:00 gives 07:30 offpeak)
    },
    {
      name: 'before autumn DST: Fri 2026-10-23 06:30Z = 08:30 CEST → peak',
      record: voice({ trunk: T, duration_s: '60', start_time: '2026-10-23T06:30:00Z' }),
      expect: peak, // + 2 h = 08:30 → peak, 0.0123
    },
    {
      name: 'after autumn DST: Mon 2026-10-26 06:30Z = 07:30 CET → off-peak',
      record: voice({ trunk: T, duration_s: '60', start_time: '2026-10-26T06:30:00Z' }),
      expect: offpeak, // + 1 h = 07:30 → offpeak, 0.0100 (a fixed +02:00 gives 08:30 peak)
    },
  ],
);

// ------------------------------------------------------------------ crossing 20:00 / 08:00 local
ratingSuite(
  'calls across a band boundary: start band vs split',
  [
    agreement(
      { id: 'CROSS-START', trunks: 'TG402' },
      `  service term voice payable {\n    billing 60/60\n${START_BAND}\n${PEAK_OFFPEAK}\n  }`,
    ),
    agreement({ id: 'CROSS-SPLIT', trunks: 'TG403' }, `  service term voice payable {\n    billing 60/60\n${SPLIT}\n${PEAK_OFFPEAK}\n  }`),
    agreement(
      { id: 'CROSS-SPLIT-MIN', trunks: 'TG405' },
      `  service term voice payable {\n    billing 60/60 minimum 120s\n${SPLIT}\n${PEAK_OFFPEAK}\n  }`,
    ),
  ],
  [
    {
      name: 'start band: 19:59:00 CET + 90 s → all at peak',
      record: voice({ trunk: 'TG402', duration_s: '90', start_time: '2026-03-02T18:59:00Z' }),
      expect: { amount: '0.0246', billed: 120, band: 'peak' }, // 90 → 120 billed; 120/60 × 0.0123 = 0.0246
    },
    {
      name: 'start band: 19:58:30 CET + 100 s → all at peak',
      record: voice({ trunk: 'TG402', duration_s: '100', start_time: '2026-03-02T18:58:30Z' }),
      expect: { amount: '0.0246', billed: 120, band: 'peak' }, // 100 → 120 billed; 2 × 0.0123 = 0.0246
    },
    {
      name: 'start band: 07:59:30 CET + 90 s → all at off-peak',
      record: voice({ trunk: 'TG402', duration_s: '90', start_time: '2026-03-02T06:59:30Z' }),
      expect: { amount: '0.0200', billed: 120, band: 'offpeak' }, // 120/60 × 0.0100 = 0.0200
    },
    {
      name: 'split: 19:59:00 CET + 90 s → 60 s peak, 30 s + 30 extra billed s off-peak',
      record: voice({ trunk: 'TG403', duration_s: '90', start_time: '2026-03-02T18:59:00Z' }),
      // billed 120; peak 19:59:00→20:00:00 = 60 s; offpeak actual 30 s + extra (120 − 90) 30 s = 60 s
      // 60 × 0.0123/60 = 0.0123; 60 × 0.0100/60 = 0.0100; total 0.0223
      expect: { amount: '0.0223', billed: 120 },
    },
    {
      name: 'split: 19:58:30 CET + 100 s → 90 s peak, 10 s + 20 extra billed s off-peak',
      record: voice({ trunk: 'TG403', duration_s: '100', start_time: '2026-03-02T18:58:30Z' }),
      // billed 120; peak 19:58:30→20:00:00 = 90 s; offpeak actual 10 s + extra 20 s = 30 s
      // 90 × 0.0123/60 = 1.107/60 = 0.01845; 30 × 0.0100/60 = 0.3/60 = 0.005; total 0.02345
      expect: { amount: '0.02345', billed: 120 },
    },
    {
      name: 'split: 19:59:30 CET + 60 s → 30 s peak, 30 s off-peak, no extra',
      record: voice({ trunk: 'TG403', duration_s: '60', start_time: '2026-03-02T18:59:30Z' }),
      // billed 60 = d, extra 0; 30 × 0.0123/60 = 0.369/60 = 0.00615; 30 × 0.0100/60 = 0.005; total 0.01115
      expect: { amount: '0.01115', billed: 60 },
    },
    {
      name: 'split: 07:59:50 CET + 70 s → 10 s off-peak, 60 s + 50 extra billed s peak (last window)',
      record: voice({ trunk: 'TG403', duration_s: '70', start_time: '2026-03-02T06:59:50Z' }),
      // billed 60 + ceil(10/60)×60 = 120; offpeak 07:59:50→08:00:00 = 10 s; peak actual 60 s + extra 50 s = 110 s
      // 10 × 0.0100/60 = 0.1/60; 110 × 0.0123/60 = 1.353/60; sum (0.1 + 1.353)/60 = 1.453/60 = 0.0242166…
      // half-up 6 decimals: 0.024216|66… → 0.024217
      expect: { amount: '0.024217', billed: 120 },
    },
    {
      name: 'start band: 07:59:00 CET + 43290 s (to 20:00:30) → all at off-peak',
      record: voice({ trunk: 'TG402', duration_s: '43290', start_time: '2026-03-02T06:59:00Z' }),
      // billed 60 + ceil(43230/60)×60 = 60 + 721×60 = 43320; 43320/60 × 0.0100 = 722 × 0.01 = 7.22
      expect: { amount: '7.22', billed: 43320, band: 'offpeak' },
    },
    {
      name: 'split across two boundaries: 07:59:00 CET + 43290 s → off-peak 60 s, peak 12 h, off-peak 30 s + 30 extra',
      record: voice({ trunk: 'TG403', duration_s: '43290', start_time: '2026-03-02T06:59:00Z' }),
      // billed 43320 (above); 07:59:00→08:00:00 offpeak 60 s; 08:00→20:00 peak 43200 s; 20:00:00→20:00:30 offpeak 30 s;
      // extra 43320 − 43290 = 30 s at offpeak (last window). offpeak 60 + 30 + 30 = 120 s × 0.0100/60 = 0.02;
      // peak 43200 × 0.0123/60 = 720 × 0.0123 = 8.856; total 8.876
      expect: { amount: '8.876', billed: 43320 },
    },
    {
      name: 'split with minimum 120s: 19:59:30 CET + 60 s → 30 s peak, 30 s + 60 extra (minimum) off-peak',
      record: voice({ trunk: 'TG405', duration_s: '60', start_time: '2026-03-02T18:59:30Z' }),
      // m = max(60, 120) = 120 → billed 60 + ceil(60/60)×60 = 120; extra 120 − 60 = 60 s at the last band (offpeak)
      // peak 30 × 0.0123/60 = 0.00615; offpeak (30 + 60) × 0.0100/60 = 0.9/60 = 0.015; total 0.02115
      expect: { amount: '0.02115', billed: 120 },
    },
    {
      name: 'split: a call inside one window is charged at that band',
      record: voice({ trunk: 'TG403', duration_s: '61', start_time: '2026-03-02T09:00:00Z' }),
      expect: { amount: '0.0246', billed: 120, band: 'peak' }, // 10:00 CET, 120 billed × 0.0123/60 = 0.0246
    },
  ],
);

// ----------------------------------------------------------------- a half-hour offset time zone
// Australia/Darwin is UTC+09:30 all year (no DST). Same peak/off-peak bands and prices, 60 s calls.
// 08:00 local Monday is 22:30Z on the Sunday before: the UTC weekday and hour are both wrong.
// (Asia/Kolkata would be the obvious choice but the compiler rejects it today, see the report.)
ratingSuite(
  'time bands in Australia/Darwin (UTC+09:30)',
  agreement(
    { id: 'DARWIN', trunks: 'TG406', timezone: 'Australia/Darwin' },
    `  service term voice payable {\n    billing 60/60\n${START_BAND}\n${PEAK_OFFPEAK}\n  }`,
  ),
  [
    {
      name: 'Sun 2026-03-01 22:29:59Z = Mon 07:59:59 ACST → off-peak',
      record: voice({ trunk: 'TG406', duration_s: '60', start_time: '2026-03-01T22:29:59Z' }),
      expect: offpeak, // + 9:30 = Mon 02 07:59:59 → offpeak, 60/60 × 0.0100
    },
    {
      name: 'Sun 2026-03-01 22:30:00Z = Mon 08:00:00 ACST → peak (UTC says Sunday)',
      record: voice({ trunk: 'TG406', duration_s: '60', start_time: '2026-03-01T22:30:00Z' }),
      expect: peak, // + 9:30 = Mon 02 08:00 → peak, 60/60 × 0.0123
    },
    {
      name: 'Mon 2026-03-02 10:29:59Z = 19:59:59 ACST → peak',
      record: voice({ trunk: 'TG406', duration_s: '60', start_time: '2026-03-02T10:29:59Z' }),
      expect: peak, // + 9:30 = 19:59:59 → peak, 0.0123
    },
    {
      name: 'Mon 2026-03-02 10:30:00Z = 20:00:00 ACST → off-peak (UTC says 10:30 peak)',
      record: voice({ trunk: 'TG406', duration_s: '60', start_time: '2026-03-02T10:30:00Z' }),
      expect: offpeak, // + 9:30 = 20:00 → offpeak, 0.0100
    },
    {
      name: 'Sat 2026-03-07 00:30:00Z = 10:00 ACST Saturday → off-peak',
      record: voice({ trunk: 'TG406', duration_s: '60', start_time: '2026-03-07T00:30:00Z' }),
      expect: offpeak, // + 9:30 = Sat 10:00 → offpeak, 0.0100
    },
  ],
);

// ------------------------------------------------------------------ holiday band by local date
// A band for the holidays themselves (all day): the holiday is the LOCAL date of the start.
// billing 60/60, 60 s calls: peak 0.0123, offpeak 0.0100, holiday 0.0050 (one minute each).
const HOLIDAY_BANDS = `
    peak     mon-fri 08:00-20:00 except holidays FR
    holiday  holidays FR
    offpeak  otherwise`;

ratingSuite(
  'holiday band follows the local date',
  agreement(
    { id: 'HOLIDAY-BAND', trunks: 'TG404', timebands: HOLIDAY_BANDS },
    `  service term voice payable {\n    billing 60/60\n${START_BAND}\n    rate FR-MOBILE peak 0.0123 EUR/min offpeak 0.0100 EUR/min holiday 0.0050 EUR/min\n  }`,
  ),
  [
    {
      name: 'Fri 2026-05-01 00:30 CEST written 2026-04-30T22:30:00Z → holiday (UTC date is 04-30)',
      record: voice({ trunk: 'TG404', duration_s: '60', start_time: '2026-04-30T22:30:00Z' }),
      expect: { amount: '0.0050', billed: 60, band: 'holiday' }, // + 2 h = 05-01 00:30 local, a holiday → 60/60 × 0.0050
    },
    {
      name: 'Fri 2026-05-01 10:00 CEST → holiday',
      record: voice({ trunk: 'TG404', duration_s: '60', start_time: '2026-05-01T08:00:00Z' }),
      expect: { amount: '0.0050', billed: 60, band: 'holiday' }, // 60/60 × 0.0050
    },
    {
      name: 'Sat 2026-05-02 00:30 CEST written 2026-05-01T22:30:00Z → off-peak (UTC date is the holiday)',
      record: voice({ trunk: 'TG404', duration_s: '60', start_time: '2026-05-01T22:30:00Z' }),
      expect: { amount: '0.0100', billed: 60, band: 'offpeak' }, // + 2 h = 05-02 00:30 Saturday → 60/60 × 0.0100
    },
    {
      name: 'Thu 2026-04-30 23:30 CEST (21:30Z) → off-peak',
      record: voice({ trunk: 'TG404', duration_s: '60', start_time: '2026-04-30T21:30:00Z' }),
      expect: { amount: '0.0100', billed: 60, band: 'offpeak' }, // Thursday 23:30, not a holiday → 0.0100
    },
  ],
);

// ----------------------------------------------------------------------------- DST change days
// Both 2026 change days are Sundays. Bands: night = sat, sun 00:00-03:00 local; day otherwise.
// billing 1/1, night 0.0600 EUR/min, day 0.0300 EUR/min: a 60 s call costs 0.06 (night) or 0.03 (day).
const DST_BANDS = `
    night  sat, sun 00:00-03:00
    day    otherwise`;
const DST_RATE = `    billing 1/1\n    rate FR-MOBILE night 0.0600 EUR/min day 0.0300 EUR/min`;
const night = { amount: '0.06', billed: 60, band: 'night' } as const; // 60 × 0.06 / 60 = 0.06
const day = { amount: '0.03', billed: 60, band: 'day' } as const; // 60 × 0.03 / 60 = 0.03

ratingSuite(
  'DST change days in Europe/Paris',
  [
    agreement(
      { id: 'DST-START', trunks: 'TG411', holidays: null, timebands: DST_BANDS },
      `  service term voice payable {\n${DST_RATE}\n${START_BAND}\n  }`,
    ),
    agreement(
      { id: 'DST-SPLIT', trunks: 'TG412', holidays: null, timebands: DST_BANDS },
      `  service term voice payable {\n${DST_RATE}\n${SPLIT}\n  }`,
    ),
  ],
  [
    {
      name: 'spring 2026-03-29 00:59:59Z = 01:59:59 CET → night',
      record: voice({ trunk: 'TG411', duration_s: '60', start_time: '2026-03-29T00:59:59Z' }),
      expect: night, // + 1 h = 01:59:59 < 03:00 → night, 0.06
    },
    {
      name: 'spring 2026-03-29 01:00:00Z = 03:00:00 CEST → day (UTC 01:00 and CET 02:00 would say night)',
      record: voice({ trunk: 'TG411', duration_s: '60', start_time: '2026-03-29T01:00:00Z' }),
      expect: day, // + 2 h = 03:00 → day, 0.03
    },
    {
      name: 'spring 2026-03-29 01:30:00Z = 03:30 CEST → day',
      record: voice({ trunk: 'TG411', duration_s: '60', start_time: '2026-03-29T01:30:00Z' }),
      expect: day, // + 2 h = 03:30 → day, 0.03
    },
    {
      name: 'autumn 2026-10-25 00:30:00Z = 02:30 CEST → night',
      record: voice({ trunk: 'TG411', duration_s: '60', start_time: '2026-10-25T00:30:00Z' }),
      expect: night, // + 2 h = 02:30 → night, 0.06
    },
    {
      name: 'autumn 2026-10-25 01:00:00Z = 02:00 CET (hour repeated) → night (a stale +02:00 says 03:00 day)',
      record: voice({ trunk: 'TG411', duration_s: '60', start_time: '2026-10-25T01:00:00Z' }),
      expect: night, // + 1 h = 02:00 → night, 0.06
    },
    {
      name: 'autumn 2026-10-25 01:30:00Z = 02:30 CET → night (a stale +02:00 says 03:30 day)',
      record: voice({ trunk: 'TG411', duration_s: '60', start_time: '2026-10-25T01:30:00Z' }),
      expect: night, // + 1 h = 02:30 → night, 0.06
    },
    {
      name: 'autumn 2026-10-25 02:00:00Z = 03:00 CET → day (a UTC clock says 02:00 night)',
      record: voice({ trunk: 'TG411', duration_s: '60', start_time: '2026-10-25T02:00:00Z' }),
      expect: day, // + 1 h = 03:00 → day, 0.03
    },
    {
      name: 'start band across local midnight: Fri 23:59:30 CET (2026-03-27T22:59:30Z) + 60 s → day',
      record: voice({ trunk: 'TG411', duration_s: '60', start_time: '2026-03-27T22:59:30Z' }),
      expect: day, // Friday 23:59:30 → day, whole call at the start band: 0.03
    },
    {
      name: 'split across local midnight into Saturday night: Fri 23:59:30 CET + 60 s → 30 s day, 30 s night',
      record: voice({ trunk: 'TG412', duration_s: '60', start_time: '2026-03-27T22:59:30Z' }),
      // Fri 23:59:30→Sat 00:00:00 day 30 s; Sat 00:00:00→00:00:30 night 30 s; 30 × 0.03/60 = 0.015 + 30 × 0.06/60 = 0.03 → 0.045
      expect: { amount: '0.045', billed: 60 },
    },
    {
      name: 'split across the spring gap: 00:59:30Z (01:59:30 CET) + 60 s → 30 s night, 30 s day',
      record: voice({ trunk: 'TG412', duration_s: '60', start_time: '2026-03-29T00:59:30Z' }),
      // the night window ends at 03:00 CEST = 01:00:00Z: 30 s night, 30 s day (not 3630 s of wall clock)
      // 30 × 0.06/60 = 0.03; 30 × 0.03/60 = 0.015; total 0.045
      expect: { amount: '0.045', billed: 60 },
    },
    {
      name: 'split across the autumn repeat: 00:59:30Z (02:59:30 CEST) + 60 s → all night',
      record: voice({ trunk: 'TG412', duration_s: '60', start_time: '2026-10-25T00:59:30Z' }),
      // at 01:00:00Z the clock goes back to 02:00 CET; the night window ends at 03:00 CET = 02:00Z
      // all 60 s night: 60 × 0.06/60 = 0.06 (a wall-clock split at 03:00 would give 0.045)
      expect: { amount: '0.06', billed: 60 },
    },
    {
      name: 'split at the end of the repeated night: 01:59:30Z (02:59:30 CET) + 60 s → 30 s night, 30 s day',
      record: voice({ trunk: 'TG412', duration_s: '60', start_time: '2026-10-25T01:59:30Z' }),
      // night ends at 03:00 CET = 02:00:00Z: 30 s night + 30 s day; 0.03 + 0.015 = 0.045
      expect: { amount: '0.045', billed: 60 },
    },
  ],
);
