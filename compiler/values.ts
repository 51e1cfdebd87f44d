// Small value helpers shared by checks and lowering. Amounts stay decimal strings;
// decimal.js is used only where arithmetic is unavoidable (unit conversion of durations).
import { Decimal } from 'decimal.js';
import type { DurationLit } from '../language/ast.js';

const SECONDS_PER: Record<string, string> = { ms: '0.001', s: '1', min: '60', h: '3600' };

/** Data units and their size in bytes: binary, 1 KB = 1024 B (per-record data rating and pools alike). */
export const DATA_UNIT_BYTES: Record<string, bigint> = {
  B: 1n,
  KB: 1024n,
  MB: 1024n * 1024n,
  GB: 1024n * 1024n * 1024n,
  TB: 1024n * 1024n * 1024n * 1024n,
};

/** The duration in seconds as a Decimal, or null when the literal is unusable. */
export function durationSeconds(d: DurationLit | undefined): Decimal | null {
  if (!d || SECONDS_PER[d.unit] === undefined) return null;
  try {
    return new Decimal(d.amount.replace(/_/g, '')).times(SECONDS_PER[d.unit]!);
  } catch {
    // A malformed amount was already reported by the parser; treat it as absent.
    return null;
  }
}

/** Whole seconds as a number, or null when not a non-negative integer number of seconds. */
export function wholeSeconds(d: DurationLit | undefined): number | null {
  const s = durationSeconds(d);
  if (s === null || !s.isInteger() || s.isNegative()) return null;
  return s.toNumber();
}

/** A decimal string without `_` separators (as the plan carries it). */
export function decimalText(n: { value?: string; text?: string } | undefined): string {
  return (n?.value ?? n?.text ?? '').replace(/_/g, '');
}

/** Is `text` a real calendar date written YYYY-MM-DD? (2026-02-30 is not.) */
export function isValidDate(text: string | undefined): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '');
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

/** `2026-03-14` → `2026-03-31` (the period-end date of the monthly billing period). */
export function lastDayOfMonth(day: string): string {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

/** Is `text` a valid local date-time (with optional Z / ±hh:mm offset)? */
export function isValidDateTime(text: string | undefined): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-](\d{2}):(\d{2}))?$/.exec(text ?? '');
  if (!m || !isValidDate(m[1])) return false;
  if (Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? '0') > 59) return false;
  if (m[6] !== undefined && (Number(m[6]) > 18 || Number(m[7]) > 59)) return false;
  return true;
}

export const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** `08:05` from minutes after midnight. */
export function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
