// Faults other than a kill: a read-only or unwritable store, a full disk (store or outputs), two
// icx processes on one store. Each must give one clear line naming the file, a non-zero exit, no
// stack trace, the store as it was and no half-written output.
//
// What simulates them: a read-only file system is a read-only bind mount and a full disk a small
// tmpfs (`mount -t tmpfs -o size=…`), both only as root (skipped otherwise); an unwritable file
// or folder is `chmod a-w`, with icx run as user nobody when the tests run as root (root ignores
// file modes). `ulimit -f` was not used: it kills the writer with SIGXFSZ (a crash, which
// kill.test.ts covers) rather than failing its write.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icx, ROOT, STACK_LINE, type CliRun } from '../cli/run-cli.js';
import { checkStore } from './store-check.js';

const BIN = path.join(ROOT, 'bin', 'icx.js');
const SAMPLE = 'agreements/traffic/march-sample.csv';
const isRoot = process.getuid?.() === 0;
const hasSetpriv = isRoot && spawnSync('setpriv', ['--version']).status === 0;

let dir: string;
let big: string;
const mounts: string[] = [];

function mount(args: string[], target: string): boolean {
  mkdirSync(target, { recursive: true });
  const ok = spawnSync('mount', [...args, target]).status === 0;
  if (ok) mounts.push(target);
  return ok;
}
const canMount = () => isRoot && mount(['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs'], path.join(dir, 'probe'));

const md5 = (f: string) => createHash('md5').update(readFileSync(f)).digest('hex');

/** icx as user nobody (root ignores file modes), else as ourselves. */
function icxUnprivileged(args: string[]): CliRun {
  const cmd = hasSetpriv ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args] : [process.execPath, BIN, ...args];
  const r = spawnSync(cmd[0]!, cmd.slice(1), { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ICX_DEBUG: '', HOME: tmpdir() } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectOneLine(r: CliRun, pattern: RegExp): void {
  expect(r.code).toBe(1);
  expect(r.stderr).not.toContain(STACK_LINE);
  expect(r.stderr).not.toContain('internal error');
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

const visible = (d: string) => (existsSync(d) ? readdirSync(d).filter((n) => !n.startsWith('.')) : []);

/** A store with one rating run of the sample traffic. */
function sampleStore(folder: string): string {
  mkdirSync(folder, { recursive: true });
  const db = path.join(folder, 'icx.duckdb');
  const r = icx(['rate', 'agreements', '--usage', SAMPLE, '--out', path.join(dir, `out-${path.basename(folder)}`), '--db', db], ROOT);
  expect(r.code, r.stderr).toBe(0);
  return db;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'icx-faults-'));
  chmodSync(dir, 0o755);
  big = path.join(dir, 'orange.csv');
  const g = icx(['traffic', 'agreements/acme-orange-fr.icx', '--records', '200000', '--month', '2026-03', '--out', big], ROOT);
  expect(g.code, g.stderr).toBe(0);
});

afterAll(() => {
  for (const m of mounts.reverse()) spawnSync('umount', [m]);
  rmSync(dir, { recursive: true, force: true });
});

describe('a store that cannot be written', () => {
  it('a read-only store file: one line, the store unchanged, no output', () => {
    const db = sampleStore(path.join(dir, 'ro-file'));
    chmodSync(path.dirname(db), 0o777);
    chmodSync(db, 0o444);
    const before = md5(db);
    const out = path.join(dir, 'ro-file-out');
    mkdirSync(out, { mode: 0o777 });
    chmodSync(out, 0o777);
    const r = icxUnprivileged(['rate', 'agreements', '--usage', SAMPLE, '--out', out, '--db', db]);
    expectOneLine(r, /^icx: store .*ro-file\/icx\.duckdb cannot be written: the file is not writable/);
    expect(md5(db)).toBe(before);
    expect(visible(out)).toEqual([]);
  });

  it('a store folder that is not writable (DuckDB could not write its .wal at the commit): refused before any work', () => {
    // before the fix: the run rated everything, then "internal error: Failed to commit: Cannot open file …wal"
    const db = sampleStore(path.join(dir, 'ro-folder'));
    chmodSync(db, 0o666);
    chmodSync(path.dirname(db), 0o555);
    const before = md5(db);
    const out = path.join(dir, 'ro-folder-out');
    mkdirSync(out);
    chmodSync(out, 0o777);
    const r = icxUnprivileged(['bill', 'agreements', '--usage', SAMPLE, '--period', '2026-03', '--partner', 'ORANGE', '--out', out, '--db', db]);
    expectOneLine(r, /^icx: store .*icx\.duckdb cannot be written: its folder .*ro-folder is not writable/);
    expect(md5(db)).toBe(before);
    expect(existsSync(`${db}.wal`)).toBe(false);
    expect(visible(out)).toEqual([]);
    chmodSync(path.dirname(db), 0o755);
  });

  it.skipIf(!isRoot)('a store on a read-only file system', () => {
    const src = path.dirname(sampleStore(path.join(dir, 'ro-mount-src')));
    const target = path.join(dir, 'ro-mount');
    if (!mount(['--bind', '-o', 'ro', src], target)) return;
    const db = path.join(target, 'icx.duckdb');
    const before = md5(db);
    const r = icx(['rate', 'agreements', '--usage', SAMPLE, '--out', path.join(dir, 'ro-mount-out'), '--db', db], ROOT);
    expectOneLine(r, /^icx: store .*ro-mount\/icx\.duckdb cannot be written: the file is on a read-only file system/);
    expect(md5(db)).toBe(before);
    expect(existsSync(path.join(dir, 'ro-mount-out'))).toBe(false);
  });
});

describe('a full disk', () => {
  it.skipIf(!isRoot)('under the store: the commit fails in one line, the store keeps its runs, and the next run completes', async () => {
    if (!canMount()) return;
    const target = path.join(dir, 'full-store');
    expect(mount(['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs'], target)).toBe(true);
    const db = path.join(target, 'icx.duckdb');
    copyFileSync(sampleStore(path.join(dir, 'full-src')), db);
    const before = await checkStore(db);
    expect(before).toEqual({ ratingRuns: 1, billRuns: 0, violations: [] });
    const out = path.join(dir, 'full-store-out');
    // 200,000 records do not fit in the 2 MB left
    const r = icx(['rate', 'agreements', '--usage', big, '--out', out, '--db', db], ROOT);
    expectOneLine(r, /^icx: cannot write store .*full-store\/icx\.duckdb.*: No space left on device; nothing was stored/);
    expect(await checkStore(db)).toEqual(before);
    expect(existsSync(out)).toBe(false);
    // with room again, the same run completes
    expect(spawnSync('mount', ['-o', 'remount,size=256m', target]).status).toBe(0);
    const again = icx(['rate', 'agreements', '--usage', big, '--out', out, '--db', db], ROOT);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^in 200000 = rated \d+ \+ suspense \d+$/m);
    expect(await checkStore(db)).toEqual({ ratingRuns: 2, billRuns: 0, violations: [] });
  });

  it.skipIf(!isRoot)('under the outputs: one line naming the folder, no file written (rate and bill)', async () => {
    if (!canMount()) return;
    const target = path.join(dir, 'full-out');
    expect(mount(['-t', 'tmpfs', '-o', 'size=8k', 'tmpfs'], target)).toBe(true);
    const db = path.join(dir, 'full-out.duckdb');
    const rate = icx(['rate', 'agreements', '--usage', big, '--out', path.join(target, 'rated'), '--db', db], ROOT);
    expectOneLine(rate, /^icx: cannot write outputs to .*full-out\/rated: .*No space left on device/);
    expect(readdirSync(target)).toEqual([]);
    const bill = icx(['bill', 'agreements', '--usage', SAMPLE, '--period', '2026-03', '--partner', 'ORANGE', '--out', path.join(target, 'bills'), '--db', db], ROOT);
    expectOneLine(bill, /^icx: cannot write the files to .*full-out\/bills: No space left on device; none of them was written$/);
    expect(readdirSync(path.join(target, 'bills'))).toEqual([]);
    expect((await checkStore(db)).violations).toEqual([]);
  });
});

/** The pid's open files include `file` (Linux /proc): the store is open, its lock held. */
function holds(pid: number, file: string): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === file;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

describe('two icx processes on one store', () => {
  it.skipIf(process.platform !== 'linux')('the second fails at once in one line naming the first; the first is unaffected', async () => {
    const db = path.join(dir, 'shared.duckdb');
    const out = path.join(dir, 'shared-out');
    // the first: node itself (not the launcher), so its pid is the one holding the store
    const first = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'runtime', 'cli', 'main.ts'),
      'rate', 'agreements', '--usage', big, SAMPLE, '--out', out, '--db', db], { cwd: ROOT, env: { ...process.env, ICX_DEBUG: '' } });
    let stdout = '';
    first.stdout.on('data', (d) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => first.on('close', (c) => resolve(c)));
    for (let i = 0; i < 600 && !holds(first.pid!, db); i++) await new Promise((r) => setTimeout(r, 50));
    expect(holds(first.pid!, db)).toBe(true);
    const lock = new RegExp(`^icx: store .*shared\\.duckdb is in use by another process \\(pid ${first.pid}, .*\\): one icx at a time per store`);
    const second = icx(['rate', 'agreements', '--usage', SAMPLE, '--out', path.join(dir, 'shared-out-2'), '--db', db], ROOT);
    const bill = icx(['bill', 'agreements', '--period', '2026-03', '--partner', 'ORANGE', '--out', path.join(dir, 'shared-bills'), '--db', db], ROOT);
    // (read from /proc: spawnSync blocked the event loop, so no exit event could have been seen)
    const stillRunning = holds(first.pid!, db);
    expect(await exited).toBe(0);
    // only meaningful if the first still held the store when the others ran
    expect(stillRunning).toBe(true);
    expectOneLine(second, lock);
    expectOneLine(bill, lock);
    expect(existsSync(path.join(dir, 'shared-out-2'))).toBe(false);
    expect(stdout).toMatch(/^in 200020 = rated \d+ \+ suspense \d+$/m);
    expect(await checkStore(db)).toEqual({ ratingRuns: 1, billRuns: 0, violations: [] });
  });
});
