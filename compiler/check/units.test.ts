import { describe, it } from 'vitest';
import { agreement, expectDiagnostics } from '../test-support/expect-diagnostics.js';

const voice = (items: string) => agreement(`  service vt voice payable {\n${items}\n  }`);

describe('units against the service kind (ICX3001)', () => {
  it('reports EUR/msg on a voice service at the unit', () => {
    expectDiagnostics(voice(`    billing 60/60\n    rate any 0.0123 EUR/⟦msg⟧`), [{ code: 'ICX3001', message: 'EUR/min' }]);
  });

  it('reports EUR/min on an sms service', () => {
    expectDiagnostics(agreement(`  service s sms receivable {\n    rate any 0.005 EUR/⟦min⟧\n  }`), [
      { code: 'ICX3001', message: 'EUR/msg' },
    ]);
  });

  it('reports a price per unit per period on a voice service at the period', () => {
    expectDiagnostics(voice(`    billing 60/60\n    rate any 0.0123 EUR/min/⟦month⟧`), [{ code: 'ICX3001', message: 'min/month' }]);
  });

  it('reads a rate line without a zone as `any`', () => {
    expectDiagnostics(voice(`    billing 60/60\n    rate 0.0123 EUR/min\n    ⟦rate any 0.0100 EUR/min⟧`), [{ code: 'ICX4007', message: 'Zone any' }]);
  });

  it('reports sec (only min is accepted for voice)', () => {
    expectDiagnostics(voice(`    billing 60/60\n    rate any 0.0002 EUR/⟦sec⟧`), [{ code: 'ICX3001' }]);
  });
});

describe('currencies', () => {
  it('reports a price in another currency (ICX3002)', () => {
    expectDiagnostics(voice(`    billing 60/60\n    rate any 0.0123 ⟦USD⟧/min`), [{ code: 'ICX3002', message: 'EUR' }]);
  });

  it('reports a connect fee in another currency (ICX3002)', () => {
    expectDiagnostics(voice(`    billing 60/60\n    connect fee 0.01 ⟦GBP⟧\n    rate any 0.0123 EUR/min`), [{ code: 'ICX3002' }]);
  });

  it('reports a non-ISO agreement currency (ICX3003)', () => {
    const header = `  parties {
    us ACME "ACME"
    partner ORANGE "Orange" type interconnect
  }
  currency ⟦EURO⟧
  valid 2026-01-01 .. 2026-12-31
  timezone Europe/Paris
`;
    expectDiagnostics(agreement(`  service s sms receivable {\n    rate any 0.005 ⟦EURO⟧/msg\n  }`, { header }), [
      { code: 'ICX3003' },
      { code: 'ICX3003' },
    ]);
  });

  it('reports a non-ISO price currency (ICX3003)', () => {
    expectDiagnostics(voice(`    billing 60/60\n    rate any 0.0123 ⟦XYZ⟧/min`), [{ code: 'ICX3003' }]);
  });
});

describe('partner type (ICX3008)', () => {
  it('reports a type outside the list', () => {
    const header = `  parties {
    us ACME "ACME"
    partner ORANGE "Orange" type ⟦carrier⟧
  }
  currency EUR
  valid 2026-01-01 .. 2026-12-31
  timezone Europe/Paris
`;
    expectDiagnostics(agreement(`  service s sms receivable {\n    rate any 0.005 EUR/msg\n  }`, { header }), [
      { code: 'ICX3008', message: 'wholesale' },
    ]);
  });
});

describe('billing increments (ICX3004)', () => {
  it('reports 0/0', () => {
    expectDiagnostics(voice(`    billing ⟦0⟧/⟦0⟧\n    rate any 0.0123 EUR/min`), [{ code: 'ICX3004' }, { code: 'ICX3004' }]);
  });

  it('reports 60/0', () => {
    expectDiagnostics(voice(`    billing 60/⟦0⟧\n    rate any 0.0123 EUR/min`), [{ code: 'ICX3004', message: 'next' }]);
  });

  it('reports a fractional increment', () => {
    expectDiagnostics(voice(`    billing ⟦1.5⟧/1\n    rate any 0.0123 EUR/min`), [{ code: 'ICX3004', message: 'first' }]);
  });

  it('reports a minimum that is not whole seconds', () => {
    expectDiagnostics(voice(`    billing 60/60 minimum ⟦1500ms⟧\n    rate any 0.0123 EUR/min`), [{ code: 'ICX3004', message: 'whole seconds' }]);
  });

  it('accepts a minimum in minutes', () => {
    expectDiagnostics(voice(`    billing 60/60 minimum 2min\n    rate any 0.0123 EUR/min`), []);
  });

  it('reports billing on an sms service (ICX3007)', () => {
    expectDiagnostics(agreement(`  service s sms receivable {\n    ⟦billing 60/60⟧\n    rate any 0.005 EUR/msg\n  }`), [
      { code: 'ICX3007', message: 'per message' },
    ]);
  });
});

describe('version (ICX3007)', () => {
  for (const bad of ['0', '1.5']) {
    it(`reports version ${bad}`, () => {
      expectDiagnostics(
        agreement(`  version ⟦${bad}⟧\n  service s sms receivable {\n    rate any 0.005 EUR/msg\n  }`),
        [{ code: 'ICX3007', message: 'positive whole number' }],
      );
    });
  }
});

describe('amounts finer than the record rounding (ICX3010)', () => {
  it('warns about an sms price with more decimals than records keep', () => {
    expectDiagnostics(agreement(`  service s sms receivable {\n    rate any ⟦0.0000005⟧ EUR/msg\n  }`), [{ code: 'ICX3010', message: '6' }]);
  });

  it('follows a stated record rounding, and exempts per-minute prices', () => {
    expectDiagnostics(
      voice(`    billing 60/60\n    rounding half-up 2 decimals per record\n    connect fee ⟦0.015⟧ EUR\n    rate any 0.0123 EUR/min`),
      [{ code: 'ICX3010', message: 'rounded to 2' }],
    );
  });
});

describe('quality targets (ICX3001)', () => {
  it('reports an ASR written as a duration and a PDD written as a percentage', () => {
    expectDiagnostics(
      agreement(`  interconnect LON {
    trunks TG1
    quality asr >= ⟦45s⟧ pdd <= ⟦4%⟧
  }
  service s sms receivable {
    rate any 0.005 EUR/msg
  }`),
      [{ code: 'ICX3001', message: 'percentage' }, { code: 'ICX3001', message: 'duration' }],
    );
  });
});

describe('money the rating engine cannot hold exactly (ICX3007)', () => {
  it('reports a price with more than 9 decimals', () => {
    expectDiagnostics(voice(`    billing 60/60\n    rate any ⟦0.0123456789⟧ EUR/min`), [{ code: 'ICX3007', message: '9 decimals' }]);
  });

  it('accepts a price with exactly 9 decimals', () => {
    expectDiagnostics(voice(`    billing 60/60\n    rate any 0.012345678 EUR/min`), []);
  });

  it('reports an absurdly large price and connect fee', () => {
    expectDiagnostics(
      voice(`    billing 60/60\n    connect fee ⟦12_345_678⟧ EUR\n    rate any ⟦99999999999999999999⟧ EUR/min`),
      [{ code: 'ICX3007', message: 'larger' }, { code: 'ICX3007', message: 'larger' }],
    );
  });

  it('reports rounding to more than 9 decimals', () => {
    expectDiagnostics(voice(`    billing 60/60\n    rounding half-up ⟦12⟧ decimals per record\n    rate any 0.0123 EUR/min`), [
      { code: 'ICX3007', message: '0 to 9' },
    ]);
  });
});
