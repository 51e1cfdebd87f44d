// Display formatting of the report: exact decimal strings in, text out. No figure goes through
// a JS number except counts (whole numbers well below 2^53).
import { Decimal } from 'decimal.js';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** "1234567.5" → "1,234,567.5" (the integer part grouped by thousands; the text kept otherwise). */
export function group(s: string): string {
  const neg = s.startsWith('-');
  const [int, frac] = (neg ? s.slice(1) : s).split('.');
  const g = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${g}${frac !== undefined ? `.${frac}` : ''}`;
}

export const count = (n: number): string => group(String(n));

/**
 * An exact sum of amounts as a reader wants it: at least 2 decimals, more only where the sum has
 * them ("0.082700000" → "0.0827", "24.000000000" → "24.00") — never rounded.
 */
export function amount(s: string): string {
  const d = new Decimal(s);
  return group(d.toFixed(Math.max(2, d.decimalPlaces())));
}

/** Bytes as MB (1 MB = 1,048,576 bytes, the binary unit agreements bill by), 2 decimals half-up. */
export function megabytes(bytes: string): string {
  return group(new Decimal(bytes).div(1024 * 1024).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
}

/** Seconds as m:ss (ACD), from a decimal string with 1 decimal. */
export function minSec(seconds: string): string {
  const s = new Decimal(seconds).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-03" → "March 2026". */
export function monthName(period: string): string {
  const [y, m] = period.split('-');
  return `${MONTHS[Number(m) - 1]} ${y}`;
}
