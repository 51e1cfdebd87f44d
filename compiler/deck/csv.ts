// CSV records (RFC 4180: comma-separated, fields optionally in double quotes, "" for a quote
// inside them, line breaks inside quotes allowed) with each field's offsets, for diagnostics.
// Lines without a quote take a fast path (a split), which is nearly every line of a deck.

export interface CsvRecord {
  /** 1-based line of the record's first character */
  line: number;
  /** offset of the record's first character: recordFields() finds its fields' offsets again */
  offset: number;
  /** field values, quotes removed, not trimmed */
  values: string[];
  /** a quoting mistake in this record (the record's values are then unreliable) */
  error?: { message: string; start: number; end: number };
}

/**
 * [start, end) offsets of each field of the record at `offset` (quotes included). Computed
 * only when something is reported: keeping them for every row of a long deck costs more
 * than reading the whole file.
 */
export function recordFields(text: string, offset: number): { starts: number[]; ends: number[] } {
  const r = quotedRecord(text, offset, 1);
  return { starts: r.starts, ends: r.ends };
}

/**
 * Calls `onRecord` for each non-blank record in order, until it returns false.
 * A UTF-8 byte-order mark before the header is skipped.
 */
export function readCsvRecords(text: string, onRecord: (r: CsvRecord) => boolean): void {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  while (pos < n) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    const contentEnd = eol > pos && text.charCodeAt(eol - 1) === 13 ? eol - 1 : eol;
    const raw = text.slice(pos, contentEnd);
    if (raw.trim() === '') {
      pos = eol + 1;
      line++;
      continue;
    }
    if (raw.indexOf('"') < 0) {
      if (!onRecord({ line, offset: pos, values: raw.split(',') })) return;
      pos = eol + 1;
      line++;
      continue;
    }
    const rec = quotedRecord(text, pos, line);
    if (!onRecord(rec.record)) return;
    pos = rec.next;
    line = rec.nextLine;
  }
}

/** A record with quotes, read character by character from `pos`. */
function quotedRecord(text: string, pos: number, line: number): { record: CsvRecord; starts: number[]; ends: number[]; next: number; nextLine: number } {
  const values: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let error: CsvRecord['error'];
  let p = pos;
  let curLine = line;
  const n = text.length;
  for (;;) {
    const start = p;
    let value = '';
    // leading spaces before an opening quote are tolerated
    let q = p;
    while (q < n && text.charCodeAt(q) === 32) q++;
    if (q < n && text[q] === '"') {
      q++;
      let closed = false;
      while (q < n) {
        const c = text[q]!;
        if (c === '"') {
          if (text[q + 1] === '"') {
            value += '"';
            q += 2;
            continue;
          }
          closed = true;
          q++;
          break;
        }
        if (c === '\n') curLine++;
        value += c;
        q++;
      }
      if (!closed) {
        // reported on the line where the quote opened (the rest of the file became this field)
        const eol = text.indexOf('\n', start);
        error ??= { message: 'A quoted field is not closed; end it with a double quote (write "" for a quote inside it).', start, end: eol < 0 ? n : eol };
      }
      // only spaces may follow the closing quote before the separator
      const after = q;
      while (q < n && text.charCodeAt(q) === 32) q++;
      if (q < n && text[q] !== ',' && text[q] !== '\n' && text[q] !== '\r') {
        error ??= { message: 'Text follows a closing quote; put the whole field in quotes and write "" for a quote inside it.', start, end: after + 1 };
        while (q < n && text[q] !== ',' && text[q] !== '\n') q++;
      }
    } else {
      q = p;
      while (q < n && text[q] !== ',' && text[q] !== '\n') {
        if (text[q] === '"') error ??= { message: 'A quote inside an unquoted field; quote the whole field and write "" for the quote.', start: q, end: q + 1 };
        q++;
      }
      value = text.slice(p, q);
      if (value.endsWith('\r') && text[q] !== ',') value = value.slice(0, -1);
    }
    values.push(value);
    starts.push(start);
    let end = q;
    if (end > start && text.charCodeAt(end - 1) === 13 && text[end] === '\n') end--;
    ends.push(end);
    if (q < n && text[q] === ',') {
      p = q + 1;
      continue;
    }
    // end of record
    const next = q < n ? q + 1 : n;
    return { record: { line, offset: pos, values, ...(error ? { error } : {}) }, starts, ends, next, nextLine: curLine + 1 };
  }
}
