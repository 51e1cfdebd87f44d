import { describe, expect, it } from 'vitest';
import type { BandWindow } from '../plan.js';
import { agreement, expectClean } from '../test-support/expect-diagnostics.js';
import { SKETCH } from '../test-support/sketch.js';

const fmt = (ws: BandWindow[]) => ws.map((w) => `${w.holiday ? 'H' : '-'}${w.isoDow} ${w.startMinute}-${w.endMinute} ${w.band}`);

/** Every profile's windows are consecutive and cover 0..1440 exactly once. */
function expectWellFormed(ws: BandWindow[]): void {
  for (const holiday of [false, true]) {
    for (let dow = 1; dow <= 7; dow++) {
      const day = ws.filter((w) => w.holiday === holiday && w.isoDow === dow);
      expect(day[0]!.startMinute).toBe(0);
      expect(day.at(-1)!.endMinute).toBe(1440);
      day.slice(1).forEach((w, i) => expect(w.startMinute).toBe(day[i]!.endMinute));
    }
  }
}

describe('band windows', () => {
  it('lowers the sketch peak/offpeak with a holiday calendar', () => {
    const plan = expectClean(SKETCH, 'sketch.icx').compiled.plans[0]!.plan;
    expect(plan.bands).toEqual(['peak', 'offpeak']);
    expect(plan.holidays).toEqual(['2026-01-01', '2026-04-06', '2026-05-01', '2026-07-14', '2026-12-25']);
    expectWellFormed(plan.bandWindows);
    const w = fmt(plan.bandWindows);
    expect(w.filter((x) => x.startsWith('-1'))).toEqual(['-1 0-480 offpeak', '-1 480-1200 peak', '-1 1200-1440 offpeak']);
    expect(w.filter((x) => x.startsWith('-6'))).toEqual(['-6 0-1440 offpeak']);
    // `except holidays FR`: a holiday Monday is offpeak all day.
    expect(w.filter((x) => x.startsWith('H1'))).toEqual(['H1 0-1440 offpeak']);
    expect(w).toHaveLength(5 * 3 + 2 + 7);
  });

  it('lowers a holiday band beside bands that skip holidays', () => {
    const plan = expectClean(
      agreement(`  holidays FR { 2026-05-01 }
  timebands {
    peak     mon-fri 08:00-20:00 except holidays FR
    evening  mon-sun 20:00-23:00 except holidays FR
    holiday  holidays FR
    offpeak  otherwise
  }
  service vt voice payable {
    billing 60/60
    rate any 0.01 EUR/min
  }`),
    ).compiled.plans[0]!.plan;
    expectWellFormed(plan.bandWindows);
    const w = fmt(plan.bandWindows);
    expect(w.filter((x) => x.startsWith('-1'))).toEqual([
      '-1 0-480 offpeak',
      '-1 480-1200 peak',
      '-1 1200-1380 evening',
      '-1 1380-1440 offpeak',
    ]);
    expect(w.filter((x) => x.startsWith('H3'))).toEqual(['H3 0-1440 holiday']);
    expect(plan.bands).toEqual(['peak', 'evening', 'holiday', 'offpeak']);
  });

  it('gives an agreement without time bands the single band any', () => {
    const plan = expectClean(agreement(`  service s sms receivable {\n    rate any 0.005 EUR/msg\n  }`)).compiled.plans[0]!.plan;
    expect(plan.bands).toEqual(['any']);
    expect(plan.holidays).toEqual([]);
    expect(plan.bandWindows).toHaveLength(14);
    expect(plan.bandWindows.every((w) => w.band === 'any' && w.startMinute === 0 && w.endMinute === 1440)).toBe(true);
    expect(plan.services[0]!.rates.map((r) => r.clause)).toEqual(['s/any/any/2026-01-01']);
  });
});
