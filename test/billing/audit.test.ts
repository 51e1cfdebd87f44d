// The audit log: every bill run, approval and issue appends one entry in its own transaction;
// a run that fails part-way appends none; nothing is ever rewritten.
import { describe, it, expect, beforeAll } from 'vitest';
import { join } from 'node:path';
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { readAudit } from '../../runtime/billing/audit.js';
import { approveBillRun, billRun, issueBillRun } from '../../runtime/billing/run.js';
import { compileSources, loadSources } from '../../runtime/cli/agreements.js';
import { openStore } from '../../runtime/index.js';
import { icx, ROOT, tempDir } from '../cli/run-cli.js';

const SAMPLE = join(ROOT, 'agreements', 'traffic', 'march-sample.csv');
let plans: HashedAgreementPlan[] = [];
beforeAll(async () => {
  plans = compileSources(await loadSources([join(ROOT, 'agreements')])).compiled.plans;
});

describe('the audit log', () => {
  it('records a draft, its re-run, the approval and the issue, in order, with who and what', async () => {
    const store = await openStore(':memory:');
    try {
      const at = (t: string) => () => new Date(t);
      const run = (now: () => Date) => billRun(store, { plans, period: '2026-03', partner: 'ORANGE', usage: [{ path: SAMPLE }], now, actor: 'alice' });
      await run(at('2026-04-01T09:00:00Z'));
      await run(at('2026-04-01T10:00:00Z')); // a draft re-run replaces the draft, and is logged too
      await approveBillRun(store, 'BR-2026-03-ORANGE', at('2026-04-02T08:00:00Z'), 'bob');
      await issueBillRun(store, 'BR-2026-03-ORANGE', at('2026-04-02T08:30:00Z'), 'bob');
      const log = await readAudit(store);
      expect(log.map((e) => [e.seq, e.at, e.actor, e.action, e.subject])).toEqual([
        [1, '2026-04-01T09:00:00Z', 'alice', 'bill-run', 'BR-2026-03-ORANGE'],
        [2, '2026-04-01T10:00:00Z', 'alice', 'bill-run', 'BR-2026-03-ORANGE'],
        [3, '2026-04-02T08:00:00Z', 'bob', 'bill-approve', 'BR-2026-03-ORANGE'],
        [4, '2026-04-02T08:30:00Z', 'bob', 'bill-issue', 'BR-2026-03-ORANGE'],
      ]);
      // the inputs read: the plan of each agreement billed and the usage file, by hash
      expect(log[0]!.details['planHashes']).toEqual([expect.stringMatching(/^ACME-IE-ORANGE-FR-2026@\d+:[0-9a-f]{64}$/), expect.stringMatching(/^ACME-ORANGE-FR-2026@\d+:[0-9a-f]{64}$/)]);
      expect(log[0]!.details['usageHashes']).toEqual([expect.stringMatching(/march-sample\.csv:[0-9a-f]{64}$/)]);
      // the one invoice (receivable) gets the first number of ACME-UK's sequence; the statement is Orange's to number
      expect(log[3]!.details['numbers']).toEqual(['ACME-UK-2026-000001']);
    } finally {
      await store.close();
    }
  });

  it('a bill run that fails part-way leaves no entry', async () => {
    const store = await openStore(':memory:');
    try {
      const failing = billRun(store, {
        plans, period: '2026-03', partner: 'ORANGE', usage: [{ path: SAMPLE }], actor: 'alice',
        beforeCommit: async () => {
          throw new Error('injected failure before the commit');
        },
      });
      await expect(failing).rejects.toThrow('injected failure');
      expect(await readAudit(store)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('icx audit prints the log of a store, and refuses a store that does not exist', () => {
    const { dir, cleanup } = tempDir();
    try {
      const bill = icx(['bill', join(ROOT, 'agreements'), '--period', '2026-03', '--partner', 'ORANGE', '--usage', SAMPLE, '--db', 'icx.duckdb', '--out', 'out'], dir);
      expect(bill.code, bill.stderr).toBe(0);
      const r = icx(['audit', '--db', 'icx.duckdb'], dir);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^ {3}1 {2}\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ {2}\S+ {2}bill-run BR-2026-03-ORANGE 2 documents$/m);
      const missing = icx(['audit', '--db', 'nowhere.duckdb'], dir);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('nowhere.duckdb');
    } finally {
      cleanup();
    }
  });
});
