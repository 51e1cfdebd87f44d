// The dispute lifecycle with deadlines, in the store: open on time / late refused / late with a
// reason, acknowledge, resolve with a credit, reject, invalid transitions, overdue answers, the
// audit entries, and a failure mid-open that leaves no row. Dates by hand from the fixture:
// ORANGE invoice FR-ORA-2026-0412 dated 2026-04-03; `dispute within 30 days` → raise by
// 2026-05-03; `dispute answer within 15 days` → answer due 15 days after the date raised.
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAudit } from '../../runtime/billing/audit.js';
import { disputeDocument } from '../../runtime/dispute/document.js';
import { DisputeError, DisputeInputError } from '../../runtime/dispute/errors.js';
import { readFindings } from '../../runtime/dispute/findings-read.js';
import { listDisputes } from '../../runtime/dispute/list.js';
import { openDispute } from '../../runtime/dispute/open.js';
import { stepDispute } from '../../runtime/dispute/transitions.js';
import { openStore, type Store } from '../../runtime/index.js';
import { queryJson } from '../../runtime/store/store.js';
import { at, fixtureCopy, RULES } from './support.js';

const ID = 'D-ORANGE-2026-03-001';
let store: Store;
let fx: ReturnType<typeof fixtureCopy>;

beforeEach(async () => {
  store = await openStore(':memory:');
  fx = fixtureCopy('orange-2026-03');
});
afterEach(async () => {
  await store.close();
  fx.cleanup();
});

async function count(table: string): Promise<number> {
  const exists = await queryJson(store, `SELECT 1 FROM information_schema.tables WHERE table_name = $1`, [table]);
  if (!exists.length) return 0;
  const [r] = await queryJson(store, `SELECT count(*) AS n FROM ${table}`);
  return Number(r!.n);
}

const open = async (raised: string, extra: Partial<Parameters<typeof openDispute>[2]> = {}) =>
  openDispute(store, await readFindings(fx.findings), { rules: RULES, raised, now: at(`${raised}T09:00:00Z`), actor: 'alice', ...extra });

describe('opening a dispute', () => {
  it('records the dispute, its disputed lines, evidence, first event and an audit entry', async () => {
    const { dispute } = await open('2026-04-10');
    expect(dispute).toMatchObject({
      id: ID, partner: 'ORANGE', period: '2026-03', invoiceNumber: 'FR-ORA-2026-0412', invoiceDate: '2026-04-03', currency: 'EUR',
      claimed: '1268.30', undercharged: '90.00', status: 'open', raisedOn: '2026-04-10', raiseBy: '2026-05-03', answerDue: '2026-04-25', late: false,
    });
    // 5 disputed lines (the 6th is not disputed), 5 evidence files, one event
    expect([await count('disputes'), await count('dispute_lines'), await count('dispute_evidence'), await count('dispute_events')]).toEqual([1, 5, 5, 1]);
    const doc = await disputeDocument(store, ID);
    expect(doc.dispute).toEqual(dispute);
    expect(doc.lines.map((l) => [l.lineNo, l.category, l.difference])).toEqual([
      [1, 'volume', '12.30'], [2, 'rate', '900.00'], [3, 'rate', '320.00'], [4, 'only-theirs', '36.00'], [5, 'only-ours', '-90.00'],
    ]);
    expect(doc.events).toEqual([{ seq: 1, at: '2026-04-10T09:00:00Z', actor: 'alice', action: 'open', from: null, to: 'open', amount: '1268.30', note: null }]);
    const log = await readAudit(store);
    expect(log.map((e) => [e.seq, e.at, e.actor, e.action, e.subject])).toEqual([[1, '2026-04-10T09:00:00Z', 'alice', 'dispute-open', ID]]);
    expect(log[0]!.details).toMatchObject({ claimed: '1268.30', currency: 'EUR', lines: 5, raiseBy: '2026-05-03', answerDue: '2026-04-25', late: false });
  });

  it('numbers the partner\'s disputes of a period in sequence and refuses the same invoice twice', async () => {
    await open('2026-04-10');
    await expect(open('2026-04-11')).rejects.toThrow(/already disputed: D-ORANGE-2026-03-001 \(open\)/);
    const other = fixtureCopy('orange-2026-03-accept');
    try {
      const { dispute } = await openDispute(store, await readFindings(other.findings), { rules: RULES, raised: '2026-04-12', force: true, now: at('2026-04-12T09:00:00Z') });
      expect(dispute.id).toBe('D-ORANGE-2026-03-002');
    } finally {
      other.cleanup();
    }
  });

  it('is on time on the last day, refused the day after, and recorded late with a reason', async () => {
    // 2026-05-03 = 2026-04-03 + 30 days: still on time
    expect((await open('2026-05-03')).dispute.late).toBe(false);
    await store.close();
    store = await openStore(':memory:');
    await expect(open('2026-05-04')).rejects.toThrow(DisputeError);
    await expect(open('2026-05-04')).rejects.toThrow(/too late: ACME-ORANGE-FR-2026 says dispute within 30 days of the invoice date 2026-04-03, so by 2026-05-03; raised 2026-05-04/);
    expect(await count('disputes')).toBe(0);
    expect(await readAudit(store)).toEqual([]);
    const { dispute } = await open('2026-05-04', { late: { reason: 'invoice received by post on 2026-04-28' } });
    expect(dispute).toMatchObject({ late: true, lateReason: 'invoice received by post on 2026-04-28', raiseBy: '2026-05-03' });
    const log = await readAudit(store);
    expect(log[0]!.details).toMatchObject({ late: true, lateReason: 'invoice received by post on 2026-04-28' });
    expect((await disputeDocument(store, ID)).events[0]!.note).toBe('raised late: invoice received by post on 2026-04-28');
  });

  it('refuses a raised date before the invoice, and a deadline without an invoice date', async () => {
    await expect(open('2026-04-01')).rejects.toThrow(DisputeInputError);
    const read = await readFindings(fx.findings);
    read.findings.source.invoiceDate = null;
    await expect(openDispute(store, read, { rules: RULES, raised: '2026-04-10' })).rejects.toThrow(/give --invoice-date/);
    const { dispute } = await openDispute(store, read, { rules: RULES, raised: '2026-04-10', invoiceDate: '2026-04-02', now: at('2026-04-10T09:00:00Z') });
    expect(dispute.raiseBy).toBe('2026-05-02');
  });

  it('opens without deadlines when the agreement states none', async () => {
    const { dispute } = await open('2026-09-30', { rules: null });
    expect(dispute).toMatchObject({ raiseBy: null, answerDue: null, late: false, raiseDays: null, answerDays: null });
  });

  it('refuses findings whose verdict is accept unless forced', async () => {
    const acc = fixtureCopy('orange-2026-03-accept');
    try {
      const read = await readFindings(acc.findings);
      await expect(openDispute(store, read, { rules: RULES, raised: '2026-04-10' })).rejects.toThrow(/the verdict is accept .*--force/);
      expect(await count('disputes')).toBe(0);
      // 15.00: their rate 0.01236 vs 0.0123 × 250000 min = 3090.00 − 3075.00
      const { dispute } = await openDispute(store, read, { rules: RULES, raised: '2026-04-10', force: true, now: at('2026-04-10T09:00:00Z') });
      expect(dispute.claimed).toBe('15.00');
      expect((await readAudit(store))[0]!.details['forced']).toBe(true);
    } finally {
      acc.cleanup();
    }
  });

  it('leaves no row and no audit entry when it fails mid-open', async () => {
    await expect(open('2026-04-10', { beforeCommit: async () => { throw new Error('disk full'); } })).rejects.toThrow('disk full');
    expect([await count('disputes'), await count('dispute_lines'), await count('dispute_evidence'), await count('dispute_events')]).toEqual([0, 0, 0, 0]);
    expect(await readAudit(store)).toEqual([]);
    // and the same findings open cleanly afterwards, as number 001
    expect((await open('2026-04-10')).dispute.id).toBe(ID);
  });

  it('keeps the evidence in the store: the dispute outlives the reconciliation folder', async () => {
    await open('2026-04-10');
    rmSync(fx.dir, { recursive: true, force: true });
    const doc = await disputeDocument(store, ID);
    const dup = doc.evidence.find((e) => e.name === 'duplicates-FR-MOBILE-peak.csv')!;
    expect(dup.content).toContain('OR-88120001,447700900001,33612000001');
    expect(dup.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.evidence.map((e) => e.name)).toEqual([
      'duplicates-FR-MOBILE-peak.csv', 'only-ours-2026-03-31.csv', 'only-theirs-FR-PREMIUM.csv', 'rate-FR-FIXED.csv', 'rate-FR-MOBILE-offpeak.csv',
    ]);
  });
});

describe('after it is opened', () => {
  it('is acknowledged, then resolved with a credit; each step has an event and an audit entry', async () => {
    await open('2026-04-10');
    await stepDispute(store, ID, 'acknowledge', { now: at('2026-04-14T10:00:00Z'), actor: 'orange-desk', note: 'ticket ORA-5521' });
    const d = await stepDispute(store, ID, 'resolve', { credit: '1200.00', now: at('2026-04-20T11:00:00Z'), actor: 'bob', note: 'credit note CN-77' });
    expect(d).toMatchObject({ status: 'resolved-credit', credited: '1200.00' });
    const doc = await disputeDocument(store, ID);
    expect(doc.dispute).toMatchObject({ status: 'resolved-credit', credited: '1200.00', updatedAt: '2026-04-20T11:00:00Z' });
    expect(doc.events.map((e) => [e.seq, e.at, e.actor, e.action, e.from, e.to, e.amount, e.note])).toEqual([
      [1, '2026-04-10T09:00:00Z', 'alice', 'open', null, 'open', '1268.30', null],
      [2, '2026-04-14T10:00:00Z', 'orange-desk', 'acknowledge', 'open', 'acknowledged', null, 'ticket ORA-5521'],
      [3, '2026-04-20T11:00:00Z', 'bob', 'resolve', 'acknowledged', 'resolved-credit', '1200.00', 'credit note CN-77'],
    ]);
    const log = await readAudit(store);
    expect(log.map((e) => e.action)).toEqual(['dispute-open', 'dispute-acknowledge', 'dispute-resolve']);
    expect(log[2]!.details).toMatchObject({ from: 'acknowledged', to: 'resolved-credit', claimed: '1268.30', credited: '1200.00' });
  });

  it('is rejected with the partner\'s reason, straight from open', async () => {
    await open('2026-04-10');
    await expect(stepDispute(store, ID, 'reject', {})).rejects.toThrow(/needs --note/);
    const d = await stepDispute(store, ID, 'reject', { note: 'rates per Orange price list v7', now: at('2026-04-15T08:00:00Z') });
    expect(d.status).toBe('rejected');
    expect((await readAudit(store)).map((e) => e.action)).toEqual(['dispute-open', 'dispute-reject']);
  });

  it('refuses transitions that do not fit, and changes nothing', async () => {
    await open('2026-04-10');
    await stepDispute(store, ID, 'acknowledge', { now: at('2026-04-11T08:00:00Z') });
    await expect(stepDispute(store, ID, 'acknowledge')).rejects.toThrow(`dispute ${ID} is acknowledged: it cannot be acknowledged (only a dispute that is open can)`);
    // more than the claim: 1268.31 > 1268.30
    await expect(stepDispute(store, ID, 'resolve', { credit: '1268.31' })).rejects.toThrow(/more than dispute .* claims \(1268.30 EUR\)/);
    await expect(stepDispute(store, ID, 'resolve', { credit: '0' })).rejects.toThrow(DisputeInputError);
    await expect(stepDispute(store, ID, 'resolve', { credit: '12,5' })).rejects.toThrow(DisputeInputError);
    await stepDispute(store, ID, 'reject', { note: 'no', now: at('2026-04-12T08:00:00Z') });
    await expect(stepDispute(store, ID, 'resolve', { credit: '10' })).rejects.toThrow('is rejected: it cannot be resolved; a resolved or rejected dispute is final');
    await expect(stepDispute(store, ID, 'acknowledge')).rejects.toThrow(DisputeError);
    await expect(stepDispute(store, 'D-ORANGE-2026-03-999', 'acknowledge')).rejects.toThrow('no dispute D-ORANGE-2026-03-999 in the store');
    expect((await disputeDocument(store, ID)).events.length).toBe(3);
    expect((await readAudit(store)).length).toBe(3);
  });

  it('is overdue when still open the day after its answer-due date', async () => {
    await open('2026-04-10'); // answer due 2026-04-25
    const flags = async (today: string) => (await listDisputes(store, today)).map((d) => [d.id, d.overdue, d.daysOverdue]);
    expect(await flags('2026-04-25')).toEqual([[ID, false, 0]]);
    expect(await flags('2026-04-26')).toEqual([[ID, true, 1]]);
    expect(await flags('2026-05-05')).toEqual([[ID, true, 10]]);
    await stepDispute(store, ID, 'acknowledge', { now: at('2026-05-05T08:00:00Z') });
    expect(await flags('2026-05-05')).toEqual([[ID, false, 0]]);
    expect(await listDisputes(store, '2026-05-05', { status: 'open' })).toEqual([]);
    expect((await listDisputes(store, '2026-05-05', { partner: 'ORANGE', status: 'acknowledged' })).length).toBe(1);
    expect(await listDisputes(store, '2026-05-05', { partner: 'BT' })).toEqual([]);
  });

  it('lists nothing, and creates nothing, in a store without disputes', async () => {
    expect(await listDisputes(store, '2026-05-05')).toEqual([]);
    expect(await count('disputes')).toBe(0);
    await expect(stepDispute(store, ID, 'acknowledge')).rejects.toThrow('no dispute');
  });
});
