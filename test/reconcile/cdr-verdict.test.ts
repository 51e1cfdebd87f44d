// The verdict of a CDR reconciliation against `dispute tolerance 1% or 500 EUR`: within when the
// difference (theirs − ours) is at most the larger of 1% of their total and 500 EUR; exactly at
// the threshold is within; an undercharge is never disputed.
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { AgreementPlan } from '../../compiler/plan.js';
import { verdict } from '../../runtime/reconcile/cdr-verdict.js';

const plan = (tol: { percent: string | null; amount: string | null; currency: string | null } | null) =>
  ({ currency: 'EUR', settlement: tol ? { invoicing: null, dueDays: null, netting: null, disputeTolerance: tol } : null }) as unknown as AgreementPlan;
const ORANGE = plan({ percent: '1', amount: '500', currency: 'EUR' });
const v = (p: AgreementPlan, theirs: string, diff: string) => verdict(p, new Decimal(theirs), new Decimal(diff));

describe('reconcile cdrs: verdict', () => {
  it('the absolute threshold when it is the larger: exactly 500 EUR is within, 500.0001 is not', () => {
    // 1% of 20,000 = 200 < 500: the threshold is 500
    expect(v(ORANGE, '20000', '500').verdict).toBe('accept');
    expect(v(ORANGE, '20000', '500.0001').verdict).toBe('dispute');
    expect(v(ORANGE, '20000', '500').verdictReason).toBe(
      'difference 500 EUR is within tolerance (at most 500.00 EUR): the tolerance is the larger of 1% of their total 20000 EUR = 200.00 EUR and 500 EUR: 500.00 EUR');
  });

  it('the percentage when it is the larger: exactly 1% of 80,000 = 800 is within', () => {
    expect(v(ORANGE, '80000', '800').verdict).toBe('accept');
    expect(v(ORANGE, '80000', '800.01').verdict).toBe('dispute');
  });

  it('a percentage alone: exactly at it is within', () => {
    // 10% of 0.1230 = 0.0123
    const p = plan({ percent: '10', amount: null, currency: null });
    expect(v(p, '0.1230', '0.0123').verdict).toBe('accept');
    expect(v(p, '0.1230', '0.0124').verdict).toBe('dispute');
  });

  it('an undercharge (or nothing) is accepted; without a tolerance any overcharge is disputed', () => {
    expect(v(ORANGE, '100', '-900').verdict).toBe('accept');
    expect(v(plan(null), '100', '0').verdict).toBe('accept');
    expect(v(plan(null), '100', '0.0001')).toMatchObject({ verdict: 'dispute', tolerance: null });
  });

  it('an amount threshold in another currency is not applied, and said', () => {
    const p = plan({ percent: null, amount: '500', currency: 'USD' });
    expect(v(p, '1000', '10')).toMatchObject({ verdict: 'dispute' });
    expect(v(p, '1000', '10').verdictReason).toContain('500 USD (not in EUR: not applied)');
  });
});
