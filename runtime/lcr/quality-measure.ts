// ASR and ACD of each supplier, measured from our rated traffic in an icx store over a window:
// the supplier's payable voice service, outbound records (direction out), each record once in
// its latest rating (runtime/billing/usage-lines.ts LATEST: the rule invoices and the traffic
// report apply), per zone. The window is in local dates of the agreement's time zone, as
// rated.local_start is. Counting rule and arithmetic: runtime/lcr/quality.ts.
import { LATEST } from '../billing/usage-lines.js';
import { queryJson, type Store } from '../store/store.js';
import { D } from './call-cost.js';
import { LcrError } from './errors.js';
import { localTime } from './local-time.js';
import { measureKey, type MeasuredQuality, type QualityCounts, type SupplierMeasure } from './quality.js';
import type { Candidate } from './suppliers.js';

/** $1 agreement id, $2/$3 local timestamps [from, to), $4 the service. */
const QUALITY_SQL = `${LATEST}
SELECT zone, count(*) AS attempts,
       count(*) FILTER (WHERE duration_s > 0) AS answered,
       CAST(coalesce(sum(duration_s) FILTER (WHERE duration_s > 0), 0) AS VARCHAR) AS answered_seconds
FROM latest WHERE service = $4 AND direction = 'out'
GROUP BY zone ORDER BY zone`;

/**
 * The window: `days` whole local days before the local date of --at (--quality-window, so
 * `--at 2026-03-15T10:00 --quality-window 30` is 2026-02-13..2026-03-14 and the day of --at
 * itself, still under way, is not counted), or explicit local dates (--quality-from/--quality-to).
 */
export type QualityWindow = { days: number } | { from: string; to: string };

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export function windowOf(w: QualityWindow, at: Date, timeZone: string): { from: string; to: string } {
  if ('from' in w) return w;
  const d = localTime(at, timeZone).date;
  return { from: addDays(d, -w.days), to: addDays(d, -1) };
}

/** Checks an explicit window (YYYY-MM-DD dates, from ≤ to). */
export function explicitWindow(from: string, to: string): QualityWindow {
  for (const [opt, v] of [['--quality-from', from], ['--quality-to', to]] as const) {
    const ok = /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
    if (!ok) throw new LcrError(`${opt}: \`${v}\` is not a date written YYYY-MM-DD`, 'usage');
  }
  if (from > to) throw new LcrError(`--quality-from ${from} is after --quality-to ${to}`, 'usage');
  return { from, to };
}

export async function measureQuality(store: Store, candidates: readonly Candidate[], at: Date, w: QualityWindow, minAttempts: number): Promise<MeasuredQuality> {
  const bySupplier = new Map<string, SupplierMeasure>();
  for (const c of candidates) {
    const { from, to } = windowOf(w, at, c.plan.timezone);
    const rows = await queryJson(store, QUALITY_SQL, [c.plan.id, `${from} 00:00:00`, `${addDays(to, 1)} 00:00:00`, c.service.name]);
    const zones = new Map<string, QualityCounts>();
    const total: QualityCounts = { attempts: 0, answered: 0, answeredSeconds: '0' };
    for (const r of rows) {
      const z: QualityCounts = { attempts: Number(r.attempts), answered: Number(r.answered), answeredSeconds: String(r.answered_seconds) };
      zones.set(String(r.zone), z);
      total.attempts += z.attempts;
      total.answered += z.answered;
      total.answeredSeconds = new D(total.answeredSeconds).plus(z.answeredSeconds).toFixed(); // exact, never a JS number
    }
    bySupplier.set(measureKey(c.plan.id, c.service.name), { from, to, total, zones });
  }
  return { bySupplier, minAttempts };
}
