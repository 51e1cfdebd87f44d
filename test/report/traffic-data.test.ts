// The traffic report's figures (runtime/report/traffic-data.ts) on the fixture store of
// fixture.ts, every one worked out by hand from the records there and the rating rules of
// docs/internal-contracts.md. Amounts per record (4 decimals, half-up):
//   REP-ORANGE term 60/60: A1 61 s → 120 s; run 1 at peak 0.0300 = 0.0600, run 2 at 0.0400 = 0.0800 (counts: latest run)
//     A2 30 s → 60 s offpeak 0.0120; A3 0 s → free 0; A4 125.5 s → 126 → 180 s FR-FIXED 3 × 0.0100 = 0.0300
//     A5 local 2026-04-01 00:30 (April, not counted); A6 local 2026-03-01 00:30 → 60 s offpeak 0.0120
//     S1 (run 2) 60 s peak 0.0400 (it was in suspense no-zone in run 1: no longer counted there)
//   REP-ORANGE orig 1/1: B1 90 s × 0.0060 / 60 = 0.0090; B2 0 s → 0
//   REP-ORANGE sms-out: C1 3 × 0.0050 = 0.0150
//   REP-US term 6/6: D1 31 s → 36 s × 0.0100 / 60 = 0.0060; D2 0 → 0; D3 600 s → 10 × 0.0100 = 0.1000
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../runtime/index.js';
import { trafficReportData, type TrafficReport, type TrafficRow } from '../../runtime/report/traffic-data.js';
import { fixtureStore, PARTNER_NAMES } from './fixture.js';

let store: Store;
let march: TrafficReport;
beforeAll(async () => {
  store = await fixtureStore();
  march = await trafficReportData(store, { period: '2026-03', partnerNames: PARTNER_NAMES });
}, 60_000);
afterAll(async () => store.close());

const row = (rows: TrafficRow[], key: string, direction: string, currency: string) => {
  const r = rows.find((x) => x.key === key && x.direction === direction && x.currency === currency);
  if (!r) throw new Error(`no row ${key} ${direction} ${currency} in ${JSON.stringify(rows.map((x) => [x.key, x.direction, x.currency]))}`);
  return r;
};
const figures = (r: TrafficRow) => ({
  records: r.records, billedSeconds: r.billedSeconds, billedMinutes: r.billedMinutes, units: r.units,
  amount: r.amount.replace(/0+$/, ''), calls: r.calls, answered: r.answered, asr: r.asr, acdSeconds: r.acdSeconds,
});

describe('traffic report data: totals per direction and currency', () => {
  it('never adds two currencies or two directions: three totals', () => {
    expect(march.totals.map((t) => `${t.direction} ${t.currency}`)).toEqual(['payable EUR', 'payable USD', 'receivable EUR']);
    expect(march.empty).toBe(false);
  });

  it('payable EUR: the latest run of A1, S1 rated in run 2, A5 (April) left out', () => {
    // records A1 A2 A3 A4 A6 S1 C1 = 7; billed 120 + 60 + 0 + 180 + 60 + 60 = 480 s = 8.00 min; units 3 (C1)
    // amount 0.0800 + 0.0120 + 0 + 0.0300 + 0.0120 + 0.0400 + 0.0150 = 0.1890
    // calls (voice) 6, answered 5 (A3 has duration 0): ASR 5/6 = 83.33…% → 83.3
    // ACD (61 + 30 + 125.5 + 60 + 60) / 5 = 336.5 / 5 = 67.3 s
    expect(figures(row(march.totals, '', 'payable', 'EUR'))).toEqual({
      records: 7, billedSeconds: '480', billedMinutes: '8.00', units: '3', amount: '0.189',
      calls: 6, answered: 5, asr: '83.3', acdSeconds: '67.3',
    });
  });

  it('receivable EUR and payable USD', () => {
    // B1 + B2: 2 records, 90 s = 1.50 min, 0.0090; 1 of 2 answered = 50.0%; ACD 90 / 1 = 90.0
    expect(figures(row(march.totals, '', 'receivable', 'EUR'))).toEqual({
      records: 2, billedSeconds: '90', billedMinutes: '1.50', units: '0', amount: '0.009',
      calls: 2, answered: 1, asr: '50.0', acdSeconds: '90.0',
    });
    // D1 D2 D3: 36 + 0 + 600 = 636 s = 10.60 min; 0.0060 + 0 + 0.1000 = 0.1060; 2 of 3 answered = 66.66…% → 66.7;
    // ACD (31 + 600) / 2 = 315.5
    expect(figures(row(march.totals, '', 'payable', 'USD'))).toEqual({
      records: 3, billedSeconds: '636', billedMinutes: '10.60', units: '0', amount: '0.106',
      calls: 3, answered: 2, asr: '66.7', acdSeconds: '315.5',
    });
  });
});

describe('traffic report data: per partner, zone, band, day and kind', () => {
  it('names partners by the agreements given, and lists their agreements', () => {
    expect(march.byPartner.map((r) => `${r.key} ${r.direction} ${r.currency} ${r.agreements.join('+')}`)).toEqual([
      'ORANGE payable EUR REP-ORANGE', 'TELCOUS payable USD REP-US', 'ORANGE receivable EUR REP-ORANGE',
    ]);
    // ORANGE payable = the payable EUR total above (its only agreement): 0.1890
    expect(row(march.byPartner, 'ORANGE', 'payable', 'EUR').amount.replace(/0+$/, '')).toBe('0.189');
  });

  it('per zone, with outcomes', () => {
    // FR-MOBILE payable: A1 A2 A3 A6 S1 = 5; billed 120 + 60 + 0 + 60 + 60 = 300 s = 5.00 min;
    // 0.0800 + 0.0120 + 0 + 0.0120 + 0.0400 = 0.1440; answered 4 of 5 = 80.0%; ACD (61 + 30 + 60 + 60) / 4 = 52.75 → 52.8
    expect(figures(row(march.byZone, 'FR-MOBILE', 'payable', 'EUR'))).toEqual({
      records: 5, billedSeconds: '300', billedMinutes: '5.00', units: '0', amount: '0.144',
      calls: 5, answered: 4, asr: '80.0', acdSeconds: '52.8',
    });
    // FR-FIXED: A4 only, 180 s, 0.0300, ACD 125.5
    expect(figures(row(march.byZone, 'FR-FIXED', 'payable', 'EUR'))).toMatchObject({ records: 1, billedSeconds: '180', amount: '0.03', acdSeconds: '125.5' });
  });

  it('top destinations by minutes (across currencies) and by amount (within each currency and direction)', () => {
    // US 636 s > FR-MOBILE 300 s > FR-FIXED 180 s > any (receivable, B1) 90 s; the sms zone (any, payable) has no minutes
    expect(march.topZonesByMinutes.map((r) => `${r.key} ${r.direction}`)).toEqual(['US payable', 'FR-MOBILE payable', 'FR-FIXED payable', 'any receivable']);
    // payable EUR: FR-MOBILE 0.1440 > FR-FIXED 0.0300 > any (C1) 0.0150; payable USD: US; receivable EUR: any
    expect(march.topZonesByAmount.map((r) => `${r.key} ${r.direction} ${r.currency}`)).toEqual([
      'FR-MOBILE payable EUR', 'FR-FIXED payable EUR', 'any payable EUR', 'US payable USD', 'any receivable EUR',
    ]);
  });

  it('per band: the band at the start of the call', () => {
    // offpeak payable EUR: A2 (Sat) and A6 (Sun 00:30): 2 records, 120 s, 0.0120 + 0.0120 = 0.0240
    expect(figures(row(march.byBand, 'offpeak', 'payable', 'EUR'))).toMatchObject({ records: 2, billedSeconds: '120', amount: '0.024' });
    // REP-US has no time bands: band any
    expect(row(march.byBand, 'any', 'payable', 'USD').records).toBe(3);
  });

  it('per local day: A6 started 2026-02-28 23:30 UTC, 1 March in Paris', () => {
    // 2026-03-01: A6 only (60 s, 0.0120); 2026-03-02 payable: A1 0.0800 + A3 0 = 0.0800 (2 records, 120 s)
    expect(figures(row(march.byDay, '2026-03-01', 'payable', 'EUR'))).toMatchObject({ records: 1, billedSeconds: '60', amount: '0.012' });
    expect(figures(row(march.byDay, '2026-03-02', 'payable', 'EUR'))).toMatchObject({ records: 2, billedSeconds: '120', amount: '0.08' });
    // D1, D2 (10 March New York) and D3 (11 March): 2 + 1
    expect(row(march.byDay, '2026-03-10', 'payable', 'USD').records).toBe(2);
    expect(march.byDay.every((r) => r.key >= '2026-03-01' && r.key <= '2026-03-31')).toBe(true);
    expect(march.byDay.map((r) => r.key)).toEqual([...march.byDay.map((r) => r.key)].sort());
  });

  it('per kind, and the runs counted', () => {
    // sms payable EUR: C1, 3 units, 0.0150
    expect(figures(row(march.byKind, 'sms', 'payable', 'EUR'))).toMatchObject({ records: 1, units: '3', amount: '0.015' });
    // run 1: A2 A3 A4 A6 B1 B2 C1 D1 D2 D3 = 10 (its A1 is superseded, A5 is April); run 2: A1 S1 = 2
    expect(march.runs).toEqual([{ runId: 'run-1', records: 10 }, { runId: 'run-2', records: 2 }]);
  });
});

describe('traffic report data: suspense, filters, empty months', () => {
  it('suspense of March by reason: S1 was rated later, S2 has no date, S4 is April', () => {
    expect(march.suspense).toEqual([
      { reason: 'no-agreement', description: expect.stringContaining('no agreement') as unknown as string, records: 1, voice: 1 },
    ]);
    expect(march.suspenseUndated).toBe(1);
  });

  it('--partner by name (with agreements) or by agreement id', async () => {
    const us = await trafficReportData(store, { period: '2026-03', partner: 'TELCOUS', partnerNames: PARTNER_NAMES });
    expect(us.totals.map((t) => `${t.direction} ${t.currency} ${t.records}`)).toEqual(['payable USD 3']);
    // S3 reached no agreement: not ORANGE's; its own suspense in March is none
    const byId = await trafficReportData(store, { period: '2026-03', partner: 'REP-ORANGE' });
    expect(byId.totals.map((t) => `${t.direction} ${t.currency} ${t.records}`)).toEqual(['payable EUR 7', 'receivable EUR 2']);
    expect(byId.suspense).toEqual([]);
    expect(byId.byPartner.map((r) => r.key)).toEqual(['REP-ORANGE', 'REP-ORANGE']);
  });

  it('an unknown partner is refused, naming those the store has', async () => {
    await expect(trafficReportData(store, { period: '2026-03', partner: 'NOPE', partnerNames: PARTNER_NAMES }))
      .rejects.toThrow(/--partner NOPE: .*\(it has ORANGE, TELCOUS\)/);
  });

  it('April holds A5 and the suspense record S4; May is empty', async () => {
    const april = await trafficReportData(store, { period: '2026-04' });
    // A5 offpeak 60 s 0.0120
    expect(april.totals.map((t) => `${t.direction} ${t.currency} ${t.records} ${t.amount.replace(/0+$/, '')}`)).toEqual(['payable EUR 1 0.012']);
    expect(april.suspense.map((s) => `${s.reason} ${s.records}`)).toEqual(['no-zone 1']);
    const may = await trafficReportData(store, { period: '2026-05' });
    expect(may.empty).toBe(true);
    expect([may.totals, may.byDay, may.suspense]).toEqual([[], [], []]);
  });

  it('a bad period is refused', async () => {
    await expect(trafficReportData(store, { period: '2026-13' })).rejects.toThrow(/--period 2026-13/);
  });
});
