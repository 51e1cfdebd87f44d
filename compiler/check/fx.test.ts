// fx lines, service currencies, FX tables: every code at its exact range, in the agreement
// (agreements/a.icx) or in the table file (agreements/fx/t.csv, uri fx/t.csv).
import { describe, expect, it } from 'vitest';
import type { Range } from '../../language/ast.js';
import { compile, type CompileResult } from '../index.js';
import { agreement, stripMarks } from '../test-support/expect-diagnostics.js';

const TABLE = 'date,from,to,rate\n2026-03-02,SDR,EUR,1.1712\n2026-03-31,SDR,EUR,1.1645\n2026-03-09,USD,EUR,0.9123\n';
const FX = (rest = '') => `  fx SDR -> EUR from table "fx/t.csv" at usage date${rest}\n`;
const SDR_SERVICE = `  service r voice payable {\n    billing 60/60\n    rate any 0.0250 SDR/min\n  }`;

function withFx(fxLines: string, body = SDR_SERVICE): string {
  return agreement(body).replace('  currency EUR\n', `  currency EUR\n${fxLines}`);
}

interface Want {
  code: string;
  /** which file's marks: the agreement's (default) or the table's */
  in?: 'table';
  message?: string;
}

function key(uri: string, code: string, r: Range): string {
  return `${uri} ${code} ${r.start.line}:${r.start.column}(${r.start.offset})-${r.end.line}:${r.end.column}(${r.end.offset})`;
}

/** Compiles agreement + table (marks ⟦…⟧ in either) and expects exactly the marked diagnostics. */
function expectFx(snippet: string, table: string | undefined, wants: Want[], ignore: string[] = ['ICX5602']): CompileResult {
  const a = stripMarks(snippet);
  const t = stripMarks(table ?? '');
  const result = compile([{ uri: 'a.icx', text: a.text }], { readFile: (u) => (u === 'fx/t.csv' && table !== undefined ? t.text : undefined) });
  const got = result.diagnostics.filter((d) => !ignore.includes(d.code));
  const aw = wants.filter((w) => w.in !== 'table');
  const tw = wants.filter((w) => w.in === 'table');
  expect(a.ranges.length + t.ranges.length, 'one mark per expected diagnostic').toBe(wants.length);
  const want = [...aw.map((w, i) => key('a.icx', w.code, a.ranges[i]!)), ...tw.map((w, i) => key('fx/t.csv', w.code, t.ranges[i]!))];
  const text = got.map((d) => `${key(d.uri, d.code, d.range)}: ${d.message}`).join('\n');
  expect(got.map((d) => key(d.uri, d.code, d.range)).sort(), text).toEqual(want.sort());
  for (const w of wants) if (w.message) expect(got.some((d) => d.code === w.code && d.message.includes(w.message!)), text).toBe(true);
  return result;
}

describe('fx lines', () => {
  it('compiles SDR prices with an fx line into a plan carrying the table rows of the pair', () => {
    const r = expectFx(withFx(FX()), TABLE, []);
    const plan = r.compiled.plans[0]!.plan;
    expect(plan.fx).toEqual([{
      from: 'SDR', to: 'EUR', rule: 'usage-date', table: 'fx/t.csv', source: 'a.icx:7', // line 7: after agreement, parties (4 lines), currency
      rates: [{ date: '2026-03-02', rate: '1.1712' }, { date: '2026-03-31', rate: '1.1645' }], // the USD row is another pair
    }]);
    expect(plan.services[0]!.priceCurrency).toBe('SDR');
  });

  it('keeps plans without fx lines exactly as before (no fx, no priceCurrency keys)', () => {
    const r = compile([{ uri: 'a.icx', text: agreement(`  service r voice payable {\n    billing 60/60\n    rate any 0.0250 EUR/min\n  }`) }]);
    const plan = r.compiled.plans[0]!.plan;
    expect('fx' in plan).toBe(false);
    expect('priceCurrency' in plan.services[0]!).toBe(false);
  });

  it('lowers `at period end`', () => {
    const r = expectFx(withFx('  fx SDR -> EUR from table "fx/t.csv" at period end\n'), TABLE, []);
    expect(r.compiled.plans[0]!.plan.fx![0]!.rule).toBe('period-end');
  });

  it('refuses a target other than the agreement currency (ICX3601) and then prices in SDR (ICX3003)', () => {
    expectFx(
      withFx('  fx SDR -> ⟦USD⟧ from table "fx/t.csv" at usage date\n', `  service r voice payable {\n    billing 60/60\n    rate any 0.0250 ⟦SDR⟧/min\n  }`),
      TABLE,
      [{ code: 'ICX3601', message: 'fx SDR -> EUR' }, { code: 'ICX3003' }],
      ['ICX5601', 'ICX5602'],
    );
  });

  it('refuses an fx line from the agreement currency itself (ICX3602)', () => {
    expectFx(withFx(FX() + '  fx ⟦EUR⟧ -> EUR from table "fx/t.csv" at usage date\n'), TABLE, [{ code: 'ICX3602' }], ['ICX5601', 'ICX5602', 'ICX5603']);
  });

  it('refuses a second fx line for one currency (ICX2601)', () => {
    expectFx(withFx(FX() + '  fx ⟦SDR⟧ -> EUR from table "fx/t.csv" at period end\n'), TABLE, [{ code: 'ICX2601' }]);
  });

  it('refuses an unknown source currency (ICX3003)', () => {
    expectFx(withFx(FX() + '  fx ⟦ABC⟧ -> EUR from table "fx/t.csv" at usage date\n'), TABLE, [{ code: 'ICX3003' }], ['ICX5601', 'ICX5602', 'ICX5603']);
  });

  it('warns about an fx line no service uses (ICX5603)', () => {
    expectFx(withFx(FX() + '  fx ⟦USD⟧ -> EUR from table "fx/t.csv" at usage date\n'), TABLE, [{ code: 'ICX5603' }]);
  });
});

describe('prices in another currency', () => {
  it('suggests an fx line for a price in USD without one (ICX3002)', () => {
    expectFx(agreement(`  service r voice payable {\n    billing 60/60\n    rate any 0.0250 ⟦USD⟧/min\n  }`), undefined, [
      { code: 'ICX3002', message: '`fx USD -> EUR from table' },
    ]);
  });

  it('suggests an fx line for a price in SDR without one (ICX3003)', () => {
    expectFx(agreement(`  service r voice payable {\n    billing 60/60\n    rate any 0.0250 ⟦SDR⟧/min\n  }`), undefined, [
      { code: 'ICX3003', message: '`fx SDR -> EUR from table' },
    ]);
  });

  it('refuses a service priced in two currencies (ICX3603) at the second currency', () => {
    expectFx(withFx(FX(), `  service r voice payable {\n    billing 60/60\n    connect fee 0.01 SDR\n    rate any 0.0250 ⟦EUR⟧/min\n  }`), TABLE, [
      { code: 'ICX3603', message: 'priced in SDR' },
    ]);
  });

  it('accepts connect fee and maximum in the fx currency', () => {
    expectFx(withFx(FX(), `  service r voice payable {\n    billing 60/60\n    connect fee 0.01 SDR\n    maximum 5 SDR per call\n    rate any 0.0250 SDR/min\n  }`), TABLE, []);
  });

  it('refuses a test whose original amount is not in the service currency (ICX3604), and a settlement expectation in SDR (ICX3003: expect states the settlement amount)', () => {
    const test = `\n  test "t" {\n    usage r to 33612345678 at 2026-03-02T10:00:00 for 61s\n    expect 0.058560 EUR original 0.05 ⟦USD⟧\n  }\n  test "u" {\n    usage r to 33612345678 at 2026-03-02T10:00:00 for 61s\n    expect 0.05 ⟦SDR⟧\n  }`;
    expectFx(withFx(FX(), SDR_SERVICE + test), TABLE, [{ code: 'ICX3604', message: 'priced in SDR' }, { code: 'ICX3003' }]);
  });
});

describe('FX table files', () => {
  it('reports a missing table at the path (ICX2602)', () => {
    expectFx(withFx('  fx SDR -> EUR from table ⟦"fx/t.csv"⟧ at usage date\n'), undefined, [{ code: 'ICX2602', message: 'fx/t.csv cannot be read' }]);
  });

  it('refuses a path outside the agreements root (ICX2602)', () => {
    expectFx(withFx('  fx SDR -> EUR from table ⟦"../fx/t.csv"⟧ at usage date\n'), TABLE, [{ code: 'ICX2602', message: 'outside the agreements root' }]);
  });

  it('reports a wrong header at line 1 of the table (ICX3607)', () => {
    expectFx(withFx(FX()), '⟦day,from,to,rate⟧\n2026-03-02,SDR,EUR,1.1712\n', [{ code: 'ICX3607', in: 'table' }]);
  });

  it('accepts the header in any case and spaces around fields', () => {
    expectFx(withFx(FX()), 'Date,From,To,RATE\r\n2026-03-02 , SDR,EUR, 1.1712\r\n', []);
  });

  it('points at the bad field of a row: date, codes, rate, field count, duplicate date', () => {
    const table = [
      'date,from,to,rate',
      '2026-03-02,SDR,EUR,1.1712',
      '⟦2026-02-30⟧,SDR,EUR,1.17', // not a calendar date
      '2026-03-03,⟦SDX⟧,EUR,1.17', // unknown code
      '2026-03-04,SDR,EUR,⟦-1.17⟧', // sign
      '2026-03-05,SDR,EUR,⟦1.1e3⟧', // exponent
      '2026-03-06,SDR,EUR,⟦0.000⟧', // zero
      '2026-03-07,SDR,EUR,⟦1.1234567891⟧', // 10 significant decimals
      '⟦2026-03-08,SDR,EUR⟧', // three fields
      '⟦2026-03-02⟧,SDR,EUR,1.1713', // the same date and pair again
      '2026-03-02,USD,EUR,0.91', // another pair on that date: fine
      '2026-03-10,SDR,EUR,1.1700000000', // trailing zeros do not count
      '',
    ].join('\n');
    expectFx(withFx(FX()), table, [
      { code: 'ICX4601', in: 'table' },
      { code: 'ICX3605', in: 'table' },
      { code: 'ICX3606', in: 'table' },
      { code: 'ICX3606', in: 'table' },
      { code: 'ICX3606', in: 'table', message: 'greater than 0' },
      { code: 'ICX3606', in: 'table', message: 'more than 9' },
      { code: 'ICX3608', in: 'table' },
      { code: 'ICX4602', in: 'table', message: 'line 2' },
    ]);
  });

  it('warns when the table has no row for the pair (ICX5601)', () => {
    expectFx(withFx('  fx SDR -> EUR from table ⟦"fx/t.csv"⟧ at usage date\n'), 'date,from,to,rate\n2026-03-09,USD,EUR,0.9123\n', [
      { code: 'ICX5601', message: 'no-fx-rate' },
    ]);
  });

  it('warns when the rows do not cover the validity (ICX5602): 2 of 365 days, 1 of 12 month ends', () => {
    expectFx(withFx('  fx SDR -> EUR from table ⟦"fx/t.csv"⟧ at usage date\n'), TABLE, [{ code: 'ICX5602', message: '363 of the 365 days' }], []);
    expectFx(withFx('  fx SDR -> EUR from table ⟦"fx/t.csv"⟧ at period end\n'), TABLE, [{ code: 'ICX5602', message: '11 of the 12 month ends' }], []);
  });
});

describe('the example table agreements/fx/gsma-2026.csv', () => {
  it('reads clean: every day of 2026, SDR->EUR only', async () => {
    const { readFileSync } = await import('node:fs');
    const { readFxTable } = await import('../fx-table.js');
    const t = readFxTable(readFileSync(new URL('../../agreements/fx/gsma-2026.csv', import.meta.url), 'utf8'));
    expect(t.problems).toEqual([]);
    const dates = new Set(t.rows.map((r) => r.date));
    for (let day = new Date(Date.UTC(2026, 0, 1)); day.getUTCFullYear() === 2026; day.setUTCDate(day.getUTCDate() + 1)) {
      const iso = day.toISOString().slice(0, 10);
      expect(dates.has(iso), iso).toBe(true);
    }
    expect(t.rows).toHaveLength(365);
    expect(new Set(t.rows.map((r) => `${r.from}->${r.to}`))).toEqual(new Set(['SDR->EUR']));
  });
});

describe('the plan hash covers the rates', () => {
  it('changes when a rate of the pair changes, not when another pair\'s row does', () => {
    const hash = (table: string) =>
      compile([{ uri: 'a.icx', text: withFx(FX()) }], { readFile: (u) => (u === 'fx/t.csv' ? table : undefined) }).compiled.plans[0]!.hash;
    const h0 = hash(TABLE);
    expect(hash(TABLE.replace('1.1712', '1.1713'))).not.toBe(h0);
    expect(hash(TABLE.replace('0.9123', '0.9124'))).toBe(h0);
    expect(hash(TABLE)).toBe(h0);
  });
});
