// Test helpers for test/reconcile/invoice*.test.ts: a small agreement (UTC, no time bands, 60/60)
// with a chosen dispute tolerance, hand-built usage rated into a fresh store, and a partner
// invoice written to a temp file. Amounts are computed by hand in the tests, not here.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { openStore, rate, type Store } from '../../runtime/index.js';
import { agreement, compileAgreements, type UsageRecord } from '../support/agreement-snippets.js';

/**
 * FIXED 0.0100 EUR/min until 2026-03-31 and 0.0120 from 2026-04-01; MOBILE 0.0200; EU 0.0123;
 * record rounding half-up 6 decimals (default), invoice line half-up to the cent (default).
 */
export function reconAgreement(tolerance: string | null): HashedAgreementPlan[] {
  const text = agreement(
    {
      id: 'T-RECON', trunks: 'TT1', timezone: 'UTC', holidays: null, timebands: null,
      zones: '\n    FIXED   33 1\n    MOBILE  33 6\n    EU      49',
    },
    [
      '  service voice-termination voice payable {',
      '    billing 60/60',
      '    rate FIXED   0.0100 EUR/min',
      '    rate FIXED   0.0120 EUR/min  from 2026-04-01',
      '    rate MOBILE  0.0200 EUR/min',
      '    rate EU      0.0123 EUR/min',
      '  }',
      '  service voice-origination voice receivable {',
      '    billing 60/60',
      '    rate any 0.0050 EUR/min',
      '  }',
      tolerance === null ? '' : `  settlement {\n    dispute tolerance ${tolerance}\n  }`,
    ].join('\n'),
  );
  return compileAgreements([text]);
}

const out = (id: string, b: string, start: string, seconds: number): UsageRecord => ({
  record_id: id, trunk: 'TT1', direction: 'out', kind: 'voice', a_number: '441632960001', b_number: b, start_time: start, duration_s: String(seconds),
});

/**
 * March 2026, all payable:
 *  F-1..F-4  FIXED, 2, 3, 4 and 5 March, 600 s each = 10 min: 4 × 10 × 0.0100 = 0.40
 *  M-1..M-3  MOBILE, 2, 3, 4 March, 61 s each → 120 s: 3 × 2 × 0.0200 = 0.12 (actual 183 s)
 *  E-1..E-3  EU, 2 March, 60 s each: 3 × 0.0123 = 0.0369 → half-up to the cent 0.04
 * Our statement: FIXED 0.40 + MOBILE 0.12 + EU 0.04 = 0.56 EUR.
 */
export const MARCH: UsageRecord[] = [
  out('F-1', '33140000001', '2026-03-02T10:00:00Z', 600),
  out('F-2', '33140000002', '2026-03-03T10:00:00Z', 600),
  out('F-3', '33140000003', '2026-03-04T10:00:00Z', 600),
  out('F-4', '33140000004', '2026-03-05T10:00:00Z', 600),
  out('M-1', '33600000001', '2026-03-02T11:00:00Z', 61),
  out('M-2', '33600000002', '2026-03-03T11:00:00Z', 61),
  out('M-3', '33600000003', '2026-03-04T11:00:00Z', 61),
  out('E-1', '4930000001', '2026-03-02T12:00:00Z', 60),
  out('E-2', '4930000002', '2026-03-02T12:05:00Z', 60),
  out('E-3', '4930000003', '2026-03-02T12:10:00Z', 60),
];

export async function ratedStore(plans: HashedAgreementPlan[], records: UsageRecord[]): Promise<Store> {
  const store = await openStore(':memory:');
  const res = await rate(store, { plans, usage: [{ rows: records as never, name: 'march' }], progress: false });
  if (!res.balanced || res.suspenseCount !== 0) throw new Error(`test usage did not all rate: ${res.suspenseCount} suspense`);
  return store;
}

/** Writes `text` as `name` in a fresh temp dir; returns the path. */
export function invoiceFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'icx-recon-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

export const HEADER = 'service,zone,band,records,quantity,unit,rate,amount';
