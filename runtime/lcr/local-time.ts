// `--at` is an instant; each supplier's agreement time zone turns it into the local date (which
// rate line is in force, which FX rate applies) and the local minute (which time band).
import type { AgreementPlan } from '../../compiler/plan.js';
import { LcrError } from './errors.js';

const AT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$/;

/** Parses `--at`: `YYYY-MM-DDTHH:MM[:SS]` with an optional `Z` or `±HH:MM`; without one it is UTC. */
export function parseAt(text: string): Date {
  const m = AT.exec(text);
  if (!m) throw new LcrError(`--at: \`${text}\` is not a date and time written YYYY-MM-DDTHH:MM (e.g. 2026-03-15T10:00, UTC unless it ends in Z or ±HH:MM)`, 'usage');
  const [, y, mo, d, h, mi, s, off] = m;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${off ?? 'Z'}`;
  const t = new Date(iso);
  // Date accepts 2026-02-30 by rolling over; a round trip of the calendar fields refuses it
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0)));
  if (Number.isNaN(t.getTime()) || check.getUTCDate() !== Number(d) || check.getUTCHours() !== Number(h) || Number(mi) > 59 || Number(s ?? 0) > 59) {
    throw new LcrError(`--at: \`${text}\` is not a valid calendar date and time`, 'usage');
  }
  return t;
}

export interface LocalTime {
  /** YYYY-MM-DD */
  date: string;
  /** ISO weekday, 1 = Monday */
  isoDow: number;
  /** minutes since local midnight */
  minute: number;
}

const DOW: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

export function localTime(at: Date, timeZone: string): LocalTime {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short' });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, isoDow: DOW[p.weekday!]!, minute: Number(p.hour) * 60 + Number(p.minute) };
}

/**
 * localTime() for many instants: each minute's local time from that of its quarter hour. Today's
 * UTC offsets are whole quarter hours and change on quarter hours, so a quarter hour has one
 * offset and never crosses local midnight: one Intl call per zone and quarter hour, not per minute.
 * (Seconds are dropped, as localTime drops them.)
 */
export function quarterHourClock(): (at: Date, timeZone: string) => LocalTime {
  const quarters = new Map<string, LocalTime>();
  return (at, timeZone) => {
    const minute = Math.floor(at.getTime() / 60_000);
    const quarter = minute - (((minute % 15) + 15) % 15);
    const key = `${timeZone}\u0000${quarter}`;
    let t = quarters.get(key);
    if (!t) {
      t = localTime(new Date(quarter * 60_000), timeZone);
      quarters.set(key, t);
    }
    return { ...t, minute: t.minute + (minute - quarter) };
  };
}

/** The agreement's band at a local time, as rating picks the start band (holidays use their own day profiles). */
export function bandAt(plan: AgreementPlan, t: LocalTime): string {
  if (plan.bandWindows.length === 0) return plan.bands[0] ?? 'any';
  const holiday = plan.holidays.includes(t.date);
  const w = plan.bandWindows.find((x) => x.holiday === holiday && x.isoDow === t.isoDow && x.startMinute <= t.minute && t.minute < x.endMinute);
  if (!w) throw new LcrError(`${plan.id}: no time band covers ${t.date} minute ${t.minute} (day ${t.isoDow}${holiday ? ', holiday' : ''})`);
  return w.band;
}
