// Settlement statements from a bill run's documents: what each side owes and who pays the
// balance, per partner and settlement currency, converted at the settlement table's rate.
import { describe, expect, it } from 'vitest';
import type { HashedAgreementPlan, SettlementCurrencyPlan } from '../../compiler/plan.js';
import type { InvoiceDocument } from './invoice-document.js';
import { settlementBaseName, settlementLine, settlementStatements, withNumbers } from './settlement.js';

interface P { netting?: 'bilateral' | 'none' | null; currency?: string; settle?: SettlementCurrencyPlan; us?: string; partner?: string }
const plan = (id: string, p: P = {}) => ({
  plan: {
    id, currency: p.currency ?? 'EUR', us: { name: p.us ?? 'ACME-UK' }, partner: { name: p.partner ?? 'ORANGE' },
    settlement: p.netting === null ? null : { netting: p.netting ?? 'bilateral', ...(p.settle ? { currency: p.settle } : {}) },
  },
}) as unknown as HashedAgreementPlan;

/** GBP documents settled in EUR: GBP->EUR 1.17 on 2026-03-31 (table fx/ecb.csv). */
const GBP_TO_EUR: SettlementCurrencyPlan = {
  code: 'EUR', from: 'GBP', table: 'fx/ecb.csv', source: 'b.icx:40', rates: [{ date: '2026-02-28', rate: '1.16' }, { date: '2026-03-31', rate: '1.17' }],
};

function doc(agreement: string, kind: 'invoice' | 'statement', gross: string, o: { currency?: string; us?: string; end?: string } = {}): InvoiceDocument {
  const us = { name: o.us ?? 'ACME-UK', legalName: null, vat: null, address: null };
  const them = { name: 'ORANGE', legalName: null, vat: null, address: null };
  return {
    format: 1, kind, number: null, billRunId: 'BR-2026-03', issueDate: '2026-03-31', dueDate: '2026-04-30',
    period: { start: '2026-03-01', end: o.end ?? '2026-03-31' },
    issuer: kind === 'invoice' ? us : them, recipient: kind === 'invoice' ? them : us,
    agreement: { id: agreement, version: 1, title: null, planHash: 'h' }, currency: o.currency ?? 'EUR', lines: [],
    fx: [{ from: 'SDR', to: 'EUR', rate: '1.170642', date: '2026-03-02', table: 'fx/gsma-2026.csv' }],
    taxes: [], totals: { net: gross, tax: '0.00', gross }, corrects: null, notes: [],
  };
}

describe('settlementStatements', () => {
  it('nets the two directions: we owe 250,000.00, they owe 0.02, so we pay 249,999.98', () => {
    const statements = settlementStatements([doc('A', 'invoice', '0.02'), doc('A', 'statement', '250000.00')], [plan('A')]);
    expect(statements.map((s) => [s.weOwe, s.theyOwe, s.net, s.payer, s.currency])).toEqual([['250000.00', '0.02', '249999.98', 'us', 'EUR']]);
    expect(settlementLine(statements[0]!)).toBe('ACME-UK/ORANGE (A): ACME-UK owes 250000.00, ORANGE owes 0.02 EUR: ACME-UK pays ORANGE 249999.98 EUR');
    expect(settlementBaseName(statements[0]!)).toBe('BR-2026-03-ACME-UK-ORANGE-EUR-settlement');
    // nothing converted; the rating FX both documents used, once
    expect(statements[0]!.fx).toEqual([]);
    expect(statements[0]!.documentFx).toHaveLength(1);
    // drafts are referenced by their draft file names
    expect(statements[0]!.documents.map((d) => d.document)).toEqual(['BR-2026-03-A-invoice', 'BR-2026-03-A-statement']);
  });

  it('the partner pays when it owes more; nothing is paid when the two are equal; one side alone nets against zero', () => {
    const r = settlementStatements(
      [doc('A', 'invoice', '120.50'), doc('A', 'statement', '20.25'), doc('B', 'invoice', '7.00'), doc('B', 'statement', '7.00'), doc('C', 'invoice', '3.10')],
      [plan('A', { partner: 'P1' }), plan('B', { partner: 'P2' }), plan('C', { partner: 'P3' })],
    );
    // 120.50 − 20.25 = 100.25 owed by the partner; 7.00 − 7.00 = 0; 3.10 − 0 = 3.10
    expect(r.map((s) => [s.partner, s.net, s.payer])).toEqual([['P1', '100.25', 'partner'], ['P2', '0.00', 'none'], ['P3', '3.10', 'partner']]);
    expect(r[2]!.weOwe).toBe('0.00');
  });

  it('one statement per partner and settlement currency sums its netting agreements, converting GBP at the period-end rate', () => {
    // A: EUR agreement, our invoice 1,000.00 EUR. B: GBP agreement settled in EUR, their
    // statement 2,500.00 GBP × 1.17 (GBP->EUR on 2026-03-31, the period's last day) = 2,925.00 EUR.
    // ORANGE owes 1,000.00; we owe 2,925.00; 2,925.00 − 1,000.00 = 1,925.00 paid by us.
    const r = settlementStatements(
      [doc('A', 'invoice', '1000.00'), doc('B', 'statement', '2500.00', { currency: 'GBP' })],
      [plan('A'), plan('B', { currency: 'GBP', settle: GBP_TO_EUR })],
    );
    expect(r).toHaveLength(1);
    const s = r[0]!;
    expect([s.currency, s.theyOwe, s.weOwe, s.net, s.payer]).toEqual(['EUR', '1000.00', '2925.00', '1925.00', 'us']);
    expect(s.agreements).toEqual([{ id: 'A', version: 1 }, { id: 'B', version: 1 }]);
    expect(s.documents.map((d) => [d.agreement, d.currency, d.gross, d.rate, d.amount])).toEqual([
      ['A', 'EUR', '1000.00', null, '1000.00'],
      ['B', 'GBP', '2500.00', '1.17', '2925.00'],
    ]);
    expect(s.fx).toEqual([{ from: 'GBP', to: 'EUR', rate: '1.17', date: '2026-03-31', table: 'fx/ecb.csv', agreement: 'B' }]);
    expect(settlementLine(s)).toBe('ACME-UK/ORANGE (A, B): ACME-UK owes 2925.00, ORANGE owes 1000.00 EUR: ACME-UK pays ORANGE 1925.00 EUR; FX GBP->EUR 1.17 on 2026-03-31 (fx/ecb.csv)');
  });

  it('rounds each converted document half-up at the settlement currency minor unit', () => {
    // 10.50 GBP × 1.17 = 12.285 → 12.29 EUR (half-up; half-even would give 12.28);
    // 0.10 GBP × 1.17 = 0.117 → 0.12 EUR. They owe 12.29, we owe 0.12: 12.29 − 0.12 = 12.17 paid by ORANGE.
    const r = settlementStatements(
      [doc('B', 'invoice', '10.50', { currency: 'GBP' }), doc('B', 'statement', '0.10', { currency: 'GBP' })],
      [plan('B', { currency: 'GBP', settle: GBP_TO_EUR })],
    );
    expect(r.map((s) => [s.theyOwe, s.weOwe, s.net, s.payer])).toEqual([['12.29', '0.12', '12.17', 'partner']]);
    expect(r[0]!.fx).toHaveLength(1);
  });

  it('a missing rate is an error naming the agreement, the pair and the date', () => {
    expect(() => settlementStatements([doc('B', 'invoice', '1.00', { currency: 'GBP', end: '2026-04-30' })], [plan('B', { currency: 'GBP', settle: GBP_TO_EUR })]))
      .toThrow('B: no GBP->EUR rate dated 2026-04-30 (the period\'s last day) in fx/ecb.csv (settlement currency line b.icx:40)');
  });

  it('keeps settlement currencies, our entities and non-netting agreements apart', () => {
    const r = settlementStatements(
      [doc('A', 'invoice', '1.00'), doc('G', 'invoice', '2.00', { currency: 'GBP' }), doc('I', 'invoice', '3.00', { us: 'ACME-IE' }), doc('N', 'invoice', '4.00')],
      [plan('A'), plan('G', { currency: 'GBP' }), plan('I', { us: 'ACME-IE' }), plan('N', { netting: 'none' })],
    );
    // G settles in its own GBP (no settlement currency stated); I is billed by ACME-IE; N does not net
    expect(r.map((s) => [s.us, s.partner, s.currency, s.theyOwe])).toEqual([
      ['ACME-IE', 'ORANGE', 'EUR', '3.00'], ['ACME-UK', 'ORANGE', 'EUR', '1.00'], ['ACME-UK', 'ORANGE', 'GBP', '2.00'],
    ]);
  });

  it('references the documents by number once issued', () => {
    const draft = settlementStatements([doc('A', 'invoice', '5.00'), doc('A', 'statement', '2.00')], [plan('A')]);
    const issued = [{ ...doc('A', 'invoice', '5.00'), number: 'ACME-UK-2026-000007' }, doc('A', 'statement', '2.00')];
    const s = withNumbers(draft, issued)[0]!;
    expect(s.documents.map((d) => [d.kind, d.number, d.document])).toEqual([
      ['invoice', 'ACME-UK-2026-000007', 'ACME-UK-2026-000007'],
      ['statement', null, 'BR-2026-03-A-statement'],
    ]);
    // the figures are the draft's: 5.00 − 2.00 = 3.00 paid by ORANGE
    expect([s.net, s.payer]).toEqual(['3.00', 'partner']);
  });
});
