// Rating conformance: billing increments (first/next), fractional seconds, minimum charged
// duration, connect fee, zero-second calls. Every expected value is computed by hand from
// docs/internal-contracts.md "Rating semantics (voice)":
//   d = ceil(duration_s); m = max(d, minimum);
//   billed = m <= first ? first : first + ceil((m - first) / next) * next;
//   amount = billed × price / 60 (+ connect fee), rounded half-up to 6 decimals by default.
// Unless stated, calls are Monday 2026-03-02 10:00 Paris (peak) to 33612345678 (FR-MOBILE).
// 0.6000 EUR/min = 0.01 EUR per second, so the amount shows the billed seconds at a glance.
import { agreement, ratingSuite, voice } from '../support/agreement-snippets.js';

const svc = (body: string) => `  service term voice payable {\n${body}\n  }`;

// ------------------------------------------------------------------------------------------ 1/1
ratingSuite(
  'increments 1/1',
  agreement({ id: 'INC-1-1', trunks: 'TG101' }, svc(`    billing 1/1\n    rate FR-MOBILE 0.6000 EUR/min`)),
  [
    {
      name: '1/1: 1 s → billed 1 s',
      record: voice({ trunk: 'TG101', duration_s: '1' }),
      expect: { amount: '0.01', billed: 1, zone: 'FR-MOBILE', band: 'peak' }, // 1 × 0.6000 / 60 = 0.01
    },
    {
      name: '1/1: 29 s → billed 29 s',
      record: voice({ trunk: 'TG101', duration_s: '29' }),
      expect: { amount: '0.29', billed: 29 }, // 29 × 0.6 / 60 = 17.4 / 60 = 0.29
    },
    {
      name: '1/1: 60 s → billed 60 s',
      record: voice({ trunk: 'TG101', duration_s: '60' }),
      expect: { amount: '0.6', billed: 60 }, // 60 × 0.6 / 60 = 0.6
    },
    {
      name: '1/1: 61 s → billed 61 s',
      record: voice({ trunk: 'TG101', duration_s: '61' }),
      expect: { amount: '0.61', billed: 61 }, // 61 × 0.6 / 60 = 36.6 / 60 = 0.61
    },
    {
      name: '1/1: 30.2 s is rounded up to 31 s',
      record: voice({ trunk: 'TG101', duration_s: '30.2' }),
      expect: { amount: '0.31', billed: 31 }, // ceil(30.2) = 31; 31 × 0.6 / 60 = 18.6 / 60 = 0.31
    },
  ],
);

// ------------------------------------------------------------------------------------------ 6/6
ratingSuite(
  'increments 6/6',
  agreement({ id: 'INC-6-6', trunks: 'TG102' }, svc(`    billing 6/6\n    rate FR-MOBILE 0.6000 EUR/min`)),
  [
    {
      name: '6/6: 1 s → billed 6 s',
      record: voice({ trunk: 'TG102', duration_s: '1' }),
      expect: { amount: '0.06', billed: 6 }, // 1 <= 6 → 6; 6 × 0.6 / 60 = 0.06
    },
    {
      name: '6/6: 6 s → billed 6 s',
      record: voice({ trunk: 'TG102', duration_s: '6' }),
      expect: { amount: '0.06', billed: 6 }, // 6 <= 6 → 6; 0.06
    },
    {
      name: '6/6: 7 s → billed 12 s',
      record: voice({ trunk: 'TG102', duration_s: '7' }),
      expect: { amount: '0.12', billed: 12 }, // 6 + ceil(1/6)×6 = 12; 12 × 0.6 / 60 = 0.12
    },
    {
      name: '6/6: 36 s → billed 36 s',
      record: voice({ trunk: 'TG102', duration_s: '36' }),
      expect: { amount: '0.36', billed: 36 }, // 6 + ceil(30/6)×6 = 6 + 30 = 36; 0.36
    },
    {
      name: '6/6: 37 s → billed 42 s',
      record: voice({ trunk: 'TG102', duration_s: '37' }),
      expect: { amount: '0.42', billed: 42 }, // 6 + ceil(31/6)×6 = 6 + 6×6 = 42; 42 × 0.6 / 60 = 0.42
    },
  ],
);

// ----------------------------------------------------------------------------------------- 30/6
ratingSuite(
  'increments 30/6',
  agreement({ id: 'INC-30-6', trunks: 'TG103' }, svc(`    billing 30/6\n    rate FR-MOBILE 0.6000 EUR/min`)),
  [
    {
      name: '30/6: 1 s → billed 30 s',
      record: voice({ trunk: 'TG103', duration_s: '1' }),
      expect: { amount: '0.30', billed: 30 }, // 1 <= 30 → 30; 30 × 0.6 / 60 = 0.30
    },
    {
      name: '30/6: 29 s → billed 30 s',
      record: voice({ trunk: 'TG103', duration_s: '29' }),
      expect: { amount: '0.30', billed: 30 }, // 29 <= 30 → 30; 0.30
    },
    {
      name: '30/6: 30 s → billed 30 s',
      record: voice({ trunk: 'TG103', duration_s: '30' }),
      expect: { amount: '0.30', billed: 30 }, // 30 <= 30 → 30; 0.30
    },
    {
      name: '30/6: 31 s → billed 36 s',
      record: voice({ trunk: 'TG103', duration_s: '31' }),
      expect: { amount: '0.36', billed: 36 }, // 30 + ceil(1/6)×6 = 36; 36 × 0.6 / 60 = 0.36
    },
    {
      name: '30/6: 36 s → billed 36 s',
      record: voice({ trunk: 'TG103', duration_s: '36' }),
      expect: { amount: '0.36', billed: 36 }, // 30 + ceil(6/6)×6 = 36; 0.36
    },
    {
      name: '30/6: 37 s → billed 42 s',
      record: voice({ trunk: 'TG103', duration_s: '37' }),
      expect: { amount: '0.42', billed: 42 }, // 30 + ceil(7/6)×6 = 30 + 12 = 42; 0.42
    },
    {
      name: '30/6: 30.2 s → 31 s → billed 36 s',
      record: voice({ trunk: 'TG103', duration_s: '30.2' }),
      expect: { amount: '0.36', billed: 36 }, // ceil(30.2) = 31; 30 + ceil(1/6)×6 = 36; 0.36
    },
    {
      name: '30/6: 61 s → billed 66 s',
      record: voice({ trunk: 'TG103', duration_s: '61' }),
      expect: { amount: '0.66', billed: 66 }, // 30 + ceil(31/6)×6 = 30 + 36 = 66; 66 × 0.6 / 60 = 0.66
    },
  ],
);

// ---------------------------------------------------------------------------------------- 60/60
ratingSuite(
  'increments 60/60',
  agreement({ id: 'INC-60-60', trunks: 'TG104' }, svc(`    billing 60/60\n    rate FR-MOBILE 0.0123 EUR/min`)),
  [
    {
      name: '60/60: 1 s → billed 60 s',
      record: voice({ trunk: 'TG104', duration_s: '1' }),
      expect: { amount: '0.0123', billed: 60, zone: 'FR-MOBILE' }, // 1 <= 60 → 60; 60/60 × 0.0123 = 0.0123
    },
    {
      name: '60/60: 59 s → billed 60 s',
      record: voice({ trunk: 'TG104', duration_s: '59' }),
      expect: { amount: '0.0123', billed: 60 }, // 59 <= 60 → 60; 0.0123
    },
    {
      name: '60/60: 60 s → billed 60 s',
      record: voice({ trunk: 'TG104', duration_s: '60' }),
      expect: { amount: '0.0123', billed: 60 }, // 60 <= 60 → 60; 0.0123
    },
    {
      name: '60/60: 61 s → billed 120 s',
      record: voice({ trunk: 'TG104', duration_s: '61' }),
      expect: { amount: '0.0246', billed: 120 }, // 60 + ceil(1/60)×60 = 120; 120/60 × 0.0123 = 0.0246
    },
    {
      name: '60/60: 120 s → billed 120 s',
      record: voice({ trunk: 'TG104', duration_s: '120' }),
      expect: { amount: '0.0246', billed: 120 }, // 60 + ceil(60/60)×60 = 120; 0.0246
    },
    {
      name: '60/60: 121 s → billed 180 s',
      record: voice({ trunk: 'TG104', duration_s: '121' }),
      expect: { amount: '0.0369', billed: 180 }, // 60 + ceil(61/60)×60 = 180; 3 × 0.0123 = 0.0369
    },
    {
      name: '60/60: 60.0001 s → 61 s → billed 120 s',
      record: voice({ trunk: 'TG104', duration_s: '60.0001' }),
      expect: { amount: '0.0246', billed: 120 }, // ceil(60.0001) = 61 → 120; 2 × 0.0123 = 0.0246
    },
    {
      name: '60/60: 0.4 s → 1 s (not a zero-second call) → billed 60 s',
      record: voice({ trunk: 'TG104', duration_s: '0.4' }),
      expect: { amount: '0.0123', billed: 60 }, // ceil(0.4) = 1 > 0 → 60; 0.0123
    },
  ],
);

// -------------------------------------------------------------------------------------- minimum
ratingSuite(
  'minimum charged duration',
  [
    agreement({ id: 'MIN-1-1', trunks: 'TG111' }, svc(`    billing 1/1 minimum 30s\n    rate FR-MOBILE 0.6000 EUR/min`)),
    agreement({ id: 'MIN-30-6', trunks: 'TG112' }, svc(`    billing 30/6 minimum 60s\n    rate FR-MOBILE 0.6000 EUR/min`)),
    agreement({ id: 'MIN-60-60', trunks: 'TG113' }, svc(`    billing 60/60 minimum 90s\n    rate FR-MOBILE 0.6000 EUR/min`)),
  ],
  [
    {
      name: '1/1 minimum 30s: 10 s → billed 30 s',
      record: voice({ trunk: 'TG111', duration_s: '10' }),
      expect: { amount: '0.30', billed: 30 }, // m = max(10, 30) = 30; 1 + ceil(29/1)×1 = 30; 30 × 0.6 / 60 = 0.30
    },
    {
      name: '1/1 minimum 30s: 30 s → billed 30 s',
      record: voice({ trunk: 'TG111', duration_s: '30' }),
      expect: { amount: '0.30', billed: 30 }, // m = 30 → 30; 0.30
    },
    {
      name: '1/1 minimum 30s: 45 s → billed 45 s (minimum no longer binds)',
      record: voice({ trunk: 'TG111', duration_s: '45' }),
      expect: { amount: '0.45', billed: 45 }, // m = max(45, 30) = 45; 45 × 0.6 / 60 = 0.45
    },
    {
      name: '30/6 minimum 60s: 31 s → billed 60 s',
      record: voice({ trunk: 'TG112', duration_s: '31' }),
      expect: { amount: '0.60', billed: 60 }, // m = 60; 30 + ceil(30/6)×6 = 60; 60 × 0.6 / 60 = 0.60
    },
    {
      name: '30/6 minimum 60s: 61 s → billed 66 s',
      record: voice({ trunk: 'TG112', duration_s: '61' }),
      expect: { amount: '0.66', billed: 66 }, // m = 61; 30 + ceil(31/6)×6 = 30 + 36 = 66; 0.66
    },
    {
      name: '60/60 minimum 90s: 10 s → minimum 90 s then increments → billed 120 s',
      record: voice({ trunk: 'TG113', duration_s: '10' }),
      expect: { amount: '1.20', billed: 120 }, // m = 90; 60 + ceil(30/60)×60 = 120; 120 × 0.6 / 60 = 1.20
    },
  ],
);

// ------------------------------------------------------------------- connect fee and zero seconds
ratingSuite(
  'connect fee and zero-second calls',
  [
    agreement(
      { id: 'CF-FREE', trunks: 'TG121' },
      svc(`    billing 60/60\n    connect fee 0.0100 EUR\n    rate FR-MOBILE 0.0123 EUR/min`),
    ),
    agreement(
      { id: 'CF-CHARGED', trunks: 'TG122' },
      svc(`    billing 60/60\n    connect fee 0.0100 EUR\n    zero duration calls are charged\n    rate FR-MOBILE 0.0123 EUR/min`),
    ),
    agreement(
      { id: 'CF-CHARGED-MIN', trunks: 'TG123' },
      svc(
        `    billing 60/60 minimum 60s\n    connect fee 0.0100 EUR\n    zero duration calls are charged\n    rate FR-MOBILE 0.0123 EUR/min`,
      ),
    ),
    agreement(
      { id: 'CF-CHARGED-MIN30', trunks: 'TG125' },
      svc(
        `    billing 60/60 minimum 30s\n    connect fee 0.0100 EUR\n    zero duration calls are charged\n    rate FR-MOBILE 0.0123 EUR/min`,
      ),
    ),
    agreement(
      { id: 'CF-FREE-MIN', trunks: 'TG124' },
      svc(`    billing 60/60 minimum 60s\n    connect fee 0.0100 EUR\n    zero duration calls are free\n    rate FR-MOBILE 0.0123 EUR/min`),
    ),
  ],
  [
    {
      name: 'connect fee: 61 s → 2 min + fee',
      record: voice({ trunk: 'TG121', duration_s: '61' }),
      expect: { amount: '0.0346', billed: 120, zone: 'FR-MOBILE' }, // 120/60 × 0.0123 = 0.0246; + 0.0100 = 0.0346
    },
    {
      name: 'connect fee: 1 s → 1 min + fee',
      record: voice({ trunk: 'TG121', duration_s: '1' }),
      expect: { amount: '0.0223', billed: 60 }, // 60/60 × 0.0123 = 0.0123; + 0.0100 = 0.0223
    },
    {
      name: 'zero-second call free by default: no connect fee, clause zero-duration',
      record: voice({ trunk: 'TG121', duration_s: '0' }),
      expect: { amount: '0', billed: 0, clause: 'zero-duration' }, // d = 0, free (default): 0, no fee
    },
    {
      name: 'zero-second call charged, no minimum: connect fee only',
      record: voice({ trunk: 'TG122', duration_s: '0' }),
      expect: { amount: '0.0100', billed: 0 }, // billed = minimum = 0; 0.0100 + 0 × 0.0123/60 = 0.0100
    },
    {
      name: 'zero-duration charged does not change a 61 s call',
      record: voice({ trunk: 'TG122', duration_s: '61' }),
      expect: { amount: '0.0346', billed: 120 }, // 2 × 0.0123 = 0.0246; + 0.0100 = 0.0346
    },
    {
      name: 'zero-second call charged with minimum 60s: fee + minimum',
      record: voice({ trunk: 'TG123', duration_s: '0' }),
      expect: { amount: '0.0223', billed: 60 }, // billed = minimum = 60; 0.0100 + 60/60 × 0.0123 = 0.0223
    },
    {
      name: 'zero-second call charged with minimum 30s under 60/60: billed = minimum as written (contract 2)',
      record: voice({ trunk: 'TG125', duration_s: '0' }),
      // contract: "If charged: billed = minimum, amount = connect fee + minimum seconds at the rate"
      // billed 30; 0.0100 + 30 × 0.0123/60 = 0.0100 + 0.369/60 = 0.0100 + 0.00615 = 0.01615
      expect: { amount: '0.01615', billed: 30 },
    },
    {
      name: 'minimum 30s under 60/60: a 1 s call → m = 30 → billed 60 s',
      record: voice({ trunk: 'TG125', duration_s: '1' }),
      expect: { amount: '0.0223', billed: 60 }, // m = max(1, 30) = 30 <= 60 → 60; 0.0123 + 0.0100 = 0.0223
    },
    {
      name: 'duration "0.0" is a zero-second call (free by default)',
      record: voice({ trunk: 'TG121', duration_s: '0.0' }),
      expect: { amount: '0', billed: 0, clause: 'zero-duration' }, // ceil(0.0) = 0 → free
    },
    {
      name: 'zero-second call explicitly free: minimum and fee do not apply',
      record: voice({ trunk: 'TG124', duration_s: '0' }),
      expect: { amount: '0', billed: 0, clause: 'zero-duration' }, // free: 0, billed 0
    },
    {
      name: 'explicitly free zero-second rule: a 10 s call still pays minimum + fee',
      record: voice({ trunk: 'TG124', duration_s: '10' }),
      expect: { amount: '0.0223', billed: 60 }, // m = max(10, 60) = 60 → 60; 0.0123 + 0.0100 = 0.0223
    },
  ],
);
