// The reusable FX SQL helpers (compiler/sql/rating-fx-sql.ts), for charges outside per-record
// rating (e.g. period charges on retail revenue in any currency): the rate by an agreement's
// fx line and rule, and the exact conversion. Hand-computed values in the comments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../compiler/index.js';
import { fxConvertSql, fxRateSql } from '../../compiler/sql/index.js';
import { openStore, queryJson, type Store } from '../../runtime/index.js';
import { loadPlans } from '../../runtime/store/load-plans.js';
import { agreement } from '../support/agreement-snippets.js';

const TABLE = 'date,from,to,rate\n2026-03-02,SDR,EUR,1.1712\n2026-03-31,SDR,EUR,1.1645\n';
const svc = `  service v voice payable {\n    billing 60/60\n    rate FR-MOBILE 0.0250 SDR/min\n  }`;
const text = (id: string, trunk: string, rule: string) =>
  agreement({ id, trunks: trunk }, svc).replace('  currency EUR\n', `  currency EUR\n  fx SDR -> EUR from table "fx/t.csv" at ${rule}\n`);

let store: Store;
let agIdx: Record<string, number>;

beforeAll(async () => {
  const r = compile([{ uri: 'a.icx', text: text('H-UD', 'TG1', 'usage date') }, { uri: 'b.icx', text: text('H-PE', 'TG2', 'period end') }],
    { readFile: (u) => (u === 'fx/t.csv' ? TABLE : undefined) });
  store = await openStore(':memory:');
  await loadPlans(store, r.compiled.plans);
  const rows = await queryJson(store, 'SELECT agreement_id, ag_idx FROM plan_agreements');
  agIdx = Object.fromEntries(rows.map((x) => [String(x.agreement_id), Number(x.ag_idx)]));
});
afterAll(async () => store?.close());

const rateOf = async (id: string, from: string, date: string) => {
  const [row] = await queryJson(store, `SELECT CAST(${fxRateSql('$1::INTEGER', '$2::VARCHAR', '$3::DATE')} AS VARCHAR) AS r`, [agIdx[id]!, from, date]);
  return row!.r;
};

describe('fxRateSql', () => {
  it('usage date: the row of that date; none → NULL (never 1)', async () => {
    expect(await rateOf('H-UD', 'SDR', '2026-03-02')).toBe('1171200000');
    expect(await rateOf('H-UD', 'SDR', '2026-03-03')).toBeNull();
  });
  it('period end: the row of the last day of the month', async () => {
    expect(await rateOf('H-PE', 'SDR', '2026-03-14')).toBe('1164500000');
    expect(await rateOf('H-PE', 'SDR', '2026-04-14')).toBeNull();
  });
  it('the agreement currency converts at exactly 1; a currency without an fx line has no rate', async () => {
    expect(await rateOf('H-UD', 'EUR', '2026-03-03')).toBe('1000000000');
    expect(await rateOf('H-UD', 'USD', '2026-03-02')).toBeNull();
  });
});

describe('fxConvertSql', () => {
  const convert = async (amountN: string, rateN: string, decimals: number, method: string) => {
    const [row] = await queryJson(store, `SELECT CAST(${fxConvertSql('$1::BIGINT', '$2::BIGINT', decimals, `'${method}'`)} AS VARCHAR) AS a`, [BigInt(amountN), BigInt(rateN)]);
    return row!.a;
  };
  it('0.05 SDR × 1.1712 = 0.05856 EUR', async () => {
    expect(await convert('50000000', '1171200000', 6, 'half-up')).toBe('0.058560000');
  });
  it('0.21 × 1.17025 = 0.2457525: half-up 0.245753, half-even 0.245752, down 0.245752, up 0.245753; 2 decimals 0.25', async () => {
    expect(await convert('210000000', '1170250000', 6, 'half-up')).toBe('0.245753000');
    expect(await convert('210000000', '1170250000', 6, 'half-even')).toBe('0.245752000');
    expect(await convert('210000000', '1170250000', 6, 'down')).toBe('0.245752000');
    expect(await convert('210000000', '1170250000', 6, 'up')).toBe('0.245753000');
    expect(await convert('210000000', '1170250000', 2, 'half-up')).toBe('0.250000000');
  });
  it('a negative amount (a credit) rounds away from zero for half-up: -0.21 × 1.17025 → -0.245753', async () => {
    expect(await convert('-210000000', '1170250000', 6, 'half-up')).toBe('-0.245753000');
  });
});
