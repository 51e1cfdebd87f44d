import { describe, it } from 'vitest';
import { agreement, expectDiagnostics } from '../test-support/expect-diagnostics.js';

const sms = `  service s sms receivable {\n    rate any 0.005 EUR/msg\n  }`;
const header = (valid: string, tz = 'Europe/Paris') => `  parties {
    us ACME "ACME"
    partner ORANGE "Orange" type interconnect
  }
  currency EUR
  ${valid}
  timezone ${tz}
`;

describe('dates', () => {
  it('reports an impossible date (ICX4001)', () => {
    expectDiagnostics(agreement(sms, { header: header('valid 2026-01-01 .. ⟦2026-02-30⟧') }), [{ code: 'ICX4001' }]);
  });

  it('reports a validity that ends before it starts (ICX4002)', () => {
    expectDiagnostics(agreement(sms, { header: header('⟦valid 2026-12-31 .. 2026-01-01⟧') }), [{ code: 'ICX4002' }]);
  });

  it('accepts an open-ended validity', () => {
    expectDiagnostics(agreement(sms, { header: header('valid 2026-01-01 ..') }), []);
  });

  it('reports an unknown time zone (ICX4003)', () => {
    expectDiagnostics(agreement(sms, { header: header('valid 2026-01-01 .. 2026-12-31', '⟦Europe/Pariss⟧') }), [
      { code: 'ICX4003' },
    ]);
  });

  it('reports a zone name in the wrong case, suggesting the right one (ICX4003)', () => {
    expectDiagnostics(agreement(sms, { header: header('valid 2026-01-01 .. 2026-12-31', '⟦utc⟧') }), [
      { code: 'ICX4003', message: 'UTC' },
    ]);
  });

  it('accepts current IANA names that ICU resolves to older links', () => {
    for (const tz of ['Asia/Kolkata', 'Europe/Kyiv', 'America/Nuuk', 'Asia/Kathmandu']) {
      expectDiagnostics(agreement(sms, { header: header('valid 2026-01-01 .. 2026-12-31', tz) }), []);
    }
  });

  it('refuses a known zone written in the wrong case (ICX4003)', () => {
    expectDiagnostics(agreement(sms, { header: header('valid 2026-01-01 .. 2026-12-31', '⟦Asia/kolkata⟧') }), [
      { code: 'ICX4003' },
    ]);
  });

  it('accepts UTC', () => {
    expectDiagnostics(agreement(sms, { header: header('valid 2026-01-01 .. 2026-12-31', 'UTC') }), []);
  });

  it('warns about a holiday outside the validity (ICX4010)', () => {
    expectDiagnostics(
      agreement(`  holidays FR { 2026-05-01 ⟦2025-12-25⟧ }
  timebands {
    peak  mon-fri 08:00-20:00 except holidays FR
    offpeak  otherwise
  }
${sms}`),
      [{ code: 'ICX4010' }],
    );
  });
});

describe('effective dates', () => {
  const voice = (lines: string) => agreement(`  service vt voice payable {\n    billing 60/60\n${lines}\n  }`);

  it('reports a from before the validity (ICX4006)', () => {
    expectDiagnostics(voice(`    rate any 0.01 EUR/min from ⟦2025-12-01⟧`), [{ code: 'ICX4006', message: 'before' }]);
  });

  it('reports a from after the validity (ICX4006)', () => {
    expectDiagnostics(voice(`    rate any 0.01 EUR/min\n    rate any 0.02 EUR/min from ⟦2027-01-01⟧`), [{ code: 'ICX4006', message: 'after' }]);
  });

  it('reports two prices from the same date (ICX4007), a missing from meaning the validity start', () => {
    expectDiagnostics(voice(`    rate any 0.01 EUR/min\n    rate any 0.02 EUR/min from ⟦2026-01-01⟧`), [{ code: 'ICX4007' }]);
  });

  it('counts a band-less price for every band (ICX4007)', () => {
    expectDiagnostics(
      agreement(`  timebands {
    peak  mon-fri 08:00-20:00
    offpeak  otherwise
  }
  service vt voice payable {
    billing 60/60
    rate any 0.01 EUR/min from 2026-04-01
    rate any peak 0.02 EUR/min offpeak 0.01 EUR/min
    rate any peak 0.03 EUR/min offpeak 0.02 EUR/min from ⟦2026-04-01⟧
  }`),
      [{ code: 'ICX4007', message: 'every band' }],
    );
  });
});
