import { describe, expect, it } from 'vitest';
import { agreement } from '../test-support/expect-diagnostics.js';
import { expectDeckDiagnostics } from '../test-support/expect-deck-diagnostics.js';

const HEADER = 'prefix,destination,rate,effective_date,change,increments\n';

/** A voice service rating from decks/x.csv (lines of the service body as given). */
const svc = (body: string) => agreement(`  service term voice payable {\n    billing 60/60\n${body}\n  }`);
const deckSvc = (extra = '') => svc(`    rates from deck "decks/x.csv" issued 2026-03-01\n${extra}`);

describe('rate decks: the deck file (diagnostics in the deck, at the line and field)', () => {
  it('accepts a clean deck', () => {
    const r = expectDeckDiagnostics(deckSvc('    notice increases 7 days'), {
      'decks/x.csv': HEADER + '336,France Mobile,0.0200,2026-01-01,new,\n336,France Mobile,0.0250,2026-03-08,increase,\n"331","France, Paris",0.0100,2026-01-01,,1/1\n',
    }, []);
    expect(r.compiled.plans).toHaveLength(1);
  });

  it('reports malformed prefix, destination, rate, date, change and increments at their field (ICX3102-3107, ICX4101)', () => {
    expectDeckDiagnostics(deckSvc(), {
      'decks/x.csv':
        HEADER +
        '⟦+33 6⟧,France Mobile,0.02,2026-01-01,,\n' +
        '337,⟦ ⟧,0.02,2026-01-01,,\n' +
        '338,France,⟦0,02⟧\n'.replace('⟦0,02⟧', '⟦-0.02⟧,2026-01-01,,') +
        '339,France,0.02,⟦2026-02-30⟧,,\n' +
        '340,France,0.02,2026-01-01,⟦up⟧,\n' +
        '341,France,0.02,2026-01-01,,⟦60/0⟧\n' +
        '342,France,⟦0.0000000001⟧,2026-01-01,,\n',
    }, [
      { file: 'decks/x.csv', code: 'ICX3102', message: 'Prefix "+33 6" must be 1 to 18 digits' },
      { file: 'decks/x.csv', code: 'ICX3107' },
      { file: 'decks/x.csv', code: 'ICX3103', message: '"-0.02"' },
      { file: 'decks/x.csv', code: 'ICX4101', message: '2026-02-30' },
      { file: 'decks/x.csv', code: 'ICX3104', message: 'new, increase, decrease, unchanged, closed' },
      { file: 'decks/x.csv', code: 'ICX3105', message: '60/60' },
      { file: 'decks/x.csv', code: 'ICX3007', message: '10 decimals' },
    ]);
  });

  it('reports an unknown column, a missing required column, a row of the wrong width, a bad quote (ICX3101)', () => {
    expectDeckDiagnostics(deckSvc(), { 'decks/x.csv': '⟦prefix,destination,rate,⟦tier⟧⟧\n' }, [
      { file: 'decks/x.csv', code: 'ICX3101', message: 'lacks effective_date' },
      { file: 'decks/x.csv', code: 'ICX3101', message: 'Unknown deck column "tier"' },
    ]);
    expectDeckDiagnostics(deckSvc(), { 'decks/x.csv': '⟦prefix,destination,rate⟧\n1,A,0.1\n' }, [{ file: 'decks/x.csv', code: 'ICX3101', message: 'lacks effective_date' }]);
    expectDeckDiagnostics(deckSvc(), { 'decks/x.csv': HEADER + '⟦1,A,0.1,2026-01-01⟧\n⟦"2,A,0.1,2026-01-01,,⟧\n' }, [
      { file: 'decks/x.csv', code: 'ICX3101', message: 'has 4 fields but the header has 6' },
      { file: 'decks/x.csv', code: 'ICX3101', message: 'not closed' },
    ]);
  });

  it('reports an empty deck and a deck with a header only (ICX3101)', () => {
    expectDeckDiagnostics(deckSvc(), { 'decks/x.csv': '⟦⟧\n\n' }, [{ file: 'decks/x.csv', code: 'ICX3101', message: 'empty' }]);
    expectDeckDiagnostics(deckSvc(), { 'decks/x.csv': '⟦prefix,destination,rate,effective_date⟧\n' }, [{ file: 'decks/x.csv', code: 'ICX3101', message: 'no rows' }]);
  });

  it('reports a prefix under two destinations and two rows of a prefix for one date (ICX2101, ICX4102)', () => {
    expectDeckDiagnostics(deckSvc(), {
      'decks/x.csv': HEADER + '336,France Mobile,0.02,2026-01-01,,\n336,⟦France Fixed⟧,0.02,2026-02-01,,\n337,France,0.02,2026-01-01,,\n337,France,0.03,⟦2026-01-01⟧,,\n',
    }, [
      { file: 'decks/x.csv', code: 'ICX2101', message: 'on line 2' },
      { file: 'decks/x.csv', code: 'ICX4102', message: 'line 4' },
    ]);
  });

  it('warns when the change column contradicts the rates, and about rows after the validity (ICX3108, ICX4105)', () => {
    expectDeckDiagnostics(deckSvc(), {
      'decks/x.csv': HEADER + '336,M,0.02,2026-01-01,new,\n336,M,0.01,2026-03-01,⟦increase⟧,\n337,M,0.02,⟦2027-01-01⟧,new,\n',
    }, [
      { file: 'decks/x.csv', code: 'ICX3108', message: 'goes from 0.02 (line 2) to 0.01: that is a decrease' },
      { file: 'decks/x.csv', code: 'ICX4105', message: 'after the agreement ends (2026-12-31)' },
    ]);
  });
});

describe('rate decks: notice', () => {
  it('reports an increase sooner than N days after issue at the row\'s effective date (ICX4103)', () => {
    expectDeckDiagnostics(deckSvc('    notice increases 7 days'), {
      'decks/x.csv':
        HEADER +
        '336,France Mobile,0.0200,2026-01-01,new,\n' +
        '336,France Mobile,0.0250,⟦2026-03-07⟧,increase,\n' + // issued 03-01 + 7 = 03-08: one day short
        '337,France Mobile,0.0200,2026-01-01,new,\n' +
        '337,France Mobile,0.0250,2026-03-08,increase,\n' + // exactly 7 days: allowed
        '338,France Mobile,0.0200,2026-01-01,new,\n' +
        '338,France Mobile,0.0100,2026-03-02,decrease,\n', // decreases need no notice
    }, [{ file: 'decks/x.csv', code: 'ICX4103', message: 'takes effect 2026-03-07, less than 7 days after the deck was issued (2026-03-01); the earliest allowed date is 2026-03-08' }]);
  });

  it('without a change column, an increase is a higher rate than the row before', () => {
    expectDeckDiagnostics(deckSvc('    notice increases 10 days'), {
      'decks/x.csv': 'prefix,destination,rate,effective_date\n336,M,0.02,2026-01-01\n336,M,0.03,⟦2026-03-05⟧\n337,M,0.05,2026-03-05\n',
    }, [{ file: 'decks/x.csv', code: 'ICX4103', message: '10 days' }]);
  });

  it('requires the issue date with a notice period, a deck with a notice, a whole number of days (ICX4104, ICX5103, ICX3007)', () => {
    const deck = { 'decks/x.csv': HEADER + '336,M,0.02,2026-01-01,,\n' };
    expectDeckDiagnostics(svc('    ⟦rates from deck "decks/x.csv"⟧\n    notice increases 7 days'), deck, [{ file: 'agreement', code: 'ICX4104', message: 'issued <date>' }]);
    expectDeckDiagnostics(svc('    rate any 0.01 EUR/min\n    ⟦notice increases 7 days⟧'), {}, [{ file: 'agreement', code: 'ICX5103' }]);
    expectDeckDiagnostics(deckSvc('    notice increases ⟦7.5⟧ days'), deck, [{ file: 'agreement', code: 'ICX3007', message: 'whole number of days' }]);
  });
});

describe('rate decks: the service', () => {
  const deck = { 'decks/x.csv': HEADER + '336,M,0.02,2026-01-01,,\n' };

  it('refuses inline rate lines beside a deck, a second deck, a second notice (ICX5101, ICX5102, ICX3006)', () => {
    expectDeckDiagnostics(
      deckSvc('    ⟦rate any 0.01 EUR/min⟧\n    ⟦rates from deck "decks/x.csv"⟧\n    notice increases 7 days\n    ⟦notice increases 8 days⟧'),
      deck,
      [
        { file: 'agreement', code: 'ICX5101' },
        { file: 'agreement', code: 'ICX5102' },
        { file: 'agreement', code: 'ICX3006', message: 'notice period' },
      ],
    );
  });

  it('reports a missing deck and a path out of the root at the path string (ICX3106)', () => {
    expectDeckDiagnostics(svc('    rates from deck ⟦"decks/none.csv"⟧'), {}, [{ file: 'agreement', code: 'ICX3106', message: 'not found (looked for decks/none.csv' }]);
    expectDeckDiagnostics(svc('    rates from deck ⟦"../x.csv"⟧'), {}, [{ file: 'agreement', code: 'ICX3106', message: 'outside the agreements root' }]);
  });

  it('refuses a deck on a service kind that is not priced per minute or message (ICX3001)', () => {
    expectDeckDiagnostics(
      agreement('  service d data payable {\n    billing 1 KB\n    ⟦rates from deck "decks/x.csv"⟧\n  }'),
      deck,
      [{ file: 'agreement', code: 'ICX3001' }],
    );
  });

  it('refuses a barred zone whose prefix the deck rates (ICX5104)', () => {
    expectDeckDiagnostics(
      agreement('  zones {\n    PREMIUM 336\n  }\n  service term voice payable {\n    billing 60/60\n    rates from deck "decks/x.csv"\n    bar ⟦PREMIUM⟧\n  }'),
      deck,
      [{ file: 'agreement', code: 'ICX5104', message: 'decks/x.csv:2' }],
    );
  });

  it('reports a deck used by two agreements once, and its use elsewhere as an error', () => {
    const bad = HEADER + '336,M,⟦x⟧,2026-01-01,,\n';
    const r = expectDeckDiagnostics(
      deckSvc() + agreement(`  service term voice payable {\n    billing 60/60\n    rates from deck ⟦"decks/x.csv"⟧\n  }`, { id: 'T-2' }).replace('ORANGE', 'SFR'),
      { 'decks/x.csv': bad },
      [
        { file: 'agreement', code: 'ICX3101', message: 'has 1 error' },
        { file: 'decks/x.csv', code: 'ICX3103' },
      ],
    );
    expect(r.compiled.plans).toHaveLength(0);
  });

  it('a test may expect a deck destination as its zone; another name is still unknown (ICX2002)', () => {
    const tests = `
  test "t1" {
    usage term to 33612345678 at 2026-03-02T10:00:00 for 60s
    expect 0.02 EUR zone M
  }
  test "t2" {
    usage term to 33612345678 at 2026-03-02T10:00:00 for 60s
    expect 0.02 EUR zone ⟦Nowhere⟧
  }`;
    expectDeckDiagnostics(deckSvc().replace(/\n\}\n$/, `${tests}\n}\n`), deck, [{ file: 'agreement', code: 'ICX2002' }]);
  });
});
