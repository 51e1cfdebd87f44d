// Option value parsers. They throw commander's InvalidArgumentError so the message names
// the option (`option '--records <n>' argument 'abc' is invalid. ...`) and exit is 2.
import { InvalidArgumentError } from 'commander';
import { isTimeZone } from '../../compiler/index.js';
import { USAGE_FIELDS, type UsageField } from '../../compiler/sql/store-schema.js';
import { readMonth } from '../period/calendar.js';

export function wholeNumber(value: string): number {
  const clean = value.replace(/_/g, '');
  if (!/^\d+$/.test(clean)) throw new InvalidArgumentError('expected a whole number, e.g. 1000 or 1_000_000');
  const n = Number(clean);
  if (!Number.isSafeInteger(n)) throw new InvalidArgumentError('number too large');
  return n;
}

export function month(value: string): string {
  if (!readMonth(value)) throw new InvalidArgumentError('expected a month as YYYY-MM, e.g. 2026-03');
  return value;
}

/** `--map record_id=CallId,b_number=Called`: usage column = source column. */
export function columnMap(value: string, previous: Partial<Record<UsageField, string>> = {}): Partial<Record<UsageField, string>> {
  const out = { ...previous };
  for (const part of value.split(',')) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.+?)\s*$/.exec(part);
    if (!m) throw new InvalidArgumentError(`expected column=source pairs separated by commas, got '${part}'`);
    const field = m[1] as UsageField;
    if (!USAGE_FIELDS.includes(field)) throw new InvalidArgumentError(`unknown usage column '${m[1]}' (one of: ${USAGE_FIELDS.join(', ')})`);
    out[field] = m[2]!;
  }
  return out;
}

/** The same rule as an agreement's `timezone` (exact IANA spelling), so both reach DuckDB alike. */
export function timeZone(value: string): string {
  if (!isTimeZone(value)) throw new InvalidArgumentError('expected an IANA time zone, e.g. Europe/Paris or UTC');
  return value;
}
