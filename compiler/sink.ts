// Diagnostics are collected, never thrown: every check reports into a Sink and carries on.
import type { Diagnostic } from '../language/diagnostic.js';
import { diagnostic, type DiagnosticCode } from '../language/diagnostic-codes.js';
import type { Position, Range } from '../language/ast.js';

export class Sink {
  readonly diagnostics: Diagnostic[] = [];
  constructor(readonly uri: string) {}

  report(code: DiagnosticCode, message: string, range: Range, uri: string = this.uri): void {
    this.diagnostics.push(diagnostic(code, message, uri, range));
  }

  hasErrors(): boolean {
    return this.diagnostics.some((d) => d.severity === 'error');
  }
}

/** A range of `length` characters from `start` on the same line (for keywords the AST does not keep). */
export function rangeFrom(start: Position, length: number): Range {
  return {
    start,
    end: { offset: start.offset + length, line: start.line, column: start.column + length },
  };
}

/** `<uri>:<line>` as plans and messages cite a place in the source. */
export function at(uri: string, range: Range): string {
  return `${uri}:${range.start.line}`;
}
