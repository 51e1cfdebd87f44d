// A diagnostic is a value: the parser, the compiler, the CLI and the language server all
// pass the same objects around. Codes are stable; the catalogue (diagnostic-codes.ts)
// says what each means, its severity and how to fix it.
import type { Range } from './ast.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** stable code from the catalogue, e.g. ICX1001 */
  code: string;
  severity: Severity;
  message: string;
  /** file the range refers to (an agreement, or a file it reads) */
  uri: string;
  range: Range;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** `file:line:col: error ICX1001: message`, the way compilers print. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.uri}:${d.range.start.line}:${d.range.start.column}: ${d.severity} ${d.code}: ${d.message}`;
}
