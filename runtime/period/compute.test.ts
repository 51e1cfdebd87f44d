// Period charges from hand-made aggregates: each expected amount is worked out in the comment
// beside it, not read from the program. The snippets go through the real compiler, so the
// lowering of each construct is exercised too.
import { describe, expect, it } from 'vitest';
import { agreement, agreementHeader, expectClean } from '../../compiler/test-support/expect-diagnostics.js';
import { parseMonth } from './calendar.js';
import { computeCharges, type AggregateRow } from './compute.js';
import type { ChargeLine } from './lines.js';

function plan(body: string, header?: string) {
  const { compiled } = expectClean(agreement(body, header ? { header } : {}));
  return compiled.plans[0]!;
}

function charges(body: string, month: string, rows: Partial<AggregateRow>[], header?: string): ChargeLine[] {
  const full = rows.map((r) => ({ service: 's', zone: 'any', records: 1, billedSeconds: '0', units: '0', billedBytes: '0', amount: '0', ...r }));
  return computeCharges(plan(body, header), parseMonth(month), () => full);
}

const brief = (ls: ChargeLine[]) => ls.map((l) => `${l.construct} ${l.subject}${l.tier !== null ? ` t${l.tier}` : ''} ${l.amount} ${l.direction}`);

const VOICE = `  service s voice payable {
    billing 60/60
    rate any 0.0100 EUR/min
  }
`;

describe('discounts', () => {
  const discount = (style: string) => `${VOICE}  discount VOL on s {
    per month, ${style}
    tier 0 .. 1_000 min 0%
    tier 1_000 .. 10%
  }`;

  it('incremental: only the minutes above the boundary earn the higher tier', () => {
    // 90,000 s = 1,500 min, rated 15.00. tier 1: 1,000 of 1,500 min → 10.00 × 0% = 0.00;
    // tier 2: 500 of 1,500 min → 5.00 × 10% = 0.50 → -0.50
    const ls = charges(discount('incremental'), '2026-03', [{ billedSeconds: '90000', amount: '15.00' }]);
    expect(brief(ls)).toEqual(['discount VOL t1 0.00 payable', 'discount VOL t2 -0.50 payable']);
    expect(ls[1]!.explanation).toContain('500 min of 1,500 min');
    expect(ls[1]!.basisQuantity).toBe('500');
    expect(ls[1]!.periodStart).toBe('2026-03-01');
    expect(ls[1]!.periodEnd).toBe('2026-03-31');
  });

  it('retroactive: the whole volume at the tier reached', () => {
    // 1,500 min reaches tier 2: 10% × 15.00 = 1.50 → -1.50
    expect(brief(charges(discount('retroactive'), '2026-03', [{ billedSeconds: '90000', amount: '15.00' }]))).toEqual(['discount VOL t2 -1.50 payable']);
  });

  it('a volume exactly on the boundary is in the upper tier (lower bound inclusive)', () => {
    // 60,000 s = 1,000 min, rated 10.00: retroactive tier 2, 10% → -1.00; incremental: 0 min above → only tier 1
    expect(brief(charges(discount('retroactive'), '2026-03', [{ billedSeconds: '60000', amount: '10.00' }]))).toEqual(['discount VOL t2 -1.00 payable']);
    expect(brief(charges(discount('incremental'), '2026-03', [{ billedSeconds: '60000', amount: '10.00' }]))).toEqual(['discount VOL t1 0.00 payable']);
  });

  it('tiered by amount, and limited to a zone', () => {
    // zone Z only: 150.00 rated (the 999.00 elsewhere is no part of it); tier 2 holds 50.00 × 5% = 2.50 → -2.50
    const body = `  zones {
    Z 44
  }
  service s voice payable {
    billing 60/60
    rate Z 0.0100 EUR/min
    rate any 0.0200 EUR/min
  }
  discount on s zone Z {
    per month, incremental
    tier 0 .. 100 EUR 0%
    tier 100 EUR .. 5%
  }`;
    const ls = charges(body, '2026-03', [{ zone: 'Z', billedSeconds: '900000', amount: '150.00' }, { billedSeconds: '60', amount: '999.00' }]);
    expect(brief(ls)).toEqual(['discount s t1 0.00 payable', 'discount s t2 -2.50 payable']);
  });

  it("the sketch's yearly roaming discount counts GB over a per-MB service, settled in December", () => {
    // Data units are binary: 600,000 GB = 614,400,000 MB = 614,400,000 × 1,048,576 bytes
    // = 644,245,094,400,000 bytes, rated 614,400,000 × 0.0015 = 921,600.00.
    // tier 2: 100,000 of 600,000 GB → 921,600 / 6 = 153,600.00 × 20% = 30,720.00 → -30,720.00
    const body = `  service s data payable {
    billing 1 KB
    rate 0.0015 EUR/MB
  }
  discount on s {
    per year, incremental
    tier 0 .. 500_000 GB 0%
    tier 500_000 GB .. 20%
  }`;
    const rows = [{ billedBytes: '644245094400000', amount: '921600.00' }];
    expect(brief(charges(body, '2026-12', rows))).toEqual(['discount s t1 0.00 payable', 'discount s t2 -30720.00 payable']);
    const dec = charges(body, '2026-12', rows);
    expect([dec[0]!.periodStart, dec[0]!.periodEnd]).toEqual(['2026-01-01', '2026-12-31']);
    expect(charges(body, '2026-11', rows)).toEqual([]); // the year does not end in November
  });
});

describe('tiered pricing', () => {
  it('retroactive: every message at the tier reached, as an adjustment to the provisional tier-1 rating', () => {
    // 1,500 msgs rated provisionally 1,500 × 0.010 = 15.00; tier 2 reached: 1,500 × (0.008 - 0.010) = -3.00
    const body = `  service s sms receivable {
    tiered per month, retroactive
    tier 0 .. 1_000 msg 0.010 EUR/msg
    tier 1_000 .. 0.008 EUR/msg
  }`;
    const ls = charges(body, '2026-03', [{ units: '1500', amount: '15.00' }]);
    expect(brief(ls)).toEqual(['tier s t2 -3.00 receivable']);
    expect(ls[0]!.explanation).toContain('all 1,500 msg (retroactive: tier 2 reached) × 0.008 EUR/msg = 12 EUR');
    // the provisional price is a rate line of the plan, so records are never zero-rated
    const p = plan(body).plan.services[0]!;
    expect(p.rates.map((r) => [r.clause, r.steps[0]!.price])).toEqual([['s/any/any/tier-1-provisional', '0.010']]);
    expect(p.tiered?.unit).toBe('msg');
  });
});

describe('a discount on a tiered service', () => {
  it('applies to the tiered price (rated + tier lines)', () => {
    // 1,500 msgs rated 15.00; tier 2: 500 × (0.006 - 0.010) = -2.00 → tiered 13.00; 10% of 13.00 = -1.30
    const body = `  service s sms receivable {
    tiered per month, incremental
    tier 0 .. 1_000 msg 0.010 EUR/msg
    tier 1_000 .. 0.006 EUR/msg
  }
  discount on s {
    per month, incremental
    tier 0 .. 10%
  }`;
    expect(brief(charges(body, '2026-03', [{ units: '1500', amount: '15.00' }]))).toEqual([
      'tier s t1 0.00 receivable', 'tier s t2 -2.00 receivable', 'discount s t1 -1.30 receivable',
    ]);
  });
});

describe('commitments', () => {
  it('take-or-pay on spend: we committed, so the shortfall is payable, at the quarter end only', () => {
    // Q1 spend 100,000.50 of 250,000: shortfall 149,999.50
    const body = `${VOICE}  commitment on s {
    ACME commits 250_000 EUR per quarter
    shortfall invoiced at the end of the quarter
  }`;
    const rows = [{ billedSeconds: '600000000', amount: '100000.50' }];
    const ls = charges(body, '2026-03', rows);
    expect(brief(ls)).toEqual(['commitment-shortfall s 149999.50 payable']);
    expect([ls[0]!.periodStart, ls[0]!.periodEnd]).toEqual(['2026-01-01', '2026-03-31']);
    expect(ls[0]!.explanation).toContain('payable to ORANGE');
    expect(charges(body, '2026-02', rows)).toEqual([]);
  });

  it('a partner volume commitment: shortfall volume × the stated price, receivable', () => {
    // 60,000 of 100,000 msgs: 40,000 short × 0.0020 = 80.00, owed by Orange
    const body = `  service s sms receivable {
    rate any 0.0050 EUR/msg
  }
  commitment on s {
    ORANGE commits 100_000 msg per month
    shortfall at 0.0020 EUR/msg
  }`;
    expect(brief(charges(body, '2026-03', [{ units: '60000', amount: '300.00' }]))).toEqual(['commitment-shortfall s 80.00 receivable']);
    // met: no line
    expect(charges(body, '2026-03', [{ units: '100000', amount: '500.00' }])).toEqual([]);
  });

  it('a month without any usage owes the whole commitment', () => {
    // no usage: 0 of 1,000.00 → 1,000.00
    const body = `${VOICE}  commitment on s {
    ORANGE commits 1_000 EUR per month
  }`;
    expect(brief(charges(body, '2026-03', []))).toEqual(['commitment-shortfall s 1000.00 receivable']);
  });
});

describe('caps and minimum fees', () => {
  it('a cap per month takes off what is above it', () => {
    // 130.50 rated, cap 100: -30.50
    const body = `  service s sms receivable {
    rate any 0.0050 EUR/msg
    maximum 100 EUR per month
  }`;
    expect(brief(charges(body, '2026-03', [{ units: '26100', amount: '130.50' }]))).toEqual(['cap s -30.50 receivable']);
    expect(charges(body, '2026-03', [{ units: '100', amount: '0.50' }])).toEqual([]);
  });

  it("the MVNO's minimum monthly fee tops up to 40,000, rounded half-up to cents", () => {
    // 25,000.125 rated: 40,000 - 25,000.125 = 14,999.875 → 14,999.88
    const body = `  service s data receivable {
    billing 1 KB
    rate 0.0009 EUR/MB
    minimum 40_000 EUR per month
  }`;
    expect(brief(charges(body, '2026-03', [{ billedBytes: '29127505920', amount: '25000.125' }]))).toEqual(['minimum-fee s 14999.88 receivable']);
  });

  it('a per-subscriber minimum is lowered for the revenue-share construct and charges nothing here', () => {
    const header = agreementHeader({ partner: 'STREAMCO "StreamCo" type content', currency: 'USD', timezone: 'UTC' });
    const body = `  service s subscription payable {
    rate 1.00 USD/subscriber
    minimum 2.50 USD/subscriber/month
    revenue share 70% of net retail
  }`;
    expect(plan(body, header).plan.services[0]!.minimumPerUnit).toEqual({ amount: '2.50', per: 'subscriber', period: 'month', source: 'test.icx:11' }); // line 1 agreement, 2-8 header, 9 service, 10 rate, 11 minimum
    expect(charges(body, '2026-03', [], header)).toEqual([]);
  });
});

describe('recurring fees', () => {
  const header = agreementHeader({ partner: 'FACTORY "FactoryCorp" type enterprise', valid: '2026-03-10 .. 2026-12-31', timezone: 'Europe/Berlin' });
  it('not prorated: the whole fee for a month in force at all', () => {
    // in force from 10 March: still 12,000.00
    const body = `  service s slice receivable {
    rate 12_000 EUR/month not prorated
  }`;
    const ls = charges(body, '2026-03', [], header);
    expect(brief(ls)).toEqual(['recurring-fee s 12000.00 receivable']);
    expect(charges(body, '2026-02', [], header)).toEqual([]);
  });

  it('prorated by day, and a new fee from a date mid-month', () => {
    // March: 10 .. 31 = 22 days → 12,000 × 22/31 = 8,516.129… → 8,516.13
    // June: 12,000 for 1 .. 14 June (14/30 → 5,600.00) and 15,000 from 15 June (16/30 → 8,000.00)
    const body = `  service s slice receivable {
    rate 12_000 EUR/month prorated by day
    rate 15_000 EUR/month from 2026-06-15 prorated by day
  }`;
    expect(brief(charges(body, '2026-03', [], header))).toEqual(['recurring-fee s 8516.13 receivable']);
    expect(brief(charges(body, '2026-06', [], header))).toEqual(['recurring-fee s 5600.00 receivable', 'recurring-fee s 8000.00 receivable']);
  });
});
