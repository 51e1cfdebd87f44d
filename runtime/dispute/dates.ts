// Calendar days for dispute deadlines: plain YYYY-MM-DD dates, counted in UTC so no machine time
// zone moves a deadline. Day N after a date is its deadline: `dispute within 30 days` of an invoice
// dated 2026-04-03 ends on 2026-05-03, the last day a dispute is on time.
import { DisputeInputError } from './errors.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (m === null) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** The date, or a DisputeInputError naming `what`. */
export function requireDate(s: string, what: string): string {
  if (!isIsoDate(s)) throw new DisputeInputError(`${what} ${JSON.stringify(s)} is not a date; write it as YYYY-MM-DD`);
  return s;
}

export function addDays(date: string, days: number): string {
  const m = ISO_DATE.exec(date)!;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10);
}

/** The UTC calendar date of an instant (the clock's "today"). */
export function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}
