// Test helper for `icx reconcile cdrs`: our records rated into a fresh in-memory store by the
// real rate(), their CDRs written as a CSV file, then reconcileCdrs() as the CLI calls it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { compile } from '../../compiler/index.js';
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { openStore, rate, type InlineUsageRow } from '../../runtime/index.js';
import { reconcileCdrs, type CdrReconcileOptions } from '../../runtime/reconcile/cdr-reconcile.js';
import type { FindingCategory, Findings } from '../../runtime/reconcile/findings.js';
import { ROOT } from '../cli/run-cli.js';

/** agreements/acme-orange-fr.icx: voice-termination 60/60, FR-MOBILE peak 0.0123 / offpeak 0.0100 EUR/min, FR-FIXED 0.0045, 4 decimals per record; dispute tolerance 1% or 500 EUR. */
export function orange(): HashedAgreementPlan {
  const text = readFileSync(path.join(ROOT, 'agreements', 'acme-orange-fr.icx'), 'utf8');
  return compileOne(text);
}

export function compileOne(text: string): HashedAgreementPlan {
  const { compiled, diagnostics } = compile([{ uri: 'a.icx', text }]);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(errors.map((d) => `${d.code} ${d.message}`).join('; '));
  return compiled.plans[0]!;
}

/** An outbound call of ours on TG101 (Orange), Monday 2 March 2026 10:00 Paris (peak) by default. */
export function call(id: string, over: Partial<Record<string, string>> = {}): InlineUsageRow {
  return {
    record_id: id, trunk: 'TG101', direction: 'out', kind: 'voice', a_number: '447700900001', b_number: '33612345678',
    start_time: '2026-03-02T09:00:00Z', duration_s: '61', ...over,
  };
}

export type TheirRow = Partial<Record<'record_id' | 'a_number' | 'b_number' | 'start_time' | 'duration_s', string>>;

export function theirCsv(rows: TheirRow[]): string {
  const cols = ['record_id', 'a_number', 'b_number', 'start_time', 'duration_s'] as const;
  return [cols.join(','), ...rows.map((r) => cols.map((c) => r[c] ?? '').join(','))].join('\n') + '\n';
}

/** A their-row for one of our calls (same fields), with overrides. */
export function theirs(ours: InlineUsageRow, over: TheirRow = {}): TheirRow {
  return {
    record_id: String(ours.record_id), a_number: String(ours.a_number), b_number: String(ours.b_number),
    start_time: String(ours.start_time), duration_s: String(ours.duration_s), ...over,
  };
}

export interface Reconciled {
  findings: Findings;
  /** records and theirs − ours per category, summed over its lines */
  count(cat: FindingCategory): number;
  diff(cat: FindingCategory): string;
  dir: string;
}

export async function reconcile(
  plan: HashedAgreementPlan, ourRuns: (InlineUsageRow[] | string)[], their: TheirRow[] | string,
  opts: Partial<CdrReconcileOptions> = {},
): Promise<Reconciled> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'icx-cdr-'));
  const store = await openStore(':memory:');
  try {
    // each element one rating run: inline rows, or a usage file
    for (const [i, rows] of ourRuns.entries()) {
      const usage = typeof rows === 'string' ? { path: rows } : { rows, name: `ours-${i}.csv` };
      await rate(store, { plans: [plan], usage: [usage], runId: `ours-${i}`, progress: false });
    }
    const file = path.join(dir, 'their-cdrs.csv');
    writeFileSync(file, typeof their === 'string' ? their : theirCsv(their));
    const { findings } = await reconcileCdrs(store, { plan, period: '2026-03', file, display: 'their-cdrs.csv', ...opts });
    const lines = (cat: FindingCategory) => findings.lines.filter((l) => l.category === cat);
    return {
      findings, dir,
      count: (cat) => lines(cat).reduce((n, l) => n + ((cat === 'unmatched-ours' ? l.ours?.records : l.theirs?.records) ?? 0), 0),
      diff: (cat) => lines(cat).reduce((d, l) => d.plus(l.difference), new Decimal(0)).toFixed(),
    };
  } finally {
    await store.close();
    if (!opts.outDir) rmSync(dir, { recursive: true, force: true });
  }
}
