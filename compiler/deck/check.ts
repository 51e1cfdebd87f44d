// Checks of a service that rates from a deck: the deck is its only source of rates, its
// notice period holds, and its rows fit the agreement (validity, barred zones, units).
// Problems in a deck row are reported in the deck file, at the row's field.
import type { NoticeDecl, ServiceBlock } from '../../language/ast.js';
import { checkDate } from '../check/dates.js';
import { checkPlaces } from '../check/units.js';
import { isDigitPrefix } from '../check/zones.js';
import type { AgreementModel } from '../model.js';
import { rangeFrom, Sink } from '../sink.js';
import { isValidDate } from '../values.js';
import { deckDecls, deckOf, type ServiceDeck } from './load.js';
import { compareDecimal, isIncrease } from './parse.js';

export function checkDecks(m: AgreementModel, sink: Sink): void {
  for (const s of m.services) checkService(m, s, sink);
}

function checkService(m: AgreementModel, s: ServiceBlock, sink: Sink): void {
  const items = s.items ?? [];
  const decks = deckDecls(s);
  const notices = items.filter((i): i is NoticeDecl => i.kind === 'notice');
  for (const extra of decks.slice(1)) {
    sink.report('ICX5102', `Service ${s.name?.text} already rates from a deck; one deck per service (merge the files or make a second service).`, extra.range);
  }
  for (const extra of notices.slice(1)) sink.report('ICX3006', 'This service already states its notice period; keep one.', extra.range);
  const notice = notices[0];
  if (decks.length === 0) {
    if (notice) sink.report('ICX5103', 'A notice period applies to a rate deck; add `rates from deck "<file>" issued <date>` or remove this line.', notice.range);
    return;
  }
  const decl = decks[0]!;
  for (const i of items) {
    if (i.kind === 'rate') {
      sink.report('ICX5101', `Service ${s.name?.text} takes its rates from a deck; put this rate in the deck or remove it (one source of rates per service).`, i.range);
    }
  }
  const kind = s.serviceKind?.text;
  if (kind && kind !== 'voice' && kind !== 'sms') {
    sink.report('ICX3001', `A deck prices per minute (voice) or per message (sms); a ${kind} service cannot rate from one.`, decl.range);
  }
  let noticeDays: number | undefined;
  if (notice?.days) {
    if (/^[0-9]+$/.test(notice.days.value ?? '') && notice.days.value.length <= 5) noticeDays = Number(notice.days.value);
    else sink.report('ICX3007', `The notice period is a whole number of days (e.g. \`notice increases 7 days\`), not ${notice.days.text}.`, notice.days.range);
  }
  const issuedOk = decl.issued ? checkDate(decl.issued, sink) : false;
  if (notice && !decl.issued) {
    sink.report('ICX4104', 'A notice period counts from the deck\'s issue date; state it: `rates from deck "<file>" issued <date>`.', decl.range);
  }
  const loaded = deckOf(s);
  if (!loaded) return;
  const deckSink = new Sink(loaded.deck.uri);
  if (noticeDays !== undefined && issuedOk) checkNotice(loaded, decl.issued!.text, noticeDays, deckSink);
  checkRows(m, s, loaded, deckSink);
  checkBarred(m, s, loaded, sink);
  sink.diagnostics.push(...deckSink.diagnostics);
}

/** `date` + `days`, as YYYY-MM-DD (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, mo, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, mo! - 1, d! + days)).toISOString().slice(0, 10);
}

/** An increase must take effect on or after issue date + N days. */
function checkNotice({ deck }: ServiceDeck, issued: string, days: number, sink: Sink): void {
  const earliest = addDays(issued, days);
  for (const [prefix, rows] of deck.byPrefix) {
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      if (r.date >= earliest || !isIncrease(deck, r, rows[i - 1])) continue;
      sink.report(
        'ICX4103',
        `The increase of ${prefix} (${r.destination}) to ${r.rate} takes effect ${r.date}, less than ${days} days after the deck was issued (${issued}); ` +
          `the earliest allowed date is ${earliest}.`,
        deck.fieldRange(r, 'effective_date'),
      );
    }
  }
}

/** Rows after the validity never apply; a change column that contradicts the rates is a typo. */
function checkRows(m: AgreementModel, s: ServiceBlock, { deck }: ServiceDeck, sink: Sink): void {
  const validTo = m.validTo && isValidDate(m.validTo) ? m.validTo : undefined;
  const sms = s.serviceKind?.text === 'sms';
  const placesChecked = new Set<string>();
  for (const [prefix, rows] of deck.byPrefix) {
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      if (validTo && r.date > validTo) {
        sink.report('ICX4105', `This row takes effect ${r.date}, after the agreement ends (${validTo}); it never applies.`, deck.fieldRange(r, 'effective_date'));
      }
      if (sms && r.rate !== '' && !placesChecked.has(r.rate)) {
        placesChecked.add(r.rate);
        checkPlaces(s, { value: r.rate, text: r.rate, range: deck.fieldRange(r, 'rate') }, sink);
      }
      const prev = rows[i - 1];
      if (!r.change || !prev || prev.change === 'closed' || r.change === 'closed' || r.change === 'new') continue;
      const c = compareDecimal(r.rate, prev.rate);
      const actual = c > 0 ? 'increase' : c < 0 ? 'decrease' : 'unchanged';
      if (actual !== r.change) {
        sink.report(
          'ICX3108',
          `Marked ${r.change}, but ${prefix} goes from ${prev.rate} (line ${prev.line}) to ${r.rate}: that is ${actual === 'unchanged' ? 'no change' : actual === 'increase' ? 'an increase' : 'a decrease'}.`,
          deck.fieldRange(r, 'change'),
        );
      }
    }
  }
}

/** A barred zone's prefix that is also a deck prefix would be both rated and barred. */
function checkBarred(m: AgreementModel, s: ServiceBlock, { deck }: ServiceDeck, sink: Sink): void {
  for (const i of s.items ?? []) {
    if (i.kind !== 'bar') continue;
    for (const z of i.zones ?? []) {
      for (const p of m.zoneByName.get(z.text)?.prefixes ?? []) {
        if (!isDigitPrefix(p) || !deck.byPrefix.has(p.digits)) continue;
        const row = deck.byPrefix.get(p.digits)![0]!;
        sink.report(
          'ICX5104',
          `Zone ${z.text} bars prefix ${p.digits}, which the deck rates (${deck.uri}:${row.line}); remove it from the deck or from the zone.`,
          z.range ?? rangeFrom(i.range.start, 3),
        );
      }
    }
  }
}
