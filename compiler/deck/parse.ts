// A wholesale A–Z rate deck (CSV) read into rows, with every problem of the deck itself as
// a diagnostic at its line and field. Pure: text in, rows and diagnostics out. Used by the
// compiler (rates from deck) and by `icx deck diff`.
//
// Decks are long (200,000 lines is ordinary), so rows keep their field offsets as numbers and
// a position (line, column) is computed only when something is reported.
import type { Range } from '../../language/ast.js';
import type { Diagnostic } from '../../language/diagnostic.js';
import { LineIndex } from '../../language/positions.js';
import { exceedsEngine } from '../check/units.js';
import { Sink } from '../sink.js';
import { isValidDate } from '../values.js';
import { readCsvRecords, recordFields } from './csv.js';

export const DECK_CHANGES = ['new', 'increase', 'decrease', 'unchanged', 'closed'] as const;
export type DeckChange = (typeof DECK_CHANGES)[number];

export const DECK_COLUMNS = ['prefix', 'destination', 'rate', 'effective_date', 'change', 'increments'] as const;
export type DeckColumn = (typeof DECK_COLUMNS)[number];
const REQUIRED: DeckColumn[] = ['prefix', 'destination', 'rate', 'effective_date'];

/** The longest prefix the rating engine keys as a 64-bit integer (compiler/sql/plan-layout.ts). */
export const MAX_DECK_PREFIX_DIGITS = 18;

export interface DeckRow {
  /** 1-based line of the row's first character */
  line: number;
  /** offset of the row in the deck text (field positions are found again from it) */
  offset: number;
  prefix: string;
  destination: string;
  /** decimal string as written (validated); empty on a `closed` row that gives none */
  rate: string;
  /** YYYY-MM-DD, a local date in the agreement's time zone */
  date: string;
  change: DeckChange | null;
  increments: { firstSeconds: number; nextSeconds: number } | null;
}

export interface ParsedDeck {
  uri: string;
  /** column name → position in the header */
  columns: Partial<Record<DeckColumn, number>>;
  /** the rows without errors, in file order */
  rows: DeckRow[];
  /** rows of each prefix, by effective date (prefixes with a bad row are left out whole) */
  byPrefix: Map<string, DeckRow[]>;
  diagnostics: Diagnostic[];
  /** the range of a row's field, for reports about it */
  fieldRange(row: DeckRow, column: DeckColumn): Range;
}

const RATE = /^[0-9]+(?:\.[0-9]+)?$/;
const FAST_RATE = /^[0-9]{1,7}(?:\.[0-9]{1,9})?$/;
const PREFIX = /^[0-9]+$/;
const INCREMENTS = /^([0-9]+)\/([0-9]+)$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/**
 * Reads a deck. The row loop is deliberately plain (no closures or arrays per row): it runs
 * 200,000 times for an ordinary deck, and allocation is what it costs.
 */
export function parseDeck(text: string, uri: string): ParsedDeck {
  const sink = new Sink(uri);
  let index: LineIndex | undefined;
  const range = (start: number, end: number): Range => (index ??= new LineIndex(text)).range(start, end);
  const fieldAt = (offset: number, i: number): Range => {
    const f = recordFields(text, offset);
    return range(f.starts[i] ?? offset, f.ends[i] ?? offset);
  };
  const wholeRecord = (offset: number): Range => {
    const f = recordFields(text, offset);
    return range(f.starts[0]!, f.ends[f.ends.length - 1]!);
  };

  const columns: Partial<Record<DeckColumn, number>> = {};
  const rows: DeckRow[] = [];
  const badPrefixes = new Set<string>();
  const goodDates = new Set<string>();
  let header: string[] | undefined;
  let ok = true;
  let cPrefix = 0;
  let cDest = 0;
  let cRate = 0;
  let cDate = 0;
  let cChange = -1;
  let cInc = -1;

  readCsvRecords(text, (rec) => {
    const v = rec.values;
    if (header === undefined) {
      header = v.map((x) => x.trim().toLowerCase());
      header.forEach((name, i) => {
        if (!(DECK_COLUMNS as readonly string[]).includes(name)) {
          sink.report('ICX3101', `Unknown deck column "${v[i]!.trim()}"; a deck has the columns ${DECK_COLUMNS.join(', ')} (the last two optional).`, fieldAt(rec.offset, i));
          ok = false;
        } else if (columns[name as DeckColumn] !== undefined) {
          sink.report('ICX3101', `The column ${name} appears twice in the header; keep one.`, fieldAt(rec.offset, i));
          ok = false;
        } else columns[name as DeckColumn] = i;
      });
      const missing = REQUIRED.filter((c) => columns[c] === undefined);
      if (missing.length > 0) {
        sink.report(
          'ICX3101',
          `The deck's header row lacks ${missing.join(', ')}; the first line must name the columns, e.g. prefix,destination,rate,effective_date.`,
          wholeRecord(rec.offset),
        );
        ok = false;
      }
      cPrefix = columns.prefix ?? 0;
      cDest = columns.destination ?? 0;
      cRate = columns.rate ?? 0;
      cDate = columns.effective_date ?? 0;
      cChange = columns.change ?? -1;
      cInc = columns.increments ?? -1;
      return ok;
    }
    if (rec.error) {
      sink.report('ICX3101', rec.error.message, range(rec.error.start, rec.error.end));
      return true;
    }
    if (v.length !== header.length) {
      sink.report(
        'ICX3101',
        `This row has ${v.length} field${v.length === 1 ? '' : 's'} but the header has ${header.length} (${header.join(',')}).`,
        wholeRecord(rec.offset),
      );
      return true;
    }
    let good = true;
    const prefix = v[cPrefix]!.trim();
    if (!PREFIX.test(prefix) || prefix.length > MAX_DECK_PREFIX_DIGITS) {
      sink.report('ICX3102', `Prefix "${prefix}" must be 1 to ${MAX_DECK_PREFIX_DIGITS} digits (no spaces, no +).`, fieldAt(rec.offset, cPrefix));
      good = false;
    }
    const destination = v[cDest]!.trim();
    if (destination === '') {
      sink.report('ICX3107', 'The destination is empty; name it (it becomes the zone of the rated records).', fieldAt(rec.offset, cDest));
      good = false;
    }
    let change: DeckChange | null = null;
    if (cChange >= 0) {
      const c = v[cChange]!.trim().toLowerCase();
      if (c === '') change = null;
      else if ((DECK_CHANGES as readonly string[]).includes(c)) change = c as DeckChange;
      else {
        sink.report('ICX3104', `Change "${v[cChange]!.trim()}" must be one of ${DECK_CHANGES.join(', ')} (or empty).`, fieldAt(rec.offset, cChange));
        good = false;
      }
    }
    // A closed row may leave its rate empty: nothing is priced from that date.
    const rate = v[cRate]!.trim();
    if (!(change === 'closed' && rate === '') && !FAST_RATE.test(rate)) {
      if (!RATE.test(rate)) {
        sink.report('ICX3103', `Rate "${rate}" must be a decimal number like 0.0123 (no currency, no sign, no exponent).`, fieldAt(rec.offset, cRate));
        good = false;
      } else if (exceedsEngine({ value: rate, text: rate, range: fieldAt(rec.offset, cRate) }, sink)) good = false;
    }
    const date = v[cDate]!.trim();
    // A deck has few distinct dates: each is checked once.
    let dateOk = goodDates.has(date);
    if (!dateOk && DATE.test(date) && isValidDate(date)) {
      goodDates.add(date);
      dateOk = true;
    }
    if (!dateOk) {
      sink.report('ICX4101', `Effective date "${date}" is not a calendar date written YYYY-MM-DD.`, fieldAt(rec.offset, cDate));
      good = false;
    }
    let increments: DeckRow['increments'] = null;
    if (cInc >= 0) {
      const t = v[cInc]!.trim();
      if (t !== '') {
        const m = INCREMENTS.exec(t);
        const first = m ? Number(m[1]) : 0;
        const next = m ? Number(m[2]) : 0;
        if (!m || first < 1 || next < 1 || !Number.isSafeInteger(first) || !Number.isSafeInteger(next)) {
          sink.report('ICX3105', `Increments "${t}" must be first/next in whole seconds of at least 1, e.g. 60/60 (or empty for the service's billing).`, fieldAt(rec.offset, cInc));
          good = false;
        } else increments = { firstSeconds: first, nextSeconds: next };
      }
    }
    if (good) rows.push({ line: rec.line, offset: rec.offset, prefix, destination, rate, date, change, increments });
    else if (PREFIX.test(prefix)) badPrefixes.add(prefix);
    return true;
  });

  if (header === undefined) {
    sink.report('ICX3101', 'The deck is empty; it needs a header row (prefix,destination,rate,effective_date) and at least one rate.', range(0, 0));
  } else if (ok && rows.length === 0 && sink.diagnostics.length === 0) {
    sink.report('ICX3101', 'The deck has a header but no rows; add at least one rate.', range(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n')));
  }

  const deck: ParsedDeck = {
    uri,
    columns,
    rows,
    byPrefix: new Map(),
    diagnostics: sink.diagnostics,
    fieldRange: (row, column) => fieldAt(row.offset, columns[column] ?? 0),
  };
  groupByPrefix(deck, badPrefixes, sink);
  return deck;
}

function byDateThenLine(a: DeckRow, b: DeckRow): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.line - b.line;
}

/**
 * Rows of each prefix by date; a prefix under two destinations and two rows for one
 * (prefix, date) are errors at the later row. A prefix with any bad row is left out whole,
 * so a broken row never lets an older price run on silently.
 */
function groupByPrefix(deck: ParsedDeck, badPrefixes: Set<string>, sink: Sink): void {
  const groups = deck.byPrefix;
  for (const r of deck.rows) {
    const list = groups.get(r.prefix);
    if (list) list.push(r);
    else groups.set(r.prefix, [r]);
  }
  for (const [prefix, list] of groups) {
    if (badPrefixes.has(prefix)) {
      groups.delete(prefix);
      continue;
    }
    const first = list[0]!;
    let bad = false;
    for (const r of list) {
      if (r.destination !== first.destination) {
        sink.report(
          'ICX2101',
          `Prefix ${prefix} is "${r.destination}" here but "${first.destination}" on line ${first.line}; a prefix belongs to one destination.`,
          deck.fieldRange(r, 'destination'),
        );
        bad = true;
      }
    }
    if (list.length > 1) list.sort(byDateThenLine);
    for (let i = 1; i < list.length; i++) {
      if (list[i]!.date === list[i - 1]!.date) {
        sink.report(
          'ICX4102',
          `Prefix ${prefix} already has a row effective ${list[i]!.date} (line ${list[i - 1]!.line}); one price per prefix and date.`,
          deck.fieldRange(list[i]!, 'effective_date'),
        );
        bad = true;
      }
    }
    if (bad) groups.delete(prefix);
  }
}

/** Is the row a rate increase: marked so, or (without a change column) dearer than the row before it? */
export function isIncrease(deck: ParsedDeck, row: DeckRow, previous: DeckRow | undefined): boolean {
  if (deck.columns.change !== undefined) return row.change === 'increase';
  return previous !== undefined && previous.change !== 'closed' && compareDecimal(row.rate, previous.rate) > 0;
}

/** Compares two non-negative decimal strings exactly (no float). */
export function compareDecimal(a: string, b: string): number {
  const [ai, af = ''] = a.split('.');
  const [bi, bf = ''] = b.split('.');
  const ia = ai!.replace(/^0+(?=\d)/, '');
  const ib = bi!.replace(/^0+(?=\d)/, '');
  if (ia.length !== ib.length) return ia.length < ib.length ? -1 : 1;
  if (ia !== ib) return ia < ib ? -1 : 1;
  const n = Math.max(af.length, bf.length);
  const fa = af.padEnd(n, '0');
  const fb = bf.padEnd(n, '0');
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}
