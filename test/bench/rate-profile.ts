// `tsx test/bench/rate-profile.ts [--records N] [--dir D]`: one rating run of the bench deck
// with ICX_PROFILE=1 semantics (each step's seconds on stderr), the write of the outputs
// timed apart, and the Parquet → Parquet copy of the same file as the yardstick. The usage
// file is kept in --dir so repeated profiles skip the generator. A benchmark, not a test.
import { DuckDBInstance } from '@duckdb/node-api';
import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { compile } from '../../compiler/index.js';
import { generateTraffic } from '../../runtime/traffic/index.js';
import { openStore, rate, writeOutputs } from '../../runtime/index.js';
import { deckAgreementText } from './deck-agreement.js';

process.env.ICX_PROFILE ??= '1';
const opts = new Command()
  .option('--records <n>', 'records', (v) => Number(v.replace(/_/g, '')), 1_000_000)
  .option('--dir <d>', 'work directory (usage file kept)', '/tmp/icx-profile')
  .parse(process.argv)
  .opts<{ records: number; dir: string }>();

const { text } = deckAgreementText();
const { compiled } = compile([{ uri: 'bench.icx', text }]);
const plans = compiled.plans;
await mkdir(opts.dir, { recursive: true });
const usage = path.join(opts.dir, `usage-${opts.records}.parquet`);
if (!existsSync(usage)) await generateTraffic(plans[0]!.plan, { records: opts.records, month: '2026-03', seed: 'bench', out: usage });

const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const copyOut = path.join(opts.dir, 'copy.parquet');
const copySql = `COPY (SELECT * FROM read_parquet('${usage}')) TO '${copyOut}' (FORMAT parquet)`;
await con.run(copySql);
let t0 = performance.now();
await con.run(copySql);
const copyS = (performance.now() - t0) / 1000;
con.closeSync();
db.closeSync();

const dbPath = path.join(opts.dir, 'store.duckdb');
await rm(dbPath, { force: true });
await rm(dbPath + '.wal', { force: true });
t0 = performance.now();
const c0 = process.cpuUsage();
const store = await openStore(dbPath);
const r = await rate(store, { plans, usage: [{ path: usage }], progress: false });
const rateS = (performance.now() - t0) / 1000;
const c1 = process.cpuUsage();
const t1 = performance.now();
await rm(path.join(opts.dir, 'out'), { recursive: true, force: true });
await writeOutputs(store, r.runId, path.join(opts.dir, 'out'));
const outS = (performance.now() - t1) / 1000;
const cpuS = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user + b.system - a.user - a.system) / 1e6;
const c2 = process.cpuUsage();
await store.close();
const total = rateS + outS;
process.stderr.write(
  `records ${opts.records}: in ${r.inCount} = rated ${r.ratedCount} + suspense ${r.suspenseCount}\n` +
    `rate ${rateS.toFixed(2)} s + outputs ${outS.toFixed(2)} s = ${total.toFixed(2)} s (${Math.round(opts.records / total)} rec/s); ` +
    `CPU rate ${cpuS(c0, c1).toFixed(2)} s + outputs ${cpuS(c1, c2).toFixed(2)} s; ` +
    `copy ${copyS.toFixed(2)} s; ratio ${(total / copyS).toFixed(2)}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`,
);
