// One test's outcome as every reporter prints it: where it is (path as the CLI displays it, line
// of the test block), expected and actual in one line each, the mismatches and the rating trace.
import type { CompiledSet } from '../../../compiler/plan.js';
import type { TestResult } from '../../agreement-tests.js';
import { traceLines, trim } from './trace.js';

export interface ReportCase {
  agreementId: string;
  title: string;
  /** printable path of the agreement file */
  file: string;
  /** line of the test block (1-based) */
  line: number;
  passed: boolean;
  expected: string;
  actual: string;
  /** one line per mismatch */
  failures: string[];
  /** rating trace of the test's records (failed tests only) */
  trace: string[];
}

/** `results` are in the order of `compiled.tests` (runAgreementTests keeps it). */
export function reportCases(results: readonly TestResult[], compiled: CompiledSet, display: (uri: string) => string): ReportCase[] {
  const plans = new Map(compiled.plans.map((p) => [p.plan.id, p.plan]));
  const show = (source: string) => {
    const { uri, line } = splitSource(source);
    return line === null ? display(uri) : `${display(uri)}:${line}`;
  };
  return results.map((r, i) => {
    const { uri, line } = splitSource(r.source);
    // traffic tests (agreements/tests/*.test.icx) come after the inline tests and have no test
    // plan of their own: their failures already list the invoice lines and records involved
    const t = isTrafficResult(r) ? undefined : compiled.tests[i];
    return {
      agreementId: r.agreementId, title: r.title, file: display(uri), line: line ?? 1, passed: r.passed,
      expected: expected(r), actual: actual(r), failures: r.failures,
      trace: t ? traceLines(r, t, plans.get(r.agreementId), show) : [],
    };
  });
}

/** `<uri>:<line>` → uri and line (null when there is no line). */
export function splitSource(source: string): { uri: string; line: number | null } {
  const m = /^(.*):(\d+)$/.exec(source);
  return m ? { uri: m[1]!, line: Number(m[2]) } : { uri: source, line: null };
}

function expected(r: TestResult): string {
  const e = r.expect;
  if (e.kind === 'suspense') return `suspense ${e.reason}`;
  if (r.actual?.period) return 'the period expectations below';
  if (e.kind === 'charge' && e.construct === 'traffic') return `${e.subject} ${e.amount} ${e.currency}`;
  if (e.kind === 'charge') return `charge ${e.construct} ${e.subject} ${e.amount} ${e.currency}`;
  if (e.kind === 'total') return `total ${e.amount} ${e.currency}`;
  return [`${e.amount} ${e.currency}`, e.original && `original ${e.original.amount} ${e.original.currency}`, e.zone && `zone ${e.zone}`, e.band && `band ${e.band}`, e.billedSeconds !== null && `billed ${e.billedSeconds}s`]
    .filter(Boolean)
    .join(' ');
}

function actual(r: TestResult): string {
  const a = r.actual;
  if (!a) return 'nothing (neither rated nor in suspense)';
  if (a.period) return `${a.period.rated} of ${a.period.records} records rated, ${a.period.charges.length} charge lines`;
  if (!a.rated) return `suspense ${a.suspenseReason}`;
  return [`${trim(a.amount ?? '')} ${a.currency}`,
    r.expect.kind === 'amount' && r.expect.original && a.originalAmount != null && `original ${trim(a.originalAmount)} ${a.originalCurrency}`,
    a.zone && `zone ${a.zone}`, a.band && `band ${a.band}`, a.billedSeconds !== null && `billed ${a.billedSeconds}s`]
    .filter(Boolean)
    .join(' ');
}

/** A result of a traffic test (runtime/testing/traffic-tests.ts), not of an inline `test` block. */
export function isTrafficResult(r: TestResult): boolean {
  return r.expect.kind === 'charge' && r.expect.construct === 'traffic';
}
