import { describe, expect, it } from 'vitest';
import { agreement, expectDiagnostics } from '../test-support/expect-diagnostics.js';

const base = (test: string) =>
  agreement(`  service vt voice payable {
    billing 60/60
    rate any 0.0120 EUR/min
  }
  service s sms receivable {
    rate any 0.005 EUR/msg
  }
${test}`);

describe('test blocks', () => {
  it('reports a voice usage without a duration (ICX6001)', () => {
    expectDiagnostics(base(`  test "t" {\n    ⟦usage vt to 33612345678 at 2026-03-02T10:00:00⟧\n    expect 0.012 EUR\n  }`), [
      { code: 'ICX6001', message: 'for <duration>' },
    ]);
  });

  it('reports a duration on an sms usage (ICX6001)', () => {
    expectDiagnostics(base(`  test "t" {\n    usage s to 33612345678 at 2026-03-02T10:00:00 for ⟦60s⟧\n    expect 0.005 EUR\n  }`), [
      { code: 'ICX6001' },
    ]);
  });

  it('reports an expected amount in another currency (ICX3002)', () => {
    expectDiagnostics(base(`  test "t" {\n    usage s to 33612345678 at 2026-03-02T10:00:00\n    expect 0.005 ⟦USD⟧\n  }`), [
      { code: 'ICX3002' },
    ]);
  });

  it('reports an unknown suspense reason (ICX6002)', () => {
    expectDiagnostics(base(`  test "t" {\n    usage s to 33612345678 at 2026-03-02T10:00:00\n    expect suspense ⟦blocked⟧\n  }`), [
      { code: 'ICX6002', message: 'barred' },
    ]);
  });

  it('reports an impossible start time (ICX4001)', () => {
    expectDiagnostics(base(`  test "t" {\n    usage s to 33612345678 at ⟦2026-02-30T10:00:00⟧\n    expect 0.005 EUR\n  }`), [
      { code: 'ICX4001' },
    ]);
  });
});

describe('every check runs', () => {
  it('reports every problem of one agreement in one compile, and produces no plan', () => {
    const r = expectDiagnostics(
      agreement(`  zones {
    FR  ⟦33.6⟧
  }
  service vt voice payable {
    billing ⟦0⟧/60
    rate ⟦DE⟧ 0.01 EUR/⟦msg⟧
  }
  test "t" {
    usage s to 33612345678 at 2026-03-02T10:00:00
    expect 0.005 EUR billed ⟦60s⟧
  }
  service s sms receivable {
    rate any 0.005 ⟦GBP⟧/msg
  }`),
      [
        { code: 'ICX3009' },
        { code: 'ICX3004' },
        { code: 'ICX2002' },
        { code: 'ICX3001' },
        { code: 'ICX6001', message: 'billed' },
        { code: 'ICX3002' },
      ],
      { ignore: ['ICX5002'] },
    );
    expect(r.compiled.plans).toEqual([]);
  });
});
