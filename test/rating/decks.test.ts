// Rating conformance: services that rate from an A–Z deck (compiler/deck/). Every amount is
// computed by hand from docs/internal-contracts.md "Rating semantics (voice)":
//   billed = m <= first ? first : first + ceil((m - first) / next) * next, m = max(d, minimum)
//   amount = billed × price / 60, rounded half-up to 6 decimals (default),
// with first/next taken from the deck row's `increments` when it has one.
// Calls are Monday 2026-03-02 10:00 Paris (09:00Z) unless stated.
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../compiler/index.js';
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { agreement, checkCase, rateBatch, sms, voice, type Batch, type Expected, type UsageRecord } from '../support/agreement-snippets.js';

const VOICE_DECK = `prefix,destination,rate,effective_date,change,increments
336,France Mobile,0.0600,2026-01-01,new,
336,France Mobile,0.1200,2026-03-10,increase,
337,France Mobile,0.0600,2026-01-01,new,1/1
3389,France Premium,0.6000,2026-01-01,new,
3389,France Premium,,2026-03-01,closed,
331,France Fixed,0.0300,2026-01-01,new,30/6
`;

const SMS_DECK = `prefix,destination,rate,effective_date
336,France Mobile,0.0050,2026-01-01
447,UK Mobile,0.0100,2026-01-01
`;

const TEXT = agreement(
  { id: 'DECK-1', trunks: 'TGD1' },
  `  service term voice payable {
    billing 60/60
    rates from deck "decks/voice.csv" issued 2026-03-01
    notice increases 7 days
  }

  service texts sms payable {
    rates from deck "decks/sms.csv"
  }`,
).replace(/  zones \{[^}]*\}\n/, '');

const cases: { id: string; record: UsageRecord; expect: Expected }[] = [
  // 336 at 0.0600 until 2026-03-10: 61 s → 120 s; 120 × 0.06 / 60 = 0.12
  { id: 'mobile-before', record: voice({ trunk: 'TGD1', duration_s: '61' }), expect: { amount: '0.12', billed: 120, zone: 'France Mobile', band: 'peak', clause: 'term/France Mobile[336]/peak/2026-01-01' } },
  // from 2026-03-10 (local date) 0.1200: 120 × 0.12 / 60 = 0.24
  { id: 'mobile-after', record: voice({ trunk: 'TGD1', duration_s: '61', start_time: '2026-03-10T09:00:00Z' }), expect: { amount: '0.24', billed: 120 } },
  // 2026-03-09T22:59:59Z is 23:59:59 on the 9th in Paris (UTC+1): still 0.0600 → 0.12
  { id: 'mobile-eve', record: voice({ trunk: 'TGD1', duration_s: '61', start_time: '2026-03-09T22:59:59Z' }), expect: { amount: '0.12', billed: 120, band: 'offpeak' } },
  // 2026-03-09T23:00:00Z is midnight on the 10th in Paris: 0.1200 → 0.24
  { id: 'mobile-midnight', record: voice({ trunk: 'TGD1', duration_s: '61', start_time: '2026-03-09T23:00:00Z' }), expect: { amount: '0.24', billed: 120 } },
  // 337 bills 1/1 (deck increments): 61 s → 61 s; 61 × 0.06 / 60 = 3.66 / 60 = 0.061
  { id: 'mobile-1-1', record: voice({ trunk: 'TGD1', duration_s: '61', b_number: '33712345678' }), expect: { amount: '0.061', billed: 61, zone: 'France Mobile' } },
  // 331 bills 30/6: 31 s → 30 + ceil(1/6)·6 = 36 s; 36 × 0.03 / 60 = 1.08 / 60 = 0.018
  { id: 'fixed-31', record: voice({ trunk: 'TGD1', duration_s: '31', b_number: '33112345678' }), expect: { amount: '0.018', billed: 36, zone: 'France Fixed' } },
  // 20 s → the first 30 s; 30 × 0.03 / 60 = 0.015
  { id: 'fixed-20', record: voice({ trunk: 'TGD1', duration_s: '20', b_number: '33112345678' }), expect: { amount: '0.015', billed: 30 } },
  // 3389 closed from 2026-03-01: suspense `closed`, also for a zero-second call
  { id: 'premium-closed', record: voice({ trunk: 'TGD1', duration_s: '61', b_number: '33891234567' }), expect: { suspense: 'closed' } },
  { id: 'premium-closed-0s', record: voice({ trunk: 'TGD1', duration_s: '0', b_number: '33891234567' }), expect: { suspense: 'closed' } },
  // before it closed (Friday 2026-02-27 10:00 Paris): 0.6000; 61 s → 120 s; 120 × 0.6 / 60 = 1.2
  { id: 'premium-open', record: voice({ trunk: 'TGD1', duration_s: '61', b_number: '33891234567', start_time: '2026-02-27T09:00:00Z' }), expect: { amount: '1.2', billed: 120, zone: 'France Premium' } },
  // 3312 matches no deck prefix
  { id: 'unknown', record: voice({ trunk: 'TGD1', duration_s: '61', b_number: '441632960999' }), expect: { suspense: 'no-zone' } },
  // sms: 2 × 0.0050 = 0.01; 1 × 0.0100 = 0.01
  { id: 'sms-fr', record: sms({ trunk: 'TGD1', units: '2' }), expect: { amount: '0.01', zone: 'France Mobile' } },
  { id: 'sms-uk', record: sms({ trunk: 'TGD1', units: '1', b_number: '447700900123' }), expect: { amount: '0.01', zone: 'UK Mobile' } },
];

describe('rating from a deck', () => {
  let plans: HashedAgreementPlan[];
  let batch: Batch;
  beforeAll(async () => {
    const files: Record<string, string> = { 'decks/voice.csv': VOICE_DECK, 'decks/sms.csv': SMS_DECK };
    const r = compile([{ uri: 'deck.icx', text: TEXT }], { readFile: (u) => files[u] });
    expect(r.diagnostics.map((d) => `${d.uri}:${d.range.start.line} ${d.code} ${d.message}`)).toEqual([]);
    plans = r.compiled.plans;
    batch = await rateBatch(plans, cases.map((c) => ({ ...c.record, record_id: c.id })));
  });

  it('every record comes out exactly once: in = rated + suspense', () => {
    expect(batch.ratedCount + batch.suspenseCount).toBe(cases.length);
  });
  for (const c of cases) it(c.id, () => checkCase(batch, c.id, c.expect));
  it('a closed prefix says where it was closed', () => {
    expect(batch.suspense.get('premium-closed')!.detail).toBe(
      'prefix 3389 (France Premium) of DECK-1 service term is closed from 2026-03-01 (decks/voice.csv:6)',
    );
  });
});

// A deck row's increments replace first/next only: the service's minimum still applies, and a
// call split across a band boundary is billed by the start line's increments.
const SPLIT_DECK = `prefix,destination,rate,effective_date,increments
336,France Mobile,0.6000,2026-01-01,1/1
`;
const SPLIT_TEXT = agreement(
  { id: 'DECK-2', trunks: 'TGD2' },
  `  service term voice payable {
    billing 60/60 minimum 30s
    calls across a band boundary are split at the boundary
    rates from deck "decks/split.csv"
  }`,
).replace(/  zones \{[^}]*\}\n/, '');

const splitCases: { id: string; record: UsageRecord; expect: Expected }[] = [
  // 10 s: m = max(10, 30) = 30; 1/1 → 30 s (not 60 by the service's 60/60); 30 × 0.6 / 60 = 0.3
  { id: 'minimum', record: voice({ trunk: 'TGD2', duration_s: '10' }), expect: { amount: '0.3', billed: 30 } },
  // 61 s → 61 s at 1/1; 61 × 0.6 / 60 = 0.61
  { id: 'per-second', record: voice({ trunk: 'TGD2', duration_s: '61' }), expect: { amount: '0.61', billed: 61 } },
  // Monday 19:59:30 Paris (18:59:30Z) for 61 s: 30 s peak + 31 s offpeak, both 0.6000 (a deck row
  // prices every band); billed 61 at 1/1; 30 × 0.6 / 60 + 31 × 0.6 / 60 = 0.3 + 0.31 = 0.61
  { id: 'split', record: voice({ trunk: 'TGD2', duration_s: '61', start_time: '2026-03-02T18:59:30Z' }), expect: { amount: '0.61', billed: 61 } },
];

describe('deck increments with a minimum and the split rule', () => {
  let batch: Batch;
  beforeAll(async () => {
    const r = compile([{ uri: 'split.icx', text: SPLIT_TEXT }], { readFile: (u) => (u === 'decks/split.csv' ? SPLIT_DECK : undefined) });
    expect(r.diagnostics.map((d) => `${d.uri}:${d.range.start.line} ${d.code} ${d.message}`)).toEqual([]);
    batch = await rateBatch(r.compiled.plans, splitCases.map((c) => ({ ...c.record, record_id: c.id })));
  });
  it('in = rated + suspense', () => expect(batch.ratedCount + batch.suspenseCount).toBe(splitCases.length));
  for (const c of splitCases) it(c.id, () => checkCase(batch, c.id, c.expect));
  it('the split call names both band lines', () => {
    expect(String(batch.rated.get('split')!.clause)).toBe('term/France Mobile/peak/2026-01-01 + term/France Mobile/offpeak/2026-01-01');
  });
});
