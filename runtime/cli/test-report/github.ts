// GitHub Actions annotations: one `::error` per failed test at the test block's file and line
// (the path as the CLI prints it: relative to the working directory, which in a workflow is the
// repository root), its message the test title, expected and actual, the mismatches and the
// trace; then a plain summary line.
import { annotation } from '../github-annotations.js';
import type { ReportCase } from './model.js';
import { summary } from './text.js';

export function githubReport(cases: readonly ReportCase[]): string {
  const lines = cases
    .filter((c) => !c.passed)
    .map((c) => annotation({
      level: 'error', file: c.file, line: c.line, title: 'icx test',
      message: [`${c.title}: expected ${c.expected} got ${c.actual}`, ...c.failures, ...(c.trace.length ? ['trace:', ...c.trace.map((l) => `  ${l}`)] : [])].join('\n'),
    }));
  return [...lines, `icx test: ${summary(cases)}`].join('\n') + '\n';
}
