// Compiler diagnostics → LSP diagnostics, grouped by file. The same objects `icx check` prints:
// same code, message, range and severity; `source: 'icx'`. Ranges are converted on their own
// (1-based line/column → 0-based), so files that are not .icx (decks, FX tables) need no text.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic } from '../../language/diagnostic.js';
import { safeRange } from './ranges.js';

const SEVERITY: Record<Diagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  return { range: safeRange(d.range), severity: SEVERITY[d.severity] ?? DiagnosticSeverity.Error, code: d.code, source: 'icx', message: d.message };
}

/** Diagnostics by compiler uri, in the compiler's order. Cross-file diagnostics with no file ('') are kept under ''. */
export function diagnosticsByUri(ds: readonly Diagnostic[]): Map<string, LspDiagnostic[]> {
  const out = new Map<string, LspDiagnostic[]>();
  for (const d of ds) {
    const list = out.get(d.uri) ?? [];
    list.push(toLspDiagnostic(d));
    out.set(d.uri, list);
  }
  return out;
}
