// Crash consistency in CI: a few SIGKILLs at seeded random points of `icx rate` and `icx bill`
// (kill-harness.ts; `npm run reliability -- --kills N` runs many more). After every kill the store
// opens, every rating run balances, no run is partial and no output file is half-written; the
// re-run to completion gives the reference run's totals and byte-identical outputs and documents.
import { describe, expect, it } from 'vitest';
import { runKillHarness } from './kill-harness.js';

describe('SIGKILL at random points of icx rate and icx bill', () => {
  it('leaves a consistent store and whole outputs, and the re-run equals an uninterrupted run', async () => {
    const report = await runKillHarness({ kills: 10, seed: 2026, records: 5000 });
    expect(report.violations).toEqual([]);
    expect(report.kills).toBe(10);
    expect(report.completedRuns).toBeGreaterThan(0);
    // a staging folder left by a kill is removed by the next complete run
    expect(report.staleStaging).toBe(0);
  }, 900_000);
});
