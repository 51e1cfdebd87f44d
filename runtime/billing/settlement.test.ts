// Settlement statements from a bill run's documents: what each side owes and who pays the balance.
import { describe, expect, it } from 'vitest';
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import type { InvoiceDocument } from './invoice-document.js';
import { settlementLine, settlementStatements } from './settlement.js';

const plan = (id: string, netting: 'bilateral' | 'none' | null) => ({ plan: { id, settlement: netting === null ? null : { netting } } }) as unknown as HashedAgreementPlan;

function doc(agreement: string, kind: 'invoice' | 'statement', gross: string, currency = 'EUR'): InvoiceDocument {
  const us = { name: 'ACME-UK', legalName: null, vat: null, address: null };
  const them = { name: 'ORANGE', legalName: null, vat: null, address: null };
  return {
    format: 1, kind, number: null, billRunId: 'BR-2026-03', issueDate: '2026-03-31', dueDate: '2026-04-30',
    period: { start: '2026-03-01', end: '2026-03-31' },
    issuer: kind === 'invoice' ? us : them, recipient: kind === 'invoice' ? them : us,
    agreement: { id: agreement, version: 1, title: null, planHash: 'h' }, currency, lines: [],
    fx: [{ from: 'SDR', to: 'EUR', rate: '1.170642', date: '2026-03-02', table: 'fx/gsma-2026.csv' }],
    taxes: [], totals: { net: gross, tax: '0.00', gross }, corrects: null, notes: [],
  };
}

describe('settlementStatements', () => {
  it('nets the two directions: we owe 250,000.00, they owe 0.02, so we pay 249,999.98', () => {
    const { statements, notNetted } = settlementStatements([doc('A', 'invoice', '0.02'), doc('A', 'statement', '250000.00')], [plan('A', 'bilateral')]);
    expect(notNetted).toEqual([]);
    expect(statements.map((s) => [s.weOwe, s.theyOwe, s.net, s.payer])).toEqual([['250000.00', '0.02', '249999.98', 'us']]);
    expect(settlementLine(statements[0]!)).toBe('A: ACME-UK owes 250000.00, ORANGE owes 0.02 EUR: ACME-UK pays ORANGE 249999.98 EUR');
    // the FX rates both documents used, once
    expect(statements[0]!.fx).toHaveLength(1);
  });

  it('the partner pays when it owes more; nothing is paid when the two are equal; one side alone nets against zero', () => {
    const r = settlementStatements(
      [doc('A', 'invoice', '120.50'), doc('A', 'statement', '20.25'), doc('B', 'invoice', '7.00'), doc('B', 'statement', '7.00'), doc('C', 'invoice', '3.10')],
      [plan('A', 'bilateral'), plan('B', 'bilateral'), plan('C', 'bilateral')],
    );
    // 120.50 − 20.25 = 100.25 owed by the partner; 7.00 − 7.00 = 0; 3.10 − 0 = 3.10
    expect(r.statements.map((s) => [s.agreement.id, s.net, s.payer])).toEqual([['A', '100.25', 'partner'], ['B', '0.00', 'none'], ['C', '3.10', 'partner']]);
    expect(r.statements[2]!.weOwe).toBe('0.00');
  });

  it('does not net agreements without bilateral netting, nor documents in two currencies', () => {
    const r = settlementStatements(
      [doc('A', 'invoice', '1.00'), doc('A', 'statement', '2.00'), doc('X', 'invoice', '1.00', 'EUR'), doc('X', 'statement', '2.00', 'USD')],
      [plan('A', 'none'), plan('X', 'bilateral')],
    );
    expect(r.statements).toEqual([]);
    expect(r.notNetted).toEqual(['X: its documents are in EUR and USD; settle them gross']);
  });
});
