import { describe, it } from 'vitest';
import { agreement, expectDiagnostics } from '../test-support/expect-diagnostics.js';

const svc = `
  zones {
    FR-MOBILE  33 6
  }
  service voice-termination voice payable {
    billing 60/60
    rate FR-MOBILE 0.0123 EUR/min
  }`;

describe('required declarations (ICX3005)', () => {
  it('reports a missing currency at the agreement id', () => {
    const header = `  parties {
    us ACME "ACME"
    partner ORANGE "Orange" type interconnect
  }
  valid 2026-01-01 .. 2026-12-31
  timezone Europe/Paris
`;
    expectDiagnostics(`agreement ⟦T-1⟧ "t" {\n${header}${svc}\n}\n`, [{ code: 'ICX3005', message: 'currency' }]);
  });

  it('reports each missing declaration', () => {
    expectDiagnostics(`agreement ⟦⟦⟦⟦⟦T-1⟧⟧⟧⟧⟧ {\n${svc}\n}\n`, [
      { code: 'ICX3005', message: '`us`' },
      { code: 'ICX3005', message: '`partner`' },
      { code: 'ICX3005', message: 'currency' },
      { code: 'ICX3005', message: 'valid' },
      { code: 'ICX3005', message: 'timezone' },
    ]);
  });

  it('reports a voice service without billing at its name', () => {
    expectDiagnostics(
      agreement(`  zones {
    FR  33
  }
  service ⟦vt⟧ voice payable {
    rate FR 0.0123 EUR/min
  }`),
      [{ code: 'ICX3005', message: 'billing' }],
    );
  });
});

describe('declared twice (ICX3006)', () => {
  it('reports the second currency', () => {
    expectDiagnostics(agreement(`  ⟦currency EUR⟧\n${svc}`), [{ code: 'ICX3006', message: 'already declared' }]);
  });

  it('reports a second billing line in a service', () => {
    expectDiagnostics(
      agreement(`  zones {
    FR  33
  }
  service vt voice payable {
    billing 60/60
    ⟦billing 1/1⟧
    rate FR 0.0123 EUR/min
  }`),
      [{ code: 'ICX3006' }],
    );
  });
});

describe('duplicate names (ICX2001)', () => {
  it('reports a zone defined twice', () => {
    expectDiagnostics(
      agreement(`  zones {
    FR  33 1
    ⟦FR⟧  33 2
  }
  service vt voice payable {
    billing 60/60
    rate FR 0.0123 EUR/min
  }`),
      [{ code: 'ICX2001', message: 'zone FR is already defined at test.icx:10' }],
    );
  });

  it('refuses a zone called any', () => {
    expectDiagnostics(
      agreement(`  zones {
    ⟦any⟧  33
  }
  service vt voice payable {
    billing 60/60
    rate any 0.0123 EUR/min
  }`),
      [{ code: 'ICX2001', message: 'built in' }],
    );
  });

  it('reports a service defined twice', () => {
    expectDiagnostics(
      agreement(`  service vt voice payable {
    billing 60/60
    rate any 0.0123 EUR/min
  }
  service ⟦vt⟧ sms payable {
    rate any 0.01 EUR/msg
  }`),
      [{ code: 'ICX2001' }],
    );
  });

  it('reports a band, a holiday calendar and an interconnect defined twice', () => {
    expectDiagnostics(
      agreement(`  interconnect LON {
    trunks TG1
  }
  interconnect ⟦LON⟧ {
    trunks TG2
  }
  holidays FR { 2026-05-01 }
  holidays ⟦FR⟧ { 2026-07-14 }
  timebands {
    peak  mon-fri 08:00-20:00
    ⟦peak⟧  sat-sun
    offpeak  otherwise
  }
  service vt voice payable {
    billing 60/60
    rate any 0.0123 EUR/min
  }`),
      [{ code: 'ICX2001' }, { code: 'ICX2001' }, { code: 'ICX2001' }],
    );
  });

  it('reports two tests with one title', () => {
    expectDiagnostics(
      agreement(`  service vt voice payable {
    billing 60/60
    rate any 0.0120 EUR/min
  }
  test "one minute" {
    usage vt to 33612345678 at 2026-03-02T10:00:00 for 60s
    expect 0.012 EUR
  }
  test ⟦"one minute"⟧ {
    usage vt to 33612345678 at 2026-03-02T10:00:00 for 60s
    expect 0.012 EUR
  }`),
      [{ code: 'ICX2001', message: 'test' }],
    );
  });
});

describe('unknown references', () => {
  it('reports an unknown zone in a rate and in a bar (ICX2002)', () => {
    expectDiagnostics(
      agreement(`  service vt voice payable {
    billing 60/60
    rate ⟦FR-MOBIL⟧ 0.0123 EUR/min
    bar ⟦FR-PREM⟧
  }`),
      [{ code: 'ICX2002', message: 'FR-MOBIL' }, { code: 'ICX2002' }],
    );
  });

  it('reports an unknown band (ICX2003)', () => {
    expectDiagnostics(
      agreement(`  timebands {
    peak  mon-fri 08:00-20:00
    offpeak  otherwise
  }
  service vt voice payable {
    billing 60/60
    rate any peak 0.0123 EUR/min ⟦night⟧ 0.01 EUR/min offpeak 0.01 EUR/min
  }`),
      [{ code: 'ICX2003', message: 'peak, offpeak' }],
    );
  });

  it('reports a band name in an agreement without time bands (ICX2003)', () => {
    expectDiagnostics(
      agreement(`  service vt voice payable {
    billing 60/60
    rate any ⟦peak⟧ 0.0123 EUR/min
  }`),
      [{ code: 'ICX2003', message: 'no time bands' }],
    );
  });

  it('reports an unknown service in a test (ICX2004)', () => {
    expectDiagnostics(
      agreement(`  service vt voice payable {
    billing 60/60
    rate any 0.0120 EUR/min
  }
  test "t" {
    usage ⟦voice-term⟧ to 33612345678 at 2026-03-02T10:00:00 for 60s
    expect 0.012 EUR
  }`),
      [{ code: 'ICX2004', message: 'vt' }],
    );
  });

  it('reports an unknown holiday calendar (ICX2005)', () => {
    expectDiagnostics(
      agreement(`  timebands {
    peak  mon-fri 08:00-20:00 except holidays ⟦FR⟧
    offpeak  otherwise
  }
  service vt voice payable {
    billing 60/60
    rate any 0.0123 EUR/min
  }`),
      [{ code: 'ICX2005' }],
    );
  });
});

describe('services by kind and direction (ICX2008)', () => {
  it('reports a second voice payable service', () => {
    expectDiagnostics(
      agreement(`  service vt voice payable {
    billing 60/60
    rate any 0.0123 EUR/min
  }
  service ⟦vt2⟧ voice payable {
    billing 60/60
    rate any 0.0100 EUR/min
  }`),
      [{ code: 'ICX2008', message: 'voice payable' }],
    );
  });

  it('reports a service repeated under the same name once, as a duplicate', () => {
    expectDiagnostics(
      agreement(`  service vt voice payable {
    billing 60/60
    rate any 0.0123 EUR/min
  }
  service ⟦vt⟧ voice payable {
    billing 60/60
    rate any 0.0100 EUR/min
  }`),
      [{ code: 'ICX2001' }],
    );
  });
});

describe('more duplicates', () => {
  it('reports a second partner (ICX3006) and a trunk listed twice in one agreement (ICX2001)', () => {
    const header = `  parties {
    us ACME "ACME"
    partner ORANGE "Orange" type interconnect
    ⟦partner SFR "SFR" type interconnect⟧
  }
  currency EUR
  valid 2026-01-01 .. 2026-12-31
  timezone Europe/Paris
`;
    expectDiagnostics(
      agreement(
        `  interconnect LON {
    trunks TG1 ⟦TG1⟧
  }
  service s sms receivable {
    rate any 0.005 EUR/msg
  }`,
        { header },
      ),
      [{ code: 'ICX3006', message: 'partner' }, { code: 'ICX2001', message: 'trunk' }],
    );
  });
});
