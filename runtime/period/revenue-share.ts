// The revenue share of one service in one month, aggregated by DuckDB over period_retail
// (REVENUE_SHARE_SQL): one row comes back, however many subscribers the partner has.
import { REVENUE_SHARE_SQL } from '../../compiler/sql/period-digital-sql.js';
import { queryJson, type Store } from '../store/store.js';
import { X, type ShareResult } from './digital-math.js';

export interface ShareQuery {
  agreementId: string;
  service: string;
  /** local dates: [start, endExclusive) */
  start: string;
  endExclusive: string;
  /** the share, a percentage as written (`70`) */
  percent: string;
  /** the floor per subscriber and month; null = none */
  floor: string | null;
}

/**
 * Revenue share per subscriber: percent × net, raised to `floor` per subscriber when one is
 * stated. A negative net (refunds beyond the month's sales) gives a negative share: it is a
 * clawback of what was paid before, unless the floor raises it.
 */
export async function revenueShareOf(store: Store, q: ShareQuery): Promise<ShareResult> {
  const rate = new X(q.percent).div(100);
  const [row] = await queryJson(store, REVENUE_SHARE_SQL, [q.agreementId, q.service, q.start, q.endExclusive, rate.toFixed(), q.floor]);
  const net = new X(String(row!.net));
  return {
    net,
    share: net.times(rate),
    floorTopUp: new X(String(row!.floor_top_up)),
    raised: Number(row!.raised),
    subscribers: Number(row!.subscribers),
  };
}
