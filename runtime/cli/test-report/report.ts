// What `icx test` prints and writes once the tests have run: the chosen reporter (text, junit,
// github) or --json, to stdout or atomically to --output-file, then --update's rewrites. Returns
// false when a test failed and was not updated (the command then exits 1).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { CompiledSet } from '../../../compiler/plan.js';
import type { TestResult } from '../../agreement-tests.js';
import type { LoadedSources } from '../agreements.js';
import { plural } from '../diagnostics.js';
import { Failure, UsageError } from '../errors.js';
import { displayPath, requireWritableDir } from '../files.js';
import { writeFileAtomic } from '../write-atomic.js';
import { githubReport } from './github.js';
import { junitReport } from './junit.js';
import { reportCases } from './model.js';
import { summary, textReport } from './text.js';
import { planUpdate } from './update.js';

export const REPORTERS = ['text', 'junit', 'github'] as const;

export interface TestReportOptions {
  json?: boolean;
  reporter?: (typeof REPORTERS)[number];
  outputFile?: string;
  update?: boolean;
}

/** Before any work: a typo in --output-file should cost nothing. */
export async function checkReportOptions(opts: TestReportOptions): Promise<void> {
  if (opts.outputFile !== undefined) await requireWritableDir(path.dirname(path.resolve(opts.outputFile)), '--output-file', opts.outputFile);
  if (opts.json && opts.reporter !== undefined && opts.reporter !== 'text') throw new UsageError('--json and --reporter are exclusive: --json is the results as data');
}

export async function reportTests(
  results: TestResult[], compiled: CompiledSet, src: LoadedSources, opts: TestReportOptions, rerun?: () => Promise<TestResult[]>,
): Promise<boolean> {
  const failed = results.filter((r) => !r.passed);
  const cases = reportCases(results, compiled, src.lookup.display);
  const reporter = opts.reporter ?? 'text';
  const out = opts.json
    ? JSON.stringify({ passed: results.length - failed.length, failed: failed.length, results }, null, 2) + '\n'
    : reporter === 'junit' ? junitReport(cases) : reporter === 'github' ? githubReport(cases) : textReport(cases);
  if (opts.outputFile !== undefined) {
    await writeOrFail(opts.outputFile, out, true);
    process.stdout.write(`${summary(cases)}; ${opts.json ? 'JSON' : reporter} report written to ${displayPath(path.resolve(opts.outputFile))}\n`);
  } else {
    process.stdout.write(out);
  }
  if (failed.length === 0) return true;
  return opts.update ? update(results, compiled, src, opts, rerun) : false;
}

/** --update: rewrite, print what changed; true when every failing test was updated. */
async function update(results: TestResult[], compiled: CompiledSet, src: LoadedSources, opts: TestReportOptions, rerun?: () => Promise<TestResult[]>): Promise<boolean> {
  // machine-readable output on stdout stays parseable: the update notes go to stderr then
  const log = (s: string) => ((opts.json || (opts.reporter ?? 'text') !== 'text') && opts.outputFile === undefined ? process.stderr : process.stdout).write(s);
  const files = new Map(src.files.map((f) => [f.uri, f.text]));
  const plan = planUpdate(results, compiled, files, src.lookup.display);
  for (const [uri, text] of plan.texts) await writeOrFail(src.files.find((f) => f.uri === uri)!.abs, text, false);
  log(`\n--update: ${plural(plan.changed.length, 'expect line')} rewritten in ${plural(plan.texts.size, 'file')}\n`);
  for (const c of plan.changed) log(`  ${c.file}:${c.line}  ${c.title}\n    - ${c.before}\n    + ${c.after}\n`);
  if (plan.changed.length) log('  (comments in those tests are kept as written: check the arithmetic they state)\n');
  for (const n of plan.notUpdated) log(`  not updated: ${n.file}:${n.line}  ${n.title}: ${n.why}\n`);
  if (!rerun || plan.texts.size === 0) return plan.notUpdated.length === 0;
  const again = await rerun();
  const still = again.filter((r) => !r.passed);
  log(`re-run after --update: ${plural(again.length - still.length, 'test')} passed, ${still.length} failed\n`);
  for (const r of still) log(`  still failing: ${r.title}: ${r.failures.join('; ')}\n`);
  return plan.notUpdated.length === 0 && still.length === 0;
}

/** An unwritable report or agreement is a clear one-line failure, never a stack trace. */
async function writeOrFail(file: string, text: string, makeDir: boolean): Promise<void> {
  try {
    if (makeDir) await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeFileAtomic(file, text);
  } catch (e) {
    throw new Failure(`cannot write ${displayPath(path.resolve(file))}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}
