// `npm run bench`: how far is full rating from the floor DuckDB itself sets? (issue 9)
// Generates a 50,000-prefix deck agreement and N records of traffic for it, then times,
// as the median of 3 runs after a warm-up: a scan of every column of the usage Parquet (a
// yardstick), (a) a Parquet → Parquet copy (read + write floor), (b) `icx rate` end to end
// (ingest, rate, store, write rated and suspense Parquet), (c) the period step of a bill run
// over the rated store, (d) compile of the agreement set and of a 200,000-line deck.
// The ratio b/a is what to watch: the machine is shared, seconds are noisy. Peak RSS is
// sampled per step; `--json` for machine-readable output.
// A benchmark, not a test: not named *.test.ts so vitest never collects it.
import { DuckDBInstance } from '@duckdb/node-api';
import { Command, InvalidArgumentError } from 'commander';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compile } from '../../compiler/index.js';
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { generateTraffic } from '../../runtime/traffic/index.js';
import { deckAgreementText, DEFAULT_DECK } from './deck-agreement.js';
import { compileAgreementSet, deckCompiler, periodStep } from './bench-parts.js';
import { rateToParquet } from './rate-run.js';

interface BenchOptions {
  records: number;
  runs: number;
  json?: boolean;
  keep?: boolean;
  /** false with --no-rating: only the yardsticks and compiles, e.g. while rating is too slow for 10M */
  rating: boolean;
  /** false with --no-compile: skip (d) */
  compile: boolean;
}

function count(v: string): number {
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

/** Samples RSS while `fn` runs: the peak of this process (DuckDB runs in-process). */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peakRssMb: peak / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

interface Measure {
  step: string;
  seconds: number[];
  median: number;
  /** CPU seconds of the process (all threads) per run, and their median: steadier than wall on a shared machine */
  cpuSeconds: number[];
  medianCpu: number;
  /** records (deck lines for d2) per second; null where there is no record count (d1) */
  recordsPerSecond: number | null;
  peakRssMb: number;
}

async function measure(step: string, runs: number, records: number, fn: () => Promise<void>): Promise<Measure> {
  await fn(); // warm-up: the first query of a fresh process is often 2–4× slower
  const seconds: number[] = [];
  const cpuSeconds: number[] = [];
  let peakRssMb = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const { peakRssMb: p } = await withPeakRss(fn);
    seconds.push((performance.now() - t0) / 1000);
    const c = process.cpuUsage(c0);
    cpuSeconds.push((c.user + c.system) / 1e6);
    peakRssMb = Math.max(peakRssMb, p);
  }
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const median = mid(seconds);
  return { step, seconds, median, cpuSeconds, medianCpu: mid(cpuSeconds), recordsPerSecond: records > 0 ? records / median : null, peakRssMb };
}

async function main(): Promise<void> {
  const cmd = new Command()
    .name('rate-bench')
    .option('--records <n>', 'usage records to generate', count, 10_000_000)
    .option('--runs <n>', 'timed runs per step (median reported)', count, 3)
    .option('--json', 'machine-readable output')
    .option('--keep', 'keep the temp directory')
    .option('--no-rating', 'skip steps b and c (measure only the generator, the yardsticks and the compiles)')
    .option('--no-compile', 'skip step d (compile of the agreement set and the 200k-line deck)')
    .parse(process.argv);
  const opts = cmd.opts<BenchOptions>();
  const log = (s: string) => {
    if (!opts.json) process.stdout.write(s + '\n');
  };

  const dir = await mkdtemp(path.join(os.tmpdir(), 'icx-bench-'));
  try {
    const { text, prefixCount } = deckAgreementText();
    const icx = path.join(dir, 'bench.icx');
    await writeFile(icx, text);
    const t0 = performance.now();
    const { compiled, diagnostics } = compile([{ uri: 'bench.icx', text }]);
    const compileSeconds = (performance.now() - t0) / 1000;
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0 || compiled.plans.length !== 1) {
      throw new Error(`the bench agreement does not compile: ${errors.slice(0, 3).map((d) => `${d.range.start.line}: ${d.code} ${d.message}`).join('; ')}`);
    }
    const plans: HashedAgreementPlan[] = compiled.plans;
    log(`deck: ${DEFAULT_DECK.zones} zones, ${prefixCount} prefixes, ${text.length} chars; compiled in ${compileSeconds.toFixed(2)} s`);

    const usage = path.join(dir, 'usage.parquet');
    const gen = await generateTraffic(plans[0]!.plan, { records: opts.records, month: '2026-03', seed: 'bench', out: usage });
    log(`traffic: ${opts.records} records generated in ${gen.seconds.toFixed(2)} s (${Math.round(opts.records / gen.seconds)} records/s)`);

    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const lit = (p: string) => `'${p.replace(/'/g, "''")}'`;
    const scan = await measure('scan all columns', opts.runs, opts.records, async () => {
      await con.run(
        `SELECT count(*), sum(length(record_id)), sum(length(trunk)), sum(length(direction)), sum(length(kind)),
                sum(length(a_number)), sum(length(b_number)), sum(length(start_time)), sum(duration_s), sum(units)
         FROM read_parquet(${lit(usage)})`,
      );
    });
    log(`scan done: ${scan.median.toFixed(2)} s`);
    const copyOut = path.join(dir, 'copy.parquet');
    const copy = await measure('a. Parquet → Parquet copy', opts.runs, opts.records, async () => {
      await con.run(`COPY (SELECT * FROM read_parquet(${lit(usage)})) TO ${lit(copyOut)} (FORMAT parquet)`);
    });
    log(`a done: ${copy.median.toFixed(2)} s`);
    con.closeSync();
    db.closeSync();

    let run = 0;
    let balance = '';
    const rating = !opts.rating ? null : await measure('b. icx rate end to end', opts.runs, opts.records, async () => {
      const r = await rateToParquet(plans, usage, path.join(dir, `out-${run}`), path.join(dir, `store-${run}.duckdb`));
      run++;
      balance = `in ${r.inCount} = rated ${r.ratedCount} + suspense ${r.suspenseCount}`;
      if (!r.balanced) throw new Error(`unbalanced run: ${balance}`);
    });
    if (rating) log(`b done: ${rating.median.toFixed(2)} s; ${balance}`);

    // (c) over the store of the last rating run (one run: no re-rated records to set aside)
    let periodInfo = '';
    const period = !rating ? null : await measure('c. period step', opts.runs, opts.records, async () => {
      const p = await periodStep(path.join(dir, `store-${run - 1}.duckdb`), '2026-03');
      periodInfo = `${p.agreements} agreement(s), ${p.records} records in ${p.rows} aggregate rows`;
    });
    if (period) log(`c done: ${period.median.toFixed(2)} s; ${periodInfo}`);

    let setInfo = '';
    const compileSet = !opts.compile ? null : await measure('d1. compile agreements/', opts.runs, 0, async () => {
      const r = await compileAgreementSet();
      if (r.errors > 0) throw new Error(`agreements/ has ${r.errors} compile errors`);
      setInfo = `${r.files} files, ${r.plans} plans`;
    });
    if (compileSet) log(`d1 done: ${compileSet.median.toFixed(2)} s; ${setInfo}`);
    const deck = opts.compile ? deckCompiler() : null;
    const compileDeck = !deck ? null : await measure(`d2. compile ${Math.round(deck.lines / 1000)}k-line deck`, opts.runs, deck.lines, async () => deck.run());
    if (compileDeck) log(`d2 done: ${compileDeck.median.toFixed(2)} s`);

    const rows = [scan, copy, rating, period, compileSet, compileDeck].filter((m): m is Measure => m !== null);
    const result = {
      records: opts.records,
      prefixes: prefixCount,
      compileSeconds,
      generateSeconds: gen.seconds,
      threads: os.availableParallelism(),
      machine: { nproc: os.availableParallelism(), ramGb: os.totalmem() / 2 ** 30, loadAverage: os.loadavg() },
      memoryLimit: process.env.ICX_MEMORY_LIMIT ?? 'default (2.5 GiB cap)',
      steps: rows,
      ratioRatingToScan: rating ? rating.median / scan.median : null,
      ratioRatingToCopy: rating ? rating.median / copy.median : null,
      balance,
      period: periodInfo,
      agreementSet: setInfo,
      deckLines: deck?.lines ?? null,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
    if (opts.json) {
      process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    } else {
      log('');
      log(`${'step'.padEnd(30)}${'median s'.padStart(10)}${'CPU s'.padStart(8)}${'records/s'.padStart(14)}${'peak RSS MB'.padStart(13)}   runs`);
      for (const m of rows) {
        log(
          `${m.step.padEnd(30)}${m.median.toFixed(2).padStart(10)}${m.medianCpu.toFixed(2).padStart(8)}${(m.recordsPerSecond === null ? '' : Math.round(m.recordsPerSecond).toLocaleString('en')).padStart(14)}${m.peakRssMb.toFixed(0).padStart(13)}   ${m.seconds.map((s) => s.toFixed(2)).join(' ')}`,
        );
      }
      log('');
      const ratios = rating ? `b/a = ${result.ratioRatingToCopy!.toFixed(2)}×   b/scan = ${result.ratioRatingToScan!.toFixed(2)}×   ` : '';
      log(`${ratios}process peak RSS ${result.peakRssMb.toFixed(0)} MB   (${result.threads} threads, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')})`);
    }
  } finally {
    if (!opts.keep) await rm(dir, { recursive: true, force: true });
    else log(`kept ${dir}`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`rate-bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
