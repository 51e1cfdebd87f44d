// Inbound traffic outside the agreement (issue 7, fourth bullet), on hand-built usage: what rating
// does with each record is stated beside it (docs/internal-contracts.md "Finding the agreement").
import { describe, expect, it } from 'vitest';
import { openStore, rate } from '../../runtime/index.js';
import { checkInboundTraffic, trafficReport } from '../../runtime/reconcile/traffic-check.js';
import { agreement, compileAgreements, type UsageRecord } from '../support/agreement-snippets.js';

// interconnect IC-P1 on trunk TT1 carries voice only; the agreement prices inbound voice and sms
const plans = compileAgreements([
  agreement({ id: 'P1', trunks: 'TT1', timezone: 'UTC', holidays: null, timebands: null }, `
  service voice-origination voice receivable {
    billing 60/60
    rate any 0.0050 EUR/min
  }
  service sms-in sms receivable {
    rate any 0.0050 EUR/msg
  }`).replace('traffic voice sms', 'traffic voice'),
]);

const rec = (id: string, over: UsageRecord): UsageRecord => ({
  record_id: id, trunk: 'TT1', direction: 'in', kind: 'voice', a_number: '33612345678', b_number: '447700900123',
  start_time: '2026-03-02T10:00:00Z', duration_s: '60', ...over,
});

const USAGE: UsageRecord[] = [
  // pre-assigned to P1 on trunk TT9, which P1 does not list: RATED (1 min × 0.0050 = 0.005)
  rec('A-1', { trunk: 'TT9', agreement: 'P1' }),
  rec('A-2', { trunk: 'TT9', agreement: 'P1', start_time: '2026-03-03T10:00:00Z' }),
  // an SMS on TT1, whose interconnect carries voice only: RATED (1 msg × 0.0050 = 0.005)
  rec('B-1', { kind: 'sms', duration_s: '', units: '1' }),
  // an event on TT1: P1 has no inbound event service → suspense no-service
  rec('C-1', { kind: 'event', duration_s: '', units: '1' }),
  // voice on TT7, no agreement's trunk → suspense no-agreement
  rec('D-1', { trunk: 'TT7' }),
  // inside the agreement: not reported
  rec('E-1', {}),
  // outbound on TT1 (no payable service: no-service), and TT7 in April: not this report's
  rec('F-1', { direction: 'out' }),
  rec('G-1', { trunk: 'TT7', start_time: '2026-04-02T10:00:00Z' }),
];

describe('icx reconcile traffic: inbound traffic outside the agreement', () => {
  it('reports pre-assigned records on unlisted trunks, kinds not carried, kinds not covered and unknown trunks', async () => {
    const store = await openStore(':memory:');
    try {
      const res = await rate(store, { plans, usage: [{ rows: USAGE as never, name: 'inbound' }], progress: false });
      // in 8 = rated 4 (A-1, A-2, B-1, E-1) + suspense 4 (C-1, D-1, F-1, G-1)
      expect([res.inCount, res.ratedCount, res.suspenseCount]).toEqual([8, 4, 4]);
      const c = await checkInboundTraffic(store, plans, 'ORANGE', '2026-03');
      expect(c.agreements).toEqual(['P1']);
      expect(c.groups.map((g) => [g.issue, g.status, g.trunk, g.kind, g.records, g.amount, g.sample])).toEqual([
        // A-1 + A-2: 2 × 0.005 = 0.01 rated
        ['unlisted-trunk', 'rated', 'TT9', 'voice', 2, '0.01', ['A-1', 'A-2']],
        ['kind-not-carried', 'rated', 'TT1', 'sms', 1, '0.005', ['B-1']],
        ['kind-not-covered', 'suspense', 'TT1', 'event', 1, null, ['C-1']],
        ['unknown-trunk', 'suspense', 'TT7', 'voice', 1, null, ['D-1']],
      ]);
      expect(c.groups.map((g) => g.explanation)).toEqual([
        'rated under P1 (pre-assigned) though trunk TT9 is not one of its trunks (TT1)',
        'rated under P1 though interconnect IC-P1 (trunk TT1) carries voice only, not sms',
        'suspense no-service: P1 has no inbound event service',
        "suspense no-agreement: no agreement lists trunk TT7 (the records do not say which partner sent them; any partner's)",
      ]);
      expect(trafficReport(c).split('\n')[1]).toBe(
        '- unlisted-trunk (rated): 2 records, 0.01 rated; rated under P1 (pre-assigned) though trunk TT9 is not one of its trunks (TT1); e.g. A-1, A-2',
      );
      // April: only G-1 on an unknown trunk
      const april = await checkInboundTraffic(store, plans, 'ORANGE', '2026-04');
      expect(april.groups.map((g) => [g.issue, g.sample])).toEqual([['unknown-trunk', ['G-1']]]);
      // February: nothing
      expect(trafficReport(await checkInboundTraffic(store, plans, 'ORANGE', '2026-02'))).toContain('none: every inbound record');
    } finally {
      await store.close();
    }
  });
});
