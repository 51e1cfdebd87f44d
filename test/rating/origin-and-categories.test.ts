// Rating conformance: origin-based pricing (rate lines keyed by the A-number's zone, UK-style
// origin surcharges) and roaming call categories. Hand-computed from docs/internal-contracts.md
// "Rating semantics (origin, category)": the A-number's longest prefix among the service's
// origin zones picks an origin-keyed line over the plain one; a surcharge is added per billed
// minute (voice) or message (sms) before the connect fee's cap (maximum per call) and the
// record rounding; a missing A-number counts as outside every zone.
import { agreement, ratingSuite } from '../support/agreement-snippets.js';

const ZONES = `
    EU        30, 31, 32, 33, 34, 35, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49
    UK-FIXED  44 1, 44 2`;
const START = '2026-03-02T09:00:00Z'; // Monday 10:00 Paris (peak)
const call = (a: string | undefined, duration_s: string, over: Record<string, string> = {}) => ({
  trunk: 'TO01', direction: 'in', kind: 'voice', b_number: '447700900123', start_time: START, duration_s,
  ...(a === undefined ? {} : { a_number: a }), ...over,
});
const FR_A = '33612345678';
const UK_FIXED_A = '441632960001';
const UK_MOBILE_A = '447700900001';
const US_A = '12125550100';

ratingSuite(
  'origin-keyed rates and the origin surcharge',
  [
    agreement(
      { id: 'ORIGIN', trunks: 'TO01', zones: ZONES, timebands: null, holidays: null },
      `  service voice-origination voice receivable {
    billing 60/60
    rate any 0.0090 EUR/min
    rate any origin UK-FIXED 0.0050 EUR/min
    rate any origin UK-FIXED 0.0040 EUR/min  from 2026-04-01
    surcharge origin outside EU 0.0600 EUR/min
  }

  service sms-in sms receivable {
    rate any 0.0050 EUR/msg
    surcharge origin outside EU 0.0200 EUR/msg
    surcharge origin UK-FIXED 0.0010 EUR/msg
  }`,
    ),
    agreement(
      { id: 'ORIGIN-CAP', trunks: 'TO02', zones: ZONES, timebands: null, holidays: null },
      `  service voice-origination voice receivable {
    billing 60/60
    connect fee 0.0100 EUR
    rate any 0.0090 EUR/min
    surcharge origin outside EU 0.0600 EUR/min
    maximum 0.2000 EUR per call
  }`,
    ),
  ],
  [
    {
      name: 'a French A-number (in EU, not UK-FIXED): plain line, no surcharge; 61 s → 2 min × 0.0090 = 0.0180',
      record: call(FR_A, '61'),
      expect: { amount: '0.0180', clause: 'voice-origination/any/any/2026-01-01' },
    },
    {
      name: 'a UK fixed A-number: the origin-keyed line prices it; 2 × 0.0050 = 0.0100',
      record: call(UK_FIXED_A, '61'),
      expect: { amount: '0.0100', zone: 'any', clause: 'voice-origination/any origin UK-FIXED/any/2026-01-01' },
    },
    {
      name: 'the origin-keyed line follows its effective dates: from 1 April 2 × 0.0040 = 0.0080',
      record: call(UK_FIXED_A, '61', { start_time: '2026-04-02T08:00:00Z' }),
      expect: { amount: '0.0080', clause: 'voice-origination/any origin UK-FIXED/any/2026-04-01' },
    },
    {
      name: 'a UK mobile A-number (44 7: in EU by 44, not UK-FIXED): plain line, 0.0180',
      record: call(UK_MOBILE_A, '61'),
      expect: { amount: '0.0180', clause: 'voice-origination/any/any/2026-01-01' },
    },
    {
      name: 'a US A-number is outside EU: 2 × 0.0090 + 2 × 0.0600 = 0.0180 + 0.1200 = 0.1380, both clauses shown',
      record: call(US_A, '61'),
      expect: { amount: '0.1380', clause: 'voice-origination/any/any/2026-01-01 + voice-origination/surcharge origin outside EU' },
    },
    {
      name: 'a call without CLI pays the outside surcharge: 0.1380',
      record: call(undefined, '61'),
      expect: { amount: '0.1380', clause: /\+ voice-origination\/surcharge origin outside EU$/ },
    },
    {
      name: 'a withheld CLI written as text ("anonymous") counts as no CLI: outside EU, 0.1380',
      record: call('anonymous', '61'),
      expect: { amount: '0.1380' },
    },
    {
      name: 'a non-numeric A-number never matches an origin-keyed line: "44-1632" pays plain + surcharge, 0.1380',
      record: call('44-1632960001', '61'),
      expect: { amount: '0.1380', clause: 'voice-origination/any/any/2026-01-01 + voice-origination/surcharge origin outside EU' },
    },
    {
      name: 'a leading + is stripped: +1 212… is outside EU, 0.1380',
      record: call(`+${US_A}`, '61'),
      expect: { amount: '0.1380' },
    },
    {
      name: 'an A-number too long to match (19 digits) counts as outside: 0.1380',
      record: call('4412345678901234567', '61'),
      expect: { amount: '0.1380' },
    },
    {
      name: 'a surcharged call with 30 s: 60 s billed; 0.0090 + 0.0600 = 0.0690',
      record: call(US_A, '30'),
      expect: { amount: '0.0690', billed: 60 },
    },
    {
      name: 'sms from a UK fixed number: 2 × (0.0050 + 0.0010 inside surcharge) = 0.0120',
      record: { ...call(UK_FIXED_A, '0'), kind: 'sms', duration_s: undefined, units: '2' },
      expect: { amount: '0.0120', clause: 'sms-in/any/any/2026-01-01 + sms-in/surcharge origin UK-FIXED' },
    },
    {
      name: 'sms from the US: 0.0050 + 0.0200 = 0.0250',
      record: { ...call(US_A, '0'), kind: 'sms', duration_s: undefined, units: '1' },
      expect: { amount: '0.0250' },
    },
    {
      name: 'sms without A-number, 3 messages: 3 × (0.0050 + 0.0200) = 0.0750 (the inside surcharge never applies)',
      record: { ...call(undefined, '0'), kind: 'sms', duration_s: undefined, units: '3' },
      expect: { amount: '0.0750' },
    },
    {
      name: 'sms from France: no surcharge, 0.0050',
      record: { ...call(FR_A, '0'), kind: 'sms', duration_s: undefined, units: '1' },
      expect: { amount: '0.0050', clause: 'sms-in/any/any/2026-01-01' },
    },
    {
      name: 'surcharge before the maximum: US 61 s: 0.0180 + 0.0100 connect + 0.1200 = 0.1480 (under the 0.2000 cap)',
      record: call(US_A, '61', { trunk: 'TO02' }),
      expect: { amount: '0.1480' },
    },
    {
      // 181 s → 4 min: 0.0360 + 0.0100 + 0.2400 = 0.2860 → capped at 0.2000. Adding the surcharge
      // after the cap would give 0.0460 + 0.2400 = 0.2860.
      name: 'surcharge before the maximum: US 181 s: 0.0360 + 0.0100 + 0.2400 = 0.2860 → capped 0.2000',
      record: call(US_A, '181', { trunk: 'TO02' }),
      expect: { amount: '0.2000' },
    },
    {
      name: 'the same call from France: 0.0360 + 0.0100 = 0.0460',
      record: call(FR_A, '181', { trunk: 'TO02' }),
      expect: { amount: '0.0460' },
    },
  ],
);

ratingSuite(
  'origin-keyed lines on a split call',
  [
    agreement(
      { id: 'ORIGIN-SPLIT', trunks: 'TO03', zones: ZONES },
      `  service voice-origination voice receivable {
    billing 60/60
    calls across a band boundary are split at the boundary
    rate any  peak 0.0100 EUR/min  offpeak 0.0060 EUR/min
    rate any origin UK-FIXED  peak 0.0080 EUR/min  offpeak 0.0040 EUR/min
  }`,
    ),
  ],
  [
    {
      // 19:59 Paris (18:59Z), 120 s: 60 s peak + 60 s off-peak
      name: 'UK fixed A-number across 20:00: 60 s × 0.0080/60 + 60 s × 0.0040/60 = 0.0080 + 0.0040 = 0.0120',
      record: call(UK_FIXED_A, '120', { trunk: 'TO03', start_time: '2026-03-02T18:59:00Z' }),
      expect: { amount: '0.0120' },
    },
    {
      name: 'French A-number across 20:00: 0.0100 + 0.0060 = 0.0160',
      record: call(FR_A, '120', { trunk: 'TO03', start_time: '2026-03-02T18:59:00Z' }),
      expect: { amount: '0.0160' },
    },
  ],
);

const roam = (category: string | undefined, duration_s: string, over: Record<string, string> = {}) => ({
  trunk: 'TC01', direction: 'out', kind: 'voice', a_number: '447700900001', b_number: '33612345678', start_time: START,
  duration_s, ...(category === undefined ? {} : { category }), ...over,
});

ratingSuite(
  'roaming call categories',
  [
    agreement(
      { id: 'ROAMING', trunks: 'TC01', zones: ZONES, timebands: null, holidays: null },
      `  service roaming-voice voice payable {
    billing 30/30
    rate calls home  0.0250 EUR/min
    rate calls home  0.0200 EUR/min  from 2026-04-01
    rate calls local  0.0200 EUR/min
    rate calls international  0.0500 EUR/min
  }

  service roaming-sms sms payable {
    rate calls home 0.0100 EUR/msg
  }`,
    ),
  ],
  [
    {
      name: 'home, 31 s → 60 s at 30/30: 1 × 0.0250',
      record: roam('home', '31'),
      expect: { amount: '0.0250', zone: 'home', billed: 60, clause: 'roaming-voice/calls home/any/2026-01-01' },
    },
    { name: 'local, 30 s → 30 s: 0.5 × 0.0200 = 0.0100', record: roam('local', '30'), expect: { amount: '0.0100', zone: 'local' } },
    {
      name: 'international, 61 s → 90 s: 1.5 × 0.0500 = 0.0750',
      record: roam('international', '61'),
      expect: { amount: '0.0750', zone: 'international', billed: 90 },
    },
    { name: 'the category is case-insensitive: HOME = home', record: roam('HOME', '31'), expect: { amount: '0.0250' } },
    {
      name: 'categories follow effective dates: home from 1 April, 31 s → 60 s × 0.0200',
      record: roam('home', '31', { start_time: '2026-04-02T08:00:00Z' }),
      expect: { amount: '0.0200', clause: 'roaming-voice/calls home/any/2026-04-01' },
    },
    { name: 'no category → no-category', record: roam(undefined, '31'), expect: { suspense: 'no-category' } },
    { name: 'a category the service does not price → no-category', record: roam('satellite', '31'), expect: { suspense: 'no-category' } },
    {
      name: 'sms by category: home, 2 messages × 0.0100 = 0.0200',
      record: roam('home', '0', { kind: 'sms', duration_s: '', units: '2' }),
      expect: { amount: '0.0200' },
    },
    {
      name: 'sms, international is not priced → no-category',
      record: roam('international', '0', { kind: 'sms', duration_s: '', units: '1' }),
      expect: { suspense: 'no-category' },
    },
    {
      name: 'a pre-assigned voice service without kind: still needs its B-number → missing-field',
      record: { agreement: 'ROAMING', service: 'roaming-voice', start_time: START, duration_s: '31', category: 'home', record_id: 'pre-voice' },
      expect: { suspense: 'missing-field' },
    },
    {
      name: 'a voice record still needs its B-number → missing-field',
      record: roam('home', '31', { b_number: '' }),
      expect: { suspense: 'missing-field' },
    },
  ],
);
