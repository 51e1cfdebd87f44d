// Time bands: weekday specs, time ranges, and the week grid. The grid is 14 day profiles
// (ISO weekday × holiday or not) of 1440 minutes, each minute owned by one band. Checks
// (overlap, gap) and lowering (band windows) both read the same grid, so what is checked
// is exactly what is executed.
import type { BandDef, Name, TimeRangeLit } from '../../language/ast.js';
import type { AgreementModel } from '../model.js';
import { at, rangeFrom, type Sink } from '../sink.js';
import { clock, DAY_NAMES } from '../values.js';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const MINUTES = 1440;
export const PROFILES = 14;

/** Profile index: 0..6 ordinary Monday..Sunday, 7..13 holiday Monday..Sunday. */
export function profileIndex(isoDow: number, holiday: boolean): number {
  return (holiday ? 7 : 0) + isoDow - 1;
}

function describeProfile(p: number): string {
  return `${p >= 7 ? 'a holiday ' : ''}${DAY_NAMES[p % 7]}`;
}

/** ISO weekdays (1..7) named by a day spec such as `mon` or `mon-fri`; null when invalid. */
export function parseDaySpec(text: string): number[] | null {
  const parts = text.split('-');
  if (parts.length === 1) {
    const i = DAYS.indexOf(parts[0]!);
    return i < 0 ? null : [i + 1];
  }
  if (parts.length !== 2) return null;
  const a = DAYS.indexOf(parts[0]!);
  const b = DAYS.indexOf(parts[1]!);
  // A range runs forward within the ISO week; `sat-mon` is ambiguous to a reader, so it is refused.
  if (a < 0 || b < 0 || b < a) return null;
  const out: number[] = [];
  for (let d = a; d <= b; d++) out.push(d + 1);
  return out;
}

/** [start, end) minutes of a time range written HH:MM-HH:MM; null when invalid. */
export function parseTimeRange(text: string): [number, number] | null {
  const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const [h1, m1, h2, m2] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
  if (m1 >= 60 || m2 >= 60 || h1 > 23 || h2 > 24 || (h2 === 24 && m2 !== 0)) return null;
  const s = h1 * 60 + m1;
  const e = h2 * 60 + m2;
  return e > s ? [s, e] : null;
}

export interface BandGrid {
  /** band index per minute per profile; -1 = uncovered */
  grid: Int16Array[];
  /** band names by index (declaration order, first definitions only) */
  names: string[];
  /** holiday calendars the bands reference (at most one in a valid agreement) */
  calendars: string[];
}

/**
 * Builds the week grid of the agreement's time bands and reports invalid day specs,
 * time ranges, overlaps, gaps, and the use of more than one holiday calendar.
 * Returns null when the agreement has no timebands block.
 */
export function buildBandGrid(m: AgreementModel, sink: Sink): BandGrid | null {
  const block = m.timebands[0];
  if (!block) return null;
  const grid = Array.from({ length: PROFILES }, () => new Int16Array(MINUTES).fill(-1));
  const names: string[] = [];
  const defs: BandDef[] = [];
  for (const b of block.bands ?? []) {
    if (!b.name?.text || names.includes(b.name.text)) continue; // duplicates: reported by names.ts
    names.push(b.name.text);
    defs.push(b);
  }

  const calendars: Name[] = [];
  for (const b of defs) {
    for (const c of [b.exceptHolidays, b.onHolidays]) {
      if (c?.text && !calendars.some((x) => x.text === c.text)) calendars.push(c);
    }
  }
  // A date is a holiday or not: 14 day profiles cannot say "a holiday for one band and not
  // for another", so every band must agree on one calendar.
  for (const c of calendars.slice(1)) {
    sink.report(
      'ICX4011',
      `The time bands already use holiday calendar ${calendars[0]!.text}; bands must all use one calendar (merge the dates into one \`holidays\` block).`,
      c.range,
    );
  }

  const reported = new Set<string>();
  const claim = (bi: number, p: number, s: number, e: number) => {
    const row = grid[p]!;
    for (let min = s; min < e; min++) {
      const cur = row[min]!;
      if (cur === -1 || cur === bi) {
        row[min] = bi;
        continue;
      }
      const key = `${cur}/${bi}`;
      if (!reported.has(key)) {
        reported.add(key);
        const other = defs[cur]!;
        sink.report(
          'ICX4004',
          `Band ${names[bi]} overlaps band ${names[cur]} (${at(m.uri, other.range)}) on ${describeProfile(p)} at ${clock(min)}; ` +
            `each minute of the week belongs to one band, so narrow the days or times of one of them.`,
          defs[bi]!.range,
        );
      }
    }
  };

  let otherwise: number | undefined;
  defs.forEach((b, bi) => {
    if (b.otherwise) {
      if (otherwise !== undefined) {
        sink.report(
          'ICX4004',
          `Band ${names[otherwise]} already takes every remaining minute (\`otherwise\`); only one band can.`,
          b.range,
        );
      } else otherwise = bi;
      return;
    }
    if (b.onHolidays) {
      for (let dow = 1; dow <= 7; dow++) claim(bi, profileIndex(dow, true), 0, MINUTES);
      return;
    }
    const days = new Set<number>();
    for (const d of b.days ?? []) {
      const parsed = parseDaySpec(d.text);
      if (!parsed) {
        sink.report(
          'ICX4008',
          `${d.text} is not a weekday or weekday range; write mon tue wed thu fri sat sun, or a forward range such as mon-fri.`,
          d.range,
        );
      } else parsed.forEach((x) => days.add(x));
    }
    if ((b.days ?? []).length === 0) {
      sink.report('ICX4008', `Band ${names[bi]} names no days; add days such as mon-fri, or write \`otherwise\`.`, b.name.range);
    }
    const times: [number, number][] = [];
    for (const t of b.times ?? []) {
      const r = checkTimeRange(t, sink);
      if (r) times.push(r);
    }
    if ((b.times ?? []).length === 0) times.push([0, MINUTES]);
    for (const dow of days) {
      for (const [s, e] of times) {
        claim(bi, profileIndex(dow, false), s, e);
        if (!b.exceptHolidays) claim(bi, profileIndex(dow, true), s, e);
      }
    }
  });

  if (otherwise !== undefined) {
    for (const row of grid) for (let i = 0; i < MINUTES; i++) if (row[i] === -1) row[i] = otherwise;
  } else {
    // Holiday profiles only matter when a calendar is referenced; without one they mirror
    // the ordinary days, so scanning them would report the same gap twice.
    const profiles = calendars.length > 0 ? PROFILES : 7;
    outer: for (let p = 0; p < profiles; p++) {
      const i = grid[p]!.indexOf(-1);
      if (i >= 0) {
        sink.report(
          'ICX4005',
          `No time band covers ${describeProfile(p)} at ${clock(i)}; add \`<band> otherwise\` or extend a band to cover it.`,
          rangeFrom(block.range.start, 'timebands'.length),
        );
        break outer;
      }
    }
  }
  return { grid, names, calendars: calendars.map((c) => c.text) };
}

function checkTimeRange(t: TimeRangeLit, sink: Sink): [number, number] | null {
  const r = parseTimeRange(t.text);
  if (!r) {
    sink.report(
      'ICX4009',
      `${t.text} is not a valid time range; write HH:MM-HH:MM with minutes below 60, an end after the start, and at most 24:00.`,
      t.range,
    );
  }
  return r;
}
