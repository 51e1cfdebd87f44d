import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compile } from '../../compiler/index.js';
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { openStore, queryJson, type Store } from '../index.js';
import { loadRetail } from './retail-input.js';
import { tempFiles } from '../testing/temp-files.js';

const { file } = tempFiles('icx-retail-fx-');

const TABLE = 'date,from,to,rate\n2026-03-02,GBP,USD,1.271234\n2026-03-31,GBP,USD,1.268000\n';
const agreement = (rule: string) => `agreement ACME-STREAMCO "t" {
  parties {
    us ACME "ACME"
    partner STREAMCO "StreamCo" type content
  }
  currency USD
  fx GBP -> USD from table "fx/gbp.csv" at ${rule}
  valid 2026-01-01 .. 2026-12-31
  timezone Europe/London
  service premium-video subscription payable {
    revenue share 70% of net retail to STREAMCO
  }
}
`;

let store: Store;
beforeEach(async () => {
  store = await openStore(':memory:');
});
afterEach(async () => store.close());

function plansFor(rule: string): HashedAgreementPlan[] {
  const r = compile([{ uri: 'a.icx', text: agreement(rule) }], { readFile: (u) => (u === 'fx/gbp.csv' ? TABLE : undefined) });
  // only the coverage warning: the table has two days of the year
  expect(r.diagnostics.map((d) => d.code)).toEqual(['ICX5602']);
  return r.compiled.plans;
}

const HEADER = 'record_id,service,subscriber,date,gross,taxes,refunds,currency\n';
const converted = (s: Store) =>
  queryJson(
    s,
    `SELECT record_id, CAST(gross AS VARCHAR) AS gross, CAST(taxes AS VARCHAR) AS taxes, currency,
            original_currency, CAST(original_gross AS VARCHAR) AS original_gross, CAST(fx_rate AS VARCHAR) AS fx_rate,
            CAST(fx_date AS VARCHAR) AS fx_date, agreement_id
     FROM period_retail ORDER BY line`,
  );

describe('retail lines in another currency', () => {
  it('are converted at the rate of their own date, keeping the original amounts and the rate', async () => {
    await loadRetail(store, [file('gbp.csv', `${HEADER}r1,premium-video,S1,2026-03-02,9.99,1.67,0,GBP\n`)], plansFor('usage date'));
    // 9.99 × 1.271234 = 12.69962766; 1.67 × 1.271234 = 2.12296078 (net 10.57666688 USD)
    expect(await converted(store)).toEqual([
      {
        record_id: 'r1', gross: '12.699627660', taxes: '2.122960780', currency: 'USD', original_currency: 'GBP',
        original_gross: '9.990000000', fx_rate: '1.271234000', fx_date: '2026-03-02', agreement_id: 'ACME-STREAMCO',
      },
    ]);
  });

  it('at period end use the rate of the last day of the month', async () => {
    const f = file('gbp-pe.csv', `${HEADER}r1,premium-video,S1,2026-03-02,9.99,0,0,GBP\nr2,premium-video,S2,2026-03-05,5.00,0,0,GBP\n`);
    await loadRetail(store, [f], plansFor('period end'));
    // 9.99 × 1.268 = 12.66732; 5.00 × 1.268 = 6.34
    expect((await converted(store)).map((r) => [r.record_id, r.gross, r.fx_date])).toEqual([
      ['r1', '12.667320000', '2026-03-31'],
      ['r2', '6.340000000', '2026-03-31'],
    ]);
  });

  it('without a rate for the date are refused, naming the line: never converted at 1', async () => {
    const f = file('gbp-gap.csv', `${HEADER}r1,premium-video,S1,2026-03-02,9.99,0,0,GBP\nr2,premium-video,S2,2026-03-05,5.00,0,0,GBP\n`);
    await expect(loadRetail(store, [f], plansFor('usage date'))).rejects.toThrow(/gbp-gap\.csv:3: date: no GBP->USD rate dated 2026-03-05 in fx\/gbp\.csv/);
  });

  it('in a currency without an fx line are refused with the line to add', async () => {
    const f = file('eur.csv', `${HEADER}r1,premium-video,S1,2026-03-02,9.99,0,0,EUR\n`);
    await expect(loadRetail(store, [f], plansFor('usage date'))).rejects.toThrow(/eur\.csv:2: currency: EUR but ACME-STREAMCO settles in USD and has no fx line for EUR; add `fx EUR -> USD/);
  });
});
