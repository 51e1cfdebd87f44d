import { describe, expect, it } from 'vitest';
import { parseDaySpec, parseTimeRange } from './time-bands.js';
import { agreement, expectDiagnostics } from '../test-support/expect-diagnostics.js';

const withBands = (bands: string, holidays = '') =>
  agreement(`${holidays}  timebands {
${bands}
  }
  service vt voice payable {
    billing 60/60
    rate any 0.01 EUR/min
  }`);

describe('day specs and time ranges', () => {
  it('parses days and forward ranges', () => {
    expect(parseDaySpec('mon-fri')).toEqual([1, 2, 3, 4, 5]);
    expect(parseDaySpec('sun')).toEqual([7]);
    expect(parseDaySpec('fri-mon')).toBeNull();
    expect(parseDaySpec('monday')).toBeNull();
    expect(parseTimeRange('08:00-24:00')).toEqual([480, 1440]);
    expect(parseTimeRange('20:00-08:00')).toBeNull();
    expect(parseTimeRange('08:60-09:00')).toBeNull();
    expect(parseTimeRange('08:00-24:30')).toBeNull();
  });

  it('reports an invalid weekday (ICX4008)', () => {
    expectDiagnostics(withBands(`    peak  ⟦monday⟧ 08:00-20:00\n    offpeak  otherwise`), [{ code: 'ICX4008', message: 'mon tue' }]);
  });

  it('reports a backward day range (ICX4008)', () => {
    expectDiagnostics(withBands(`    peak  ⟦fri-mon⟧ 08:00-20:00\n    offpeak  otherwise`), [{ code: 'ICX4008' }]);
  });

  for (const bad of ['20:00-08:00', '08:00-08:00', '08:75-09:00', '08:00-25:00']) {
    it(`reports the time range ${bad} (ICX4009)`, () => {
      expectDiagnostics(withBands(`    peak  mon-fri ⟦${bad}⟧\n    offpeak  otherwise`), [{ code: 'ICX4009' }]);
    });
  }
});

describe('overlaps and gaps', () => {
  it('reports two bands claiming the same minute (ICX4004), citing both', () => {
    expectDiagnostics(
      withBands(`    peak  mon-fri 08:00-20:00
    ⟦evening  mon-sun 19:00-23:00⟧
    offpeak  otherwise`),
      [{ code: 'ICX4004', message: /evening overlaps band peak \(test\.icx:10\) on Monday at 19:00/ }],
    );
  });

  it('reports a band that applies on holidays overlapping the holiday band (ICX4004)', () => {
    expectDiagnostics(
      withBands(
        `    peak  mon-fri 08:00-20:00
    ⟦holiday  holidays FR⟧
    offpeak  otherwise`,
        `  holidays FR { 2026-05-01 }\n`,
      ),
      [{ code: 'ICX4004', message: 'holiday Monday at 08:00' }],
    );
  });

  it('accepts peak except holidays with a holiday band', () => {
    expectDiagnostics(
      withBands(
        `    peak  mon-fri 08:00-20:00 except holidays FR
    holiday  holidays FR
    offpeak  otherwise`,
        `  holidays FR { 2026-05-01 }\n`,
      ),
      [],
    );
  });

  it('reports a gap in the week naming the first uncovered minute (ICX4005)', () => {
    expectDiagnostics(
      agreement(`  ⟦timebands⟧ {
    day  mon-sun 08:00-20:00
    night  mon-sun 20:00-24:00
  }
  service vt voice payable {
    billing 60/60
    rate any 0.01 EUR/min
  }`),
      [{ code: 'ICX4005', message: 'Monday at 00:00' }],
    );
  });

  it('reports a gap on holidays when a band skips them (ICX4005)', () => {
    expectDiagnostics(
      agreement(`  holidays FR { 2026-05-01 }
  ⟦timebands⟧ {
    week  mon-sun except holidays FR
  }
  service vt voice payable {
    billing 60/60
    rate any 0.01 EUR/min
  }`),
      [{ code: 'ICX4005', message: 'a holiday Monday at 00:00' }],
    );
  });

  it('reports bands using two holiday calendars (ICX4011)', () => {
    expectDiagnostics(
      withBands(
        `    peak  mon-fri 08:00-20:00 except holidays FR
    holiday  holidays ⟦UK⟧
    offpeak  otherwise`,
        `  holidays FR { 2026-05-01 }\n  holidays UK { 2026-05-04 }\n`,
      ),
      [{ code: 'ICX4011' }],
    );
  });
});

describe('otherwise', () => {
  it('reports a second otherwise band (ICX4004)', () => {
    expectDiagnostics(withBands(`    peak  mon-fri 08:00-20:00\n    offpeak  otherwise\n    ⟦night  otherwise⟧`), [
      { code: 'ICX4004', message: 'otherwise' },
    ]);
  });
});
