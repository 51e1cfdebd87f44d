// The nightly-style agreement fuzzer: `npm run fuzz -- --runs 20000 --seed 42`.
//   --runs N        cases to run (default 5000)
//   --seed S        fast-check seed (default: from the clock; printed, so any run can be repeated)
//   --out DIR       where a failing input is written (default fuzz-failures/)
//   --hang-ms MS    a case running longer than this is a hang (default 60000)
//   --compile-ms MS the time bound of one compile (default 5000)
//   --replay FILE   run the properties on a written failure (its .json) and report
// The cases run in a child process: before each one it writes the input to DIR/current-SEED.json,
// so that a hang (which no in-process check can interrupt) is caught by the parent's watchdog and
// the input that hung is kept. Exit 0 when every case held, 1 on a failure or a hang.
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { fuzzInput, runCase, type FuzzInput } from './case.js';
import { DEFAULT_LIMITS } from './properties.js';

interface Options { runs: number; seed: number; out: string; hangMs: number; compileMs: number; replay?: string; child: boolean }

function options(argv: string[]): Options {
  const o: Options = { runs: 5000, seed: Date.now() % 2 ** 31, out: 'fuzz-failures', hangMs: 60_000, compileMs: DEFAULT_LIMITS.compileMs, child: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) fail(`${a} needs a value`);
      return v;
    };
    const int = () => {
      const v = value();
      if (!/^-?\d+$/.test(v)) fail(`${a} takes a whole number, not "${v}"`);
      return Number(v);
    };
    if (a === '--runs') o.runs = int();
    else if (a === '--seed') o.seed = int();
    else if (a === '--out') o.out = value();
    else if (a === '--hang-ms') o.hangMs = int();
    else if (a === '--compile-ms') o.compileMs = int();
    else if (a === '--replay') o.replay = value();
    else if (a === '--child') o.child = true;
    else fail(`unknown option ${a} (options: --runs N --seed S --out DIR --hang-ms MS --compile-ms MS --replay FILE)`);
  }
  return o;
}

function fail(message: string): never {
  process.stderr.write(`fuzz: ${message}\n`);
  process.exit(2);
}

const currentFile = (o: Options) => path.join(o.out, `current-${o.seed}.json`);

/** The child: runs the cases, writing each input first; reports the outcome as one message. */
function child(o: Options): void {
  const limits = { compileMs: o.compileMs };
  let cases = 0;
  const details = fc.check(
    fc.property(fuzzInput, (input) => {
      cases++;
      if (cases % 500 === 0) process.send!({ progress: cases });
      writeFileSync(currentFile(o), JSON.stringify({ seed: o.seed, input }));
      runCase(input, limits);
    }),
    { numRuns: o.runs, seed: o.seed },
  );
  const failure = details.failed
    ? { input: details.counterexample?.[0] as FuzzInput, path: details.counterexamplePath, message: details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance) }
    : undefined;
  process.send!({ runs: details.numRuns, cases, failure }, () => process.exit(0));
}

function writeFailure(o: Options, kind: string, input: FuzzInput, message: string, extra: object = {}): string {
  const base = path.join(o.out, `${kind}-${o.seed}`);
  writeFileSync(`${base}.json`, JSON.stringify({ seed: o.seed, kind, message, ...extra, input }, null, 2) + '\n');
  writeFileSync(`${base}.icx`, input.file.text);
  return base;
}

/** The parent: forks the child, watches for hangs, prints the outcome. */
function parent(o: Options): void {
  mkdirSync(o.out, { recursive: true });
  console.log(`fuzz: seed ${o.seed}, ${o.runs} runs (replay with --seed ${o.seed} --runs ${o.runs})`);
  const t0 = performance.now();
  const args = ['--child', '--runs', String(o.runs), '--seed', String(o.seed), '--out', o.out, '--compile-ms', String(o.compileMs)];
  const worker = fork(fileURLToPath(import.meta.url), args, { execArgv: ['--import', 'tsx'] });
  let done = false;
  const watchdog = setInterval(() => {
    const file = currentFile(o);
    if (!existsSync(file) || Date.now() - statSync(file).mtimeMs < o.hangMs) return;
    done = true;
    clearInterval(watchdog);
    worker.kill('SIGKILL');
    const { input } = JSON.parse(readFileSync(file, 'utf8')) as { input: FuzzInput };
    const base = writeFailure(o, 'hang', input, `a case ran longer than ${o.hangMs} ms`);
    rmSync(file, { force: true });
    console.log(`fuzz: HANG: a case ran longer than ${o.hangMs} ms; input written to ${base}.icx (${base}.json to replay)`);
    process.exitCode = 1;
  }, 1000);
  worker.on('message', (m: { progress?: number; runs: number; cases: number; failure?: { input: FuzzInput; path?: string; message: string } }) => {
    if (m.progress !== undefined) {
      console.log(`fuzz: ${m.progress} cases… (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
      return;
    }
    done = true;
    clearInterval(watchdog);
    rmSync(currentFile(o), { force: true });
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    if (!m.failure) {
      console.log(`fuzz: ${m.runs} cases, 0 failures (${m.cases} property calls, ${secs} s)`);
      return;
    }
    const base = writeFailure(o, 'failure', m.failure.input, m.failure.message, { path: m.failure.path });
    console.log(`fuzz: ${m.runs} cases, 1 failure (shrunk; ${secs} s)\n${m.failure.message}\ninput written to ${base}.icx (${base}.json to replay: npm run fuzz -- --replay ${base}.json)`);
    process.exitCode = 1;
  });
  worker.on('exit', (code) => {
    clearInterval(watchdog);
    if (!done) {
      console.log(`fuzz: the fuzzing process ended without a result (exit ${code})`);
      process.exitCode = 1;
    }
  });
}

function replay(file: string): void {
  const { input } = JSON.parse(readFileSync(file, 'utf8')) as { input: FuzzInput };
  try {
    runCase(input);
    console.log(`fuzz: ${file}: every property holds`);
  } catch (err) {
    console.log(`fuzz: ${file}: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}

const o = options(process.argv.slice(2));
if (o.replay !== undefined) replay(o.replay);
else if (o.child) child(o);
else parent(o);
