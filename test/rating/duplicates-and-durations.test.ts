// Suspense for records that must not be billed as given: a record id read a second time in one
// run (the first reading is rated, every later one is `duplicate-record`, never billed twice),
// and a call longer than a day (`implausible-duration`: a broken switch clock, not a call).
// docs/internal-contracts.md "Suspense reason codes".
import { describe, expect, it } from 'vitest';
import { openStore, queryJson, rate } from '../../runtime/index.js';
import { rateRecords } from '../support/rate-snippet.js';
import { agreement, compileAgreements, voice } from '../support/agreement-snippets.js';

const plans = compileAgreements([agreement({ id: 'DUP', trunks: 'TG701' }, `  service term voice payable {
    billing 60/60
    rate any 0.0120 EUR/min
  }`)]);

describe('duplicated record ids within a run', () => {
  it('rates the first reading and suspends every later one, naming where the first was read', async () => {
    const { rated, suspense } = await rateRecords(plans, [
      voice({ record_id: 'A', trunk: 'TG701', duration_s: '60' }), // line 1: 1 min × 0.0120 = 0.012000
      voice({ record_id: 'B', trunk: 'TG701', duration_s: '120' }), // line 2: 2 min × 0.0120 = 0.024000
      voice({ record_id: 'A', trunk: 'TG701', duration_s: '600' }), // line 3: the id of line 1 again
      voice({ record_id: 'A', trunk: 'TG701', duration_s: '60' }), // line 4: and again, identical to line 1
    ]);
    expect(rated.map((r) => [r.record_id, r.source_line, r.amount])).toEqual([['A', '1', '0.012000'], ['B', '2', '0.024000']]);
    expect(suspense.map((s) => [s.record_id, s.source_line, s.reason, s.detail])).toEqual([
      ['A', '3', 'duplicate-record', 'record_id "A" was already read at line 1 of this run'],
      ['A', '4', 'duplicate-record', 'record_id "A" was already read at line 1 of this run'],
    ]);
  });

  it('a duplicate in a later source names the source the first reading came from', async () => {
    const store = await openStore(':memory:');
    try {
      const x = voice({ record_id: 'X', trunk: 'TG701', duration_s: '60' });
      const res = await rate(store, { plans, usage: [{ rows: [x], name: 'first.csv' }, { rows: [x], name: 'second.csv' }], progress: false });
      expect([res.inCount, res.ratedCount, res.suspenseCount]).toEqual([2, 1, 1]);
      const rows = await queryJson(store, `SELECT source_file, source_line, reason, detail FROM suspense`);
      expect(rows).toEqual([{ source_file: 'second.csv', source_line: '1', reason: 'duplicate-record', detail: 'record_id "X" was already read at line 1 of usage source #1 of this run' }]);
    } finally {
      await store.close();
    }
  });
});

describe('durations longer than a day', () => {
  it('86,400 s is rated (1,440 min × 0.0120 = 17.280000); 86,401 s and more are implausible-duration', async () => {
    const { rated, suspense } = await rateRecords(plans, [
      voice({ record_id: 'day', trunk: 'TG701', duration_s: '86400' }),
      voice({ record_id: 'over', trunk: 'TG701', duration_s: '86400.5' }), // rounds up to 86,401 s
      voice({ record_id: 'huge', trunk: 'TG701', duration_s: '30000000' }),
    ]);
    expect(rated.map((r) => [r.record_id, r.amount])).toEqual([['day', '17.280000']]);
    expect(suspense.map((s) => [s.record_id, s.reason, s.detail])).toEqual([
      ['over', 'implausible-duration', 'duration_s 86400.5 is longer than a day (86400 s)'],
      ['huge', 'implausible-duration', 'duration_s 30000000 is longer than a day (86400 s)'],
    ]);
  });
});
