// Rating conformance: SMS per message, the service chosen by direction (payable vs receivable)
// and kind, malformed usage going to suspense with its reason code, offset-less start times.
// Hand-computed from docs/internal-contracts.md: "SMS: amount = units × price per msg, rounded
// per record"; voice as in increments.test.ts; suspense codes from "Suspense reason codes".
import { agreement, ratingSuite, sms, voice } from '../support/agreement-snippets.js';

// ------------------------------------------------------------------------- services by direction
const BOTH_WAYS = `  service sms-out sms payable {
    rate any 0.0050 EUR/msg
  }

  service sms-in sms receivable {
    rate FR-MOBILE 0.0040 EUR/msg
    rate any 0.0100 EUR/msg
  }

  service term voice payable {
    billing 60/60
    rate any 0.0123 EUR/min
  }

  service orig voice receivable {
    billing 30/6
    rate any 0.0090 EUR/min
  }`;

ratingSuite(
  'sms per message; payable vs receivable by direction',
  [
    agreement({ id: 'BOTH-WAYS', trunks: 'TG601' }, BOTH_WAYS),
    agreement(
      { id: 'SMS-HE4', trunks: 'TG602' },
      `  service sms-out sms payable {\n    rate any 0.00125 EUR/msg\n    rounding half-even 4 decimals per record\n  }`,
    ),
  ],
  [
    {
      name: 'sms out, 1 unit → payable sms-out',
      record: sms({ trunk: 'TG601', units: '1' }),
      expect: { amount: '0.0050', zone: 'any', clause: /^sms-out\// }, // 1 × 0.0050 = 0.0050
    },
    {
      name: 'sms out, 3 units',
      record: sms({ trunk: 'TG601', units: '3' }),
      expect: { amount: '0.0150', clause: /^sms-out\// }, // 3 × 0.0050 = 0.0150
    },
    {
      name: 'sms out, units absent → 1',
      record: sms({ trunk: 'TG601' }),
      expect: { amount: '0.0050' }, // default units 1; 1 × 0.0050
    },
    {
      name: 'sms in, 3 units to a French mobile → receivable sms-in, FR-MOBILE',
      record: sms({ trunk: 'TG601', units: '3', direction: 'in' }),
      expect: { amount: '0.0120', zone: 'FR-MOBILE', clause: /^sms-in\// }, // 3 × 0.0040 = 0.0120
    },
    {
      name: 'sms in, 1 unit to a UK number → receivable sms-in, any',
      record: sms({ trunk: 'TG601', units: '1', direction: 'in', b_number: '447700900123' }),
      expect: { amount: '0.0100', zone: 'any', clause: /^sms-in\// }, // 1 × 0.0100
    },
    {
      name: 'voice out 61 s → payable term, 60/60',
      record: voice({ trunk: 'TG601', duration_s: '61' }),
      expect: { amount: '0.0246', billed: 120, clause: /^term\// }, // 60 + 60 = 120; 120/60 × 0.0123 = 0.0246
    },
    {
      name: 'voice in 61 s → receivable orig, 30/6',
      record: voice({ trunk: 'TG601', duration_s: '61', direction: 'in' }),
      expect: { amount: '0.0099', billed: 66, clause: /^orig\// }, // 30 + ceil(31/6)×6 = 66; 66 × 0.009 / 60 = 0.594 / 60 = 0.0099
    },
    {
      name: 'voice in 1 s → receivable orig, 30/6',
      record: voice({ trunk: 'TG601', duration_s: '1', direction: 'in' }),
      expect: { amount: '0.0045', billed: 30, clause: /^orig\// }, // 30 billed; 30 × 0.009 / 60 = 0.27 / 60 = 0.0045
    },
    {
      name: 'sms half-even 4: 1 × 0.00125 → 0.0012',
      record: sms({ trunk: 'TG602', units: '1' }),
      expect: { amount: '0.0012' }, // 0.00125: 0.0012|5, 2 even → 0.0012
    },
    {
      name: 'sms half-even 4: 3 × 0.00125 = 0.00375 → 0.0038',
      record: sms({ trunk: 'TG602', units: '3' }),
      expect: { amount: '0.0038' }, // 0.0037|5, 7 odd → 0.0038
    },
    {
      name: 'sms half-even 4: 2 × 0.00125 = 0.0025 exactly',
      record: sms({ trunk: 'TG602', units: '2' }),
      expect: { amount: '0.0025' }, // 2 × 0.00125 = 0.0025, nothing to round
    },
  ],
);

// ------------------------------------------------------------------------------ malformed input
const STD_SERVICES = `  service term voice payable {
    billing 60/60
    rate FR-MOBILE peak 0.0123 EUR/min offpeak 0.0100 EUR/min
    rate FR-FIXED 0.0045 EUR/min
  }

  service sms-out sms payable {
    rate any 0.0050 EUR/msg
  }`;
const S = 'TG611';

ratingSuite('malformed usage goes to suspense with its reason', agreement({ id: 'SUSP', trunks: S }, STD_SERVICES), [
  {
    name: 'control: a well-formed record is rated',
    record: voice({ trunk: S, duration_s: '61' }),
    expect: { amount: '0.0246', billed: 120, band: 'peak' }, // Mon 10:00 CET peak; 120/60 × 0.0123
  },
  {
    name: 'duration "abc" → malformed-duration',
    record: voice({ trunk: S, duration_s: 'abc' }),
    expect: { suspense: 'malformed-duration' },
  },
  {
    name: 'duration "-5" → negative-duration',
    record: voice({ trunk: S, duration_s: '-5' }),
    expect: { suspense: 'negative-duration' },
  },
  {
    name: 'start "2026-02-30T10:00:00+01:00" (no such day) → malformed-start',
    record: voice({ trunk: S, duration_s: '60', start_time: '2026-02-30T10:00:00+01:00' }),
    expect: { suspense: 'malformed-start' },
  },
  {
    name: 'start "yesterday" → malformed-start',
    record: voice({ trunk: S, duration_s: '60', start_time: 'yesterday' }),
    expect: { suspense: 'malformed-start' },
  },
  {
    name: 'start without offset and no assumed time zone → missing-offset',
    record: voice({ trunk: S, duration_s: '60', start_time: '2026-03-02T10:00:00' }),
    expect: { suspense: 'missing-offset' },
  },
  {
    name: 'b_number "33x612345678" → malformed-number',
    record: voice({ trunk: S, duration_s: '60', b_number: '33x612345678' }),
    expect: { suspense: 'malformed-number' },
  },
  {
    name: 'kind "fax" → unknown-kind',
    record: voice({ trunk: S, duration_s: '60', kind: 'fax' }),
    expect: { suspense: 'unknown-kind' },
  },
  {
    name: 'direction "sideways" → unknown-direction',
    record: voice({ trunk: S, duration_s: '60', direction: 'sideways' }),
    expect: { suspense: 'unknown-direction' },
  },
  {
    name: 'sms units "two" → malformed-units',
    record: sms({ trunk: S, units: 'two' }),
    expect: { suspense: 'malformed-units' },
  },
  {
    name: 'no start_time at all → missing-field',
    record: voice({ trunk: S, duration_s: '60', start_time: undefined }),
    expect: { suspense: 'missing-field' },
  },
  {
    name: 'unknown trunk → no-agreement',
    record: voice({ trunk: 'TG699', duration_s: '60' }),
    expect: { suspense: 'no-agreement' },
  },
  {
    name: 'receivable voice not in the agreement → no-service',
    record: voice({ trunk: S, duration_s: '60', direction: 'in' }),
    expect: { suspense: 'no-service' },
  },
  {
    name: 'pre-assigned agreement and service override trunk matching',
    record: voice({ trunk: 'TG699', duration_s: '61', agreement: 'SUSP', service: 'term' }),
    expect: { amount: '0.0246', billed: 120, clause: /^term\/FR-MOBILE\/peak\// }, // 120/60 × 0.0123 = 0.0246
  },
  {
    name: 'a French fixed number with a band-less rate line is rated at every band',
    record: voice({ trunk: S, duration_s: '60', b_number: '33145678901' }),
    expect: { amount: '0.0045', billed: 60, zone: 'FR-FIXED', band: 'peak' }, // 60/60 × 0.0045
  },
]);

// ------------------------------------------------------------------ start times without offset
ratingSuite(
  'start times without offset read in the assumed time zone',
  agreement({ id: 'ASSUME', trunks: 'TG621' }, STD_SERVICES),
  [
    {
      name: '2026-03-02T07:59:59 assumed Europe/Paris → off-peak (read as UTC it would be 08:59:59 local, peak)',
      record: voice({ trunk: 'TG621', duration_s: '60', start_time: '2026-03-02T07:59:59' }),
      expect: { amount: '0.0100', billed: 60, band: 'offpeak' }, // local 07:59:59 → offpeak; 60/60 × 0.0100
    },
    {
      name: '2026-03-02T08:00:00 assumed Europe/Paris → peak',
      record: voice({ trunk: 'TG621', duration_s: '60', start_time: '2026-03-02T08:00:00' }),
      expect: { amount: '0.0123', billed: 60, band: 'peak' }, // local 08:00 → peak; 0.0123
    },
    {
      name: '2026-03-02T19:30:00 assumed Europe/Paris → peak (read as UTC it would be 20:30 local, off-peak)',
      record: voice({ trunk: 'TG621', duration_s: '60', start_time: '2026-03-02T19:30:00' }),
      expect: { amount: '0.0123', billed: 60, band: 'peak' }, // local 19:30 → peak; 0.0123
    },
    {
      name: 'an explicit offset still wins over the assumed zone',
      record: voice({ trunk: 'TG621', duration_s: '60', start_time: '2026-03-02T19:30:00Z' }),
      expect: { amount: '0.0100', billed: 60, band: 'offpeak' }, // 19:30Z = 20:30 CET → offpeak; 0.0100
    },
  ],
  { assumeTimezone: 'Europe/Paris' },
);
