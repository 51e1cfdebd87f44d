// `npm run bench:lcr`: a least-cost route table for 5 suppliers × 50,000 prefixes each.
// The suppliers' plans are generated directly (deterministic PRNG): every supplier draws its
// prefixes around the same country stems, lengths 1–10, so they overlap each other at
// different lengths; 10 prefixes per zone, one rate per zone, different increments, one
// supplier priced in USD (converted by an FX row). Timed, median of --runs (≥ 3):
//   baseline — collect the 250,000 supplier prefixes, deduplicate and sort them (the least any
//              route table must do);
//   table    — selectSuppliers + buildRoutes (longest prefix per supplier, costs, ranking);
//   csv      — rendering the table as CSV.
// A benchmark, not a test: not named *.test.ts so vitest never collects it.
import { Command, InvalidArgumentError } from 'commander';
import { lcrTable } from '../../runtime/lcr/index.js';
import { routesCsv } from '../../runtime/lcr/output.js';
import { supplier } from './lcr-suppliers.js';

function count(v: string): number {
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
}

const program = new Command()
  .option('--suppliers <n>', 'suppliers', count, 5)
  .option('--prefixes <n>', 'prefixes per supplier', count, 50_000)
  .option('--runs <n>', 'runs (median)', count, 5)
  .parse();
const o = program.opts<{ suppliers: number; prefixes: number; runs: number }>();
if (o.runs < 3) throw new Error('--runs: at least 3');

const [plans, genMs] = time(() => Array.from({ length: o.suppliers }, (_, i) => supplier(i, o.prefixes)));
const at = new Date('2026-03-15T10:00:00Z');
const fx = [{ date: '2026-03-15', from: 'USD', to: 'EUR', rate: '0.92', where: 'bench' }];
const base: number[] = [];
const build: number[] = [];
const csv: number[] = [];
let stats = '';
for (let k = 0; k < o.runs; k++) {
  const [n, b] = time(() => {
    const u = new Set<string>();
    for (const { plan } of plans) for (const p of plan.services[0]!.prefixes) u.add(p.prefix);
    return [...u].sort().length;
  });
  base.push(b);
  const [t, ms] = time(() => lcrTable(plans, { at, callSeconds: 120, currency: 'EUR', fx }));
  build.push(ms);
  const [text, cms] = time(() => routesCsv(t.routes, { at: at.toISOString(), currency: 'EUR', callSeconds: 120 }));
  csv.push(cms);
  const offers = t.routes.reduce((a, r) => a + r.offers.length, 0);
  stats = `${n} route prefixes (union), ${offers} ranked offers, CSV ${(text.length / 1e6).toFixed(1)} MB`;
}
const f = (xs: number[]) => `${median(xs).toFixed(0)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`;
process.stdout.write(
  `lcr bench: ${o.suppliers} suppliers × ${o.prefixes} prefixes (generated in ${genMs.toFixed(0)} ms); ${stats}\n` +
    `  baseline (collect + dedupe + sort the prefixes): ${f(base)}\n` +
    `  route table (select + longest prefix + cost + rank): ${f(build)}\n` +
    `  CSV rendering: ${f(csv)}\n` +
    `  table / baseline: ${(median(build) / median(base)).toFixed(1)}×\n`,
);
