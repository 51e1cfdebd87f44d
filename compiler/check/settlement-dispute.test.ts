// Dispute deadlines in the settlement block: checked (ICX3701, ICX3702, ICX3006) and lowered into
// plan.settlement.disputeDeadlines, absent when not written.
import { describe, expect, it } from 'vitest';
import { agreement, expectClean, expectDiagnostics } from '../test-support/expect-diagnostics.js';

describe('dispute deadlines', () => {
  it('lowers both deadlines into the plan', () => {
    const r = expectClean(agreement('  settlement {\n    dispute tolerance 1%\n    dispute within 30 days\n    dispute answer within 15 days\n  }'));
    expect(r.compiled.plans[0]!.plan.settlement).toEqual({
      invoicing: null, dueDays: null, netting: null, disputeTolerance: { percent: '1', amount: null, currency: null },
      disputeDeadlines: { raiseDays: 30, answerDays: 15 },
    });
  });

  it('records only what is written; the key is absent when neither is', () => {
    const r = expectClean(agreement('  settlement {\n    dispute within 45 days\n  }'));
    expect(r.compiled.plans[0]!.plan.settlement?.disputeDeadlines).toEqual({ raiseDays: 45, answerDays: null });
    const none = expectClean(agreement('  settlement {\n    netting none\n  }'));
    expect('disputeDeadlines' in none.compiled.plans[0]!.plan.settlement!).toBe(false);
  });

  it('reports a deadline that is not a whole number of days from 1 to 366 (ICX3701)', () => {
    expectDiagnostics(agreement('  settlement {\n    dispute within ⟦0⟧ days\n  }'), [{ code: 'ICX3701', message: 'from 1 to 366' }]);
    expectDiagnostics(agreement('  settlement {\n    dispute answer within ⟦400⟧ days\n  }'), [{ code: 'ICX3701', message: 'not 400' }]);
    expectDiagnostics(agreement('  settlement {\n    dispute within ⟦7.5⟧ days\n  }'), [{ code: 'ICX3701' }]);
  });

  it('reports a deadline not in days (ICX3702)', () => {
    expectDiagnostics(agreement('  settlement {\n    dispute within 4 ⟦weeks⟧\n  }'), [{ code: 'ICX3702', message: '`dispute within 30 days`' }]);
    expectDiagnostics(agreement('  settlement {\n    dispute answer within 2 ⟦months⟧\n  }'), [{ code: 'ICX3702', message: '`dispute answer within 30 days`' }]);
  });

  it('reports a deadline stated twice (ICX3006)', () => {
    expectDiagnostics(
      agreement('  settlement {\n    dispute within 30 days\n    ⟦dispute within 60 days⟧\n  }'),
      [{ code: 'ICX3006', message: '`dispute within` is already stated' }],
    );
  });
});

describe('dispute deadlines in icx diff', () => {
  it('reports them as one settlement term', async () => {
    const { diffAgreement } = await import('../diff/index.js');
    const plan = (src: string) => expectClean(agreement(src)).compiled.plans[0]!.plan;
    const o = plan('  settlement {\n    netting none\n  }');
    const n = plan('  settlement {\n    netting none\n    dispute within 30 days\n    dispute answer within 15 days\n  }');
    const side = (p: typeof o) => ({ plans: [p], decks: new Map() });
    const changes = diffAgreement(side(o), side(n), o, n, null).filter((c) => c.kind === 'settlement');
    expect(changes.map((c) => c.text)).toEqual(['settlement dispute deadlines raise within 30 days, answer within 15 days']);
    // unchanged (both absent) is no change
    expect(diffAgreement(side(o), side(o), o, o, null)).toEqual([]);
  });
});
