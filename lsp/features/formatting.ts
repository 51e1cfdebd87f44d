// textDocument/formatting and rangeFormatting: the language formatter (the same as `icx fmt`)
// over the whole document. A file with syntax errors is left alone (no edits). The result is
// sent as ONE edit covering only the lines that differ, so a range request can be answered
// honestly: the edit is returned when it lies inside the range, otherwise nothing (formatting
// is a property of the whole file: aligned columns depend on every line of a block).
import type { Range, TextEdit } from 'vscode-languageserver';
import { format } from '../../language/index.js';
import type { DocumentPositions } from '../positions.js';
import { contains } from './ranges.js';

export function formatDocument(text: string, uri: string, positions: DocumentPositions): TextEdit[] {
  const result = format(text, uri);
  if (result.text === null || result.text === text) return [];
  return [minimalEdit(text, result.text, positions)];
}

export function formatRange(text: string, uri: string, positions: DocumentPositions, range: Range): TextEdit[] {
  const edits = formatDocument(text, uri, positions);
  return edits.every((e) => contains(range, e.range)) ? edits : [];
}

/** One edit replacing the differing middle, widened to whole lines (readable diffs, stable positions). */
function minimalEdit(before: string, after: string, positions: DocumentPositions): TextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  // widen to line starts/ends so an edit never splits a surrogate pair or a line oddly
  while (start > 0 && before[start - 1] !== '\n') start--;
  const tailB = before.indexOf('\n', endB);
  const lineEndB = tailB === -1 ? before.length : tailB;
  const extra = lineEndB - endB;
  endB = lineEndB;
  endA = Math.min(after.length, endA + extra);
  return { range: positions.rangeOf(start, endB), newText: after.slice(start, endA) };
}
