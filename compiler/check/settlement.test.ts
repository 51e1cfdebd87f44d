// The settlement block: checked, and lowered into the plan as recorded terms.
import { describe, expect, it } from 'vitest';
import { agreement, expectClean, expectDiagnostics } from '../test-support/expect-diagnostics.js';

describe('settlement terms', () => {
  it('lowers the sketch block into the plan', () => {
    const r = expectClean(agreement('  settlement {\n    invoicing monthly, due 30 days\n    netting bilateral\n    dispute tolerance 1% or 500 EUR\n  }'));
    expect(r.compiled.plans[0]!.plan.settlement).toEqual({
      invoicing: 'monthly', dueDays: 30, netting: 'bilateral', disputeTolerance: { percent: '1', amount: '500', currency: 'EUR' },
    });
  });

  it('records what is stated, null for the rest; no block is null', () => {
    const r = expectClean(agreement('  settlement {\n    dispute tolerance 250.50 EUR\n  }'));
    expect(r.compiled.plans[0]!.plan.settlement).toEqual({
      invoicing: null, dueDays: null, netting: null, disputeTolerance: { percent: null, amount: '250.50', currency: 'EUR' },
    });
    expect(expectClean(agreement('')).compiled.plans[0]!.plan.settlement).toBeNull();
  });

  it('reports unknown words, a term not in days, impossible values (ICX3202)', () => {
    expectDiagnostics(
      agreement('  settlement {\n    invoicing ⟦fortnightly⟧, due ⟦400⟧ ⟦weeks⟧\n    netting ⟦multilateral⟧\n    dispute tolerance ⟦150%⟧\n  }'),
      [
        { code: 'ICX3202', message: 'monthly, quarterly, yearly' },
        { code: 'ICX3202', message: '0 to 366' },
        { code: 'ICX3202', message: 'in days' },
        { code: 'ICX3202', message: 'bilateral, none' },
        { code: 'ICX3202', message: '0% to 100%' },
      ],
    );
    expectDiagnostics(agreement('  settlement {\n    dispute tolerance 5 EUR or ⟦6 EUR⟧\n  }'), [{ code: 'ICX3202', message: 'already has an amount' }]);
    expectDiagnostics(agreement('  settlement {\n    dispute tolerance 1% or ⟦2%⟧\n  }'), [{ code: 'ICX3202', message: 'already has a percentage' }]);
  });

  it('reports a tolerance in another currency (ICX3002) or not a currency (ICX3003)', () => {
    expectDiagnostics(agreement('  settlement {\n    dispute tolerance 1% or 500 ⟦USD⟧\n  }'), [{ code: 'ICX3002', message: 'settles in EUR' }]);
    expectDiagnostics(agreement('  settlement {\n    dispute tolerance 500 ⟦EURO⟧\n  }'), [{ code: 'ICX3003' }]);
  });

  it('reports a fact stated twice and a second settlement block (ICX3006)', () => {
    expectDiagnostics(
      agreement('  settlement {\n    netting none\n    ⟦netting bilateral⟧\n  }\n\n  ⟦settlement {\n  }⟧'),
      [{ code: 'ICX3006', message: '`netting` is already stated' }, { code: 'ICX3006', message: '`settlement` is already declared' }],
    );
  });
});
