// Orange's invoice for March 2026 against the March sample (agreements/traffic/march-sample.csv)
// rated under agreements/acme-orange-fr.icx. Our statement (test/billing/bill-run.test.ts):
//   FR-FIXED peak    M-0003 180 s = 3 min × 0.0045 = 0.0135 → half-even 2 places = 0.01
//   FR-MOBILE offpeak M-0002 90 s → 120 s = 2 min × 0.0100 = 0.02
//   FR-MOBILE peak   M-0001 61 s → 120 s, M-0020 120 s, M-0007 0 s (free): 3 records, 4 min, 0.0492 → 0.05
//   commitment shortfall 250,000 − 0.0827 = 249,999.9173 → 249,999.92; discount tier 1 0% = 0.00
//   total 250,000.00
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { compileSources, loadSources } from '../../runtime/cli/agreements.js';
import { openStore, rate } from '../../runtime/index.js';
import { readPartnerInvoice } from '../../runtime/reconcile/invoice-input.js';
import { reconcileInvoice } from '../../runtime/reconcile/invoice-run.js';
import { invoiceReport } from '../../runtime/reconcile/invoice-report.js';
import { ROOT } from '../cli/run-cli.js';
import { invoiceFile } from './invoice-support.js';

let plans: HashedAgreementPlan[] = [];
beforeAll(async () => {
  plans = compileSources(await loadSources([join(ROOT, 'agreements')])).compiled.plans;
});

const INVOICE = {
  invoiceNumber: 'OFR-2026-0412',
  invoiceDate: '2026-04-05',
  currency: 'EUR',
  partner: 'ORANGE',
  lines: [
    // the April FR-FIXED rate (0.0040, from 2026-04-01) applied to March: 3 × 0.0040 = 0.012 → 0.01
    { service: 'voice-termination', zone: 'FR-FIXED', band: 'peak', records: 1, quantity: '3', unit: 'min', rate: '0.0040', amount: '0.01' },
    { service: 'voice-termination', zone: 'FR-MOBILE', band: 'offpeak', records: 1, quantity: '2', unit: 'min', rate: '0.0100', amount: '0.02' },
    // minutes of the line's actual seconds (61 + 120 + 0 = 181 s = 3.016667 → 3.02 min) × 0.0123 = 0.037146 → 0.04
    { service: 'voice-termination', zone: 'FR-MOBILE', band: 'peak', records: 3, quantity: '3.02', unit: 'min', rate: '0.0123', amount: '0.04' },
    // a line only theirs: premium numbers, barred by the agreement; 20,000 min × 0.1500 = 3,000.00
    { service: 'voice-termination', zone: 'FR-PREMIUM', records: 10, quantity: '20000', unit: 'min', rate: '0.1500', amount: '3000.00' },
    { service: 'voice-termination', construct: 'commitment-shortfall', amount: '249999.92' },
  ],
};

describe('reconcile invoice: Orange, March 2026', () => {
  it('finds the early rate, the per-line minutes and the barred zone; disputes the invoice', async () => {
    const store = await openStore(':memory:');
    try {
      await rate(store, { plans, usage: [{ path: join(ROOT, 'agreements', 'traffic', 'march-sample.csv') }], progress: false });
      const invoice = await readPartnerInvoice(invoiceFile('orange-march.json', JSON.stringify(INVOICE)));
      // ORANGE has two agreements valid in March; only ACME-ORANGE-FR-2026 carries payable traffic
      const f = await reconcileInvoice(store, { plans, partner: 'ORANGE', period: '2026-03', invoice });
      expect(f.agreement.id).toBe('ACME-ORANGE-FR-2026');
      expect(f.source).toMatchObject({ invoiceNumber: 'OFR-2026-0412', invoiceDate: '2026-04-05' });
      expect(f.source.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(f.lines.map((l) => [l.category, l.subject, l.difference, l.disputed])).toEqual([
        ['rate', 'voice-termination FR-FIXED peak', '0.00', false],
        ['matched', 'voice-termination FR-MOBILE offpeak', '0.00', false],
        // 0.04 − 0.05
        ['volume', 'voice-termination FR-MOBILE peak', '-0.01', false],
        ['only-theirs', 'voice-termination FR-PREMIUM', '3000.00', true],
        ['matched', 'voice-termination commitment-shortfall', '0.00', false],
        // our 0.00 discount line, not on their invoice, is no difference: left out
      ]);
      expect(f.lines[0]!.explanation).toBe(
        'rate: their 0.0040 is the rate from 2026-04-01, applied before its effective date; in force in 2026-03: 0.0045 EUR/min; difference 0.00 EUR',
      );
      expect(f.lines[2]!.explanation).toContain("their minutes are the line's actual duration (181 s = 3.016667 min) rounded once per invoice line");
      expect(f.lines[3]!.explanation).toBe('the agreement bars FR-PREMIUM for voice-termination: such calls are never rated (suspense barred), so never payable');
      // theirs 0.01 + 0.02 + 0.04 + 3,000.00 + 249,999.92 = 252,999.99; ours 250,000.00; +2,999.99
      // tolerance: larger of 1% × 252,999.99 = 2,529.9999 and 500 → 2,529.9999 < 2,999.99 → dispute
      expect(f.totals).toEqual({ theirs: '252999.99', ours: '250000.00', difference: '2999.99' });
      expect(f.verdict).toBe('dispute');
      expect(f.verdictReason).toBe(
        'difference 2999.99 EUR is beyond tolerance (more than 2529.9999 EUR): the tolerance is the larger of 1% of their total 252999.99 EUR = 2529.9999 EUR and 500 EUR: 2529.9999 EUR',
      );
      const report = invoiceReport(f);
      expect(report).toContain('ORANGE invoice OFR-2026-0412 of 2026-04-05 for 2026-03');
      expect(report).toMatch(/total .* 252999\.99 +250000\.00 +2999\.99/);
      expect(report.trimEnd().split('\n').at(-1)).toBe(`verdict: DISPUTE: ${f.verdictReason}`);
    } finally {
      await store.close();
    }
  });

  it('a line without a band is compared with the sum of our bands; a receivable line has no place', async () => {
    const store = await openStore(':memory:');
    try {
      await rate(store, { plans, usage: [{ path: join(ROOT, 'agreements', 'traffic', 'march-sample.csv') }], progress: false });
      const invoice = await readPartnerInvoice(invoiceFile('orange.csv', [
        'service,zone,band,records,quantity,unit,rate,amount,construct',
        'voice-termination,FR-FIXED,,1,3,min,0.0045,0.01,',
        // FR-MOBILE offpeak 1 record 2 min 0.02 + peak 3 records 4 min 0.05 = 4 records, 6 min, 0.07
        'voice-termination,FR-MOBILE,,4,6,min,,0.07,',
        'voice-termination,,,,,,,249999.92,commitment-shortfall',
        // Orange to ACME traffic is ours to invoice (receivable): M-0005 31 s → 36 s = 0.6 min × 0.0090
        'voice-origination,any,,1,0.6,min,0.0090,0.01,',
      ].join('\n')));
      const f = await reconcileInvoice(store, { plans, partner: 'ORANGE', period: '2026-03', invoice, agreement: 'ACME-ORANGE-FR-2026' });
      expect(f.lines.map((l) => [l.category, l.subject, l.ours?.records ?? null, l.ours?.quantity ?? null, l.ours?.rate ?? null, l.difference])).toEqual([
        ['matched', 'voice-termination FR-FIXED', 1, '3', '0.0045', '0.00'],
        // two rates (0.0100 offpeak, 0.0123 peak): no one rate of ours
        ['matched', 'voice-termination FR-MOBILE', 4, '6', null, '0.00'],
        ['matched', 'voice-termination commitment-shortfall', null, null, null, '0.00'],
        ['only-theirs', 'voice-origination any', null, null, null, '0.01'],
      ]);
      expect(f.lines[3]!.explanation).toBe('voice-origination is a service ACME-UK invoices ORANGE (receivable): it has no place on their invoice');
      // theirs 0.01 + 0.07 + 249,999.92 + 0.01 = 250,000.01; ours 250,000.00; +0.01 ≤ 500 → accept
      expect([f.totals.difference, f.verdict]).toEqual(['0.01', 'accept']);
    } finally {
      await store.close();
    }
  });
});
