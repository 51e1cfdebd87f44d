// `icx rate`: compile the agreements, ingest and rate usage files into the store, write
// rated.parquet and suspense.parquet, print the summary and the balance line
// `in N = rated N + suspense N`. An unbalanced run is a failure (exit 1).
import type { Command } from 'commander';
import path from 'node:path';
import type { UsageField } from '../../../compiler/sql/index.js';
import { compileOrFail } from '../agreements.js';
import { Failure } from '../errors.js';
import { displayPath, requireFile, requireWritableDir } from '../files.js';
import { columnMap, month, timeZone } from '../options.js';
import { renderCharges } from '../charges-summary.js';
import { renderSummary, summaryJson } from '../summary.js';

interface RateOptions {
  usage: string[];
  out: string;
  db: string;
  map?: Partial<Record<UsageField, string>>;
  assumeTimezone?: string;
  json?: boolean;
  period?: string;
  retail?: string[];
  kpi?: string[];
  keepUsage?: boolean;
}

export function registerRate(program: Command): void {
  program
    .command('rate')
    .description('rate usage files against agreements; write rated and suspense Parquet files')
    .argument('<paths...>', '.icx files or directories with the agreements')
    .requiredOption('--usage <files...>', 'usage files: .csv (.csv.gz), .parquet or .json')
    .requiredOption('--out <dir>', 'directory for rated.parquet and suspense.parquet')
    .option('--db <file>', 'the DuckDB store', 'icx.duckdb')
    .option('--map <pairs>', 'usage column = source column, e.g. record_id=CallId,b_number=Called', columnMap)
    .option('--assume-timezone <zone>', 'IANA zone for start times written without an offset', timeZone)
    .option('--json', 'print the summary as JSON')
    .option('--period <YYYY-MM>', 'also compute the period charges of every period ending with this month (charges.parquet)', month)
    .option('--retail <files...>', 'retail revenue CSV files for revenue shares and commissions (with --period)')
    .option('--kpi <files...>', 'KPI CSV files (availability, latency) for SLA credits (with --period)')
    .option('--keep-usage', 'keep every input record in the store (icx rerate rates them again from it)')
    .action(async (paths: string[], opts: RateOptions) => {
      // Check the inputs before doing any work, so a typo costs nothing.
      const usage = [];
      for (const u of opts.usage) usage.push(await requireFile(u, '--usage'));
      const retail = [];
      // read by their path as shown (relative to the working directory when inside it): their
      // names appear in charge explanations and messages, which must not depend on the machine
      for (const f of opts.retail ?? []) retail.push(displayPath(await requireFile(f, '--retail')));
      const kpi = [];
      for (const f of opts.kpi ?? []) kpi.push(displayPath(await requireFile(f, '--kpi')));
      if ((opts.retail || opts.kpi) && !opts.period) throw new Failure('--retail and --kpi feed period charges: give --period YYYY-MM too');
      await requireWritableDir(opts.out, '--out');
      const { result } = await compileOrFail(paths);
      const plans = result.compiled.plans;
      if (plans.length === 0) throw new Failure('no agreement to rate with');

      // Loaded on use: commands that do not rate never load DuckDB's native module.
      const { loadDigitalInputs, openStore, periodCharges, rate, writeOutputs } = await import('../../index.js');
      const store = await openStore(path.resolve(opts.db));
      try {
        // retail and KPI files are validated before rating: a bad line stores nothing
        const digital = opts.period
          ? await loadDigitalInputs(store, plans, { ...(opts.retail ? { retail } : {}), ...(opts.kpi ? { kpi } : {}) })
          : undefined;
        const res = await rate(store, {
          plans,
          usage: usage.map((p) => ({ path: p, ...(opts.map ? { mapping: opts.map } : {}) })),
          ...(opts.assumeTimezone ? { assumeTimezone: opts.assumeTimezone } : {}),
          ...(opts.keepUsage ? { storeUsage: true } : {}),
        });
        const outDir = path.resolve(opts.out);
        // Period charges read every run in the store (this one included), after rating.
        const charges = opts.period
          ? await periodCharges(store, plans, opts.period, { ...(digital ? { digital } : {}) })
          : undefined;
        // an input a charge needed and did not get is said, not silently skipped
        for (const l of charges ?? []) {
          if (l.construct.endsWith('-missing')) process.stderr.write(`icx: warning: ${l.agreementId} ${l.service}: ${l.explanation}\n`);
        }
        await writeOutputs(store, res.runId, outDir, charges ? { charges } : {});
        const balance = `in ${res.inCount} = rated ${res.ratedCount} + suspense ${res.suspenseCount}`;
        if (opts.json) {
          const json = summaryJson(res, plans, outDir) as Record<string, unknown>;
          if (charges) Object.assign(json, { period: opts.period, charges, chargesFile: path.join(outDir, 'charges.parquet') });
          process.stdout.write(JSON.stringify(json, null, 2) + '\n');
        } else {
          process.stdout.write(renderSummary(res, plans) + '\n\n');
          process.stdout.write(`${balance}${res.balanced ? '' : '  UNBALANCED'}\n`);
          if (charges) process.stdout.write(`\n${renderCharges(opts.period!, charges)}\n\n`);
          process.stdout.write(`run ${res.runId}: ${path.join(opts.out, 'rated.parquet')}, ${path.join(opts.out, 'suspense.parquet')}${charges ? `, ${path.join(opts.out, 'charges.parquet')}` : ''}\n`);
        }
        if (!res.balanced) throw new Failure(`the run does not balance: ${balance}`);
      } finally {
        await store.close();
      }
    });
}
