// Every expected amount is computed by hand in the comment beside it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../index.js';
import { PERIOD_RETAIL_DDL } from './retail-input.js';
import { revenueShareOf } from './revenue-share.js';

let store: Store;
beforeEach(async () => {
  store = await openStore(':memory:');
  await store.connection.run(PERIOD_RETAIL_DDL);
});
afterEach(async () => store.close());

/** One retail line per subscriber with the given net (as gross), in March, then the share. */
async function share(nets: string[], percent: string, floor: string | null) {
  for (const [i, net] of nets.entries()) {
    await store.connection.run(
      `INSERT INTO period_retail (file, line, record_id, agreement_id, service, subscriber, date, gross, taxes, refunds, currency)
       VALUES ('r.csv', $1, $2, 'A', 'tv', $3, DATE '2026-03-05', CAST($4 AS DECIMAL(38,9)), 0, 0, 'EUR')`,
      [i + 2, `r${i}`, `S${i}`, net],
    );
  }
  return revenueShareOf(store, { agreementId: 'A', service: 'tv', start: '2026-03-01', endExclusive: '2026-04-01', percent, floor });
}

describe('revenue share, aggregated by DuckDB over the retail lines', () => {
  it('shares a percentage of net retail and raises each subscriber to the floor', async () => {
    // nets 10.00, 2.00, -1.00 at 70%: shares 7.00, 1.40, -0.70; floor 2.50:
    // top-ups 0, 2.50 − 1.40 = 1.10, 2.50 − (−0.70) = 3.20 → 4.30; share 0.7 × 11.00 = 7.70
    // total 7.70 + 4.30 = 12.00 = 7.00 + 2.50 + 2.50
    const r = await share(['10.00', '2.00', '-1.00'], '70', '2.50');
    expect(r.net.toFixed()).toBe('11');
    expect(r.share.toFixed()).toBe('7.7');
    expect(r.floorTopUp.toFixed()).toBe('4.3');
    expect(r.raised).toBe(2);
    expect(r.subscribers).toBe(3);
  });

  it('keeps a negative net as a clawback when no floor is stated', async () => {
    // 70% × (5.00 − 8.00) = −2.10
    const r = await share(['5.00', '-8.00'], '70', null);
    expect(r.share.toFixed()).toBe('-2.1');
    expect(r.floorTopUp.toFixed()).toBe('0');
  });
});
