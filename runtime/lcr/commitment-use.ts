// What is used so far of OUR commitment to a supplier, read from an icx store (`icx lcr --store`):
// the commitment's current period (month, quarter or year as the agreement states it, in local
// dates of the agreement's time zone, runtime/period/calendar.ts) from its first day up to the
// local wall-clock time of --at, counted as the bill run's commitment-shortfall line counts it
// at period end (runtime/period/compute.ts): the same aggregate SQL (compiler/sql/period-sql.ts,
// each record once, in its latest run), then
//   spend  → the service's rated amount (agreement currency);
//   volume → the service's billed seconds / 60 (minutes).
// Minutes are carried as seconds (used60) so the marginal cost stays exact.
import type { AgreementPlan } from '../../compiler/plan.js';
import { PERIOD_RUNS_SQL, periodAggregateSql } from '../../compiler/sql/index.js';
import { periodOf } from '../period/calendar.js';
import { queryJson, type Store } from '../store/store.js';
import { D, type Dec } from './call-cost.js';
import { localTime } from './local-time.js';
import { measureKey } from './quality.js';
import type { Candidate } from './suppliers.js';

export interface StoreCommitmentUse {
  /** as shown, in the commitment's unit: spend exact, minutes half-up to 6 decimals */
  used: string;
  /** used × 60, exact: spend × 60, or the billed seconds */
  used60: string;
  /** for the notes: `9,999 min used 2026-03-01..2026-03-10 10:00 (store icx.duckdb)` */
  describe: string;
}

/** `1234567.5` → `1,234,567.5` (notes only). */
export function grouped(n: string): string {
  const [i, f] = n.split('.');
  return `${i!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${f !== undefined ? `.${f}` : ''}`;
}

/** The local wall-clock time of `at` in the zone, `YYYY-MM-DD HH:MM:SS` (zone offsets are whole minutes). */
export function localStamp(at: Date, timeZone: string): string {
  const t = localTime(at, timeZone);
  const hh = String(Math.floor(t.minute / 60)).padStart(2, '0');
  const mm = String(t.minute % 60).padStart(2, '0');
  return `${t.date} ${hh}:${mm}:${String(at.getUTCSeconds()).padStart(2, '0')}`;
}

/**
 * measureKey(agreement, service) → what is used, for every supplier with a commitment of ours
 * the store can measure. Notes say what could not be read (another currency, another unit).
 */
export async function commitmentUseFromStore(
  store: Store, candidates: readonly Candidate[], at: Date, storeName: string, notes: string[],
): Promise<Map<string, StoreCommitmentUse>> {
  const out = new Map<string, StoreCommitmentUse>();
  for (const { plan, service, localDate } of candidates) {
    const c = plan.commitments?.find((x) => x.service === service.name && x.committedBy === 'us');
    if (!c) continue;
    if (c.basis === 'spend' && c.unit !== plan.currency) {
      notes.push(`${plan.id}: the commitment is in ${c.unit}, rated amounts are in ${plan.currency}: its use is not read from the store`);
      continue;
    }
    if (c.basis === 'volume' && c.unit !== 'min') continue; // commitmentCredit says why it is not applied
    const period = periodOf(c.period, { year: Number(localDate.slice(0, 4)), month: Number(localDate.slice(5, 7)) });
    const until = localStamp(at, plan.timezone);
    const { amount, seconds } = await serviceUsage(store, plan, service.name, `${period.start} 00:00:00`, until);
    const window = `${period.start}..${until.slice(0, 16)}`;
    const where = `(store ${storeName})`;
    if (c.basis === 'spend') {
      const tiered = service.tiered ? '; tier adjustments come at period end, so a tiered service counts at its provisional tier-1 price' : '';
      out.set(measureKey(plan.id, service.name), {
        used: amount.toFixed(), used60: amount.times(60).toFixed(),
        describe: `${grouped(amount.toFixed())} ${c.unit} spent ${window} ${where}${tiered}`,
      });
    } else {
      const minutes = seconds.div(60).toDecimalPlaces(6, D.ROUND_HALF_UP).toFixed();
      out.set(measureKey(plan.id, service.name), {
        used: minutes, used60: seconds.toFixed(),
        describe: `${grouped(minutes)} min used ${window} ${where}`,
      });
    }
  }
  return out;
}

/** The rated amount and billed seconds of one service in [from, until) local time: the period charges' SQL. */
async function serviceUsage(store: Store, plan: AgreementPlan, service: string, from: string, until: string): Promise<{ amount: Dec; seconds: Dec }> {
  const params = [plan.id, from, until, null, null];
  const [runs] = await queryJson(store, PERIOD_RUNS_SQL, params);
  const rows = await queryJson(store, periodAggregateSql(Number(runs?.runs ?? 0) > 1), params);
  let amount = new D(0);
  let seconds = new D(0);
  for (const r of rows) {
    if (r.service !== service) continue;
    amount = amount.plus(String(r.amount));
    seconds = seconds.plus(String(r.billed_seconds));
  }
  return { amount, seconds };
}
