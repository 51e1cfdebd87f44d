import { describe, it } from 'vitest';
import { agreement, expectClean, expectDiagnostics } from '../test-support/expect-diagnostics.js';

const VOICE = `  service vt voice payable {
    billing 60/60
    rate any 0.0120 EUR/min
  }
`;
const EVENT = (tiers: string, style = 'per month, incremental') => agreement(`  service api event receivable {
    tiered ${style}
${tiers}
  }`);
const DISCOUNT = (lines: string) => agreement(`${VOICE}  discount D on vt {
${lines}
  }`);

describe('tiers', () => {
  it('accepts the sketch constructs', () => {
    expectClean(agreement(`${VOICE}  service api event receivable {
    tiered per month, incremental
    tier 0 .. 1_000_000 calls 0.0040 EUR/call
    tier 1_000_000 .. 10_000_000 0.0030 EUR/call
    tier 10_000_000 .. 0.0020 EUR/call
  }
  service mvno-data data receivable {
    rate 0.0009 EUR/MB
    minimum 40_000 EUR per month
    maximum 100_000 EUR per month
  }
  service urllc slice receivable {
    rate 12_000 EUR/month not prorated
  }
  discount FR-MOBILE-VOLUME on vt {
    per month, retroactive
    tier 0 .. 1_000_000 min 0%
    tier 1_000_000 .. 8%
  }
  discount on mvno-data {
    per year, incremental
    tier 0 .. 500_000 GB 0%
    tier 500_000 GB .. 20%
  }
  commitment on vt {
    ACME commits 250_000 EUR per quarter
    shortfall invoiced at the end of the quarter
  }
  commitment on api {
    ORANGE commits 1_000_000 calls per month
    shortfall at 0.0010 EUR/call
  }`));
  });

  it('reports a first tier that does not start at 0 (ICX5401)', () => {
    expectDiagnostics(EVENT(`    tier ⟦10⟧ .. 100 calls 0.0040 EUR/call\n    tier 100 .. 0.0030 EUR/call`), [{ code: 'ICX5401', message: 'start at 0' }]);
  });

  it('reports a gap and an overlap between tiers (ICX5401)', () => {
    expectDiagnostics(EVENT(`    tier 0 .. 100 calls 0.0040 EUR/call\n    tier ⟦200⟧ .. 300 0.0030 EUR/call\n    tier ⟦250⟧ .. 0.0020 EUR/call`), [
      { code: 'ICX5401', message: 'gap' },
      { code: 'ICX5401', message: 'overlap' },
    ]);
  });

  it('reports a tier that ends where it starts (ICX5402)', () => {
    expectDiagnostics(EVENT(`    tier 0 .. ⟦0⟧ calls 0.0040 EUR/call\n    tier 0 .. 0.0030 EUR/call`), [{ code: 'ICX5402' }]);
  });

  it('reports an open tier before the last, and a closed last tier (ICX5403)', () => {
    expectDiagnostics(EVENT(`    ⟦tier⟧ 0 .. 0.0040 EUR/call\n    tier 0 .. ⟦100⟧ calls 0.0030 EUR/call`), [
      { code: 'ICX5403', message: 'upper bound' },
      { code: 'ICX5403', message: 'open-ended' },
    ]);
  });

  it('reports a tiered service with rate lines, and tiers without `tiered` (ICX5404)', () => {
    expectDiagnostics(agreement(`  service api event receivable {
    tiered per month, incremental
    tier 0 .. 0.0040 EUR/call
    ⟦rate⟧ 0.0040 EUR/call
  }
  service api2 sms receivable {
    rate 0.005 EUR/msg
    ⟦tier⟧ 0 .. 0.004 EUR/msg
  }`), [{ code: 'ICX5404' }, { code: 'ICX5404', message: 'tiered per month' }]);
  });

  it('reports a `tiered` service without tiers and a discount without tiers (ICX5405)', () => {
    expectDiagnostics(agreement(`${VOICE}  service api event receivable {
    ⟦tiered⟧ per month, incremental
  }
  ⟦discount⟧ on vt {
    per month, incremental
  }`), [{ code: 'ICX5405' }, { code: 'ICX5405' }]);
  });

  it('reports an unknown period and a missing or unknown tier style (ICX3401, ICX3402)', () => {
    expectDiagnostics(DISCOUNT(`    per ⟦week⟧, ⟦stepped⟧\n    tier 0 .. 8%`), [{ code: 'ICX3401', message: 'month, quarter, year' }, { code: 'ICX3402', message: 'incremental or retroactive' }]);
    expectDiagnostics(DISCOUNT(`    ⟦per month⟧\n    tier 0 .. 8%`), [{ code: 'ICX3402', message: 'retroactive' }]);
  });

  it('reports tier units that do not fit the service kind (ICX3403)', () => {
    expectDiagnostics(DISCOUNT(`    per month, incremental\n    tier 0 .. 100 ⟦msg⟧ 0%\n    tier 100 .. 8%`), [{ code: 'ICX3403', message: 'minutes (min)' }]);
    expectDiagnostics(DISCOUNT(`    per month, incremental\n    tier 0 .. 100 ⟦USD⟧ 0%\n    tier 100 .. 8%`), [{ code: 'ICX3403', message: 'an amount in EUR' }]);
    expectDiagnostics(EVENT(`    tier 0 .. 100 ⟦min⟧ 0.0040 EUR/call\n    tier 100 .. 0.0030 EUR/call`), [{ code: 'ICX3403', message: 'call' }]);
  });

  it('reports a percent where a tiered price belongs, and a price in a discount (ICX3404)', () => {
    expectDiagnostics(EVENT(`    tier 0 .. 100 calls ⟦5%⟧\n    tier 100 .. 0.0030 EUR/call`), [{ code: 'ICX3404', message: 'price' }]);
    expectDiagnostics(DISCOUNT(`    per month, incremental\n    tier 0 .. 100 min 0%\n    tier 100 .. ⟦0.0100 EUR/min⟧`), [{ code: 'ICX3404', message: 'percentage' }]);
  });

  it('reports two discounts with one name (ICX2402)', () => {
    expectDiagnostics(agreement(`${VOICE}  discount D on vt {\n    per month, incremental\n    tier 0 .. 8%\n  }\n  discount ⟦D⟧ on vt {\n    per month, incremental\n    tier 0 .. 8%\n  }`), [{ code: 'ICX2402' }]);
  });
});

describe('commitments', () => {
  const C = (lines: string) => agreement(`${VOICE}  commitment on vt {\n${lines}\n  }`);
  it('reports a commitment by someone who is no party (ICX2401)', () => {
    expectDiagnostics(C(`    ⟦SFR⟧ commits 1_000 EUR per month`), [{ code: 'ICX2401', message: 'ACME or ORANGE' }]);
  });
  it('reports a volume commitment without a shortfall price and a spend one with it (ICX3407)', () => {
    expectDiagnostics(C(`    ⟦ORANGE commits 1_000 min per month⟧`), [{ code: 'ICX3407', message: 'shortfall at' }]);
    expectDiagnostics(C(`    ORANGE commits 1_000 EUR per month\n    shortfall at ⟦0.01 EUR/min⟧`), [{ code: 'ICX3407' }]);
  });
  it('reports a commitment unit that fits neither spend nor volume (ICX3403)', () => {
    expectDiagnostics(C(`    ORANGE commits 1_000 ⟦msg⟧ per month\n    shortfall at 0.01 EUR/min`), [{ code: 'ICX3403' }]);
  });
  it('reports a settlement at another period than the commitment (ICX3408)', () => {
    expectDiagnostics(C(`    ACME commits 1_000 EUR per quarter\n    shortfall invoiced at the end of the ⟦month⟧`), [{ code: 'ICX3408', message: 'end of the quarter' }]);
  });
  it('reports a commitment block without exactly one commitment (ICX5406)', () => {
    expectDiagnostics(C(`    shortfall invoiced at the end of the month`).replace('  commitment', '  ⟦commitment⟧'), [{ code: 'ICX5406' }]);
    expectDiagnostics(C(`    ACME commits 1_000 EUR per month\n    ⟦ORANGE commits 2_000 EUR per month⟧`), [{ code: 'ICX5406' }]);
  });
});

describe('recurring fees', () => {
  it('reports a recurring fee without its proration statement, with the fix (ICX3405)', () => {
    expectDiagnostics(agreement(`  service urllc slice receivable {\n    ⟦rate⟧ 12_000 EUR/month\n  }`), [{ code: 'ICX3405', message: '`not prorated`' }]);
    expectDiagnostics(agreement(`  service urllc slice receivable {\n    rate 12_000 EUR/month prorated by ⟦hour⟧\n  }`), [{ code: 'ICX3405' }]);
  });
  it('reports proration on a usage price (ICX3405) and a fee per quarter (ICX3406)', () => {
    expectDiagnostics(agreement(`${VOICE.replace('rate any 0.0120 EUR/min', 'rate any 0.0120 EUR/min ⟦not prorated⟧')}`), [{ code: 'ICX3405' }]);
    expectDiagnostics(agreement(`  service urllc slice receivable {\n    rate 30_000 EUR/⟦quarter⟧ not prorated\n  }`), [{ code: 'ICX3406' }]);
  });
  it('reports a minimum fee per week (ICX3401) and accepts a cap per call beside a cap per month', () => {
    expectDiagnostics(agreement(`  service d data receivable {\n    rate 0.0009 EUR/MB\n    minimum 40_000 EUR per ⟦week⟧\n  }`), [{ code: 'ICX3401' }]);
    expectClean(agreement(`${VOICE.replace('  }\n', '    maximum 5 EUR per call\n    maximum 1_000 EUR per month\n  }\n')}`));
  });
});

describe('period tests', () => {
  const T = (lines: string) => agreement(`${VOICE}  test "t" {\n${lines}\n  }`);
  it('reports an unknown charge construct (ICX6401)', () => {
    expectDiagnostics(T(`    period 2026-03\n    usage vt to 33612345678 at 2026-03-02T10:00:00 for 60s\n    expect charge ⟦rebate⟧ vt -1.00 EUR`), [{ code: 'ICX6401', message: 'discount' }]);
  });
  it('reports a charge expectation without a period (ICX6402)', () => {
    expectDiagnostics(T(`    usage vt to 33612345678 at 2026-03-02T10:00:00 for 60s\n    ⟦expect charge discount vt -1.00 EUR⟧`), [{ code: 'ICX6402', message: 'period YYYY-MM' }]);
  });
  it('reports zone/band/billed on a period test amount (ICX6404) and an unknown charge subject (ICX6405)', () => {
    expectDiagnostics(T(`    period 2026-03\n    usage vt to 33612345678 at 2026-03-02T10:00:00 for 60s\n    expect 0.012 EUR zone ⟦any⟧\n    expect charge discount ⟦nothing⟧ 0 EUR`), [{ code: 'ICX6404' }, { code: 'ICX6405', message: 'subject' }]);
  });
  it('reports tier prices per different units (ICX3403)', () => {
    expectDiagnostics(EVENT(`    tier 0 .. 100 calls 0.0040 EUR/call\n    tier 100 .. 0.0030 EUR/⟦msg⟧`), [{ code: 'ICX3403', message: 'same unit' }]);
  });
  it('reports a zero count (ICX6403) and a second voice usage without a duration (ICX6001)', () => {
    expectDiagnostics(T(`    period 2026-03\n    usage vt to 33612345678 at 2026-03-02T10:00:00 for 60s count ⟦0⟧\n    ⟦usage vt to 33612345678 at 2026-03-02T10:00:00⟧\n    expect total 0 EUR`), [{ code: 'ICX6403' }, { code: 'ICX6001' }]);
  });
});
