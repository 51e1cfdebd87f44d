// A small strict RFC 4180 reader for partners' invoice files (a few hundred lines at most):
// quoted fields, doubled quotes, CRLF or LF. Every row keeps its 1-based line number so a bad
// cell is reported as file:line: field. An unterminated quote is an error, never a guess.

export interface CsvRow {
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let i = 0;
  let line = 1;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a BOM is not part of the first header
  while (i < src.length) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    let done = false;
    while (!done) {
      if (i >= src.length) {
        if (quoted) throw new CsvSyntaxError(start, 'a quoted field is not closed');
        cells.push(cell);
        break;
      }
      const ch = src[i]!;
      if (quoted) {
        if (ch === '"') {
          if (src[i + 1] === '"') {
            cell += '"';
            i += 2;
          } else {
            quoted = false;
            i++;
          }
        } else {
          if (ch === '\n') line++;
          cell += ch;
          i++;
        }
        continue;
      }
      if (ch === '"' && cell === '') {
        quoted = true;
        i++;
      } else if (ch === ',') {
        cells.push(cell);
        cell = '';
        i++;
      } else if (ch === '\r' && src[i + 1] === '\n') {
        cells.push(cell);
        i += 2;
        line++;
        done = true;
      } else if (ch === '\n') {
        cells.push(cell);
        i++;
        line++;
        done = true;
      } else {
        cell += ch;
        i++;
      }
    }
    // blank lines are skipped (a trailing newline, a spacer)
    if (!(cells.length === 1 && cells[0]!.trim() === '')) rows.push({ line: start, cells });
  }
  return rows;
}
