// Bill runs on the example agreements and the hand-written March sample
// (agreements/traffic/march-sample.csv, priced record by record in test/e2e/sample-traffic.test.ts).
// Every amount below is worked out by hand from acme-orange-fr.icx.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { compileSources, loadSources } from '../../runtime/cli/agreements.js';
import { approveBillRun, billRun, issueBillRun } from '../../runtime/billing/run.js';
import { writeInvoiceFiles } from '../../runtime/billing/write.js';
import { openStore, queryJson, type Store } from '../../runtime/index.js';
import { ROOT } from '../cli/run-cli.js';

const SAMPLE = join(ROOT, 'agreements', 'traffic', 'march-sample.csv');
const clock = () => new Date('2026-04-01T09:00:00Z');
let plans: HashedAgreementPlan[] = [];

beforeAll(async () => {
  plans = compileSources(await loadSources([join(ROOT, 'agreements')])).compiled.plans;
});

async function fresh(): Promise<Store> {
  return openStore(':memory:');
}

const orange = (store: Store, extra: Partial<Parameters<typeof billRun>[1]> = {}) =>
  billRun(store, { plans, period: '2026-03', partner: 'ORANGE', usage: [{ path: SAMPLE }], now: clock, ...extra });

async function count(store: Store, table: string): Promise<number> {
  const exists = await queryJson(store, `SELECT 1 FROM information_schema.tables WHERE table_name = $1`, [table]);
  if (!exists.length) return 0;
  const [r] = await queryJson(store, `SELECT count(*) AS n FROM ${table}`);
  return Number(r!.n);
}

describe('icx bill: the ORANGE documents of March 2026', () => {
  it('the statement of what Orange invoices ACME (payable voice-termination)', async () => {
    const store = await fresh();
    try {
      const { documents, runId, rating } = await orange(store);
      expect(runId).toBe('BR-2026-03-ORANGE');
      expect(rating!.inCount).toBe(20);
      // ACME-IE-ORANGE-FR-2026 has no March usage and no charge: no document
      expect(documents.map((d) => `${d.agreement.id} ${d.kind}`)).toEqual(['ACME-ORANGE-FR-2026 invoice', 'ACME-ORANGE-FR-2026 statement']);
      const st = documents[1]!;
      expect(st.issuer.name).toBe('ORANGE');
      expect(st.issuer.legalName).toBe('Orange France SA');
      expect(st.recipient.vat).toBe('GB123456789');
      expect(st.number).toBeNull();
      // issue date: the period's last day; due 30 days later (settlement: due 30 days)
      expect([st.issueDate, st.dueDate]).toEqual(['2026-03-31', '2026-04-30']);
      const rows = st.lines.map((l) => [l.kind, l.zone, l.band, l.construct, l.tier, l.records, l.quantity, l.rate, l.amount]);
      expect(rows).toEqual([
        // M-0003 180 s = 3 min × 0.0045 = 0.0135 → half-even 2 places per invoice line = 0.01
        ['usage', 'FR-FIXED', 'peak', null, null, 1, '3', '0.0045', '0.01'],
        // M-0002 90 s → 120 s = 2 min × 0.0100 = 0.0200 → 0.02
        ['usage', 'FR-MOBILE', 'offpeak', null, null, 1, '2', '0.0100', '0.02'],
        // M-0001 61 s → 120 s, M-0020 120 s, M-0007 0 s (free): 3 records, 4 min,
        // 2 × 0.0246 = 0.0492 → half-even 2 places = 0.05
        ['usage', 'FR-MOBILE', 'peak', null, null, 3, '4', '0.0123', '0.05'],
        // Q1 commitment 250,000 EUR; Q1 rated 0.0135 + 0.0200 + 0.0492 = 0.0827;
        // shortfall 249,999.9173 → half-even 2 places = 249,999.92
        ['charge', null, null, 'commitment-shortfall', null, null, null, null, '249999.92'],
        // FR-MOBILE volume: 2 + 4 = 6 min, tier 1 (0 .. 1,000,000 min) 0% → 0.00
        ['charge', null, null, 'discount', 1, null, '6', '0', '0.00'],
      ]);
      // 0.01 + 0.02 + 0.05 + 249,999.92 + 0.00 = 250,000.00; FR ≠ GB VAT: reverse charge, 0.00
      expect(st.totals).toEqual({ net: '250000.00', tax: '0.00', gross: '250000.00' });
      expect(st.taxes).toEqual([expect.objectContaining({ reverseCharge: true, rate: '0', base: '250000.00', amount: '0.00' })]);
      // GB is not an EU prefix since 2021: the note names no EU directive
      expect(st.taxes[0]!.note).toMatch(/^Reverse charge: .* under the rules of the recipient's country$/);
    } finally {
      await store.close();
    }
  });

  it('the invoice ACME issues to Orange (receivable voice-origination and sms)', async () => {
    const store = await fresh();
    try {
      const inv = (await orange(store)).documents[0]!;
      expect([inv.kind, inv.issuer.name, inv.recipient.name, inv.currency]).toEqual(['invoice', 'ACME-UK', 'ORANGE', 'EUR']);
      expect(inv.lines.map((l) => [l.service, l.records, l.quantity, l.unit, l.rate, l.rateUnit, l.amount])).toEqual([
        // M-0006 1 msg × 0.0050 = 0.0050; no invoice-line rule → half-up to the cent = 0.01
        ['sms', 1, '1', 'msg', '0.0050', 'EUR/msg', '0.01'],
        // M-0005 31 s at 30/6 → 36 s = 0.6 min × 0.0090 = 0.0054 → half-up to the cent = 0.01
        ['voice-origination', 1, '0.6', 'min', '0.0090', 'EUR/min', '0.01'],
      ]);
      expect(inv.totals).toEqual({ net: '0.02', tax: '0.00', gross: '0.02' });
    } finally {
      await store.close();
    }
  });
});

describe('bill runs in the store', () => {
  it('rates a file again when the agreements changed since it was rated; each record counts once, in its latest run', async () => {
    const store = await fresh();
    try {
      await orange(store);
      // ORANGE's agreement as version 4, with FR-FIXED at 0.0060 (was 0.0045) until the end of March
      const src = await loadSources([join(ROOT, 'agreements')]);
      const files = src.files.map((f) => (f.uri.endsWith('acme-orange-fr.icx')
        ? { ...f, text: f.text.replace('version 3', 'version 4').replace('rate FR-FIXED   0.0045 EUR/min', 'rate FR-FIXED   0.0060 EUR/min') } : f));
      const v4 = compileSources({ ...src, files }).compiled.plans;
      const again = await orange(store, { plans: v4 });
      expect(again.alreadyRated).toEqual([]);
      expect(again.rating!.inCount).toBe(20);
      expect(await count(store, 'rating_runs')).toBe(2);
      const st = again.documents.find((d) => d.kind === 'statement')!;
      // M-0003 180 s = 3 min × 0.0060 = 0.0180 → half-even 0.02 (was 0.01); counted once (3 min, 1 record)
      expect(st.lines.filter((l) => l.zone === 'FR-FIXED').map((l) => [l.records, l.quantity, l.amount])).toEqual([[1, '3', '0.02']]);
    } finally {
      await store.close();
    }
  });

  it('a re-run of a draft replaces it and writes byte-identical files', async () => {
    const store = await fresh();
    try {
      const a = mkdtempSync(join(tmpdir(), 'icx-bill-a-'));
      const b = mkdtempSync(join(tmpdir(), 'icx-bill-b-'));
      const first = await orange(store);
      await writeInvoiceFiles(first.documents, a);
      // the same file with the same agreements is not rated again: it was rated by the first run
      const second = await orange(store, { now: () => new Date('2026-04-02T00:00:00Z') });
      expect([second.rating, second.alreadyRated]).toEqual([null, [{ path: SAMPLE, ratingRun: first.rating!.runId }]]);
      expect(await count(store, 'rating_runs')).toBe(1);
      await writeInvoiceFiles(second.documents, b);
      const files = readdirSync(a).sort();
      const renderings = (base: string) => ['csv', 'html', 'json', 'pdf'].map((ext) => `${base}.${ext}`);
      expect(files).toEqual([...renderings('BR-2026-03-ORANGE-ACME-ORANGE-FR-2026-invoice'), ...renderings('BR-2026-03-ORANGE-ACME-ORANGE-FR-2026-statement')]);
      expect(readdirSync(b).sort()).toEqual(files);
      for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
      expect(await count(store, 'bill_runs')).toBe(1);
      expect(await count(store, 'invoices')).toBe(2);
      const csv = readFileSync(join(a, 'BR-2026-03-ORANGE-ACME-ORANGE-FR-2026-statement.csv'), 'utf8').split('\r\n');
      expect(csv[0]).toBe('kind,service,zone,band,construct,tier,description,records,quantity,unit,rate,rate_unit,amount');
      // the explanation has commas: quoted (RFC 4180)
      expect(csv[4]).toMatch(/^charge,voice-termination,,,commitment-shortfall,,"ACME-UK committed 250,000 EUR .*",,,EUR,,,249999\.92$/);
    } finally {
      await store.close();
    }
  });

  it('a failure part-way leaves the store as it was (no rating run, no bill run, no invoice)', async () => {
    const store = await fresh();
    try {
      await expect(orange(store, { beforeCommit: async () => { throw new Error('injected'); } })).rejects.toThrow('injected');
      for (const t of ['bill_runs', 'invoices', 'rating_runs', 'rated_rows', 'suspense']) expect(await count(store, t), t).toBe(0);
      // and a draft that existed before a failed re-run is still there, unchanged
      await orange(store);
      const before = await queryJson(store, `SELECT document FROM invoices ORDER BY doc_no`);
      await expect(orange(store, { beforeCommit: async () => { throw new Error('injected'); } })).rejects.toThrow('injected');
      expect(await queryJson(store, `SELECT document FROM invoices ORDER BY doc_no`)).toEqual(before);
      expect(await count(store, 'rating_runs')).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('issuing numbers invoices per issuer without gaps; issued runs are frozen', async () => {
    const store = await fresh();
    try {
      await orange(store);
      await billRun(store, { plans, period: '2026-03', partner: 'NORDTEL', now: clock });
      await expect(issueBillRun(store, 'BR-2026-03-ORANGE', clock)).rejects.toThrow(/is a draft: approve it first/);
      await approveBillRun(store, 'BR-2026-03-ORANGE', clock);
      await expect(orange(store)).rejects.toThrow(/BR-2026-03-ORANGE for 2026-03 is approved.*credit and debit notes/);
      const first = await issueBillRun(store, 'BR-2026-03-ORANGE', clock);
      await approveBillRun(store, 'BR-2026-03-NORDTEL', clock);
      const second = await issueBillRun(store, 'BR-2026-03-NORDTEL', clock);
      // ACME-UK issues the ORANGE invoice, then the NORDTEL one; statements are the partners'
      // documents: we do not number them
      expect(first.map((d) => d.number)).toEqual(['ACME-UK-2026-000001', null]);
      expect(second.filter((d) => d.kind === 'invoice').map((d) => d.number)).toEqual(['ACME-UK-2026-000002']);
      expect(second.filter((d) => d.kind === 'statement').map((d) => d.number)).toEqual([null]);
      await expect(issueBillRun(store, 'BR-2026-03-ORANGE', clock)).rejects.toThrow(/already issued/);
      await expect(orange(store)).rejects.toThrow(/is issued/);
      const [c] = await queryJson(store, `SELECT issuer, last_number FROM invoice_counters`);
      expect(c).toEqual({ issuer: 'ACME-UK', last_number: '2' });
      const stored = await queryJson(store, `SELECT number FROM invoices WHERE run_id = 'BR-2026-03-ORANGE' ORDER BY doc_no`);
      expect(stored).toEqual([{ number: 'ACME-UK-2026-000001' }, { number: null }]);
    } finally {
      await store.close();
    }
  });

  it('an unknown partner is a clear error', async () => {
    const store = await fresh();
    try {
      await expect(billRun(store, { plans, period: '2026-03', partner: 'NOPE', now: clock })).rejects.toThrow('no agreement with partner NOPE is valid in 2026-03');
    } finally {
      await store.close();
    }
  });
});

describe('icx bill: the NORDTEL documents of March 2026 (Europe/Berlin, connect fee 0.0020)', () => {
  it('statement and invoice, worked out from acme-nordtel-de.icx', async () => {
    const store = await fresh();
    try {
      const { documents } = await billRun(store, { plans, period: '2026-03', partner: 'NORDTEL', usage: [{ path: SAMPLE }], now: clock });
      const [inv, st] = documents;
      expect(st!.lines.map((l) => [l.service, l.zone, l.band, l.records, l.quantity, l.rate, l.amount])).toEqual([
        // M-0014 1 msg × 0.0110 = 0.0110 → no invoice-line rule: half-up to the cent = 0.01
        ['sms-termination', 'DE-MOBILE-TMO', 'day', 1, '1', '0.0110', '0.01'],
        // M-0010 150 s, two price steps (no single rate): 0.0090 + 0.0090 + 0.0020 = 0.0200 → 0.02
        ['voice-termination', 'DE-FIXED', 'day', 1, '2.5', null, '0.02'],
        // M-0008 61 s → 0.0203; M-0011 split day/night 120 s → 0.0350 (two clauses: no single rate);
        // 181 s = 3.016667 min; 0.0553 → half-up = 0.06
        ['voice-termination', 'DE-MOBILE', 'day', 2, '3.016667', null, '0.06'],
        // M-0009 120 s = 2 × 0.0195 + 0.0020 = 0.0410 → 0.04
        ['voice-termination', 'DE-MOBILE-TMO', 'day', 1, '2', '0.0195', '0.04'],
      ]);
      expect(st!.lines[3]!.description).toBe('voice-termination DE-MOBILE-TMO day (incl. connect fee 0.0020 EUR per call)');
      // 0.01 + 0.02 + 0.06 + 0.04 = 0.13; DE ≠ GB: reverse charge
      expect(st!.totals).toEqual({ net: '0.13', tax: '0.00', gross: '0.13' });
      // no settlement terms in the agreement: due 30 days after 2026-03-31, said in the notes
      expect(st!.dueDate).toBe('2026-04-30');
      expect(st!.notes[0]).toBe('Payment terms are not stated in the agreement: due 30 days after the issue date.');
      // M-0013 inbound 37 s at 1/1 = 0.616667 min; 37 × 0.0085 / 60 = 0.005242 → 0.01
      expect(inv!.lines.map((l) => [l.service, l.quantity, l.amount])).toEqual([['voice-origination', '0.616667', '0.01']]);
      expect(inv!.totals.gross).toBe('0.01');
    } finally {
      await store.close();
    }
  });
});

describe('icx bill: FX used', () => {
  it('an SMS tariff in SDR settled in EUR shows the rate of the usage date', async () => {
    const store = await fresh();
    const file = join(mkdtempSync(join(tmpdir(), 'icx-bill-fx-')), 'sms.csv');
    writeFileSync(file, [
      'record_id,agreement,direction,kind,b_number,start_time,units',
      'S-1,ACME-TELCOZ-ROAMING-2026,out,sms,447700900123,2026-03-02T10:00:00Z,1',
      'S-2,ACME-TELCOZ-ROAMING-2026,out,sms,447700900124,2026-03-02T11:00:00Z,1',
    ].join('\n') + '\n');
    try {
      const { documents } = await billRun(store, { plans, period: '2026-03', partner: 'TELCOZ', usage: [{ path: file }], now: clock });
      const st = documents.find((d) => d.kind === 'statement')!;
      // each: 1 msg × 0.0080 SDR × 1.170642 EUR/SDR (gsma-2026.csv, 2026-03-02) = 0.009365136 → 0.009365 per record;
      // 2 × 0.009365 = 0.018730 → half-up to the cent = 0.02
      expect(st.lines.map((l) => [l.service, l.records, l.rate, l.rateUnit, l.amount])).toEqual([['roaming-sms', 2, '0.0080', 'SDR/msg', '0.02']]);
      expect(st.fx).toEqual([{ from: 'SDR', to: 'EUR', rate: '1.170642', date: '2026-03-02', table: 'fx/gsma-2026.csv' }]);
      expect(st.currency).toBe('EUR');
    } finally {
      await store.close();
    }
  });
});
