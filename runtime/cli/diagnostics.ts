// Prints diagnostics the way compilers do: `file:line:col: severity CODE: message`, then the
// source line and a caret underline, so a terminal or an editor can jump to the spot.
import type { Diagnostic } from '../../language/diagnostic.js';

export interface SourceLookup {
  /** path to print for a compiler uri */
  display(uri: string): string;
  /** the file text for a uri, when known */
  text(uri: string): string | undefined;
}

export function renderDiagnostic(d: Diagnostic, files: SourceLookup): string {
  const { line, column } = d.range.start;
  const where = d.uri ? `${files.display(d.uri)}:${line}:${column}` : 'icx';
  const head = `${where}: ${d.severity} ${d.code}: ${d.message}`;
  const text = d.uri ? files.text(d.uri) : undefined;
  if (text === undefined) return head;
  const lines = text.split(/\r?\n/);
  const src = lines[line - 1];
  if (src === undefined) return head;
  const start = Math.max(0, column - 1);
  const endCol = d.range.end.line === line ? d.range.end.column - 1 : src.length;
  const width = Math.max(1, Math.min(src.length, endCol) - start);
  // Tabs are copied into the gutter so the caret lines up however the terminal expands them.
  const pad = src.slice(0, start).replace(/[^\t]/g, ' ');
  const num = String(line);
  const gutter = ' '.repeat(num.length);
  return `${head}\n ${num} | ${src}\n ${gutter} | ${pad}${'^'.repeat(width)}`;
}

export function countBySeverity(ds: readonly Diagnostic[]): { errors: number; warnings: number; infos: number } {
  return {
    errors: ds.filter((d) => d.severity === 'error').length,
    warnings: ds.filter((d) => d.severity === 'warning').length,
    infos: ds.filter((d) => d.severity === 'info').length,
  };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Diagnostics as data for --json: the same objects, plus the printable path. */
export function diagnosticsJson(ds: readonly Diagnostic[], files: SourceLookup): unknown[] {
  return ds.map((d) => ({ ...d, file: d.uri ? files.display(d.uri) : null }));
}
