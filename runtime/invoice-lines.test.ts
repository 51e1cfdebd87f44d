import { describe, expect, it } from 'vitest';
import { invoiceLines, roundAmount } from './invoice-lines.js';
import type { HashedAgreementPlan } from '../compiler/index.js';
import type { SummaryRow } from './rate.js';

const row = (service: string, amount: string): SummaryRow => ({
  agreementId: 'A', service, zone: 'Z', band: 'peak', currency: 'EUR', records: 3, billedSeconds: '0', units: '0', amount,
});

// Only the fields invoiceLines reads; the rest of a plan does not matter here.
const plans = [
  {
    hash: 'h',
    plan: {
      id: 'A',
      services: [
        { name: 'rounded', invoiceLineRounding: { method: 'half-even', decimals: 2 }, recordRounding: { method: 'half-up', decimals: 4 } },
        { name: 'plain', invoiceLineRounding: null, recordRounding: { method: 'half-up', decimals: 6 } },
      ],
    },
  },
] as unknown as HashedAgreementPlan[];

describe('invoice lines', () => {
  it('rounds a line total by the service rule, and leaves other services as the sum of records', () => {
    const [a, b] = invoiceLines([row('rounded', '0.0492'), row('plain', '0.005242')], plans);
    expect(a!.lineAmount).toBe('0.05'); // 0.0492 → 2 dp half-even: 0.05
    expect(a!.recordDecimals).toBe(4);
    expect(b!.lineAmount).toBe('0.005242'); // no line rule: the sum of the rounded records
    expect(b!.lineRounding).toBeNull();
  });

  it('rounds exact halves by each method', () => {
    // 0.125 → 2 dp: half-up 0.13, half-even 0.12 (2 is even), up 0.13, down 0.12
    expect(roundAmount('0.125', { method: 'half-up', decimals: 2 })).toBe('0.13');
    expect(roundAmount('0.125', { method: 'half-even', decimals: 2 })).toBe('0.12');
    expect(roundAmount('0.135', { method: 'half-even', decimals: 2 })).toBe('0.14'); // 4 is even
    expect(roundAmount('0.121', { method: 'up', decimals: 2 })).toBe('0.13');
    expect(roundAmount('0.129', { method: 'down', decimals: 2 })).toBe('0.12');
    expect(roundAmount('7', { method: 'half-up', decimals: 2 })).toBe('7.00');
  });
});
