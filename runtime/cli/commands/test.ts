// `icx test`: run the test blocks of agreements through the real rating engine. Wiring only:
// the reporters, the rating trace and --update live in runtime/cli/test-report/.
import type { Command } from 'commander';
import { Option } from 'commander';
import type { TestResult } from '../../index.js';
import { compileOrFail } from '../agreements.js';
import { Failure } from '../errors.js';
import { checkReportOptions, REPORTERS, reportTests, type TestReportOptions } from '../test-report/report.js';

interface TestOptions extends TestReportOptions {
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
    .action(async (paths: string[], opts: TestOptions) => {
      await checkReportOptions(opts);
      const { src, result, results } = await runTests(paths);
      // --update verifies itself: the rewritten files are compiled and tested again
      const rerun = async () => (await runTests(paths)).results;
      const ok = await reportTests(results, result.compiled, src, opts, rerun);
      if (!ok) throw new Failure('');
    });
}

async function runTests(paths: string[]) {
  const { src, result } = await compileOrFail(paths);
  const { openStore, runAgreementTests } = await import('../../index.js');
  // Tests rate in a throw-away in-memory store: they never touch icx.duckdb.
  const store = await openStore(':memory:');
  let results: TestResult[];
  try {
    results = await runAgreementTests(store, result.compiled);
  } finally {
    await store.close();
  }
  return { src, result, results };
}
