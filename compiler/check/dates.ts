// Calendar facts: real dates, a validity that runs forward, an IANA time zone, holidays
// inside the validity, and rate effective dates inside the validity.
import type { DateLit } from '../../language/ast.js';
import type { AgreementModel } from '../model.js';
import type { Sink } from '../sink.js';
import { isValidDate, isValidDateTime } from '../values.js';

let zoneSet: Set<string> | undefined;

/**
 * Only canonical IANA names (exact spelling) are accepted, because the runtime hands the
 * name to DuckDB as written: Intl would also accept `utc` or `europe/paris`.
 */
export function isTimeZone(name: string): boolean {
  zoneSet ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  if (zoneSet.has(name)) return true;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return false;
  }
  if (resolved === name) return true;
  // ICU accepts any casing; a name that differs from ICU's only by case is a typo we refuse.
  if (resolved.toLowerCase() === name.toLowerCase()) return false;
  // ICU resolves current IANA names to its older links (Asia/Kolkata → Asia/Calcutta,
  // Europe/Kyiv → Europe/Kiev): a name ICU knows, written in IANA's casing, is valid.
  return /^[A-Z][A-Za-z0-9_+-]*(\/[A-Z][A-Za-z0-9_+-]*)*$/.test(name);
}

/** Reports an impossible date; returns whether it is usable. */
export function checkDate(d: DateLit | undefined, sink: Sink): boolean {
  if (!d) return false;
  if (isValidDate(d.text)) return true;
  sink.report('ICX4001', `${d.text} is not a calendar date; write a real date as YYYY-MM-DD.`, d.range);
  return false;
}

export function checkDates(m: AgreementModel, sink: Sink): void {
  for (const v of m.valids) {
    const okFrom = checkDate(v.from, sink);
    const okTo = v.to ? checkDate(v.to, sink) : false;
    if (okFrom && okTo && v.to!.text < v.from.text) {
      sink.report('ICX4002', `The validity ends (${v.to!.text}) before it starts (${v.from.text}); swap the dates or correct one.`, v.range);
    }
  }
  for (const tz of m.timezones) {
    const name = tz.zone?.text;
    if (name && !isTimeZone(name)) {
      let hint = 'write an IANA time zone name such as Europe/Paris or UTC';
      try {
        const resolved = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
        hint = `write it as ${resolved}`;
      } catch {
        // not a zone in any spelling: keep the generic hint
      }
      sink.report('ICX4003', `Unknown time zone ${name}; ${hint}.`, tz.zone.range);
    }
  }
  const from = m.validFrom && isValidDate(m.validFrom) ? m.validFrom : undefined;
  const to = m.validTo && isValidDate(m.validTo) ? m.validTo : undefined;
  for (const h of m.holidays) {
    for (const d of h.dates ?? []) {
      if (!checkDate(d, sink)) continue;
      if ((from && d.text < from) || (to && d.text > to)) {
        sink.report(
          'ICX4010',
          `Holiday ${d.text} is outside the validity (${`${from ?? ''} .. ${to ?? ''}`.trim()}) and never applies; remove it or correct the year.`,
          d.range,
        );
      }
    }
  }
  for (const s of m.services) {
    for (const item of s.items ?? []) {
      if (item.kind !== 'rate' || !item.from) continue;
      if (!checkDate(item.from, sink)) continue;
      const f = item.from.text;
      if (from && f < from) {
        sink.report('ICX4006', `This price starts ${f}, before the agreement is valid (${from}); use a date from ${from} on, or drop \`from\` to start with the validity.`, item.from.range);
      } else if (to && f > to) {
        sink.report('ICX4006', `This price starts ${f}, after the agreement ends (${to}); it would never apply. Correct the date or extend the validity.`, item.from.range);
      }
    }
  }
  for (const t of m.tests) {
    const a = t.usage?.at;
    if (a && !isValidDateTime(a.text)) {
      sink.report('ICX4001', `${a.text} is not a valid date and time; write YYYY-MM-DDThh:mm[:ss][Z|±hh:mm].`, a.range);
    }
  }
}
