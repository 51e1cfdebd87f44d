// The settlement currency: `settlement { currency USD from table "fx/t.csv" }` checked against
// its table (read through the host) and lowered into plan.settlement.currency.
import { describe, expect, it } from 'vitest';
import { compile } from '../index.js';
import { agreement, stripMarks } from '../test-support/expect-diagnostics.js';

const TABLE = 'date,from,to,rate\n2026-03-31,EUR,USD,1.0825\n2026-03-31,GBP,EUR,1.17\n2026-04-30,EUR,USD,1.0790\n';

/** Compiles the marked snippet with fx/t.csv = `table`; returns `code@mark` per diagnostic and the plan. */
function run(body: string, table: string | undefined = TABLE) {
  const { text, ranges } = stripMarks(agreement(body));
  const r = compile([{ uri: 'a.icx', text }], { readFile: (u) => (u === 'fx/t.csv' ? table : undefined) });
  const found = r.diagnostics.map((d) => `${d.code}@${ranges.findIndex((m) => m.start.offset === d.range.start.offset && m.end.offset === d.range.end.offset)}`);
  return { found, messages: r.diagnostics.map((d) => d.message), plan: r.compiled.plans[0]?.plan };
}

describe('settlement currency', () => {
  it('lowers the currency, the table and the one pair it needs (EUR->USD), in date order', () => {
    const r = run('  settlement {\n    netting bilateral\n    currency USD from table ⟦"fx/t.csv"⟧\n  }');
    // validity 2026-01..12: ten month ends have no rate (a warning, not an error)
    expect(r.found).toEqual(['ICX2904@0']);
    expect(r.messages[0]).toContain('no EUR->USD rate for 10 of the 12 month ends of the validity (2026-01-31, 2026-02-28, 2026-05-31, …)');
    expect(r.plan!.settlement).toEqual({
      invoicing: null, dueDays: null, netting: 'bilateral', disputeTolerance: null,
      currency: { code: 'USD', from: 'EUR', table: 'fx/t.csv', source: 'a.icx:11', rates: [{ date: '2026-03-31', rate: '1.0825' }, { date: '2026-04-30', rate: '1.0790' }] },
    });
  });

  it('keeps the plan of an agreement that states no currency unchanged (no key at all)', () => {
    const r = run('  settlement {\n    netting bilateral\n  }');
    expect(r.found).toEqual([]);
    expect(r.plan!.settlement).not.toHaveProperty('currency');
  });

  it('the agreement currency needs no table (ICX2903 when one is given)', () => {
    expect(run('  settlement {\n    netting bilateral\n    currency EUR\n  }').plan!.settlement!.currency).toEqual({ code: 'EUR', from: 'EUR', table: null, source: 'a.icx:11', rates: [] });
    const r = run('  settlement {\n    netting bilateral\n    currency EUR from table ⟦"fx/t.csv"⟧\n  }');
    expect(r.found).toEqual(['ICX2903@0']);
  });

  it('refuses another currency without a table (ICX2901), a table without the pair (ICX2902), an unknown code (ICX3003), a missing file (ICX2602)', () => {
    const noTable = run('  settlement {\n    netting bilateral\n    currency ⟦USD⟧\n  }');
    expect(noTable.found).toEqual(['ICX2901@0']);
    expect(noTable.messages[0]).toContain('`currency USD from table "fx/<table>.csv"`');
    const noPair = run('  settlement {\n    netting bilateral\n    currency JPY from table ⟦"fx/t.csv"⟧\n  }');
    expect(noPair.found).toEqual(['ICX2902@0']);
    expect(noPair.messages[0]).toContain('fx/t.csv has no EUR->JPY row');
    const nets = (line: string) => run(`  settlement {\n    netting bilateral\n    ${line}\n  }`).found;
    expect(nets('currency ⟦EURO⟧ from table "fx/t.csv"')).toEqual(['ICX3003@0']);
    expect(nets('currency USD from table ⟦"fx/none.csv"⟧')).toEqual(['ICX2602@0']);
    expect(nets('currency USD from table ⟦"/etc/t.csv"⟧')).toEqual(['ICX2602@0']);
  });

  it('a second currency line is ICX3006', () => {
    const r = run('  settlement {\n    netting bilateral\n    currency EUR\n    ⟦currency USD from table "fx/t.csv"⟧\n  }');
    expect(r.found).toEqual(['ICX3006@0']);
  });

  it('warns that a settlement currency without bilateral netting is never used (ICX2905)', () => {
    const r = run('  settlement {\n    netting none\n    currency ⟦EUR⟧\n  }');
    expect(r.found).toEqual(['ICX2905@0']);
    expect(r.messages[0]).toContain('paid gross in EUR');
    expect(run('  settlement {\n    currency ⟦EUR⟧\n  }').found).toEqual(['ICX2905@0']);
  });
});
