// Calendar periods (month, quarter, year) of the agreement's time zone. Record starts are
// already local (rated.local_start), so a period is a pair of local dates: no instants here.
import type { PeriodUnit } from '../../compiler/plan.js';
import { RateInputError } from '../errors.js';

export interface Month {
  year: number;
  /** 1..12 */
  month: number;
}

export interface Period {
  unit: PeriodUnit;
  /** first local date, YYYY-MM-DD */
  start: string;
  /** last local date (inclusive), YYYY-MM-DD */
  end: string;
  /** the day after `end`: the exclusive bound queries use */
  endExclusive: string;
}

/** `2026-03` → {2026, 3}; anything else (`2026-3`, `2026-13`) → null. */
export function readMonth(text: string): Month | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  const month = m ? Number(m[2]) : 0;
  return !m || month < 1 || month > 12 ? null : { year: Number(m[1]), month };
}

/** `2026-03` → {2026, 3}; anything else is a clear error naming the option. */
export function parseMonth(text: string, what = '--period'): Month {
  const m = readMonth(text);
  if (!m) throw new RateInputError(`${what} ${JSON.stringify(text)} is not a month; write it as YYYY-MM, e.g. 2026-03`);
  return m;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export const isoDate = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** A YYYY-MM month's first and last day and the day after it (YYYY-MM-DD). */
export function monthBounds(period: string): { start: string; end: string; endExclusive: string } {
  const m = parseMonth(period);
  return {
    start: isoDate(m.year, m.month, 1),
    end: isoDate(m.year, m.month, daysInMonth(m.year, m.month)),
    endExclusive: m.month === 12 ? isoDate(m.year + 1, 1, 1) : isoDate(m.year, m.month + 1, 1),
  };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const MONTHS: Record<PeriodUnit, number> = { month: 1, quarter: 3, year: 12 };

/** Does a period of `unit` end with this month (a quarter with Mar/Jun/Sep/Dec, a year with Dec)? */
export function endsWith(unit: PeriodUnit, m: Month): boolean {
  return m.month % MONTHS[unit] === 0;
}

/** The period of `unit` that contains month `m`. */
export function periodOf(unit: PeriodUnit, m: Month): Period {
  const len = MONTHS[unit];
  const firstMonth = Math.floor((m.month - 1) / len) * len + 1;
  const lastMonth = firstMonth + len - 1;
  const next = lastMonth === 12 ? isoDate(m.year + 1, 1, 1) : isoDate(m.year, lastMonth + 1, 1);
  return { unit, start: isoDate(m.year, firstMonth, 1), end: isoDate(m.year, lastMonth, daysInMonth(m.year, lastMonth)), endExclusive: next };
}

/** Whole days from a to b inclusive (YYYY-MM-DD); 0 when b < a. */
export function daysBetween(a: string, b: string): number {
  const d = (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000 + 1;
  return d > 0 ? d : 0;
}

/** The day before a YYYY-MM-DD date. */
export function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
