// Checks of traffic tests (ICX2801–ICX2812), each at its marked ⟦range⟧, and the plan they lower to.
import { describe, expect, it } from 'vitest';
import { agreement, stripMarks } from '../test-support/expect-diagnostics.js';
import { compile, type CompileHost } from '../index.js';

const AGREEMENT = agreement(`
  timebands {
    peak     mon-fri 08:00-20:00
    offpeak  otherwise
  }

  zones {
    FR-MOBILE  33 6
    FR-FIXED   33 1
  }

  service voice-termination voice payable {
    billing 60/60
    rate FR-MOBILE  peak 0.0123 EUR/min  offpeak 0.0100 EUR/min
    rate FR-FIXED   0.0045 EUR/min
    rounding half-even 2 decimals per invoice line
  }`, { id: 'ACME-T' });

const CSV = 'record_id,trunk,direction,kind,a_number,b_number,start_time,duration_s,units\n';
/** A host with the agreement root's files: traffic/march.csv exists, nothing else. */
const host: CompileHost = { readFile: (uri) => (uri === 'traffic/march.csv' ? CSV : undefined) };

/** Compiles the agreement (agreements/t.icx) and the marked test file; expects exactly the marks. */
function check(snippet: string, expected: { code: string; message?: string | RegExp }[]) {
  const { text, ranges } = stripMarks(snippet);
  const result = compile([{ uri: 't.icx', text: AGREEMENT }, { uri: 'tests/t.test.icx', text }], host);
  const got = result.diagnostics.map((d) => ({ code: d.code, uri: d.uri, start: d.range.start.offset, end: d.range.end.offset, message: d.message }));
  expect(got.map(({ code, uri, start, end }) => ({ code, uri, start, end }))).toEqual(
    expected.map((e, i) => ({ code: e.code, uri: 'tests/t.test.icx', start: ranges[i]!.start.offset, end: ranges[i]!.end.offset })),
  );
  expected.forEach((e, i) => {
    if (e.message !== undefined) expect(got[i]!.message).toMatch(e.message);
  });
  return result;
}

describe('traffic test checks', () => {
  it('a clean test lowers to a plan: traffic resolved from the test file, one expectation per line', () => {
    const r = check(`test "March" for ACME-T {
  traffic "../traffic/march.csv"
  expect count 3 rated 2 suspense 1
  expect suspense barred 1
  expect service voice-termination zone FR-MOBILE band peak 0.05 EUR
  expect total 0.06 EUR
}
`, []);
    expect(r.compiled.trafficTests).toEqual([{
      agreementId: 'ACME-T', title: 'March', source: 'tests/t.test.icx:1', traffic: 'traffic/march.csv', trafficWritten: '../traffic/march.csv', currency: 'EUR',
      expects: [
        { kind: 'count', count: 3, rated: 2, suspense: 1, source: 'tests/t.test.icx:3' },
        { kind: 'suspense', reason: 'barred', count: 1, source: 'tests/t.test.icx:4' },
        { kind: 'amount', service: 'voice-termination', zone: 'FR-MOBILE', band: 'peak', amount: '0.05', currency: 'EUR', source: 'tests/t.test.icx:5' },
        { kind: 'amount', service: null, zone: null, band: null, amount: '0.06', currency: 'EUR', source: 'tests/t.test.icx:6' },
      ],
    }]);
  });

  it('ICX2801: an unknown agreement, at its name', () => {
    check(`test "x" for ⟦ACME-NONE⟧ {\n  traffic "../traffic/march.csv"\n  expect count 0\n}\n`, [{ code: 'ICX2801', message: /No agreement ACME-NONE.*known: ACME-T/ }]);
  });

  it('ICX2802: a missing file, or one that is not a usage file, at the path', () => {
    check(`test "x" for ACME-T {\n  traffic ⟦"../traffic/april.csv"⟧\n  expect count 0\n}\n`, [{ code: 'ICX2802', message: /not found/ }]);
    check(`test "x" for ACME-T {\n  traffic ⟦"../traffic/march.xlsx"⟧\n  expect count 0\n}\n`, [{ code: 'ICX2802', message: /not a usage file/ }]);
  });

  it('ICX2803: a path outside the agreements root, or absolute, is refused', () => {
    check(`test "x" for ACME-T {\n  traffic ⟦"../../etc/march.csv"⟧\n  expect count 0\n}\n`, [{ code: 'ICX2803', message: /outside the agreements root/ }]);
    check(`test "x" for ACME-T {\n  traffic ⟦"/tmp/march.csv"⟧\n  expect count 0\n}\n`, [{ code: 'ICX2803', message: /absolute/ }]);
  });

  it('ICX2804: no traffic line (at the title), a second one (at it)', () => {
    check(`test ⟦"x"⟧ for ACME-T {\n  expect count 0\n}\n`, [{ code: 'ICX2804' }]);
    check(`test "x" for ACME-T {\n  traffic "../traffic/march.csv"\n  traffic ⟦"../traffic/march.csv"⟧\n  expect count 0\n}\n`, [{ code: 'ICX2804' }]);
  });

  it('ICX2805/2806/2807: unknown service, zone and band, each at its name', () => {
    check(`test "x" for ACME-T {
  traffic "../traffic/march.csv"
  expect service ⟦sms⟧ 1 EUR
  expect zone ⟦DE-MOBILE⟧ 1 EUR
  expect service voice-termination band ⟦night⟧ 1 EUR
}
`, [{ code: 'ICX2805', message: /no service sms/ }, { code: 'ICX2806', message: /FR-FIXED, FR-MOBILE/ }, { code: 'ICX2807', message: /peak, offpeak/ }]);
  });

  it('ICX2808: an unknown suspense reason; ICX2809: an amount that names nothing; ICX2810: another currency', () => {
    check(`test "x" for ACME-T {
  traffic "../traffic/march.csv"
  expect suspense ⟦no-such-reason⟧ 1
  expect ⟦1 EUR⟧
  expect total 1 ⟦USD⟧
}
`, [{ code: 'ICX2808' }, { code: 'ICX2809' }, { code: 'ICX2810', message: /in EUR, not USD/ }]);
  });

  it('ICX2811: counts that do not add up or are not whole; ICX2812: nothing expected', () => {
    check(`test "x" for ACME-T {
  traffic "../traffic/march.csv"
  ⟦expect count 3 rated 1 suspense 1⟧
  expect count ⟦2.5⟧
}
`, [{ code: 'ICX2811', message: /rated 1 \+ suspense 1 ≠ 3/ }, { code: 'ICX2811', message: /whole number/ }]);
    check(`test ⟦"x"⟧ for ACME-T {\n  traffic "../traffic/march.csv"\n}\n`, [{ code: 'ICX2812' }]);
  });

  it('ICX2813: a charge without `period`; ICX2814: an unknown construct; with `period` it lowers', () => {
    check(`test "x" for ACME-T {\n  traffic "../traffic/march.csv"\n  ⟦expect charge tier voice-termination 1 EUR⟧\n}\n`, [{ code: 'ICX2813' }]);
    check(`test "x" for ACME-T {\n  traffic "../traffic/march.csv"\n  period 2026-03\n  expect charge ⟦rebate⟧ voice-termination 1 EUR\n}\n`, [{ code: 'ICX2814', message: /Unknown charge rebate/ }]);
    const r = check(`test "x" for ACME-T {\n  traffic "../traffic/march.csv"\n  period 2026-03\n  expect charge discount BIG tier 2 -1.50 EUR\n}\n`, []);
    expect(r.compiled.trafficTests![0]).toMatchObject({ period: '2026-03', expects: [{ kind: 'charge', construct: 'discount', subject: 'BIG', tier: 2, amount: '-1.50', currency: 'EUR' }] });
  });

  it('a test file alone adds no plan and changes no agreement plan', () => {
    const alone = compile([{ uri: 't.icx', text: AGREEMENT }], host);
    const both = compile([{ uri: 't.icx', text: AGREEMENT }, { uri: 'tests/t.test.icx', text: 'test "x" for ACME-T {\n  traffic "../traffic/march.csv"\n  expect count 0\n}\n' }], host);
    expect(both.compiled.plans).toEqual(alone.compiled.plans);
    expect(both.compiled.tests).toEqual(alone.compiled.tests);
  });
});

describe('coverage items', () => {
  it('lists rate lines, zones, bands and bars of an agreement, each at its line', () => {
    const text = AGREEMENT.replace('    rounding half-even', '    bar FR-PREMIUM\n    rounding half-even').replace('    FR-FIXED   33 1\n', '    FR-FIXED   33 1\n    FR-PREMIUM 33 89\n');
    const r = compile([{ uri: 't.icx', text }], host);
    expect(r.diagnostics).toEqual([]);
    const items = r.compiled.coverage!;
    const line = (s: string) => `t.icx:${text.split('\n').findIndex((l) => l.includes(s)) + 1}`;
    expect(items.map((i) => [i.kind, i.label, i.source])).toEqual([
      // a rate line with two band prices is one item
      ['rate', 'voice-termination/FR-MOBILE', line('rate FR-MOBILE')],
      ['rate', 'voice-termination/FR-FIXED', line('rate FR-FIXED')],
      ['zone', 'FR-MOBILE', line('FR-MOBILE  33 6')],
      ['zone', 'FR-FIXED', line('FR-FIXED   33 1')],
      ['zone', 'FR-PREMIUM', line('FR-PREMIUM 33 89')],
      ['band', 'peak', line('peak     mon-fri')],
      ['band', 'offpeak', line('offpeak  otherwise')],
      ['bar', 'voice-termination bar FR-PREMIUM', line('bar FR-PREMIUM')],
    ]);
  });
});
