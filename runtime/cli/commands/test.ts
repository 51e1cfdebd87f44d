// `icx test`: run the test blocks of agreements through the real rating engine. Wiring only:
// the reporters, the rating trace and --update live in runtime/cli/test-report/.
import type { Command } from 'commander';
import { Option } from 'commander';
import type { TestResult } from '../../index.js';
import { compileOrFail } from '../agreements.js';
import { Failure } from '../errors.js';
import type { ExtraTestOptions, TestExtras } from '../../testing/traffic-cli.js';
import { checkReportOptions, REPORTERS, reportTests, type TestReportOptions } from '../test-report/report.js';

interface TestOptions extends TestReportOptions, ExtraTestOptions {
  // options of other features go here
}

export function registerTest(program: Command): void {
  program
    .command('test')
    .description("run the agreements' test blocks")
    .argument('<paths...>', '.icx files or directories')
    .option('--json', 'print the results as JSON')
    .addOption(new Option('--reporter <reporter>', 'output: text, junit (JUnit XML) or github (Actions annotations)').choices(REPORTERS))
    .option('--output-file <file>', 'write the report to this file (atomically) instead of stdout')
    .option('--update', 'rewrite the expect lines of failing tests to the actual values, and show what changed')
    .option('--coverage', 'report the rate lines, zones, bands, tiers and clauses no test exercises')
    .option('--coverage-threshold <percent>', 'exit 1 when coverage is below this percentage (implies --coverage)')
    .action(async (paths: string[], opts: TestOptions) => {
      const { coverageThreshold } = await import('../../testing/traffic-cli.js');
      coverageThreshold(opts);
      await checkReportOptions(opts);
      const { src, result, results, extras } = await runTests(paths, opts);
      // --update verifies itself: the rewritten files are compiled and tested again
      const rerun = async () => (await runTests(paths, { ...opts, coverage: false, coverageThreshold: undefined })).results;
      const ok = await reportTests(results, result.compiled, src, opts, rerun);
      // the coverage report, and its threshold, after the tests' own report
      extras.finish(opts.json === true);
      if (!ok) throw new Failure('');
    });
}

async function runTests(paths: string[], opts: ExtraTestOptions) {
  const { src, result } = await compileOrFail(paths);
  const { openStore, runAgreementTests } = await import('../../index.js');
  const { testExtras } = await import('../../testing/traffic-cli.js');
  // Tests rate in a throw-away in-memory store: they never touch icx.duckdb.
  const store = await openStore(':memory:');
  let results: TestResult[];
  let extras: TestExtras;
  try {
    results = await runAgreementTests(store, result.compiled);
    // traffic tests (*.test.icx) join the results; coverage is computed when asked for
    extras = await testExtras(store, result.compiled, src, opts);
    results.push(...extras.results);
  } finally {
    await store.close();
  }
  return { src, result, results, extras };
}
