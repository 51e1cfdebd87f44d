import { describe, it } from 'vitest';
import { agreement, expectDiagnostics } from '../test-support/expect-diagnostics.js';

const banded = (lines: string) =>
  agreement(`  timebands {
    peak  mon-fri 08:00-20:00
    offpeak  otherwise
  }
  zones {
    FR  33
    FR-PREMIUM  33 89
  }
  service vt voice payable {
    billing 60/60
${lines}
  }`);

describe('rate lines', () => {
  it('reports a rate that prices only some bands (ICX5003)', () => {
    expectDiagnostics(banded(`    ⟦rate FR peak 0.02 EUR/min⟧\n    bar FR-PREMIUM`), [{ code: 'ICX5003', message: 'band offpeak' }]);
  });

  it('accepts a band price with a band-less price for the others', () => {
    expectDiagnostics(banded(`    rate FR peak 0.02 EUR/min 0.01 EUR/min\n    bar FR-PREMIUM`), []);
  });

  it('reports a rate for a barred zone (ICX5004)', () => {
    expectDiagnostics(banded(`    rate FR 0.01 EUR/min\n    rate ⟦FR-PREMIUM⟧ 0.50 EUR/min\n    bar FR-PREMIUM`), [{ code: 'ICX5004' }]);
  });

  it('reports a service with no rate lines (ICX5005)', () => {
    expectDiagnostics(
      agreement(`  zones {
    FR  33
  }
  service ⟦vt⟧ voice payable {
    billing 60/60
    bar FR
  }`),
      [{ code: 'ICX5005' }],
    );
  });

  it('reports a step that is not a positive whole number of seconds (ICX5006)', () => {
    expectDiagnostics(banded(`    rate FR first ⟦0s⟧ 0.02 EUR/min then 0.01 EUR/min\n    bar FR-PREMIUM`), [{ code: 'ICX5006' }]);
    expectDiagnostics(banded(`    rate FR first ⟦1500ms⟧ 0.02 EUR/min then 0.01 EUR/min\n    bar FR-PREMIUM`), [{ code: 'ICX5006' }]);
  });

  it('accepts well-formed steps', () => {
    expectDiagnostics(banded(`    rate FR first 60s 0.02 EUR/min next 1min 0.015 EUR/min then 0.01 EUR/min\n    bar FR-PREMIUM`), []);
  });

  it('reports a band priced twice on one line (ICX4007)', () => {
    expectDiagnostics(banded(`    rate FR peak 0.02 EUR/min ⟦peak 0.03 EUR/min⟧ offpeak 0.01 EUR/min\n    bar FR-PREMIUM`), [
      { code: 'ICX4007' },
    ]);
  });
});
