// `npm run bench:reconcile`: `icx reconcile cdrs` on N of our rated records against N of theirs.
// Both sides are generated in DuckDB (no JS per record) from one numbering i with a known mix,
// by i mod 1000:
//   0..966   both sides, same call id, same values                → matched by id
//   967..969 both sides, same id, their duration 5 s longer        → duration disagreement
//   970..989 both sides, no id on theirs, their start 1 s late     → matched by numbers and time
//   990..994 ours only                                             → unmatched ours
//   995..999 theirs only (another B-number)                        → unmatched theirs
//   0..1     a second copy of their record                         → duplicate theirs
// Our side goes straight into the store's rated tables (one dim: voice-termination FR-MOBILE
// peak of agreements/acme-orange-fr.icx), theirs into a Parquet file. Timed, as the median of
// --runs runs after a warm-up: (a) the baseline, a plain hash join on the call id of the same
// two tables (count only), (b) the whole reconciliation (read their file, match, price the
// differences in a rolled-back rating run, lines, evidence CSVs). The counts must equal the mix
// exactly, and the unmatched-ours money the sum generated, or the bench fails.
// A benchmark, not a test: not named *.test.ts so vitest never collects it.
import { Command, InvalidArgumentError } from 'commander';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Decimal } from 'decimal.js';
import { compile } from '../../compiler/index.js';
import { openStore, queryJson, type Store } from '../../runtime/index.js';
import { reconcileCdrs } from '../../runtime/reconcile/cdr-reconcile.js';
import type { Findings } from '../../runtime/reconcile/findings.js';
import { ROOT } from '../cli/run-cli.js';

function count(v: string): number {
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n <= 0 || n % 1000 !== 0) throw new InvalidArgumentError('expected a positive multiple of 1000');
  return n;
}

interface Measure { step: string; seconds: number[]; median: number }

async function measure(step: string, runs: number, fn: () => Promise<void>): Promise<Measure> {
  await fn(); // warm-up: the first query of a fresh process is often 2–4× slower
  const seconds: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    seconds.push((performance.now() - t0) / 1000);
  }
  const sorted = [...seconds].sort((a, b) => a - b);
  return { step, seconds, median: sorted[Math.floor(sorted.length / 2)]! };
}

/** Our side: i with i % 1000 < 995; 2026-03-01T00:00Z + (i·257 mod 29 days) s, 1..600 s, peak FR-MOBILE. */
async function generate(store: Store, n: number, theirs: string, price: string): Promise<void> {
  const c = store.connection;
  await c.run(`INSERT INTO rating_runs (run_id, started_at, finished_at, plan_hashes, sources, in_count, rated_count, suspense_count, balanced)
               VALUES ('bench', now(), now(), [], ['bench'], $1, $1, 0, true)`, [BigInt(n)]);
  await c.run(`CREATE TEMP TABLE gen AS
    SELECT i, i % 1000 AS k, 'R' || i AS record_id, '4477' || lpad(CAST(i AS VARCHAR), 9, '0') AS a,
           '336' || lpad(CAST((i * 7919) % 100000000 AS VARCHAR), 8, '0') AS b,
           TIMESTAMPTZ '2026-03-01 00:00:00+00' + to_seconds((i * 257) % (29 * 86400)) AS start_time,
           1 + i % 600 AS dur
    FROM range(CAST($1 AS BIGINT)) t(i)`, [BigInt(n)]);
  // amount = billed minutes × price (60/60): whole minutes × a 4-decimal price is exact
  await c.run(`INSERT INTO rated_rows (run_id, seq, record_id, src_no, source_line, dim, start_time, local_start, duration_s, billed_seconds, amount, trunk, a_number, b_number)
    SELECT 'bench', i, record_id, 1, i + 2, 0, start_time, CAST(timezone('Europe/Paris', start_time) AS TIMESTAMP), dur, ((dur + 59) // 60) * 60,
           CAST(((dur + 59) // 60) * CAST($1 AS DECIMAL(18,9)) AS DECIMAL(18,9)), 'TG101', a, b
    FROM gen WHERE k < 995`, [price]);
  await c.run(`COPY (
      SELECT CASE WHEN k BETWEEN 970 AND 989 THEN NULL WHEN k >= 995 THEN 'T' || i ELSE record_id END AS record_id,
             '+' || a AS a_number,
             CASE WHEN k >= 995 THEN '339' || substr(b, 4) ELSE b END AS b_number,
             strftime(start_time + CASE WHEN k BETWEEN 970 AND 989 THEN INTERVAL 1 SECOND ELSE INTERVAL 0 SECOND END, '%Y-%m-%dT%H:%M:%SZ') AS start_time,
             CAST(dur + CASE WHEN k BETWEEN 967 AND 969 THEN 5 ELSE 0 END AS VARCHAR) AS duration_s
      FROM gen WHERE k < 990 OR k >= 995
      UNION ALL
      SELECT record_id, '+' || a, b, strftime(start_time, '%Y-%m-%dT%H:%M:%SZ'), CAST(dur AS VARCHAR) FROM gen WHERE k < 2
    ) TO '${theirs.replace(/'/g, "''")}' (FORMAT parquet)`);
}

async function main(): Promise<void> {
  const opts = new Command()
    .name('reconcile-bench')
    .option('--records <n>', 'records generated per side before the mix (multiple of 1000)', count, 10_000_000)
    .option('--runs <n>', 'timed runs per step (median reported)', (v) => Number(v), 3)
    .option('--memory-limit <size>', "DuckDB memory_limit (the machine is shared)", '8GB')
    .option('--json', 'machine-readable output')
    .option('--keep', 'keep the temp directory (store and their file)')
    .parse(process.argv)
    .opts<{ records: number; runs: number; memoryLimit: string; json?: boolean; keep?: boolean }>();
  const log = (s: string) => {
    if (!opts.json) process.stdout.write(s + '\n');
  };
  const text = readFileSync(path.join(ROOT, 'agreements', 'acme-orange-fr.icx'), 'utf8');
  const { compiled } = compile([{ uri: 'acme-orange-fr.icx', text }]);
  const hp = compiled.plans[0]!;
  const price = hp.plan.services.find((s) => s.name === 'voice-termination')!.rates[0]!.steps[0]!.price;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'icx-reconcile-bench-'));
  const store = await openStore(path.join(dir, 'bench.duckdb'));
  try {
    await store.connection.run(`SET memory_limit = '${opts.memoryLimit.replace(/'/g, '')}'`);
    await store.connection.run(
      `INSERT INTO rated_dims VALUES ('bench', 0, $1, $2, $3, 'voice-termination', 'voice', 'out', 'FR-MOBILE', 'peak', 'bench', NULL, 4, 'EUR', NULL)`,
      [hp.plan.id, hp.plan.version, hp.hash],
    );
    const theirs = path.join(dir, 'theirs.parquet');
    const t0 = performance.now();
    await generate(store, opts.records, theirs, price);
    const n = opts.records;
    const [sizes] = await queryJson(store, `SELECT (SELECT count(*) FROM rated_rows) AS ours, (SELECT count(*) FROM read_parquet('${theirs.replace(/'/g, "''")}')) AS theirs`);
    const [gone] = await queryJson(store, `SELECT CAST(sum(CAST(((dur + 59) // 60) * CAST($1 AS DECIMAL(18,9)) AS DECIMAL(18,9))) AS VARCHAR) AS amount FROM gen WHERE k BETWEEN 990 AND 994`, [price]);
    await store.connection.run(`DROP TABLE gen`);
    log(`generated ours ${sizes!.ours} rated records, theirs ${sizes!.theirs} CDRs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const baseline = await measure('a. hash join on call id (baseline)', opts.runs, async () => {
      await queryJson(store, `SELECT count(*) AS n FROM read_parquet('${theirs.replace(/'/g, "''")}') t JOIN rated_rows o ON o.record_id = t.record_id`);
    });
    log(`a done: ${baseline.median.toFixed(2)} s`);
    let findings: Findings | undefined;
    let run = 0;
    const full = await measure('b. icx reconcile cdrs', opts.runs, async () => {
      findings = (await reconcileCdrs(store, { plan: hp, period: '2026-03', file: theirs, outDir: path.join(dir, `out-${run++}`) })).findings;
    });
    log(`b done: ${full.median.toFixed(2)} s`);

    // the counts must be the generated mix exactly
    const f = findings!;
    const per = (k: number) => (n / 1000) * k;
    const recs = (cat: string, side: 'theirs' | 'ours') => f.lines.filter((l) => l.category === cat).reduce((s, l) => s + (l[side]?.records ?? 0), 0);
    const expected = {
      matchedById: per(970), matchedByTime: per(20), duration: per(3), unmatchedTheirs: per(5), duplicates: per(2), unmatchedOurs: per(5),
      theirRecords: per(997), ourRecords: per(995), unmatchedOursAmount: new Decimal(String(gone!.amount)).toFixed(),
    };
    const got = {
      matchedById: f.cdrs!.matchedById, matchedByTime: f.cdrs!.matchedByTime, duration: recs('duration', 'ours'),
      unmatchedTheirs: recs('unmatched-theirs', 'theirs'), duplicates: recs('duplicate-theirs', 'theirs'), unmatchedOurs: recs('unmatched-ours', 'ours'),
      theirRecords: f.cdrs!.theirRecords, ourRecords: f.cdrs!.ourRecords,
      unmatchedOursAmount: f.lines.filter((l) => l.category === 'unmatched-ours').reduce((d, l) => d.plus(l.ours!.amount!), new Decimal(0)).toFixed(),
    };
    const wrong = Object.keys(expected).filter((k) => String(expected[k as keyof typeof expected]) !== String(got[k as keyof typeof got]));
    const result = {
      records: { ours: Number(sizes!.ours), theirs: Number(sizes!.theirs) }, threads: os.availableParallelism(), memoryLimit: opts.memoryLimit,
      steps: [baseline, full], ratio: full.median / baseline.median, expected, got, countsOk: wrong.length === 0,
      totals: f.totals, verdict: f.verdict, clockSkewSeconds: f.cdrs!.clockSkewSeconds, peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
    if (opts.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    else {
      log('');
      for (const m of [baseline, full]) log(`${m.step.padEnd(40)}${m.median.toFixed(2).padStart(8)} s   runs ${m.seconds.map((s) => s.toFixed(2)).join(' ')}`);
      log(`b/a = ${result.ratio.toFixed(2)}×   process peak RSS ${result.peakRssMb.toFixed(0)} MB   (${result.threads} threads, memory_limit ${opts.memoryLimit})`);
      log(`counts: ${JSON.stringify(got)}`);
      log(`totals: theirs ${f.totals.theirs}, ours ${f.totals.ours}, difference ${f.totals.difference} EUR; clock skew median ${f.cdrs!.clockSkewSeconds.median} s`);
    }
    if (wrong.length) throw new Error(`counts differ from the generated mix: ${wrong.map((k) => `${k} expected ${String(expected[k as keyof typeof expected])}, got ${String(got[k as keyof typeof got])}`).join('; ')}`);
  } finally {
    await store.close();
    if (opts.keep) log(`kept ${dir}`);
    else await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`reconcile-bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
