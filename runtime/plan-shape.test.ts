// Guard against the planner trap of ../shared/duckdb-notes.md: every join of the rating
// SQL must be a hash join, never a nested loop (which took minutes at scale).
import { describe, expect, it } from 'vitest';
import { ratingStatements } from '../compiler/sql/index.js';
import { ingestSources } from './ingest/ingest.js';
import { openStore } from './index.js';
import { loadPlans } from './store/load-plans.js';
import { agreementPlan, hashed, voice, voiceService } from './testing/fixtures.js';

describe('rating SQL join plans', () => {
  it('has no nested-loop, piecewise, blockwise, IE or cross-product join', async () => {
    const store = await openStore(':memory:');
    const plans = [hashed(agreementPlan({ services: [voiceService({ boundaryRule: 'split' })] })), hashed(agreementPlan({ id: 'B' }))];
    await ingestSources(store, [{ rows: [voice('a'), voice('b', { start_time: '2026-03-02T19:59:30+01:00', duration_s: 90 })] }]);
    const layout = await loadPlans(store, plans);
    expect(layout.shape.ambiguousAgreements).toBe(true);
    const bad = /NESTED_LOOP|PIECEWISE_MERGE|BLOCKWISE_NL|IE_JOIN|CROSS_PRODUCT/;
    for (const st of ratingStatements(layout.shape).filter((s) => !s.stores)) {
      const body = st.sql.replace(/^CREATE OR REPLACE TEMP (TABLE|VIEW) \w+ AS/, '');
      const param = st.param === 'assume_timezone' ? [null] : undefined;
      const r = await store.connection.runAndReadAll(`EXPLAIN ${body}`, param);
      const text = r.getRows().map((row) => String(row[1])).join('\n');
      // run_tz_offsets crosses the (few) zones with the (few) 15-minute buckets on purpose
      const allowed = st.name === 'zones' ? text.replace(/CROSS_PRODUCT/g, '') : text;
      expect(allowed, st.name).not.toMatch(bad);
      await store.connection.run(st.sql, param);
    }
    await store.close();
  });
});
