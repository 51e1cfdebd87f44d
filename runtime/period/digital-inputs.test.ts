import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compile } from '../../compiler/index.js';
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { openStore, queryJson, type Store } from '../index.js';
import { loadKpis } from './kpi-input.js';
import { loadRetail } from './retail-input.js';
import { tempFiles } from '../testing/temp-files.js';

const { dir, file } = tempFiles('icx-digital-');

const AGREEMENTS = ['STREAMCO', 'OTHERCO'].map(
  (p) => `agreement ACME-${p} "t" {
  parties {
    us ACME "ACME"
    partner ${p} "${p}" type content
  }
  currency USD
  valid 2026-01-01 .. 2026-12-31
  timezone America/New_York
  service premium-video subscription payable {
    revenue share 70% of net retail to ${p}
  }
  service ${p === 'STREAMCO' ? 'music' : 'radio'} event payable {
    revenue share 50% of net retail to ${p}
  }
}
`,
);
let plans: HashedAgreementPlan[];
let store: Store;
beforeEach(async () => {
  const r = compile(AGREEMENTS.map((text, i) => ({ uri: `a${i}.icx`, text })));
  expect(r.diagnostics).toEqual([]);
  plans = r.compiled.plans;
  store = await openStore(':memory:');
});
afterEach(async () => store.close());

const HEADER = 'record_id,agreement,service,subscriber,date,gross,taxes,refunds,currency\n';

describe('retail file', () => {
  it('reads lines, attributes them to the one agreement with the service, keeps amounts exact', async () => {
    const f = file('ok.csv', `${HEADER}r1,,music,S1,2026-03-02,9.99,1.665,0,USD\nr2,ACME-STREAMCO,premium-video,S1,2026-03-03,12.00,2.00,0.000000001,usd\n`);
    await loadRetail(store, [f], plans);
    const rows = await queryJson(store, `SELECT record_id, agreement_id, line, CAST(gross - taxes - refunds AS VARCHAR) AS net, currency FROM period_retail ORDER BY line`);
    expect(rows).toEqual([
      // 9.99 − 1.665 − 0 = 8.325
      { record_id: 'r1', agreement_id: 'ACME-STREAMCO', line: '2', net: '8.325000000', currency: 'USD' },
      // 12.00 − 2.00 − 0.000000001 = 9.999999999
      { record_id: 'r2', agreement_id: 'ACME-STREAMCO', line: '3', net: '9.999999999', currency: 'USD' },
    ]);
  });

  const bad: [string, string, RegExp][] = [
    ['a negative amount', 'r1,,music,S1,2026-03-02,-9.99,0,0,USD', /:2: gross: "-9\.99" is not an amount/],
    ['a bad date', 'r1,,music,S1,2026-02-30,9.99,0,0,USD', /:2: date: "2026-02-30" is not a local date/],
    ['a missing subscriber', 'r1,,music,,2026-03-02,9.99,0,0,USD', /:2: subscriber: missing/],
    ['too many decimals', 'r1,,music,S1,2026-03-02,9.9999999999,0,0,USD', /:2: gross: .* at most 9 decimals/],
    ['a repeated record id', 'r1,,music,S1,2026-03-02,1,0,0,USD\nr1,,music,S2,2026-03-02,1,0,0,USD', /:3: record_id: "r1" already on line 2/],
    ['fields beyond the header', 'r1,,music,S1,2026-03-02,1,0,0,USD,extra', /:2: \(row\): fields beyond the header: extra/],
    ['a service no agreement shares', 'r1,,books,S1,2026-03-02,1,0,0,USD', /:2: service: no service books has a revenue share/],
    ['an ambiguous service', 'r1,,premium-video,S1,2026-03-02,1,0,0,USD', /:2: agreement: service premium-video is in ACME-OTHERCO and ACME-STREAMCO/],
    ['another currency (no FX on retail)', 'r1,,music,S1,2026-03-02,1,0,0,EUR', /:2: currency: EUR but ACME-STREAMCO settles in USD/],
  ];
  for (const [what, line, message] of bad) {
    it(`refuses ${what}, naming file, line and field`, async () => {
      const f = file('bad.csv', `${HEADER}${line}\n`);
      await expect(loadRetail(store, [f], plans)).rejects.toThrow(message);
      await expect(loadRetail(store, [f], plans)).rejects.toThrow(f);
    });
  }

  it('refuses a file without a required column, and a missing file', async () => {
    await expect(loadRetail(store, [file('nocol.csv', 'record_id,service,subscriber,date,gross,currency\nr1,music,S1,2026-03-02,1,USD\n')], plans)).rejects.toThrow(/:1: the retail file has no column taxes, refunds/);
    await expect(loadRetail(store, [path.join(dir, 'nope.csv')], plans)).rejects.toThrow(/cannot read retail file/);
  });

  it('refuses the same record id in two files', async () => {
    const a = file('a.csv', `${HEADER}r1,,music,S1,2026-03-02,1,0,0,USD\n`);
    const b = file('b.csv', `${HEADER}r9,,music,S1,2026-03-02,1,0,0,USD\nr1,,music,S2,2026-03-02,1,0,0,USD\n`);
    await expect(loadRetail(store, [a, b], plans)).rejects.toThrow(/b\.csv:3: record_id: "r1" is already in .*a\.csv:2/);
  });
});

describe('KPI file', () => {
  it('reads availability in percent and latency in milliseconds', async () => {
    const f = file('kpi.csv', 'agreement,service,period,kpi,value\nA,urllc,2026-03,availability,99.97%\nA,urllc,2026-03,latency-p99,0.012s\nA,urllc,2026-04,availability,99.995\n');
    const t = await loadKpis(store, [f]);
    expect([...t].map(([k, v]) => [k, v.value, v.source.replace(dir, '')])).toEqual([
      ['A|urllc|2026-03|availability', '99.97', '/kpi.csv:2'],
      // 0.012 s = 12 ms
      ['A|urllc|2026-03|latency-p99', '12', '/kpi.csv:3'],
      ['A|urllc|2026-04|availability', '99.995', '/kpi.csv:4'],
    ]);
  });

  const bad: [string, string, RegExp][] = [
    ['latency without a unit', 'A,urllc,2026-03,latency-p99,12', /:2: value: "12" is not a duration/],
    ['availability above 100', 'A,urllc,2026-03,availability,100.5', /:2: value: "100.5" is not a percentage/],
    ['an unknown KPI', 'A,urllc,2026-03,jitter,1ms', /:2: kpi: "jitter" is not a KPI/],
    ['a bad month', 'A,urllc,2026-13,availability,99.9', /:2: period: "2026-13" is not a month/],
    ['a KPI given twice', 'A,urllc,2026-03,availability,99.9\nA,urllc,2026-03,availability,99.8', /:3: kpi: availability of A urllc for 2026-03 is already given at .*:2/],
    ['a missing value', 'A,urllc,2026-03,availability,', /:2: value: missing/],
  ];
  for (const [what, line, message] of bad) {
    it(`refuses ${what}`, async () => {
      await expect(loadKpis(store, [file('kbad.csv', `agreement,service,period,kpi,value\n${line}\n`)])).rejects.toThrow(message);
    });
  }
});
