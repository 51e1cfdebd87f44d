// The default reporter: ✓ / ✗ per test like a test runner; a failure shows expected and actual,
// the file:line of the test block (on its own line, so terminals and editors can jump to it),
// each mismatch and the rating trace of the records involved.
import { plural } from '../diagnostics.js';
import type { ReportCase } from './model.js';

export function textReport(cases: readonly ReportCase[]): string {
  let out = '';
  for (const c of cases) {
    const where = `${c.file}:${c.line}`;
    if (c.passed) {
      out += `✓ ${c.title}  (${where})\n`;
      continue;
    }
    out += `✗ ${c.title}  expected ${c.expected} got ${c.actual}\n  ${where}\n`;
    out += c.failures.map((f) => `    ${f}\n`).join('');
    if (c.trace.length) out += `    trace:\n${c.trace.map((l) => `      ${l}\n`).join('')}`;
  }
  return out + `\n${summary(cases)}\n`;
}

export function summary(cases: readonly ReportCase[]): string {
  const failed = cases.filter((c) => !c.passed).length;
  return `${plural(cases.length - failed, 'test')} passed, ${failed} failed`;
}
