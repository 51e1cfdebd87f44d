// Price histories compared date by date. A history is a list of spans [from, to) with a
// price (or none); two histories are cut at every date where either changes, and the
// stretches where the prices differ come out, consecutive equal stretches merged. So a rate
// line split, moved or rewritten with the same prices and dates shows no change.
import { Decimal } from 'decimal.js';

export interface Span {
  /** YYYY-MM-DD, inclusive */
  from: string;
  /** exclusive; null = open */
  to: string | null;
  /** decimal string; null = no price (closed) */
  value: string | null;
}

export interface Delta {
  from: string;
  to: string | null;
  old: string | null;
  new: string | null;
}

/** equal as decimals ("0.0100" = "0.01"); null equals only null */
export function sameValue(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return new Decimal(a).eq(new Decimal(b));
}

function at(spans: Span[], date: string): string | null {
  // the last span covering the date wins (spans of one history do not overlap in a plan)
  let v: string | null = null;
  for (const s of spans) if (s.from <= date && (s.to === null || date < s.to)) v = s.value;
  return v;
}

/**
 * Where `oldSpans` and `newSpans` disagree, from `start` on (earlier dates are left out: a
 * validity that starts later is reported once as a validity change, not per price).
 */
export function compareSpans(oldSpans: Span[], newSpans: Span[], start: string | null = null): Delta[] {
  const cuts = new Set<string>();
  for (const s of [...oldSpans, ...newSpans]) {
    cuts.add(s.from);
    if (s.to !== null) cuts.add(s.to);
  }
  if (start !== null) cuts.add(start);
  const dates = [...cuts].filter((d) => start === null || d >= start).sort();
  const out: Delta[] = [];
  for (let i = 0; i < dates.length; i++) {
    const from = dates[i]!;
    const to = dates[i + 1] ?? null;
    const o = at(oldSpans, from);
    const n = at(newSpans, from);
    if (sameValue(o, n)) continue;
    const prev = out[out.length - 1];
    if (prev && prev.to === from && sameValue(prev.old, o) && sameValue(prev.new, n)) prev.to = to;
    else out.push({ from, to, old: o, new: n });
  }
  // past the last cut both sides hold their last values; a trailing stretch with no price on
  // either side never appears (sameValue(null, null))
  return out;
}

/** "+8.13" / "-4.00": the change in percent of the old value, 2 decimals half-up; null without a base. */
export function percentChange(oldValue: string | null, newValue: string | null): string | null {
  if (oldValue === null || newValue === null) return null;
  const o = new Decimal(oldValue);
  if (o.isZero()) return null;
  const p = new Decimal(newValue).minus(o).div(o).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return (p.isNegative() ? '' : '+') + p.toFixed(2);
}

/** -1, 0, 1 */
export function compareValues(a: string, b: string): number {
  return new Decimal(a).comparedTo(new Decimal(b));
}

/** The day before an exclusive end, so a stretch reads like a `valid` line: `2026-01-01..2026-03-31`. */
export function dayBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! - 1)).toISOString().slice(0, 10);
}

/** ` from D` / ` D1..D2` / `` (the whole of the comparison) */
export function stretch(from: string, to: string | null, start: string | null): string {
  if (to === null) return from === start ? '' : ` from ${from}`;
  return ` ${from}..${dayBefore(to)}`;
}
