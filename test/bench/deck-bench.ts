// `npm run bench:deck`: a 200,000-line A–Z rate deck, compiled and rated.
// (1) compile — parse the deck + checks + lowering + hash — as the median of several runs
//     (wall and CPU time: the machine may be shared), with the deck parse and the hash apart;
// (2) rating N records (default 1M) with the deck plan vs the same prefixes and prices
//     written inline as zones and rate lines: medians and their ratio, and the two runs must
//     agree (same counts, same total).
// A benchmark, not a test: not named *.test.ts so vitest never collects it.
import { DuckDBInstance } from '@duckdb/node-api';
import { Command, InvalidArgumentError } from 'commander';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseDeck } from '../../compiler/deck/parse.js';
import { hashPlan } from '../../compiler/hash.js';
import { compile } from '../../compiler/index.js';
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { generateTraffic } from '../../runtime/traffic/index.js';
import { benchDeck } from './deck-csv.js';
import { rateToParquet } from './rate-run.js';

function count(v: string): number {
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

interface Timing {
  wall: number[];
  cpu: number[];
  medianWall: number;
  medianCpu: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(runs: number, fn: () => void | Promise<void>, warmup = true): Promise<Timing> {
  if (warmup) await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    wall.push((performance.now() - t0) / 1000);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e6);
  }
  return { wall, cpu, medianWall: median(wall), medianCpu: median(cpu) };
}

function compiled(text: string, deck: string, uri: string): HashedAgreementPlan[] {
  const r = compile([{ uri, text }], { readFile: (u) => (u === 'deck.csv' ? deck : undefined) });
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || r.compiled.plans.length !== 1) {
    throw new Error(`${uri} does not compile: ${errors.slice(0, 3).map((d) => `${d.uri}:${d.range.start.line}: ${d.code} ${d.message}`).join('; ')}`);
  }
  return r.compiled.plans;
}

async function main(): Promise<void> {
  const opts = new Command()
    .name('deck-bench')
    .option('--records <n>', 'usage records to rate', count, 1_000_000)
    .option('--runs <n>', 'timed runs per step (median reported)', count, 5)
    .option('--rating-runs <n>', 'timed rating runs per plan', count, 3)
    .option('--no-rating', 'only the compile measurements')
    .option('--json', 'machine-readable output')
    .parse(process.argv)
    .opts<{ records: number; runs: number; ratingRuns: number; rating: boolean; json?: boolean }>();
  const log = (s: string) => {
    if (!opts.json) process.stdout.write(s + '\n');
  };

  const b = benchDeck();
  log(`deck: ${b.csvLines.toLocaleString('en')} lines, ${b.prefixCount.toLocaleString('en')} prefixes, ${(b.csv.length / 1e6).toFixed(1)} MB`);
  let plans: HashedAgreementPlan[] = [];
  const compileT = await time(opts.runs, () => {
    plans = compiled(b.deckAgreement, b.csv, 'deck.icx');
  });
  const parseT = await time(opts.runs, () => void parseDeck(b.csv, 'deck.csv'));
  const hashT = await time(opts.runs, () => void hashPlan(plans[0]!.plan));
  const planJsonMb = JSON.stringify(plans[0]!.plan).length / 1e6;
  const svc = plans[0]!.plan.services[0]!;
  log(`compile (parse + checks + lowering + hash): median ${compileT.medianWall.toFixed(2)} s wall, ${compileT.medianCpu.toFixed(2)} s CPU`);
  log(`  of which deck parse ${parseT.medianCpu.toFixed(2)} s CPU, plan hash ${hashT.medianCpu.toFixed(2)} s CPU`);
  log(`  plan: ${svc.prefixes.length.toLocaleString('en')} prefixes, ${svc.rates.length.toLocaleString('en')} rate lines, ${planJsonMb.toFixed(1)} MB of JSON`);

  const result: Record<string, unknown> = {
    deckLines: b.csvLines, prefixes: b.prefixCount, compile: compileT, parse: parseT, hash: hashT,
    planPrefixes: svc.prefixes.length, planRateLines: svc.rates.length, planJsonMb,
  };
  if (opts.rating) {
    const t0 = performance.now();
    const inline = compiled(b.inlineAgreement, b.csv, 'inline.icx');
    const inlineCompile = (performance.now() - t0) / 1000;
    log(`the same prices inline (${(b.inlineAgreement.length / 1e6).toFixed(1)} MB of .icx): compiled once in ${inlineCompile.toFixed(2)} s`);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'icx-deck-bench-'));
    try {
      const usage = path.join(dir, 'usage.parquet');
      await generateTraffic(plans[0]!.plan, { records: opts.records, month: '2026-03', seed: 'deck-bench', out: usage });
      let n = 0;
      const outcome = new Map<string, string>();
      const rateWith = (label: string, p: HashedAgreementPlan[]) => async () => {
        const out = path.join(dir, `out-${n++}`);
        const r = await rateToParquet(p, usage, out, path.join(dir, `store-${n}.duckdb`));
        if (!r.balanced) throw new Error(`${label}: unbalanced run`);
        outcome.set(label, `${r.ratedCount} rated, ${r.suspenseCount} suspense, total ${await totalOf(path.join(out, 'rated.parquet'))}`);
      };
      const deckRate = await time(opts.ratingRuns, rateWith('deck', plans));
      const inlineRate = await time(opts.ratingRuns, rateWith('inline', inline));
      if (outcome.get('deck') !== outcome.get('inline')) {
        throw new Error(`deck and inline plans rate differently: deck ${outcome.get('deck')}; inline ${outcome.get('inline')}`);
      }
      const ratio = deckRate.medianWall / inlineRate.medianWall;
      log(`rating ${opts.records.toLocaleString('en')} records (${outcome.get('deck')}):`);
      log(`  deck plan    median ${deckRate.medianWall.toFixed(2)} s   runs ${deckRate.wall.map((s) => s.toFixed(2)).join(' ')}`);
      log(`  inline plan  median ${inlineRate.medianWall.toFixed(2)} s   runs ${inlineRate.wall.map((s) => s.toFixed(2)).join(' ')}`);
      log(`  deck / inline = ${ratio.toFixed(2)}×`);
      Object.assign(result, { records: opts.records, inlineCompileSeconds: inlineCompile, deckRate, inlineRate, ratio, outcome: outcome.get('deck') });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  if (opts.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
}

async function totalOf(file: string): Promise<string> {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  try {
    const rows = (await con.runAndReadAll(`SELECT CAST(sum(amount) AS VARCHAR) AS t FROM read_parquet('${file.replace(/'/g, "''")}')`)).getRowObjectsJson();
    return String(rows[0]!.t);
  } finally {
    con.closeSync();
    db.closeSync();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`deck-bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
