// `icx test`: run the test blocks of agreements through the real rating engine.
import type { Command } from 'commander';
import type { TestResult } from '../../index.js';
import { compileOrFail } from '../agreements.js';
import { plural } from '../diagnostics.js';
import { Failure } from '../errors.js';
import type { ExtraTestOptions, TestExtras } from '../../testing/traffic-cli.js';

interface TestOptions extends ExtraTestOptions {
  json?: boolean;
}

export function registerTest(program: Command): void {
  program
    .command('test')
    .description("run the agreements' test blocks")
    .argument('<paths...>', '.icx files or directories')
    .option('--json', 'print the results as JSON')
    .option('--coverage', 'report the rate lines, zones, bands, tiers and clauses no test exercises')
    .option('--coverage-threshold <percent>', 'exit 1 when coverage is below this percentage (implies --coverage)')
    .action(async (paths: string[], opts: TestOptions) => {
      const { coverageThreshold, testExtras } = await import('../../testing/traffic-cli.js');
      coverageThreshold(opts);
      const { src, result } = await compileOrFail(paths);
      let extras: TestExtras | undefined;
      const { openStore, runAgreementTests } = await import('../../index.js');
      // Tests rate in a throw-away in-memory store: they never touch icx.duckdb.
      const store = await openStore(':memory:');
      let results: TestResult[];
      try {
        results = await runAgreementTests(store, result.compiled);
        // traffic tests (*.test.icx) join the results; coverage is computed when asked for
        extras = await testExtras(store, result.compiled, src, opts);
        results.push(...extras.results);
      } finally {
        await store.close();
      }
      const failed = results.filter((r) => !r.passed);
      if (opts.json) {
        process.stdout.write(JSON.stringify({ passed: results.length - failed.length, failed: failed.length, results }, null, 2) + '\n');
      } else {
        for (const r of results) {
          const where = displaySource(r.source, src.lookup.display);
          // file:line on its own line so terminals and editors can jump to the test block
          if (r.passed) process.stdout.write(`✓ ${r.title}  (${where})\n`);
          else process.stdout.write(`✗ ${r.title}  expected ${expected(r)} got ${actual(r)}\n  ${where}\n${r.failures.map((f) => `    ${f}\n`).join('')}`);
        }
        process.stdout.write(`\n${plural(results.length - failed.length, 'test')} passed, ${failed.length} failed\n`);
      }
      extras?.finish(opts.json === true);
      if (failed.length > 0) throw new Failure('');
    });
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

function expected(r: TestResult): string {
  const e = r.expect;
  if (e.kind === 'suspense') return `suspense ${e.reason}`;
  if (r.actual?.period) return 'the period expectations below';
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
  return [`${trimZeros(a.amount ?? '')} ${a.currency}`,
    r.expect.kind === 'amount' && r.expect.original && a.originalAmount != null && `original ${trimZeros(a.originalAmount)} ${a.originalCurrency}`,
    a.zone && `zone ${a.zone}`, a.band && `band ${a.band}`, a.billedSeconds !== null && `billed ${a.billedSeconds}s`]
    .filter(Boolean)
    .join(' ');
}

/** `<uri>:<line>` → `<printable path>:<line>`. */
function displaySource(source: string, display: (uri: string) => string): string {
  const m = /^(.*):(\d+)$/.exec(source);
  return m ? `${display(m[1]!)}:${m[2]}` : source;
}
