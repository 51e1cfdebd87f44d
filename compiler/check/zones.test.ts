import { describe, it } from 'vitest';
import { agreement, expectDiagnostics } from '../test-support/expect-diagnostics.js';

describe('zones and prefixes', () => {
  it('reports a prefix in two zones used by one service (ICX5001)', () => {
    expectDiagnostics(
      agreement(`  zones {
    FR-MOBILE  33 6, 33 7
    FR-OTHER   ⟦33 6⟧
  }
  service vt voice payable {
    billing 60/60
    rate FR-MOBILE 0.01 EUR/min
    bar FR-OTHER
  }`),
      [{ code: 'ICX5001', message: 'FR-MOBILE' }],
    );
  });

  it('allows a prefix in two zones used by different services', () => {
    expectDiagnostics(
      agreement(`  zones {
    FR-MOBILE  33 6
    FR-ALT     33 6
  }
  service vt voice payable {
    billing 60/60
    rate FR-MOBILE 0.01 EUR/min
  }
  service vo voice receivable {
    billing 60/60
    rate FR-ALT 0.01 EUR/min
  }`),
      [],
    );
  });

  it('warns about a duplicate prefix within a zone (ICX5007)', () => {
    expectDiagnostics(
      agreement(`  zones {
    FR-MOBILE  33 6, ⟦336⟧
  }
  service vt voice payable {
    billing 60/60
    rate FR-MOBILE 0.01 EUR/min
  }`),
      [{ code: 'ICX5007' }],
    );
  });

  it('reports a prefix that is not digits (ICX3009)', () => {
    expectDiagnostics(
      agreement(`  zones {
    FR-MOBILE  ⟦33.6⟧
  }
  service vt voice payable {
    billing 60/60
    rate FR-MOBILE 0.01 EUR/min
  }`),
      [{ code: 'ICX3009' }],
    );
  });

  it('warns about a zone no service uses (ICX5002)', () => {
    expectDiagnostics(
      agreement(`  zones {
    FR-MOBILE  33 6
    ⟦FR-FIXED⟧   33 1
  }
  service vt voice payable {
    billing 60/60
    rate FR-MOBILE 0.01 EUR/min
  }`),
      [{ code: 'ICX5002' }],
    );
  });
});
