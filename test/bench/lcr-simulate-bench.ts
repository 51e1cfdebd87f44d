// `npm run bench:lcr-simulate`: `icx lcr simulate` on a month of generated traffic for the
// suppliers of bench:lcr (5 × 50,000 prefixes by default). Each call is pre-assigned to a random
// supplier and dials a number under one of that supplier's own prefixes, started at a random
// second of March 2026 (UTC), 0–600 s long. Timed, median of --runs (≥ 3), in one process:
//   baseline — one rating run of the same Parquet file into an in-memory store (`icx rate`'s work);
//   simulate — the whole simulation: two rating runs, the route tables, each call's route.
// A simulation costs about two ratings plus the routing; the ratio says how much more.
// A benchmark, not a test: not named *.test.ts so vitest never collects it.
import { DuckDBInstance } from '@duckdb/node-api';
import { Command, InvalidArgumentError } from 'commander';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simulate } from '../../runtime/lcr/simulate.js';
import { openStore, rate } from '../../runtime/index.js';
import { supplier } from './lcr-suppliers.js';

function count(v: string): number {
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

const o = new Command()
  .option('--records <n>', 'calls of traffic', count, 1_000_000)
  .option('--prefixes <n>', 'prefixes per supplier', count, 50_000)
  .option('--runs <n>', 'runs (median)', count, 3)
  .parse()
  .opts<{ records: number; prefixes: number; runs: number }>();
if (o.runs < 3) throw new Error('--runs: at least 3');

const plans = Array.from({ length: 5 }, (_, i) => supplier(i, o.prefixes));
const dir = await mkdtemp(path.join(os.tmpdir(), 'icx-lcr-sim-'));
const file = path.join(dir, 'traffic.parquet');
{
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(`CREATE TABLE p (k INTEGER, i INTEGER, prefix VARCHAR)`);
  const ap = await c.createAppender('p');
  plans.forEach(({ plan }, k) => plan.services[0]!.prefixes.forEach((p, i) => {
    ap.appendInteger(k);
    ap.appendInteger(i);
    ap.appendVarchar(p.prefix);
    ap.endRow();
  }));
  ap.closeSync();
  // deterministic: every random draw is a hash of the record number
  await c.run(`COPY (
    WITH r AS (SELECT range AS n, hash(range) AS h1, hash(range + 1e12::BIGINT) AS h2 FROM range(${o.records}))
    SELECT 'c' || n AS record_id, 'out' AS direction, 'voice' AS kind,
           'BENCH-S' || (h1 % 5) AS agreement, 'termination' AS service,
           p.prefix || lpad(((h2 % 100000000))::VARCHAR, (12 - length(p.prefix))::INTEGER, '0') AS b_number,
           strftime(TIMESTAMP '2026-03-01' + to_seconds((h2 // 7) % (31 * 86400)), '%Y-%m-%dT%H:%M:%SZ') AS start_time,
           ((h1 // 11) % 601)::VARCHAR AS duration_s
    FROM r JOIN p ON p.k = r.h1 % 5 AND p.i = (r.h1 // 5) % ${o.prefixes}
  ) TO '${file.replace(/'/g, "''")}' (FORMAT parquet)`);
  c.closeSync();
  db.closeSync();
}

const fx = Array.from({ length: 31 }, (_, d) => ({ date: `2026-03-${String(d + 1).padStart(2, '0')}`, from: 'USD', to: 'EUR', rate: '0.92', where: 'bench' }));
const base: number[] = [];
const sim: number[] = [];
let stats = '';
for (let k = 0; k < o.runs + 1; k++) {
  const t0 = performance.now();
  const store = await openStore(':memory:');
  const res = await rate(store, { plans, usage: [{ path: file }], progress: false });
  await store.close();
  const t1 = performance.now();
  const s = await simulate(plans, { usage: [{ path: file }], callSeconds: 120, currency: 'EUR', fx });
  const t2 = performance.now();
  if (k === 0) continue; // warm-up
  base.push(t1 - t0);
  sim.push(t2 - t1);
  stats = `${res.inCount} calls (${res.ratedCount} rated), ${s.records.simulated} simulated, ${s.tables} route table(s); savings ${s.totals.savings} EUR (${s.totals.savingsPercent}%)`;
}
await rm(dir, { recursive: true, force: true });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const f = (xs: number[]) => `${(median(xs) / 1000).toFixed(2)} s (runs: ${xs.map((x) => (x / 1000).toFixed(2)).join(', ')})`;
process.stdout.write(
  `lcr simulate bench: 5 suppliers × ${o.prefixes} prefixes, ${stats}\n` +
    `  baseline (one rating run of the traffic): ${f(base)}\n` +
    `  simulate (two rating runs + routing):     ${f(sim)}  ${Math.round(o.records / (median(sim) / 1000)).toLocaleString('en')} calls/s\n` +
    `  simulate / baseline: ${(median(sim) / median(base)).toFixed(2)}×\n`,
);
