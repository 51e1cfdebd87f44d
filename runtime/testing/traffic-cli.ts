// The part of `icx test` that runs traffic tests and reports coverage, kept out of
// runtime/cli/commands/test.ts so that command only calls it: `testExtras` after the inline
// tests (its results join theirs), `finish` before the exit code is decided.
import type { CompiledSet } from '../../compiler/plan.js';
import type { TestResult } from '../agreement-tests.js';
import type { LoadedSources } from '../cli/agreements.js';
import { Failure, UsageError } from '../cli/errors.js';
import type { Store } from '../store/store.js';
import { belowThreshold, computeCoverage, renderCoverage, type CoverageReport } from './coverage.js';
import { inlineTestsExercised } from './inline-exercised.js';
import { runTrafficTests } from './traffic-tests.js';

export interface ExtraTestOptions {
  coverage?: boolean;
  /** percent, as given on the command line */
  coverageThreshold?: string;
}

export interface TestExtras {
  results: TestResult[];
  coverage: CoverageReport | null;
  /** prints the coverage report; exits 1 (Failure) below the threshold */
  finish(json: boolean): void;
}

/** Checks the options before any work: a bad threshold is a usage error (exit 2). */
export function coverageThreshold(opts: ExtraTestOptions): number | null {
  if (opts.coverageThreshold === undefined) return null;
  const t = opts.coverageThreshold.trim();
  if (!/^\d+(\.\d+)?$/.test(t) || Number(t) > 100) throw new UsageError(`--coverage-threshold: expected a percentage from 0 to 100, got "${opts.coverageThreshold}"`);
  return Number(t);
}

export async function testExtras(store: Store, compiled: CompiledSet, src: LoadedSources, opts: ExtraTestOptions): Promise<TestExtras> {
  const threshold = coverageThreshold(opts);
  // a traffic file's uri is relative to the agreements root; display() is that file as the
  // working directory reaches it, which is also how ingest errors will name it
  const traffic = await runTrafficTests(store, compiled, (uri) => src.lookup.display(uri));
  let coverage: CoverageReport | null = null;
  if (opts.coverage || threshold !== null) {
    const inline = await inlineTestsExercised(store, compiled);
    coverage = computeCoverage(compiled.coverage ?? [], [inline, traffic.exercised]);
  }
  return {
    results: traffic.results,
    coverage,
    finish(json: boolean) {
      if (coverage === null) return;
      const display = (source: string) => {
        const m = /^(.*):(\d+)$/.exec(source);
        return m ? `${src.lookup.display(m[1]!)}:${m[2]}` : source;
      };
      // --json keeps stdout one JSON document: the coverage report goes to stderr as JSON
      if (json) process.stderr.write(JSON.stringify({ coverage }, null, 2) + '\n');
      else process.stdout.write(renderCoverage(coverage, display));
      if (threshold !== null && belowThreshold(coverage, threshold)) {
        throw new Failure(`coverage ${coverage.percent}% is below the threshold of ${threshold}% (--coverage-threshold)`);
      }
    },
  };
}
