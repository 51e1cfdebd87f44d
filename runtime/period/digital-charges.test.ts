// Digital charge lines through the real pipeline (compiler → rate() → periodCharges) on small
// inline usage and input files. Every expected amount is worked out in the comment beside it.
import { describe, expect, it } from 'vitest';
import { compile } from '../../compiler/index.js';
import { openStore, periodCharges, rate, type ChargeLine } from '../index.js';
import { tempFiles } from '../testing/temp-files.js';

const { file } = tempFiles('icx-digital-charges-');

function plans(body: string, currency = 'EUR') {
  const r = compile([{ uri: 't.icx', text: `agreement T "t" {
  parties {
    us ACME "ACME"
    partner P "P" type content
  }
  currency ${currency}
  valid 2026-01-01 ..
  timezone UTC
${body}
}
` }]);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.compiled.plans;
}

async function run(body: string, usage: Record<string, string | null>[], opts: { retail?: string; kpi?: string; currency?: string } = {}): Promise<ChargeLine[]> {
  const ps = plans(body, opts.currency);
  const store = await openStore(':memory:');
  try {
    await rate(store, { plans: ps, usage: [{ rows: usage.map((u) => ({ agreement: 'T', start_time: '2026-03-10T10:00:00Z', b_number: '1', ...u })) }], progress: false });
    return await periodCharges(store, ps, '2026-03', { ...(opts.retail ? { retail: [opts.retail] } : {}), ...(opts.kpi ? { kpi: [opts.kpi] } : {}) });
  } finally {
    await store.close();
  }
}

const brief = (ls: ChargeLine[]) => ls.map((l) => `${l.construct} ${l.subject} ${l.amount}`);
const RETAIL = 'record_id,service,subscriber,date,gross,taxes,refunds,currency\n';

describe('subscriptions per active subscriber', () => {
  it('counts distinct subscribers with a usage record or a retail line in the month', async () => {
    // usage: s1, s2; retail: s2, s3 (and s4 in April): 3 subscribers × 3.00 = 9.00
    const retail = file('sub.csv', `${RETAIL}r1,tv,s2,2026-03-01,5,0,0,EUR\nr2,tv,s3,2026-03-31,5,0,0,EUR\nr3,tv,s4,2026-04-01,5,0,0,EUR\n`);
    const ls = await run(
      `  service tv subscription payable {\n    rate 3.00 EUR/subscriber/month for active subscribers\n    revenue share 10% of net retail\n  }`,
      [{ record_id: 'u1', service: 'tv', subscriber: 's1' }, { record_id: 'u2', service: 'tv', subscriber: 's2' }],
      { retail },
    );
    // share: 10% × (5 + 5) = 1.00
    expect(brief(ls)).toEqual(['active-units tv 9.00', 'revenue-share tv 1.00']);
  });
});

describe('revenue share with a period minimum', () => {
  it('tops the share up to the minimum per month (and period-core adds no second top-up)', async () => {
    // 50% × (100 − 10 − 0) = 45.00 < 60.00 → top-up 15.00
    const retail = file('min.csv', `${RETAIL}r1,music,s1,2026-03-05,100,10,0,USD\n`);
    const ls = await run(`  service music subscription payable {\n    revenue share 50% of net retail\n    minimum 60 USD per month\n  }`, [], { retail, currency: 'USD' });
    expect(brief(ls)).toEqual(['revenue-share music 45.00', 'revenue-share-minimum music 15.00']);
  });
});

describe('SLA KPIs missing', () => {
  const SLICE = `  service u slice receivable {\n    rate 1_000 EUR/month not prorated\n    sla availability >= 99.9% per month, credit 10%\n    sla latency p99 <= 10ms, credit 5%\n  }`;
  it('flags each SLA without a KPI for the month with a 0 line, and credits the measured one', async () => {
    const kpi = file('k.csv', 'agreement,service,period,kpi,value\nT,u,2026-03,availability,99.5\nT,u,2026-02,latency-p99,50ms\n');
    const ls = await run(SLICE, [], { kpi });
    // availability 99.5 < 99.9, no step → flat 10% × 1,000.00 = −100.00; latency of March missing
    expect(brief(ls)).toEqual(['recurring-fee u 1000.00', 'sla-credit availability -100.00', 'sla-kpi-missing latency-p99 0']);
    expect(ls.at(-1)!.explanation).toContain('has no latency-p99 for T u 2026-03');
  });
  it('says so when no KPI file is given at all', async () => {
    const ls = await run(SLICE, []);
    expect(brief(ls).filter((l) => l.startsWith('sla'))).toEqual(['sla-kpi-missing availability 0', 'sla-kpi-missing latency-p99 0']);
    expect(ls.find((l) => l.construct === 'sla-kpi-missing')!.explanation).toContain('no KPI file given');
  });
});

describe('usage that cannot be counted', () => {
  it('refuses an iot record without a subscriber rather than miscount devices', async () => {
    await expect(run(`  service c iot receivable {\n    rate 0.40 EUR/device/month for active devices\n  }`, [{ record_id: 'x', service: 'c' }])).rejects.toThrow(
      /1 rated record\(s\) of T c in 2026-03 carry no subscriber/,
    );
  });
});
