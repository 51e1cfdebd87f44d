// Rating conformance: rate steps within a call, maximum charge per call, and per-record
// rounding (half-up / half-even / up / down) — with values that land exactly on a half at the
// last kept digit, and values that a DOUBLE computation gets wrong (1.000001 × 30 s / 60).
// Expected values by hand from docs/internal-contracts.md "Rating semantics (voice)" 6–7:
//   amount = Σ over steps (billed seconds in the step × step price / 60), exact;
//   + connect fee; then capped at the maximum per call; then rounded per record
//   (default half-up, 6 decimals).
// Unless stated, calls are Monday 2026-03-02 10:00 Paris (peak) to 33612345678 (FR-MOBILE).
import { agreement, ratingSuite, voice } from '../support/agreement-snippets.js';

const svc = (body: string) => `  service term voice payable {\n${body}\n  }`;
const SAT_10H_PARIS = '2026-03-07T09:00:00Z'; // Saturday 10:00 CET (UTC+1): off-peak

// ---------------------------------------------------------------------------------------- steps
ratingSuite(
  'rate steps within a call',
  [
    agreement(
      { id: 'STEP2', trunks: 'TG321' },
      svc(`    billing 1/1\n    rate FR-MOBILE first 60s 0.0200 EUR/min then 0.0100 EUR/min`),
    ),
    agreement(
      { id: 'STEP2-30-6', trunks: 'TG322' },
      svc(`    billing 30/6\n    rate FR-MOBILE first 60s 0.0200 EUR/min then 0.0100 EUR/min`),
    ),
    agreement(
      { id: 'STEP3', trunks: 'TG323' },
      svc(`    billing 1/1\n    rate FR-MOBILE first 30s 0.0600 EUR/min next 30s 0.0300 EUR/min then 0.0120 EUR/min`),
    ),
    agreement(
      { id: 'STEP-BAND', trunks: 'TG324' },
      svc(`    billing 1/1\n    rate FR-MOBILE peak first 60s 0.0200 EUR/min then 0.0100 EUR/min offpeak 0.0050 EUR/min`),
    ),
    agreement(
      { id: 'STEP3-MIN', trunks: 'TG325' },
      svc(
        `    billing 1/1 minimum 45s\n    rate FR-MOBILE first 30s 0.0600 EUR/min next 30s 0.0300 EUR/min then 0.0120 EUR/min`,
      ),
    ),
  ],
  [
    {
      name: 'two steps: 30 s lies wholly in the first step',
      record: voice({ trunk: 'TG321', duration_s: '30' }),
      expect: { amount: '0.01', billed: 30 }, // 30 × 0.0200 / 60 = 0.6 / 60 = 0.01
    },
    {
      name: 'two steps: 60 s fills the first step exactly',
      record: voice({ trunk: 'TG321', duration_s: '60' }),
      expect: { amount: '0.02', billed: 60 }, // 60 × 0.0200 / 60 = 0.02
    },
    {
      name: 'two steps: 90 s = 60 s at the first price + 30 s at the second',
      record: voice({ trunk: 'TG321', duration_s: '90' }),
      expect: { amount: '0.025', billed: 90 }, // 60 × 0.02/60 = 0.02; 30 × 0.01/60 = 0.005; 0.025
    },
    {
      name: 'two steps, 30/6: 61 s → billed 66 s, the 6 extra billed seconds priced in the second step',
      record: voice({ trunk: 'TG322', duration_s: '61' }),
      expect: { amount: '0.021', billed: 66 }, // 30 + ceil(31/6)×6 = 66; [0,60): 60 × 0.02/60 = 0.02; [60,66): 6 × 0.01/60 = 0.001; 0.021
    },
    {
      name: 'three steps: 20 s in the first step',
      record: voice({ trunk: 'TG323', duration_s: '20' }),
      expect: { amount: '0.02', billed: 20 }, // 20 × 0.06 / 60 = 1.2 / 60 = 0.02
    },
    {
      name: 'three steps: 45 s = 30 s first + 15 s next',
      record: voice({ trunk: 'TG323', duration_s: '45' }),
      expect: { amount: '0.0375', billed: 45 }, // 30 × 0.06/60 = 0.03; 15 × 0.03/60 = 0.45/60 = 0.0075; 0.0375
    },
    {
      name: 'three steps: 100 s = 30 s first + 30 s next + 40 s then',
      record: voice({ trunk: 'TG323', duration_s: '100' }),
      expect: { amount: '0.053', billed: 100 }, // 0.03 + 30 × 0.03/60 = 0.015 + 40 × 0.012/60 = 0.48/60 = 0.008; 0.053
    },
    {
      name: 'three steps with minimum 45s: a 10 s call is priced over billed positions [0,45)',
      record: voice({ trunk: 'TG325', duration_s: '10' }),
      expect: { amount: '0.0375', billed: 45 }, // m = 45; 30 × 0.06/60 = 0.03 + 15 × 0.03/60 = 0.0075; 0.0375
    },
    {
      name: 'steps on the peak band only: peak call uses the steps',
      record: voice({ trunk: 'TG324', duration_s: '90' }),
      expect: { amount: '0.025', billed: 90, band: 'peak' }, // 60 × 0.02/60 = 0.02 + 30 × 0.01/60 = 0.005; 0.025
    },
    {
      name: 'steps on the peak band only: off-peak (Saturday) call uses the flat price',
      record: voice({ trunk: 'TG324', duration_s: '90', start_time: SAT_10H_PARIS }),
      expect: { amount: '0.0075', billed: 90, band: 'offpeak' }, // 90 × 0.005 / 60 = 0.45 / 60 = 0.0075
    },
  ],
);

// ----------------------------------------------------------------------------------------- caps
ratingSuite(
  'maximum charge per call',
  [
    agreement(
      { id: 'CAP-FEE', trunks: 'TG331' },
      svc(`    billing 60/60\n    connect fee 0.0100 EUR\n    maximum 0.0500 EUR per call\n    rate FR-MOBILE 0.0123 EUR/min`),
    ),
    agreement(
      { id: 'CAP', trunks: 'TG332' },
      svc(`    billing 60/60\n    maximum 0.0500 EUR per call\n    rate FR-MOBILE 0.0123 EUR/min`),
    ),
  ],
  [
    {
      name: 'cap with connect fee: 180 s stays under the cap',
      record: voice({ trunk: 'TG331', duration_s: '180' }),
      expect: { amount: '0.0469', billed: 180 }, // 3 × 0.0123 = 0.0369; + 0.0100 = 0.0469 <= 0.05 → 0.0469
    },
    {
      name: 'cap with connect fee: 240 s is capped (the cap applies after the fee)',
      record: voice({ trunk: 'TG331', duration_s: '240' }),
      expect: { amount: '0.05', billed: 240 }, // 4 × 0.0123 = 0.0492; + 0.0100 = 0.0592 > 0.05 → 0.05 (not 0.0492 + fee)
    },
    {
      name: 'cap with connect fee: one hour is capped',
      record: voice({ trunk: 'TG331', duration_s: '3600' }),
      expect: { amount: '0.05', billed: 3600 }, // 60 × 0.0123 = 0.738; + 0.01 = 0.748 → 0.05
    },
    {
      name: 'cap without fee: 240 s is under the cap',
      record: voice({ trunk: 'TG332', duration_s: '240' }),
      expect: { amount: '0.0492', billed: 240 }, // 4 × 0.0123 = 0.0492 <= 0.05
    },
    {
      name: 'cap without fee: 300 s is capped',
      record: voice({ trunk: 'TG332', duration_s: '300' }),
      expect: { amount: '0.05', billed: 300 }, // 5 × 0.0123 = 0.0615 > 0.05 → 0.05
    },
  ],
);

// ------------------------------------------------------------------------------------- rounding
// FR-FIXED number used where an agreement carries a second price: 33145678901.
const FIXED = '33145678901';

ratingSuite(
  'rounding per record',
  [
    agreement({ id: 'RND-DEFAULT', trunks: 'TG341' }, svc(`    billing 1/1\n    rate FR-MOBILE 1.000001 EUR/min`)),
    agreement(
      { id: 'RND-HE6', trunks: 'TG342' },
      svc(
        `    billing 1/1\n    rate FR-MOBILE 1.000001 EUR/min\n    rate FR-FIXED 1.000003 EUR/min\n    rounding half-even 6 decimals per record`,
      ),
    ),
    agreement(
      { id: 'RND-UP6', trunks: 'TG343' },
      svc(`    billing 1/1\n    rate FR-MOBILE 1.000001 EUR/min\n    rounding up 6 decimals per record`),
    ),
    agreement(
      { id: 'RND-DOWN6', trunks: 'TG344' },
      svc(`    billing 1/1\n    rate FR-MOBILE 1.000001 EUR/min\n    rounding down 6 decimals per record`),
    ),
    agreement(
      { id: 'RND-HU4', trunks: 'TG345' },
      svc(`    billing 1/1\n    rate FR-MOBILE 0.0027 EUR/min\n    rounding half-up 4 decimals per record`),
    ),
    agreement(
      { id: 'RND-HE4', trunks: 'TG346' },
      svc(`    billing 1/1\n    rate FR-MOBILE 0.0027 EUR/min\n    rounding half-even 4 decimals per record`),
    ),
    agreement(
      { id: 'RND-UP4', trunks: 'TG347' },
      svc(`    billing 1/1\n    rate FR-MOBILE 0.0027 EUR/min\n    rounding up 4 decimals per record`),
    ),
    agreement(
      { id: 'RND-DOWN4', trunks: 'TG348' },
      svc(`    billing 1/1\n    rate FR-MOBILE 0.0027 EUR/min\n    rounding down 4 decimals per record`),
    ),
    agreement(
      { id: 'RND-HU2', trunks: 'TG349' },
      svc(`    billing 1/1\n    rate FR-MOBILE 0.15 EUR/min\n    rounding half-up 2 decimals per record`),
    ),
    agreement(
      { id: 'RND-HE2', trunks: 'TG350' },
      svc(
        `    billing 1/1\n    rate FR-MOBILE 0.15 EUR/min\n    rate FR-FIXED 0.21 EUR/min\n    rounding half-even 2 decimals per record`,
      ),
    ),
    agreement(
      { id: 'RND-HE4-FEE', trunks: 'TG351' },
      svc(`    billing 1/1\n    connect fee 0.0001 EUR\n    rate FR-MOBILE 0.0027 EUR/min\n    rounding half-even 4 decimals per record`),
    ),
    agreement(
      { id: 'RND-HE2-CAP', trunks: 'TG352' },
      svc(`    billing 1/1\n    maximum 1.125 EUR per call\n    rate FR-MOBILE 0.6000 EUR/min\n    rounding half-even 2 decimals per record`),
    ),
  ],
  [
    {
      name: 'default half-up 6: 1.000001 EUR/min × 30 s = 0.5000005 → 0.500001 (a DOUBLE gives 0.5)',
      record: voice({ trunk: 'TG341', duration_s: '30' }),
      expect: { amount: '0.500001', billed: 30 }, // 30 × 1.000001 / 60 = 30.00003 / 60 = 0.5000005 → half-up → 0.500001
    },
    {
      name: 'default half-up 6: 1.000001 EUR/min × 1 s = 0.01666668333… → 0.016667',
      record: voice({ trunk: 'TG341', duration_s: '1' }),
      expect: { amount: '0.016667', billed: 1 }, // 1.000001 / 60 = 0.016666|68333… → next digit 6 → 0.016667
    },
    {
      name: 'default half-up 6: a 24 h call keeps every digit: 86400 s × 1.000001 EUR/min = 1440.00144',
      record: voice({ trunk: 'TG341', duration_s: '86400' }),
      expect: { amount: '1440.00144', billed: 86400 }, // 86400 / 60 = 1440 min; 1440 × 1.000001 = 1440.00144
    },
    {
      name: 'half-even 6: 0.5000005 → 0.500000 (kept digit 0 is even)',
      record: voice({ trunk: 'TG342', duration_s: '30' }),
      expect: { amount: '0.5', billed: 30 }, // 0.500000|5 exactly half, last kept digit 0 even → 0.500000
    },
    {
      name: 'half-even 6: 1.000003 EUR/min × 30 s = 0.5000015 → 0.500002 (kept digit 1 is odd)',
      record: voice({ trunk: 'TG342', duration_s: '30', b_number: FIXED }),
      expect: { amount: '0.500002', billed: 30, zone: 'FR-FIXED' }, // 30 × 1.000003 / 60 = 0.5000015; 0.500001|5, 1 odd → 0.500002
    },
    {
      name: 'up 6: 0.5000005 → 0.500001',
      record: voice({ trunk: 'TG343', duration_s: '30' }),
      expect: { amount: '0.500001', billed: 30 }, // 0.500000|5 → up → 0.500001
    },
    {
      name: 'up 6: 0.01666668333… → 0.016667',
      record: voice({ trunk: 'TG343', duration_s: '1' }),
      expect: { amount: '0.016667', billed: 1 }, // 0.016666|683… → up → 0.016667
    },
    {
      name: 'down 6: 0.5000005 → 0.500000',
      record: voice({ trunk: 'TG344', duration_s: '30' }),
      expect: { amount: '0.5', billed: 30 }, // 0.500000|5 → down → 0.500000
    },
    {
      name: 'down 6: 0.01666668333… → 0.016666',
      record: voice({ trunk: 'TG344', duration_s: '1' }),
      expect: { amount: '0.016666', billed: 1 }, // 0.016666|683… → down → 0.016666
    },
    {
      name: 'half-up 4: 0.0027 EUR/min × 30 s = 0.00135 → 0.0014',
      record: voice({ trunk: 'TG345', duration_s: '30' }),
      expect: { amount: '0.0014', billed: 30 }, // 30 × 0.0027 / 60 = 0.081 / 60 = 0.00135; 0.0013|5 → half-up → 0.0014
    },
    {
      name: 'half-up 4: 0.0027 EUR/min × 10 s = 0.00045 → 0.0005',
      record: voice({ trunk: 'TG345', duration_s: '10' }),
      expect: { amount: '0.0005', billed: 10 }, // 10 × 0.0027 / 60 = 0.027 / 60 = 0.00045; 0.0004|5 → half-up → 0.0005
    },
    {
      name: 'half-even 4: 0.00135 → 0.0014 (3 is odd)',
      record: voice({ trunk: 'TG346', duration_s: '30' }),
      expect: { amount: '0.0014', billed: 30 }, // 0.0013|5, 3 odd → 0.0014
    },
    {
      name: 'half-even 4: 0.00045 → 0.0004 (4 is even)',
      record: voice({ trunk: 'TG346', duration_s: '10' }),
      expect: { amount: '0.0004', billed: 10 }, // 0.0004|5, 4 even → 0.0004
    },
    {
      name: 'up 4: 0.00045 → 0.0005',
      record: voice({ trunk: 'TG347', duration_s: '10' }),
      expect: { amount: '0.0005', billed: 10 }, // 0.0004|5 → up → 0.0005
    },
    {
      name: 'down 4: 0.00135 → 0.0013',
      record: voice({ trunk: 'TG348', duration_s: '30' }),
      expect: { amount: '0.0013', billed: 30 }, // 0.0013|5 → down → 0.0013
    },
    {
      name: 'half-up 2: 0.15 EUR/min × 10 s = 0.025 → 0.03',
      record: voice({ trunk: 'TG349', duration_s: '10' }),
      expect: { amount: '0.03', billed: 10 }, // 10 × 0.15 / 60 = 1.5 / 60 = 0.025; 0.02|5 → half-up → 0.03
    },
    {
      name: 'half-even 2: 0.025 → 0.02 (2 is even)',
      record: voice({ trunk: 'TG350', duration_s: '10' }),
      expect: { amount: '0.02', billed: 10 }, // 0.02|5, 2 even → 0.02
    },
    {
      name: 'half-even 2: 0.21 EUR/min × 10 s = 0.035 → 0.04 (3 is odd)',
      record: voice({ trunk: 'TG350', duration_s: '10', b_number: FIXED }),
      expect: { amount: '0.04', billed: 10 }, // 10 × 0.21 / 60 = 2.1 / 60 = 0.035; 0.03|5, 3 odd → 0.04
    },
    {
      name: 'rounding happens after the connect fee is added',
      record: voice({ trunk: 'TG351', duration_s: '10' }),
      expect: { amount: '0.0006', billed: 10 }, // 0.00045 + 0.0001 = 0.00055; 0.0005|5, 5 odd → 0.0006 (rounding first would give 0.0004 + 0.0001 = 0.0005)
    },
    {
      name: 'rounding happens after the cap',
      record: voice({ trunk: 'TG352', duration_s: '600' }),
      expect: { amount: '1.12', billed: 600 }, // 600 × 0.6 / 60 = 6.00 > 1.125 → 1.125; 1.12|5, 2 even → 1.12
    },
  ],
);
