// Rating conformance: longest-prefix match on the B-number, the `any` catch-all, barred zones,
// numbers in no zone, effective-dated rate lines, the agreement's validity, trunk matching.
// Hand-computed from docs/internal-contracts.md ("Rating semantics (voice)" 5, suspense codes):
// the effective date of a rate line and the validity are LOCAL dates (Europe/Paris) of the start.
// Weekdays: 2026-03-02 Mon, 2026-03-15 Sun, 2026-03-16 Mon.
import { agreement, ratingSuite, voice } from '../support/agreement-snippets.js';

// ------------------------------------------------------------------------------- longest prefix
// Overlapping prefixes 33 ⊂ 336 ⊂ 3361 ⊂ 33612 in four zones, `any` for the rest, 3389 barred.
// billing 60/60, 60 s calls → billed 60 s → amount = one minute at the zone's price.
const LPM_ZONES = `
    FR-ALL      33
    FR-MOB      33 6
    FR-M1       33 61
    FR-M12      33 612
    FR-PREMIUM  33 89`;

ratingSuite(
  'longest prefix match, any, barred, no zone',
  [
    agreement(
      { id: 'LPM', trunks: 'TG501', zones: LPM_ZONES },
      `  service term voice payable {
    billing 60/60
    rate FR-ALL  0.0100 EUR/min
    rate FR-MOB  0.0200 EUR/min
    rate FR-M1   0.0300 EUR/min
    rate FR-M12  0.0400 EUR/min
    rate any     0.0900 EUR/min
    bar FR-PREMIUM
  }`,
    ),
    agreement(
      { id: 'NOANY', trunks: 'TG502' },
      `  service term voice payable {\n    billing 60/60\n    rate FR-MOBILE 0.0123 EUR/min\n    rate FR-FIXED 0.0045 EUR/min\n    bar FR-PREMIUM\n  }`,
    ),
  ],
  [
    {
      name: '33612345678 → FR-M12 (33612 is the longest matching prefix)',
      record: voice({ trunk: 'TG501', duration_s: '60', b_number: '33612345678' }),
      expect: { amount: '0.0400', billed: 60, zone: 'FR-M12' }, // 60/60 × 0.0400
    },
    {
      name: '33613345678 → FR-M1',
      record: voice({ trunk: 'TG501', duration_s: '60', b_number: '33613345678' }),
      expect: { amount: '0.0300', billed: 60, zone: 'FR-M1' }, // 3361 longest; 60/60 × 0.0300
    },
    {
      name: '33623345678 → FR-MOB',
      record: voice({ trunk: 'TG501', duration_s: '60', b_number: '33623345678' }),
      expect: { amount: '0.0200', billed: 60, zone: 'FR-MOB' }, // 336 longest; 60/60 × 0.0200
    },
    {
      name: '33145678901 → FR-ALL',
      record: voice({ trunk: 'TG501', duration_s: '60', b_number: '33145678901' }),
      expect: { amount: '0.0100', billed: 60, zone: 'FR-ALL' }, // 33 only; 60/60 × 0.0100
    },
    {
      name: '3361 (number equal to a prefix) → FR-M1',
      record: voice({ trunk: 'TG501', duration_s: '60', b_number: '3361' }),
      expect: { amount: '0.0300', billed: 60, zone: 'FR-M1' }, // 3361 matches itself; 33612 does not match; 0.0300
    },
    {
      name: '+33612345678: the leading + is stripped → FR-M12',
      record: voice({ trunk: 'TG501', duration_s: '60', b_number: '+33612345678' }),
      expect: { amount: '0.0400', billed: 60, zone: 'FR-M12' }, // 33612345678 → FR-M12; 0.0400
    },
    {
      name: '441632960123 → any (catch-all)',
      record: voice({ trunk: 'TG501', duration_s: '60', b_number: '441632960123' }),
      expect: { amount: '0.0900', billed: 60, zone: 'any' }, // no declared prefix; any = ""; 60/60 × 0.0900
    },
    {
      name: '33891234567 → FR-PREMIUM is barred (3389 beats 33 and any) → suspense barred',
      record: voice({ trunk: 'TG501', duration_s: '60', b_number: '33891234567' }),
      expect: { suspense: 'barred' },
    },
    {
      name: 'no any: 441632960123 matches no zone → suspense no-zone',
      record: voice({ trunk: 'TG502', duration_s: '60', b_number: '441632960123' }),
      expect: { suspense: 'no-zone' },
    },
    {
      name: 'no any: 33891234567 → FR-PREMIUM (3389) is barred → suspense barred',
      record: voice({ trunk: 'TG502', duration_s: '60', b_number: '33891234567' }),
      expect: { suspense: 'barred' },
    },
    {
      name: 'no any: 33145678901 → FR-FIXED',
      record: voice({ trunk: 'TG502', duration_s: '60', b_number: '33145678901' }),
      expect: { amount: '0.0045', billed: 60, zone: 'FR-FIXED' }, // 331 → FR-FIXED; 60/60 × 0.0045
    },
    {
      name: 'unknown trunk → suspense no-agreement',
      record: voice({ trunk: 'TG599', duration_s: '60' }),
      expect: { suspense: 'no-agreement' },
    },
    {
      name: 'agreement has no SMS service → suspense no-service',
      record: { ...voice({ trunk: 'TG501', duration_s: '60' }), kind: 'sms', duration_s: undefined, units: '1' },
      expect: { suspense: 'no-service' },
    },
    {
      name: 'agreement has no receivable voice service → suspense no-service',
      record: voice({ trunk: 'TG501', duration_s: '60', direction: 'in' }),
      expect: { suspense: 'no-service' },
    },
  ],
);

// ------------------------------------------------------------------------------ effective dates
// FR-MOBILE: 0.0123 EUR/min from the start of validity, 0.0150 EUR/min from 2026-03-16 (local date).
// Local midnight 2026-03-16 00:00 CET = 2026-03-15T23:00:00Z. billing 60/60, 60 s unless stated.
const OLD = /^term\/FR-MOBILE\/[^/]+\/2026-01-01$/;
const NEW = /^term\/FR-MOBILE\/[^/]+\/2026-03-16$/;

ratingSuite(
  'effective-dated rate lines (local date of the start)',
  [
    agreement(
      { id: 'EFF', trunks: 'TG511' },
      `  service term voice payable {
    billing 60/60
    rate FR-MOBILE 0.0123 EUR/min
    rate FR-MOBILE 0.0150 EUR/min from 2026-03-16
  }`,
    ),
    agreement(
      { id: 'LATE', trunks: 'TG512' },
      `  service term voice payable {\n    billing 60/60\n    rate FR-MOBILE 0.0123 EUR/min from 2026-06-01\n  }`,
    ),
  ],
  [
    {
      name: 'Sun 2026-03-15 23:59:00 CET (22:59:00Z) → old price',
      record: voice({ trunk: 'TG511', duration_s: '60', start_time: '2026-03-15T22:59:00Z' }),
      expect: { amount: '0.0123', billed: 60, clause: OLD }, // local date 03-15 < 03-16 → 60/60 × 0.0123
    },
    {
      name: 'Sun 2026-03-15 23:59:59 CET (22:59:59Z) → old price',
      record: voice({ trunk: 'TG511', duration_s: '60', start_time: '2026-03-15T22:59:59Z' }),
      expect: { amount: '0.0123', billed: 60, clause: OLD }, // local 23:59:59 on 03-15 → 0.0123
    },
    {
      name: 'Mon 2026-03-16 00:00:00 CET written 2026-03-15T23:00:00Z → new price (UTC date is still 03-15)',
      record: voice({ trunk: 'TG511', duration_s: '60', start_time: '2026-03-15T23:00:00Z' }),
      expect: { amount: '0.0150', billed: 60, clause: NEW }, // local date 03-16 → 60/60 × 0.0150
    },
    {
      name: 'Mon 2026-03-16 00:00:00+01:00 → new price',
      record: voice({ trunk: 'TG511', duration_s: '60', start_time: '2026-03-16T00:00:00+01:00' }),
      expect: { amount: '0.0150', billed: 60, clause: NEW }, // same instant as above → 0.0150
    },
    {
      name: 'Mon 2026-03-16 00:30 CET (2026-03-15T23:30:00Z) → new price',
      record: voice({ trunk: 'TG511', duration_s: '60', start_time: '2026-03-15T23:30:00Z' }),
      expect: { amount: '0.0150', billed: 60 }, // local 03-16 00:30 → 0.0150
    },
    {
      name: 'a call starting 23:59:30 CET on 03-15 and ending after midnight keeps the old price',
      record: voice({ trunk: 'TG511', duration_s: '120', start_time: '2026-03-15T22:59:30Z' }),
      expect: { amount: '0.0246', billed: 120, clause: OLD }, // start date 03-15 → 120/60 × 0.0123 = 0.0246
    },
    {
      name: 'no rate line in force yet: 2026-03-02 with a line from 2026-06-01 → suspense no-rate',
      record: voice({ trunk: 'TG512', duration_s: '60' }),
      expect: { suspense: 'no-rate' },
    },
    {
      name: 'Sun 2026-05-31 23:59:59 CEST (21:59:59Z) → still no-rate',
      record: voice({ trunk: 'TG512', duration_s: '60', start_time: '2026-05-31T21:59:59Z' }),
      expect: { suspense: 'no-rate' }, // local date 05-31 < 06-01
    },
    {
      name: 'Mon 2026-06-01 00:00 CEST (2026-05-31T22:00:00Z) → rated',
      record: voice({ trunk: 'TG512', duration_s: '60', start_time: '2026-05-31T22:00:00Z' }),
      expect: { amount: '0.0123', billed: 60 }, // + 2 h = 06-01 00:00 local → 60/60 × 0.0123
    },
  ],
);

// ------------------------------------------------------------------------------------- validity
// valid 2026-01-01 .. 2026-12-31, inclusive local dates in Europe/Paris (UTC+1 at both ends).
ratingSuite(
  'validity (inclusive local dates)',
  [
    agreement(
      { id: 'VALID', trunks: 'TG521' },
      `  service term voice payable {\n    billing 60/60\n    rate FR-MOBILE 0.0123 EUR/min\n  }`,
    ),
    agreement(
      { id: 'VALID-OPEN', trunks: 'TG522', valid: '2026-01-01 ..' },
      `  service term voice payable {\n    billing 60/60\n    rate FR-MOBILE 0.0123 EUR/min\n  }`,
    ),
  ],
  [
    {
      name: 'open-ended validity: 2030-06-03 is rated',
      record: voice({ trunk: 'TG522', duration_s: '60', start_time: '2030-06-03T08:00:00Z' }),
      expect: { amount: '0.0123', billed: 60 }, // valid 2026-01-01 .. (no end) → 60/60 × 0.0123
    },
    {
      name: 'open-ended validity: 2025-12-31 23:59:59 CET is still before it',
      record: voice({ trunk: 'TG522', duration_s: '60', start_time: '2025-12-31T22:59:59Z' }),
      expect: { suspense: 'outside-validity' }, // local date 2025-12-31 < 2026-01-01
    },
    {
      name: '2025-12-31 23:59:59 CET (22:59:59Z) → outside-validity',
      record: voice({ trunk: 'TG521', duration_s: '60', start_time: '2025-12-31T22:59:59Z' }),
      expect: { suspense: 'outside-validity' }, // local date 2025-12-31 < 2026-01-01
    },
    {
      name: '2026-01-01 00:00:00 CET written 2025-12-31T23:00:00Z → rated',
      record: voice({ trunk: 'TG521', duration_s: '60', start_time: '2025-12-31T23:00:00Z' }),
      expect: { amount: '0.0123', billed: 60 }, // local date 2026-01-01 → 60/60 × 0.0123
    },
    {
      name: '2026-12-31 23:59:59 CET (22:59:59Z) → rated',
      record: voice({ trunk: 'TG521', duration_s: '60', start_time: '2026-12-31T22:59:59Z' }),
      expect: { amount: '0.0123', billed: 60 }, // local date 2026-12-31, inclusive end → 0.0123
    },
    {
      name: '2027-01-01 00:00:00 CET written 2026-12-31T23:00:00Z → outside-validity (UTC date is 12-31)',
      record: voice({ trunk: 'TG521', duration_s: '60', start_time: '2026-12-31T23:00:00Z' }),
      expect: { suspense: 'outside-validity' }, // local date 2027-01-01 > 2026-12-31
    },
    {
      name: 'mid-2027 → outside-validity',
      record: voice({ trunk: 'TG521', duration_s: '60', start_time: '2027-06-01T10:00:00+02:00' }),
      expect: { suspense: 'outside-validity' },
    },
  ],
);
