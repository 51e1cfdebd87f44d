// JUnit XML (the de-facto schema CI servers read: Jenkins, GitLab, GitHub test-report actions):
// one <testsuite> per agreement, one <testcase> per test with its file and line, and on failure a
// <failure> whose message is "expected X got Y" and whose body holds the mismatches and the
// rating trace. Every value is XML-escaped; characters XML 1.0 cannot carry are dropped.
import type { ReportCase } from './model.js';

export function junitReport(cases: readonly ReportCase[]): string {
  const suites = new Map<string, ReportCase[]>();
  for (const c of cases) suites.set(c.agreementId, [...(suites.get(c.agreementId) ?? []), c]);
  const failures = cases.filter((c) => !c.passed).length;
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="icx test" tests="${cases.length}" failures="${failures}" errors="0">`];
  for (const [id, cs] of suites) {
    const f = cs.filter((c) => !c.passed).length;
    out.push(`  <testsuite name="${attr(id)}" tests="${cs.length}" failures="${f}" errors="0" skipped="0" file="${attr(cs[0]!.file)}">`);
    for (const c of cs) {
      const open = `    <testcase name="${attr(c.title)}" classname="${attr(id)}" file="${attr(c.file)}" line="${c.line}"`;
      if (c.passed) {
        out.push(`${open}/>`);
        continue;
      }
      out.push(`${open}>`);
      out.push(`      <failure message="${attr(`expected ${c.expected} got ${c.actual}`)}" type="icx.TestFailure">${text(failureBody(c))}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}

function failureBody(c: ReportCase): string {
  const lines = [`${c.file}:${c.line}`, `expected: ${c.expected}`, `actual:   ${c.actual}`, ...c.failures];
  if (c.trace.length) lines.push('trace:', ...c.trace.map((l) => `  ${l}`));
  return lines.join('\n');
}

// XML 1.0 Char production: tab, newline, carriage return and U+0020 up, minus surrogates and U+FFFE/FFFF
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function text(s: string): string {
  return s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  // newlines and tabs in an attribute would be normalised to spaces by a parser: keep them as references
  return text(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
