// The amount claimed and the deadlines, computed by hand from the fixture
// fixtures/orange-2026-03/findings.json (ORANGE's March 2026 invoice FR-ORA-2026-0412 of 2026-04-03).
import { describe, expect, it } from 'vitest';
import { claimOf, deadlinesOf } from '../../runtime/dispute/claim.js';
import { addDays, isIsoDate } from '../../runtime/dispute/dates.js';
import { readFindings } from '../../runtime/dispute/findings-read.js';
import { fixtureCopy, RULES } from './support.js';

describe('the amount claimed', () => {
  it('sums the positive differences of the disputed lines; undercharges are shown apart, not offset', async () => {
    const f = fixtureCopy('orange-2026-03');
    try {
      const read = await readFindings(f.findings);
      // disputed: lines 1-5; line 6 (rounding, +0.02) is not disputed and claims nothing
      expect(read.disputed.map((l) => l.difference)).toEqual(['12.30', '900.00', '320.00', '36.00', '-90.00']);
      // overcharges: 12.30 (duplicates) + 900.00 (offpeak rate 0.0110 vs 0.0100 × 900000 min)
      //            + 320.00 (FR-FIXED 0.0050 vs 0.0045 × 640000 min) + 36.00 (barred FR-PREMIUM) = 1268.30
      // undercharge: the missing 2026-03-31, 90.00, not subtracted (1268.30, not 1178.30)
      expect(claimOf(read.disputed)).toEqual({ claimed: '1268.30', undercharged: '90.00', overchargedLines: 4, underchargedLines: 1 });
    } finally {
      f.cleanup();
    }
  });

  it('is exact: no binary rounding of long decimals', () => {
    const line = (difference: string) => ({ difference }) as Parameters<typeof claimOf>[0][number];
    // 0.1 + 0.2 = 0.3 exactly; 0.000000001 × 3 = 0.000000003
    expect(claimOf([line('0.1'), line('0.2')]).claimed).toBe('0.3');
    expect(claimOf([line('0.000000001'), line('0.000000001'), line('0.000000001')]).claimed).toBe('0.000000003');
    expect(claimOf([line('-0.5')])).toEqual({ claimed: '0.0', undercharged: '0.5', overchargedLines: 0, underchargedLines: 1 });
  });
});

describe('deadlines', () => {
  it('counts calendar days from the invoice date and from the date raised', () => {
    // invoice 2026-04-03 + 30 days = 2026-05-03; raised 2026-04-10 + 15 days = 2026-04-25
    expect(deadlinesOf('2026-04-03', '2026-04-10', RULES)).toEqual({ raiseBy: '2026-05-03', answerDue: '2026-04-25' });
    // across a month end and a leap day: 2028-02-15 + 30 = 2028-03-16 (Feb 2028 has 29 days)
    expect(addDays('2028-02-15', 30)).toBe('2028-03-16');
    expect(deadlinesOf('2026-04-03', '2026-04-10', null)).toEqual({ raiseBy: null, answerDue: null });
    expect(deadlinesOf('2026-04-03', '2026-04-10', { raiseDays: null, answerDays: 10 })).toEqual({ raiseBy: null, answerDue: '2026-04-20' });
  });

  it('knows a real date', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-4-1')).toBe(false);
  });
});
