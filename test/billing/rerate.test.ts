// Re-rating after a retroactive price change (docs/usage.md "Re-rating"). The ORANGE bill run of
// March (agreements/traffic/march-sample.csv, hand-priced in bill-run.test.ts) is issued, then
// ACME-ORANGE-FR-2026 version 4 lowers two prices from 2026-01-01, and icx rerate must produce
// exactly the notes worked out below by hand.
import { describe, it, expect, beforeAll } from 'vitest';
import { join } from 'node:path';
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { compileSources, loadSources, type LoadedSources } from '../../runtime/cli/agreements.js';
import { readAudit } from '../../runtime/billing/audit.js';
import { recordHistory } from '../../runtime/billing/record-versions.js';
import { rerate } from '../../runtime/billing/rerate.js';
import { approveBillRun, billRun, issueBillRun } from '../../runtime/billing/run.js';
import { openStore, queryJson, type Store } from '../../runtime/index.js';
import { ROOT } from '../cli/run-cli.js';

const SAMPLE = join(ROOT, 'agreements', 'traffic', 'march-sample.csv');
const day = (d: string) => () => new Date(`${d}T09:00:00Z`);
let src: LoadedSources;
let v3: HashedAgreementPlan[] = [];
let v4: HashedAgreementPlan[] = [];

/** The example agreements with ACME-ORANGE-FR-2026 edited as a commercial team would. */
function edited(edit: (text: string) => string): HashedAgreementPlan[] {
  const files = src.files.map((f) => (f.uri.endsWith('acme-orange-fr.icx') ? { ...f, text: edit(f.text) } : f));
  const res = compileSources({ ...src, files });
  expect(res.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return res.compiled.plans;
}

beforeAll(async () => {
  src = await loadSources([join(ROOT, 'agreements')]);
  v3 = compileSources(src).compiled.plans;
  v4 = edited((t) => t
    .replace('version 3', 'version 4')
    .replace('rate FR-MOBILE  peak 0.0123 EUR/min', 'rate FR-MOBILE  peak 0.0100 EUR/min')
    .replace('rate any 0.0050 EUR/msg', 'rate any 0.0040 EUR/msg'));
});

/** BR-2026-03-ORANGE billed with version 3, approved and issued. */
async function issued(store: Store): Promise<void> {
  await billRun(store, { plans: v3, period: '2026-03', partner: 'ORANGE', usage: [{ path: SAMPLE }], now: day('2026-04-01') });
  await approveBillRun(store, 'BR-2026-03-ORANGE', day('2026-04-02'), 'anna');
  await issueBillRun(store, 'BR-2026-03-ORANGE', day('2026-04-03'), 'anna');
}

const rows = (d: { lines: { kind: string; service: string; zone: string | null; band: string | null; construct: string | null; records: number | null; quantity: string | null; amount: string }[] }) =>
  d.lines.map((l) => [l.kind, l.service, l.zone, l.band, l.construct, l.records, l.quantity, l.amount]);

describe('icx rerate after a retroactive price change', () => {
  it('produces exactly the expected credit note, and the expected notes of the statement', async () => {
    const store = await openStore(':memory:');
    try {
      await issued(store);
      const res = await rerate(store, { plans: v4, period: '2026-03', partner: 'ORANGE', now: day('2026-04-20'), actor: 'bob' });
      // the 7 records the ORANGE documents counted (statement 3 + 1 + 1, invoice 1 + 1; the
      // sample's other 13 are other partners' or in suspense) are rated again from the store's copy
      expect(res.stored).toBe(7);
      expect([res.rating.inCount, res.rating.ratedCount, res.rating.suspenseCount]).toEqual([7, 7, 0]);
      expect(res.corrections.map((c) => [c.runId, c.corrects])).toEqual([['BR-2026-03-ORANGE-C1', 'BR-2026-03-ORANGE']]);
      const docs = res.corrections[0]!.documents;
      expect(docs.map((d) => d.kind)).toEqual(['credit-note', 'expected-credit-note', 'expected-debit-note']);

      const [credit, expCredit, expDebit] = docs as [typeof docs[0], typeof docs[0], typeof docs[0]];
      // sms: M-0006, 1 msg × 0.0040 = 0.0040 → half-up to the cent 0.00; billed 0.01 → −0.01.
      // voice-origination is unchanged (0.01), so it is not on the note.
      expect(rows(credit)).toEqual([['usage', 'sms', 'any', 'peak', null, null, null, '-0.01']]);
      expect(credit.lines[0]!.rate).toBe('0.0040');
      expect(credit.totals).toEqual({ net: '-0.01', tax: '0.00', gross: '-0.01' });
      expect(credit.corrects).toBe('ACME-UK-2026-000001');
      expect([credit.issuer.name, credit.recipient.name, credit.number, credit.issueDate]).toEqual(['ACME-UK', 'ORANGE', null, '2026-04-20']);
      expect(credit.agreement.version).toBe(4);
      // (0.0040 − 0.0050) / 0.0050 = −20.00%; the clause is line 70 of the agreement
      expect(credit.lines[0]!.reason).toBe('any peak 0.0050 → 0.0040 EUR/msg (-20.00%); 1 record re-priced by sms/any/peak/2026-01-01 (acme-orange-fr.icx:70)');

      // FR-MOBILE peak: M-0001 (120 s) and M-0020 (120 s) at 0.0100 = 0.0200 each, M-0007 free:
      // 0.0400 → half-even 0.04; billed 0.05 → −0.01.
      expect(rows(expCredit)).toEqual([['usage', 'voice-termination', 'FR-MOBILE', 'peak', null, null, null, '-0.01']]);
      // (0.0100 − 0.0123) / 0.0123 = −18.699…% → −18.70%; M-0007 (0 s, free) did not change
      expect(expCredit.lines[0]!.reason).toBe(
        'FR-MOBILE peak 0.0123 → 0.0100 EUR/min (-18.70%); 2 records re-priced by voice-termination/FR-MOBILE/peak/2026-01-01 (acme-orange-fr.icx:54)');
      // Q1 rated now 0.0135 + 0.0200 + 0.0400 = 0.0735; shortfall 250,000 − 0.0735 = 249,999.9265
      // → half-even 249,999.93; billed 249,999.92 → +0.01
      expect(rows(expDebit)).toEqual([['charge', 'voice-termination', null, null, 'commitment-shortfall', null, null, '0.01']]);
      expect([expDebit.issuer.name, expDebit.number, expDebit.corrects]).toEqual(['ORANGE', null, 'BR-2026-03-ORANGE-ACME-ORANGE-FR-2026-statement']);

      // issued like a bill run: the credit note takes the next number of ACME-UK's sequence
      await approveBillRun(store, 'BR-2026-03-ORANGE-C1', day('2026-04-21'), 'anna');
      const numbered = await issueBillRun(store, 'BR-2026-03-ORANGE-C1', day('2026-04-22'), 'anna');
      expect(numbered.map((d) => d.number)).toEqual(['ACME-UK-2026-000002', null, null]);
      expect((await readAudit(store)).map((e) => [e.action, e.subject, e.actor])).toEqual([
        ['bill-run', 'BR-2026-03-ORANGE', expect.any(String)],
        ['bill-approve', 'BR-2026-03-ORANGE', 'anna'],
        ['bill-issue', 'BR-2026-03-ORANGE', 'anna'],
        ['rerate', 'BR-2026-03-ORANGE-C1', 'bob'],
        ['bill-approve', 'BR-2026-03-ORANGE-C1', 'anna'],
        ['bill-issue', 'BR-2026-03-ORANGE-C1', 'anna'],
      ]);

      // the same re-rating again: everything billed now (invoice + issued notes) equals the period
      const again = await rerate(store, { plans: v4, period: '2026-03', partner: 'ORANGE', now: day('2026-04-23') });
      expect(again.corrections).toEqual([]);
      expect(again.unchanged).toEqual(['BR-2026-03-ORANGE']);
    } finally {
      await store.close();
    }
  });

  it('keeps every version of a record: what each bill run charged for M-0006', async () => {
    const store = await openStore(':memory:');
    try {
      await issued(store);
      await rerate(store, { plans: v4, period: '2026-03', partner: 'ORANGE', now: day('2026-04-20') });
      const h = await recordHistory(store, 'M-0006');
      // bill run: 1 msg × 0.0050; correction: × 0.0040 (per record, 9 decimals)
      expect(h.map((v) => [v.billRun, v.status, v.agreementVersion, v.amount])).toEqual([
        ['BR-2026-03-ORANGE', 'issued', 3, '0.005000000'],
        ['BR-2026-03-ORANGE-C1', 'draft', 4, '0.004000000'],
      ]);
    } finally {
      await store.close();
    }
  });

  it('is refused before anything is issued, and leaves the store as it was when it fails', async () => {
    const store = await openStore(':memory:');
    try {
      await expect(rerate(store, { plans: v4, period: '2026-03', partner: 'ORANGE' })).rejects.toThrow(/no issued bill run for 2026-03 for partner ORANGE/);
      await billRun(store, { plans: v3, period: '2026-03', partner: 'ORANGE', usage: [{ path: SAMPLE }], now: day('2026-04-01') });
      await expect(rerate(store, { plans: v4, period: '2026-03', partner: 'ORANGE' })).rejects.toThrow(/BR-2026-03-ORANGE for 2026-03 is draft, not issued/);
      await approveBillRun(store, 'BR-2026-03-ORANGE', day('2026-04-02'));
      await issueBillRun(store, 'BR-2026-03-ORANGE', day('2026-04-03'));
      const count = async () => Number((await queryJson(store, `SELECT (SELECT count(*) FROM rating_runs) + (SELECT count(*) FROM bill_runs) + (SELECT count(*) FROM audit_log) AS n`))[0]!.n);
      const before = await count();
      await expect(rerate(store, { plans: v4, period: '2026-03', partner: 'ORANGE', beforeCommit: async () => { throw new Error('injected'); } })).rejects.toThrow('injected');
      expect(await count()).toBe(before);
    } finally {
      await store.close();
    }
  });

  it("corrects one partner's part of a bill run of every partner, leaving the others' drafts alone", async () => {
    const store = await openStore(':memory:');
    const traffic = ['march-sample', 'carrierx-march', 'digital-march', 'roaming-mvno-march'].map((f) => ({ path: join(ROOT, 'agreements', 'traffic', `${f}.csv`) }));
    const inputs = { retail: [join(ROOT, 'agreements', 'inputs', 'retail-march.csv')], kpi: [join(ROOT, 'agreements', 'inputs', 'kpi-march.csv')] };
    try {
      await billRun(store, { plans: v3, period: '2026-03', usage: traffic, ...inputs, now: day('2026-04-01') });
      await approveBillRun(store, 'BR-2026-03', day('2026-04-02'));
      await issueBillRun(store, 'BR-2026-03', day('2026-04-03'));
      const orange = await rerate(store, { plans: v4, period: '2026-03', partner: 'ORANGE', ...inputs, now: day('2026-04-20') });
      // the same three notes as when ORANGE was billed alone (its records are the same 7)
      expect(orange.corrections.map((c) => [c.runId, c.documents.map((d) => `${d.kind} ${d.totals.net}`)])).toEqual([
        ['BR-2026-03-C1-ORANGE', ['credit-note -0.01', 'expected-credit-note -0.01', 'expected-debit-note 0.01']],
      ]);
      // NORDTEL's agreement did not change: nothing to correct, and ORANGE's draft is still there
      const nordtel = await rerate(store, { plans: v4, period: '2026-03', partner: 'NORDTEL', ...inputs, now: day('2026-04-21') });
      expect([nordtel.corrections, nordtel.unchanged]).toEqual([[], ['BR-2026-03']]);
      const runs = await queryJson(store, `SELECT run_id, status, corrects FROM bill_runs ORDER BY run_id`);
      expect(runs).toEqual([
        { run_id: 'BR-2026-03', status: 'issued', corrects: null },
        { run_id: 'BR-2026-03-C1-ORANGE', status: 'draft', corrects: 'BR-2026-03' },
      ]);
    } finally {
      await store.close();
    }
  });
});
