// Least-cost routing, hand-checked. Suppliers (test/lcr/suppliers.ts), call 120 s unless said:
//   ALPHA 1/1   33 1, 33 8 at 0.0050; 33 6 at 0.0200 (0.0090 from 2026-03-15); 33 7 at 0.0095 EUR
//   BETA  60/60 33 61 peak 0.0150 / offpeak 0.0060 EUR (Europe/Paris; peak mon-fri 08-20)
//   GAMMA 30/30 33 at 0.0100 EUR, bars 33 89
//   DELTA 1/1   33 7 at 0.0100 USD; USD->EUR 0.90
// 2026-03-10T10:00Z is a Tuesday, 11:00 in Paris: BETA peak.
import { describe, expect, it } from 'vitest';
import { lcrTable, LcrError, type LcrOptions } from '../../runtime/lcr/index.js';
import { showCost } from '../../runtime/lcr/build.js';
import { readSellTable } from '../../runtime/lcr/sell.js';
import type { FxRow } from '../../runtime/lcr/suppliers.js';
import { ALPHA, BETA, CUSTOMER, DELTA, GAMMA, plansOf } from './suppliers.js';

const ALL = plansOf(ALPHA, BETA, GAMMA, DELTA, CUSTOMER);
const fxRow = (date: string, rate = '0.90'): FxRow => ({ date, from: 'USD', to: 'EUR', rate, where: `fx.csv` });
const FX = ['2026-03-10', '2026-03-14', '2026-03-16'].map((d) => fxRow(d));

function table(o: Partial<LcrOptions> & { sellCsv?: string } = {}, plans = ALL) {
  const { sellCsv, ...rest } = o;
  return lcrTable(plans, {
    at: new Date('2026-03-10T10:00:00Z'), callSeconds: 120, currency: 'EUR', fx: FX, ...rest,
    ...(sellCsv !== undefined ? { sell: (cur: string) => readSellTable(sellCsv, 'sell.csv', cur) } : {}),
  });
}

/** prefix → "SUPPLIER cost" in rank order, then "SUPPLIER x reason" for the excluded. */
function routes(t: ReturnType<typeof table>): Record<string, string[]> {
  return Object.fromEntries(t.routes.map((r) => [r.prefix, [
    ...r.offers.map((o) => `${o.supplier.name} ${showCost(o.cost60)}`),
    ...r.excluded.map((x) => `${x.supplier.name} x ${x.reason}`),
  ]]));
}

describe('icx lcr route table', () => {
  it('ranks overlapping prefixes across three suppliers by each one\'s longest prefix', () => {
    expect(routes(table())).toEqual({
      '33': ['GAMMA 0.020000'], //                  120 s × 0.0100 / 60
      '331': ['ALPHA 0.010000', 'GAMMA 0.020000'], // 120 × 0.0050 / 60; GAMMA by its 33
      '336': ['GAMMA 0.020000', 'ALPHA 0.040000'], // ALPHA 120 × 0.0200 / 60
      // BETA prices 33 61 itself (peak 0.0150 → 0.030); ALPHA by its 33 6, GAMMA by its 33
      '3361': ['GAMMA 0.020000', 'BETA 0.030000', 'ALPHA 0.040000'],
      // DELTA 0.0100 USD × 2 min = 0.020 USD × 0.90 = 0.018 EUR; ALPHA 0.0095 × 2 = 0.019
      '337': ['DELTA 0.018000', 'ALPHA 0.019000', 'GAMMA 0.020000'],
      '338': ['ALPHA 0.010000', 'GAMMA 0.020000'],
      '3389': ['ALPHA 0.010000', 'GAMMA x barred'], // ALPHA by its 33 8; GAMMA bars 33 89
    });
  });

  it('takes the rate in force: ALPHA\'s 33 6 drops to 0.0090 on 15 March', () => {
    const before = routes(table({ at: new Date('2026-03-14T10:00:00Z') }));
    const after = routes(table({ at: new Date('2026-03-16T10:00:00Z') }));
    expect(before['336']).toEqual(['GAMMA 0.020000', 'ALPHA 0.040000']);
    // 120 × 0.0090 / 60 = 0.018 < GAMMA's 0.020
    expect(after['336']).toEqual(['ALPHA 0.018000', 'GAMMA 0.020000']);
    // 14 March is a Saturday: BETA offpeak 0.0060 × 2 = 0.012; 16th a Monday 11:00 Paris: peak 0.030
    expect(before['3361']).toEqual(['BETA 0.012000', 'GAMMA 0.020000', 'ALPHA 0.040000']);
    expect(after['3361']).toEqual(['ALPHA 0.018000', 'GAMMA 0.020000', 'BETA 0.030000']);
  });

  it('converts currencies: DELTA is dearer per minute in its own currency but cheapest in EUR', () => {
    const t = table();
    const delta = t.routes.find((r) => r.prefix === '337')!.offers[0]!;
    expect([delta.supplier.name, delta.rate, delta.supplier.priceCurrency, showCost(delta.native60)]).toEqual(['DELTA', '0.0100', 'USD', '0.020000']);
    // in USD: EUR->USD is the inverse 1/0.90 = 1.111111111111111111 (18 decimals);
    // ALPHA 0.019 × 1.111… = 0.0211111… ; GAMMA 0.020 × 1.111… = 0.0222222…
    expect(routes(table({ currency: 'USD' }))['337']).toEqual(['DELTA 0.020000', 'ALPHA 0.021111', 'GAMMA 0.022222']);
  });

  it('a missing FX rate is an error naming supplier, pair and date', () => {
    expect(() => table({ fx: [] })).toThrow(/DELTA \(LCR-DELTA\): no USD->EUR rate dated 2026-03-10/);
  });

  it('breaks a tie by supplier name', () => {
    // at 0.95: DELTA 0.020 USD × 0.95 = 0.019 EUR = ALPHA's 0.019 → ALPHA first (A < D)
    expect(routes(table({ fx: [fxRow('2026-03-10', '0.95')] }))['337']).toEqual(['ALPHA 0.019000', 'DELTA 0.019000', 'GAMMA 0.020000']);
  });

  it('compares the cost of the typical call, so increments can reverse the per-minute order', () => {
    // 61 s: GAMMA 30/30 bills 90 s → 90 × 0.0100 / 60 = 0.015; ALPHA 1/1 61 × 0.0200 / 60 = 0.020333…;
    // BETA 60/60 bills 120 s → 0.030. At 120 s BETA (0.030) was ahead of ALPHA (0.040).
    const t = table({ callSeconds: 61 });
    expect(routes(t)['3361']).toEqual(['GAMMA 0.015000', 'ALPHA 0.020333', 'BETA 0.030000']);
    expect(t.routes.find((r) => r.prefix === '3361')!.offers.map((o) => o.billed)).toEqual([90, 61, 120]);
  });

  it('--band overrides the band of --at for the suppliers that have it; an unknown band is an error', () => {
    // offpeak: BETA 0.0060 × 2 = 0.012
    expect(routes(table({ band: 'offpeak' }))['3361']).toEqual(['BETA 0.012000', 'GAMMA 0.020000', 'ALPHA 0.040000']);
    expect(() => table({ band: 'weekend' })).toThrow(/--band: no supplier has a band `weekend`/);
  });

  it('leaves out a disabled supplier (by partner or agreement id) and refuses an unknown one', () => {
    const t = table({ disable: ['GAMMA', 'LCR-DELTA'] });
    expect(routes(t)['33']).toEqual([]);
    expect(routes(t)['337']).toEqual(['ALPHA 0.019000']);
    expect(routes(t)['3389']).toEqual(['ALPHA 0.010000']);
    expect(t.set.excluded.map((x) => `${x.name} ${x.reason}`).sort()).toEqual(['DELTA disabled', 'GAMMA disabled']);
    expect(() => table({ disable: ['NOBODY'] })).toThrow(LcrError);
  });

  it('margin guard: a route whose typical call costs more than we sell it for is excluded', () => {
    // sell 33 6 at 0.0150 EUR/min → 120 s = 0.030. 336: ALPHA 0.040 > 0.030 excluded.
    // 3361 takes the 336 sell price: BETA 0.030 is not above it (kept), ALPHA 0.040 is.
    const t = table({ sellCsv: 'prefix,price,currency\n336,0.0150,EUR\n' });
    expect(routes(t)['336']).toEqual(['GAMMA 0.020000', 'ALPHA x margin']);
    expect(routes(t)['3361']).toEqual(['GAMMA 0.020000', 'BETA 0.030000', 'ALPHA x margin']);
    expect(routes(t)['337']).toEqual(['DELTA 0.018000', 'ALPHA 0.019000', 'GAMMA 0.020000']); // no sell price: no guard
    expect(() => table({ sellCsv: 'prefix,price,currency\n336,0.0150,USD\n' })).toThrow(/sell.csv:2: currency: USD, but the route table is in EUR/);
  });

  it('quality floor against the targets the agreements state', () => {
    // ALPHA states asr >= 50% (kept), BETA 40% (below 45), GAMMA and DELTA state none
    const t = table({ quality: { asr: '45' } });
    expect(t.set.suppliers.map((s) => s.name)).toEqual(['ALPHA']);
    expect(t.set.excluded.find((x) => x.name === 'BETA')!.reason).toMatch(/states asr >= 40%, below the floor 45%/);
    expect(t.set.excluded.find((x) => x.name === 'GAMMA')!.reason).toMatch(/states no asr target/);
  });

  it('needs a payable voice supplier valid at --at', () => {
    expect(() => table({}, plansOf(CUSTOMER))).toThrow(/no payable voice service/);
    expect(() => table({ at: new Date('2025-12-31T10:00:00Z') })).toThrow(/no payable voice service/);
  });

  it('defaults the currency to the most common agreement currency', () => {
    const { currency, ...rest } = { currency: undefined, fx: FX };
    void currency;
    const t = lcrTable(ALL, { at: new Date('2026-03-10T10:00:00Z'), callSeconds: 120, ...rest });
    expect(t.set.currency).toBe('EUR'); // ALPHA, BETA, GAMMA in EUR; DELTA in USD
  });
});
