// Reading an FX table (CSV `date,from,to,rate`) into rows, with a diagnostic for every bad
// field at its exact line and column in the TABLE file. Pure: the text comes from the host.
// A rate is exact decimal text meaning 1 FROM = rate TO; it is never parsed into a float.
import type { Range } from '../language/ast.js';
import type { DiagnosticCode } from '../language/diagnostic-codes.js';
import { isFxCurrency } from './check/fx-currencies.js';
import { isValidDate } from './values.js';

export interface FxRow {
  date: string;
  from: string;
  to: string;
  /** exact decimal text as written (leading/trailing spaces removed) */
  rate: string;
  line: number;
}

export interface FxTableProblem {
  code: DiagnosticCode;
  message: string;
  range: Range;
}

export interface FxTable {
  rows: FxRow[];
  problems: FxTableProblem[];
}

/** The engine keeps rates, like prices, in whole billionths of a 64-bit integer. */
export const FX_RATE_MAX_DECIMALS = 9;
const FX_RATE_MAX_INTEGER_DIGITS = 9;
const HEADER = ['date', 'from', 'to', 'rate'];

export function readFxTable(text: string): FxTable {
  const rows: FxRow[] = [];
  const problems: FxTableProblem[] = [];
  const firstLine = new Map<string, number>();
  let offset = 0;
  let headerSeen = false;
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const lineStart = offset;
    offset += raw.length + 1;
    const line = raw.replace(/\r$/, '');
    if (lineNo === 1 && line.startsWith('\uFEFF')) return void problems.push(problem('ICX3607', 'the table starts with a byte-order mark; save it as plain UTF-8', lineNo, lineStart, 0, 1));
    if (line.trim() === '') return;
    // fields with their column (0-based) so a diagnostic points at the very value
    const fields: { text: string; col: number }[] = [];
    let col = 0;
    for (const part of line.split(',')) {
      const lead = part.length - part.trimStart().length;
      fields.push({ text: part.trim(), col: col + lead });
      col += part.length + 1;
    }
    // an empty field is marked by one character, never past the end of its line (an empty last
    // field then gets an empty range at the line's end, not one on the next line: found by the fuzzer)
    const at = (f: { text: string; col: number }) => ({ lineNo, lineStart, col: f.col, len: Math.min(Math.max(1, f.text.length), line.length - f.col) });
    if (!headerSeen) {
      headerSeen = true;
      const names = fields.map((f) => f.text.toLowerCase());
      if (names.join(',') !== HEADER.join(',')) {
        problems.push(problem('ICX3607', `the first line of an FX table must be the header \`date,from,to,rate\`, not \`${line.trim()}\``, lineNo, lineStart, 0, Math.max(1, line.length)));
      }
      return;
    }
    if (fields.length !== 4) {
      problems.push(problem('ICX3608', `this row has ${fields.length} field${fields.length === 1 ? '' : 's'}; an FX row is \`date,from,to,rate\` (e.g. \`2026-03-31,SDR,EUR,1.1645\`)`, lineNo, lineStart, 0, Math.max(1, line.length)));
      return;
    }
    const [date, from, to, rate] = fields as [typeof fields[0], typeof fields[0], typeof fields[0], typeof fields[0]];
    let ok = true;
    const bad = (code: DiagnosticCode, message: string, f: typeof date) => {
      const a = at(f);
      problems.push(problem(code, message, a.lineNo, a.lineStart, a.col, a.len));
      ok = false;
    };
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date.text) || !isValidDate(date.text)) {
      bad('ICX4601', `date: \`${date.text}\` is not a calendar date written YYYY-MM-DD`, date);
    }
    for (const [label, f] of [['from', from], ['to', to]] as const) {
      if (!isFxCurrency(f.text)) bad('ICX3605', `${label}: \`${f.text}\` is not an ISO 4217 currency code (or SDR/XDR)`, f);
    }
    if (ok && from.text === to.text) bad('ICX3605', `to: a rate from ${from.text} to itself is always 1; remove the row`, to);
    const rateProblem = checkRate(rate.text);
    if (rateProblem) bad('ICX3606', `rate: ${rateProblem}`, rate);
    if (!ok) return;
    const key = `${date.text}/${from.text}/${to.text}`;
    const first = firstLine.get(key);
    if (first !== undefined) {
      bad('ICX4602', `a second ${from.text}->${to.text} rate for ${date.text} (the first is on line ${first}); keep one`, date);
      return;
    }
    firstLine.set(key, lineNo);
    rows.push({ date: date.text, from: from.text, to: to.text, rate: rate.text, line: lineNo });
  });
  // an empty range at the start: an empty (or blank) table has no character to mark (found by the fuzzer)
  if (!headerSeen) problems.push(problem('ICX3607', 'the FX table is empty; it needs the header `date,from,to,rate` and one row per date', 1, 0, 0, 0));
  return { rows, problems };
}

/** Why a rate is refused, or undefined: a positive exact decimal the engine can hold. */
function checkRate(text: string): string | undefined {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return `\`${text}\` is not a plain decimal number (digits, an optional point and decimals, no sign or exponent)`;
  const decimals = (m[2] ?? '').replace(/0+$/, '').length;
  if (decimals > FX_RATE_MAX_DECIMALS) return `\`${text}\` has more than ${FX_RATE_MAX_DECIMALS} significant decimals, which icx cannot apply exactly; round it`;
  if (m[1]!.replace(/^0+(?=\d)/, '').length > FX_RATE_MAX_INTEGER_DIGITS) return `\`${text}\` is larger than icx converts (at most ${FX_RATE_MAX_INTEGER_DIGITS} digits before the point)`;
  if (/^[0.]+$/.test(text)) return 'a rate must be greater than 0';
  return undefined;
}

function problem(code: DiagnosticCode, message: string, lineNo: number, lineStart: number, col: number, len: number): FxTableProblem {
  return {
    code,
    message,
    range: {
      start: { offset: lineStart + col, line: lineNo, column: col + 1 },
      end: { offset: lineStart + col + len, line: lineNo, column: col + 1 + len },
    },
  };
}
