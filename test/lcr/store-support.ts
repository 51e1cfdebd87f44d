// Test helper for `icx lcr --store`: rate hand-written usage into a temporary icx store FILE with
// the real rating (runtime/rate.ts, as `icx rate` does), one rating run per batch, and give the
// file back (closed) for the read-only readers of runtime/lcr/quality-store.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { openStore, rate, type UsageRow } from '../../runtime/index.js';

export interface TempStore {
  file: string;
  cleanup: () => void;
}

/** Rates each batch in its own run (a later batch re-rates record ids of an earlier one); every run must balance. */
export async function storeWith(plans: HashedAgreementPlan[], batches: Partial<UsageRow>[][], file?: string): Promise<TempStore> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'icx-lcr-store-'));
  const db = file ?? path.join(dir, 'icx.duckdb');
  const store = await openStore(db);
  try {
    for (const [i, rows] of batches.entries()) {
      const res = await rate(store, { plans, usage: [{ rows, name: `batch${i + 1}` }], runId: `run-${i + 1}`, progress: false });
      if (!res.balanced || res.suspenseCount > 0) throw new Error(`batch ${i + 1}: ${res.ratedCount} rated, ${res.suspenseCount} in suspense (${JSON.stringify(res.suspenseByReason)})`);
    }
  } finally {
    await store.close();
  }
  return { file: db, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

let n = 0;
/** An outbound voice call on a trunk to a B-number, starting at an instant, lasting `seconds` (0 = unanswered). */
export function call(trunk: string, bNumber: string, start: string, seconds: string, id?: string): Partial<UsageRow> {
  return { record_id: id ?? `c${++n}`, trunk, direction: 'out', kind: 'voice', a_number: '441234567890', b_number: bNumber, start_time: start, duration_s: seconds };
}

/** `count` calls: the first `answered` last `seconds` each, the others 0 s. */
export function calls(trunk: string, bNumber: string, start: string, count: number, answered: number, seconds = '60'): Partial<UsageRow>[] {
  return Array.from({ length: count }, (_, i) => call(trunk, bNumber, start, i < answered ? seconds : '0'));
}

/**
 * Calls totalling `seconds` from one start: as many whole days (86,400 s) as fit, then the rest — a
 * record longer than a day is suspense implausible-duration. With 60/60 billing keep the total's
 * remainder a whole minute, so the billed seconds add up to the total.
 */
export function longCall(trunk: string, bNumber: string, start: string, seconds: number): Partial<UsageRow>[] {
  const out: Partial<UsageRow>[] = [];
  for (let left = seconds; left > 0; left -= 86_400) out.push(call(trunk, bNumber, start, String(Math.min(left, 86_400))));
  return out;
}
