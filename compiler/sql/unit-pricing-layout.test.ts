// Layout and SQL shape of data volume pricing and origin pricing: exact volume factors, the
// origin prefix table, and no origin SQL at all for runs without origin pricing.
import { describe, expect, it } from 'vitest';
import { compile } from '../index.js';
import { layoutPlans } from './plan-layout.js';
import { ratingSqlScript } from './rating-sql.js';

const agreement = (services: string) => `agreement U "t" {
  parties {
    us ACME "ACME Telecom Ltd"
    partner P "P" type roaming
  }
  currency EUR
  valid 2026-01-01 .. 2026-12-31
  timezone UTC
  zones {
    EU        33, 44
    UK-FIXED  44 1
  }
${services}
}
`;

function plans(services: string) {
  const { compiled, diagnostics } = compile([{ uri: 'u.icx', text: agreement(services) }]);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return compiled.plans;
}

describe('data volume layout', () => {
  it('reduces unit bytes × 60 / bytes per price unit: 1 KB at a price per MB is 15/256', () => {
    // 1024 × 60 / 1,048,576 = 61,440 / 1,048,576 = 15 / 256
    const l = layoutPlans(plans(`  service d data payable {\n    billing 1 KB\n    rate 0.0015 EUR/MB\n  }`));
    expect(l.tables.plan_services![0]).toMatchObject({ vol_unit: '1024', vol_num: '15', vol_den: '256' });
  });

  it('10 KB at a price per KB is 600/1', () => {
    const l = layoutPlans(plans(`  service d data payable {\n    billing 10 KB\n    rate 0.000002 EUR/KB\n  }`));
    expect(l.tables.plan_services![0]).toMatchObject({ vol_unit: '10240', vol_num: '600', vol_den: '1' });
  });
});

describe('origin layout', () => {
  const ORIGIN = `  service v voice receivable {
    billing 60/60
    rate any 0.0090 EUR/min
    rate any origin UK-FIXED 0.0050 EUR/min
    surcharge origin outside EU 0.0600 EUR/min
    surcharge origin UK-FIXED 0.0010 EUR/min
  }`;

  it('one row per origin prefix with its rate origin zone and the surcharges that apply, and a no-match row', () => {
    const l = layoutPlans(plans(ORIGIN));
    const rows = l.tables.plan_origin_prefixes!.map((r) => [r.prefix, r.ozone_idx === null ? null : 'UK-FIXED', r.sur_n, r.sur_clauses]);
    expect(rows).toEqual([
      ['33', null, null, null], // in EU, not UK-FIXED: no surcharge
      ['44', null, null, null],
      ['441', 'UK-FIXED', '1000000', 'v/surcharge origin UK-FIXED'], // 0.0010 in nano
      [null, null, '60000000', 'v/surcharge origin outside EU'], // no match: outside EU only
    ]);
    expect(l.shape.originPrefixLengths).toEqual([3, 2]);
    expect(ratingSqlScript(l.shape)).toMatch(/LEFT JOIN plan_origin_lpm o3/);
  });

  it('emits no origin joins when no service prices by origin', () => {
    const l = layoutPlans(plans(`  service v voice receivable {\n    billing 60/60\n    rate any 0.0090 EUR/min\n  }`));
    expect(l.shape.originPrefixLengths).toBeUndefined();
    const sql = ratingSqlScript(l.shape);
    const ctx = sql.slice(sql.indexOf('TABLE rate_ctx AS'), sql.indexOf('TABLE rate_split AS'));
    expect(ctx).not.toMatch(/plan_origin|plan_rates ro/);
    const amount = sql.slice(sql.indexOf('VIEW rate_amount AS'));
    expect(amount).not.toMatch(/plan_origin_prefixes/);
  });
});
