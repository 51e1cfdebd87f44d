// Test helper: rate a handful of usage records against plans in a fresh in-memory store,
// through the same rate() (same SQL) as `icx rate`.
//
//   rateRecords(plans: HashedAgreementPlan[], records: Partial<UsageRow>[], opts?: { assumeTimezone?: string })
//     => Promise<{ rated: RatedRow[]; suspense: SuspenseRow[] }>
//
// Records are usage rows by the contract's column names (record_id, trunk, direction out|in,
// kind voice|sms, a_number, b_number, start_time, duration_s, units, agreement, service);
// values are strings (numbers are accepted and turned into strings). Rows come back in
// input order. Every RatedRow field is a string or null: amount is an exact decimal string
// with exactly the service's rounding decimals (e.g. "0.024600"), billed_seconds an
// integer string ("120"; null for sms). SuspenseRow carries the reason code and detail.
// The run must balance (in = rated + suspense) or rateRecords throws.
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { openStore, queryJson, rate, type UsageRow } from '../../runtime/index.js';

export type { UsageRow };

export interface RatedRow {
  record_id: string | null;
  source_file: string;
  source_line: string;
  agreement_id: string;
  agreement_version: string;
  plan_hash: string;
  service: string;
  kind: string;
  direction: string;
  zone: string;
  band: string | null;
  clause: string;
  rate_source: string | null;
  /** UTC instant, ISO 8601 with offset (e.g. "2026-03-02T09:00:00Z") */
  start_time: string;
  /** wall-clock start in the agreement's zone, "YYYY-MM-DD HH:MM:SS" */
  local_start: string;
  duration_s: string | null;
  billed_seconds: string | null;
  units: string | null;
  /** data: the charged volume in bytes (rounded up to the billing unit); null otherwise */
  billed_bytes: string | null;
  amount: string;
  currency: string;
  trunk: string | null;
  a_number: string | null;
  b_number: string;
}

export interface SuspenseRow {
  record_id: string | null;
  source_file: string;
  source_line: string;
  reason: string;
  detail: string;
  agreement_id: string | null;
  /** the record's original fields, as text */
  trunk: string | null;
  direction: string | null;
  kind: string | null;
  a_number: string | null;
  b_number: string | null;
  start_time: string | null;
  duration_s: string | null;
  units: string | null;
  agreement: string | null;
  service: string | null;
}

export interface RateRecordsOptions {
  assumeTimezone?: string;
}

export async function rateRecords(
  plans: HashedAgreementPlan[],
  records: Partial<UsageRow>[],
  opts: RateRecordsOptions = {},
): Promise<{ rated: RatedRow[]; suspense: SuspenseRow[] }> {
  const store = await openStore(':memory:');
  try {
    const res = await rate(store, {
      plans, usage: [{ rows: records, name: 'records' }], runId: 'snippet', progress: false,
      ...(opts.assumeTimezone !== undefined ? { assumeTimezone: opts.assumeTimezone } : {}),
    });
    const rated = await queryJson(
      store,
      `SELECT record_id, source_file, CAST(source_line AS VARCHAR) AS source_line, agreement_id,
              CAST(agreement_version AS VARCHAR) AS agreement_version, plan_hash, service, kind, direction,
              zone, band, clause, rate_source,
              strftime(start_time, CASE WHEN microsecond(start_time) % 1000000 = 0 THEN '%Y-%m-%dT%H:%M:%SZ' ELSE '%Y-%m-%dT%H:%M:%S.%fZ' END) AS start_time,
              strftime(local_start, '%Y-%m-%d %H:%M:%S') AS local_start,
              CAST(duration_s AS VARCHAR) AS duration_s, CAST(billed_seconds AS VARCHAR) AS billed_seconds,
              CAST(units AS VARCHAR) AS units, CAST(billed_bytes AS VARCHAR) AS billed_bytes,
              CAST(amount AS VARCHAR) AS amount_rounded, amount_decimals,
              currency, trunk, a_number, b_number
       FROM rated WHERE run_id = $1 ORDER BY seq`,
      [res.runId],
    );
    const suspense = await queryJson(
      store,
      `SELECT record_id, source_file, CAST(source_line AS VARCHAR) AS source_line, reason, detail, agreement_id,
              trunk, direction, kind, a_number, b_number, start_time, duration_s, units, agreement, service
       FROM suspense WHERE run_id = $1 ORDER BY seq`,
      [res.runId],
    );
    return {
      rated: rated.map((r) => {
        const { amount_rounded, amount_decimals, ...rest } = r;
        return { ...rest, amount: fixDecimals(String(amount_rounded), Number(amount_decimals)) } as unknown as RatedRow;
      }),
      suspense: suspense as unknown as SuspenseRow[],
    };
  } finally {
    await store.close();
  }
}

/**
 * "0.500001000" with 6 decimals → "0.500001": pads, and trims only zeros. A non-zero digit
 * beyond the declared places is kept, so an amount the engine failed to round shows as it is
 * and the test comparing it fails, instead of being cut to look right.
 */
function fixDecimals(s: string, decimals: number): string {
  const [int, frac = ''] = s.split('.');
  const kept = frac.slice(0, decimals).padEnd(decimals, '0');
  const beyond = frac.slice(decimals).replace(/0+$/, '');
  const digits = kept + beyond;
  return digits === '' ? int! : `${int}.${digits}`;
}
