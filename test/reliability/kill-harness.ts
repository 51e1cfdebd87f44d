// Crash consistency: runs `icx rate` and `icx bill` on the example agreements and traffic (plus
// generated traffic, so a run lasts long enough for kills to land in its middle) as child
// processes, SIGKILLs them after a seeded random delay spread over the whole run (compile,
// ingest, rating, commit, output writing), and after every kill checks the store and the output
// folders (store-check.ts); then re-runs to completion and compares with an uninterrupted
// reference run: the same per agreement × service totals, byte-identical outputs and documents
// (so no record counted twice in the bill).
//
//   npm run reliability -- --kills 200 [--seed 1] [--records 200000]
//
// The vitest file kill.test.ts runs a small instance in CI.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore, queryJson } from '../../runtime/store/store.js';
import { checkOutputs, checkStore, runTotals } from './store-check.js';
// mulberry32, seeded: a failing sequence of kills can be replayed
import { prng as rng } from '../bench/az-deck.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(ROOT, 'bin', 'icx.js');

export interface HarnessOptions {
  kills: number;
  seed: number;
  /** generated records per traffic file (two files: Orange and Nordtel) */
  records: number;
  log?: (line: string) => void;
}

export interface HarnessReport {
  kills: number;
  /** kills by where they landed: before the commit, after it (outputs missing or partial), after the outputs */
  landed: Record<'before commit' | 'after commit' | 'after outputs', number>;
  /** kills by the delay as a share of the reference run's duration, in fifths */
  byShare: number[];
  /** runs that ended before their kill timer (not counted as kills) */
  finishedFirst: number;
  /** runs re-run to completion after kills, each compared with the reference */
  completedRuns: number;
  /** input records per run (examples + generated) */
  recordsPerRun: number;
  /** output folders seen with some but not all of their files (each file whole) */
  partialSets: number;
  /** hidden staging left by killed writers, still present after the next complete run */
  staleStaging: number;
  violations: string[];
  seconds: number;
}

interface ChildResult { code: number | null; signal: string | null; stdout: string; stderr: string; ms: number; killed: boolean }

/** Runs icx in its own process group; with killAfterMs, SIGKILLs the whole group (launcher and node) then. */
function runIcx(args: string[], killAfterMs?: number): Promise<ChildResult> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, detached: true, env: { ...process.env, ICX_DEBUG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let killed = false;
    let exited = false;
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => {
      if (exited) return;
      killed = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch { /* already gone */ }
    }, killAfterMs);
    child.on('error', reject);
    child.on('close', async (code, signal) => {
      exited = true;
      if (timer) clearTimeout(timer);
      // the launcher's child node may outlive it by a moment: wait until the group is gone
      // (else the store's lock is still held when it is checked)
      for (let i = 0; i < 500 && groupAlive(child.pid!); i++) await sleep(10);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - t0, killed });
    });
  });
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


const EXAMPLE_TRAFFIC = ['carrierx-march.csv', 'digital-march.csv', 'march-sample.csv', 'roaming-mvno-march.csv'].map((f) => `agreements/traffic/${f}`);
const PERIOD_INPUTS = ['--retail', 'agreements/inputs/retail-march.csv', '--kpi', 'agreements/inputs/kpi-march.csv'];

type Step = 'rate' | 'bill';

export async function runKillHarness(opts: HarnessOptions): Promise<HarnessReport> {
  const log = opts.log ?? (() => undefined);
  const t0 = Date.now();
  const random = rng(opts.seed);
  const work = mkdtempSync(path.join(os.tmpdir(), 'icx-kill-'));
  const report: HarnessReport = {
    kills: 0, landed: { 'before commit': 0, 'after commit': 0, 'after outputs': 0 }, byShare: [0, 0, 0, 0, 0, 0],
    finishedFirst: 0, completedRuns: 0, recordsPerRun: 0, partialSets: 0, staleStaging: 0, violations: [], seconds: 0,
  };
  try {
    const usage = [...EXAMPLE_TRAFFIC];
    for (const a of ['orange-fr', 'nordtel-de']) {
      const out = path.join(work, `${a}.csv`);
      const g = await runIcx(['traffic', `agreements/acme-${a}.icx`, '--records', String(opts.records), '--month', '2026-03', '--seed', String(opts.seed), '--out', out]);
      if (g.code !== 0) throw new Error(`icx traffic failed: ${g.stderr}`);
      usage.push(out);
    }
    const args = (step: Step, db: string, out: string) => step === 'rate'
      ? ['rate', 'agreements', '--usage', ...usage, '--out', out, '--db', db, '--period', '2026-03', ...PERIOD_INPUTS]
      : ['bill', 'agreements', '--usage', ...usage, '--period', '2026-03', ...PERIOD_INPUTS, '--out', out, '--db', db];

    // the uninterrupted reference: rate then bill on one store, and bill alone on another
    const refDb = path.join(work, 'ref.duckdb');
    const ref = { rate: path.join(work, 'ref-rated'), bill: path.join(work, 'ref-bill') };
    // how long each kind of run takes uninterrupted: a bill after a rate of the same files does not rate them again
    const refMs = { rate: 0, bill: 0, 'bill after rate': 0 };
    const refRate = await runIcx(args('rate', refDb, ref.rate));
    if (refRate.code !== 0) throw new Error(`reference icx rate failed: ${refRate.stderr}`);
    refMs.rate = refRate.ms;
    const refRunId = runIdOf(refRate.stdout);
    const refTotals = await runTotals(refDb, refRunId);
    report.recordsPerRun = Number(/^in (\d+) =/m.exec(refRate.stdout)?.[1] ?? 0);
    const refBill = await runIcx(args('bill', refDb, ref.bill));
    if (refBill.code !== 0) throw new Error(`reference icx bill failed: ${refBill.stderr}`);
    refMs['bill after rate'] = refBill.ms;
    const refBillRow = await billRow(refDb);
    const alone = await runIcx(args('bill', path.join(work, 'ref-alone.duckdb'), path.join(work, 'ref-bill-alone')));
    if (alone.code !== 0) throw new Error(`reference icx bill (alone) failed: ${alone.stderr}`);
    refMs.bill = alone.ms;
    // rated then billed, or billed at once: the same documents (each record counted once)
    const same = checkOutputs(path.join(work, 'ref-bill-alone'), ref.bill);
    report.violations.push(...same.violations.map((x) => `reference: ${x}`));
    log(`reference: ${report.recordsPerRun} records; rate ${refMs.rate} ms, bill ${refMs.bill} ms, bill after rate ${refMs['bill after rate']} ms`);

    let trial = 0;
    while (report.kills < opts.kills) {
      trial++;
      const db = path.join(work, `t${trial}.duckdb`);
      const steps: Step[] = random() < 0.5 ? ['rate', 'bill'] : ['bill'];
      for (const step of steps) {
        const out = path.join(work, `t${trial}-${step}`);
        const want = report.kills < opts.kills ? 1 + Math.floor(random() * 2) : 0;
        for (let k = 0; k < want && report.kills < opts.kills; k++) {
          const before = await checkStore(db);
          // half spread over the whole run (a little past its reference end: a kill may come too
          // late), half in its last fifth, where the commit and the output writing are
          const share = random() < 0.5 ? random() * 1.1 : 0.85 + random() * 0.25;
          const ms = refMs[step === 'bill' && steps[0] === 'rate' ? 'bill after rate' : step];
          const r = await runIcx(args(step, db, out), Math.round(share * ms));
          if (!r.killed) {
            report.finishedFirst++;
            if (r.code !== 0) report.violations.push(`trial ${trial} ${step}: exited ${r.code} before its kill: ${r.stderr.trim()}`);
            continue;
          }
          report.kills++;
          report.byShare[Math.min(5, Math.floor(share * 5))]!++;
          const facts = await checkStore(db);
          const o = checkOutputs(out, step === 'rate' ? ref.rate : ref.bill);
          if (o.partialSet) report.partialSets++;
          const committed = step === 'rate' ? facts.ratingRuns > before.ratingRuns : facts.billRuns > before.billRuns || facts.ratingRuns > before.ratingRuns;
          const outputsWhole = o.files > 0 && !o.partialSet;
          report.landed[!committed ? 'before commit' : outputsWhole ? 'after outputs' : 'after commit']++;
          for (const x of [...facts.violations, ...o.violations]) report.violations.push(`trial ${trial} ${step} kill at ${Math.round(share * 100)}%: ${x}`);
          log(`trial ${trial} ${step}: killed at ${Math.round(share * 100)}% (${r.ms} ms): ${facts.ratingRuns} rating run(s), ${facts.billRuns} bill run(s), ${o.files} output file(s)${o.leftovers.length ? `, ${o.leftovers.length} staging left` : ''}; ${facts.violations.length + o.violations.length} violation(s)`);
        }
        // then to completion: the same result as the uninterrupted run
        const done = await runIcx(args(step, db, out));
        report.completedRuns++;
        if (done.code !== 0) {
          report.violations.push(`trial ${trial} ${step}: the re-run failed (exit ${done.code}): ${done.stderr.trim()}`);
          continue;
        }
        const facts = await checkStore(db);
        const o = checkOutputs(out, step === 'rate' ? ref.rate : ref.bill);
        const refCount = readdirSync(step === 'rate' ? ref.rate : ref.bill).filter((n) => !n.startsWith('.')).length;
        if (o.files !== refCount) report.violations.push(`trial ${trial} ${step}: ${o.files} output files after the re-run, not ${refCount}`);
        report.staleStaging += o.leftovers.length;
        for (const x of [...facts.violations, ...o.violations]) report.violations.push(`trial ${trial} ${step} re-run: ${x}`);
        if (step === 'rate') {
          const totals = await runTotals(db, runIdOf(done.stdout));
          if (totals.join('\n') !== refTotals.join('\n')) report.violations.push(`trial ${trial} rate: totals differ from the reference run`);
        } else {
          const row = await billRow(db);
          if (row !== refBillRow) report.violations.push(`trial ${trial} bill: bill run ${row} ≠ reference ${refBillRow}`);
        }
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
    report.seconds = Math.round((Date.now() - t0) / 1000);
  }
  return report;
}

function runIdOf(stdout: string): string {
  const m = /^run (\S+):/m.exec(stdout);
  if (!m) throw new Error(`no run id in the output of icx rate:\n${stdout}`);
  return m[1]!;
}

/** The bill run's documents, lines, records and totals as stored: what a re-run must reproduce. */
async function billRow(db: string): Promise<string> {
  const store = await openStore(db);
  try {
    const rows = await queryJson(store, `SELECT run_id, status, documents, lines, records, totals FROM bill_runs ORDER BY run_id`);
    const docs = await queryJson(store, `SELECT count(*) AS n, count(DISTINCT doc_no) AS d FROM invoices`);
    return JSON.stringify({ rows, docs });
  } finally {
    await store.close();
  }
}

function parseArgs(argv: string[]): HarnessOptions {
  const opts: HarnessOptions = { kills: 50, seed: 1, records: 200_000 };
  for (let i = 0; i < argv.length; i++) {
    const [k, v] = [argv[i], argv[i + 1]];
    const n = Number(v);
    if ((k === '--kills' || k === '--seed' || k === '--records') && Number.isInteger(n) && n >= 0) {
      opts[k.slice(2) as 'kills' | 'seed' | 'records'] = n;
      i++;
    } else {
      process.stderr.write(`usage: npm run reliability -- [--kills N] [--seed S] [--records R]\n`);
      process.exit(2);
    }
  }
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  const started = new Date().toISOString();
  const report = await runKillHarness({ ...opts, log: (l) => process.stdout.write(l + '\n') });
  process.stdout.write(`\n${JSON.stringify({ started, ...opts, ...report }, null, 2)}\n`);
  const ok = report.violations.length === 0;
  process.stdout.write(`\nkills: ${report.kills}${ok ? ', all survived' : ''}; runs re-run to completion and compared: ${report.completedRuns}; ` +
    `data lost: ${ok ? 'zero' : `${report.violations.length} violation(s)`}\n`);
  process.exit(report.violations.length === 0 ? 0 : 1);
}
