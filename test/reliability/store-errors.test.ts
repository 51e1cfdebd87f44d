// The one-line messages for a store in use, unwritable or on a full disk (runtime/store/store-errors.ts),
// from the messages DuckDB 1.5 and Node actually give.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { ioReason, openFailure } from '../../runtime/store/store-errors.js';
import { openStore } from '../../runtime/store/store.js';

const dir = mkdtempSync(path.join(tmpdir(), 'icx-store-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('store error messages', () => {
  it('names the store and the pid holding its lock', () => {
    const e = new Error('IO Error: Could not set lock on file "/data/icx.duckdb": Conflicting lock is held in /usr/bin/node (PID 24263). See also https://duckdb.org/docs/stable/connect/concurrency');
    expect(openFailure('/data/icx.duckdb', e)).toBe(
      'store /data/icx.duckdb is in use by another process (pid 24263, /usr/bin/node): one icx at a time per store; wait for it to finish, or use another --db',
    );
  });

  it('gives the file and the reason of a DuckDB or Node I/O error', () => {
    expect(ioReason('TransactionContext Error: Failed to commit: Could not write file "/m/a.duckdb.wal": No space left on device'))
      .toBe('/m/a.duckdb.wal: No space left on device');
    expect(ioReason("EACCES: permission denied, open '/out/x.json'")).toBe('/out/x.json: Permission denied');
    expect(ioReason('ENOSPC: no space left on device, write')).toBe('No space left on device');
    expect(ioReason('Binder Error: column "x" not found')).toBeNull();
  });

  it('a second open of a store held by another instance is refused in one line', async () => {
    // DuckDB's lock is per process: a second instance in this process shares it, so the holder
    // is a child process (the CLI tests, faults.test.ts, run two icx processes)
    const db = path.join(dir, 'held.duckdb');
    const { spawn } = await import('node:child_process');
    const holder = spawn(process.execPath, ['-e', `
      const { DuckDBInstance } = require(${JSON.stringify(require.resolve('@duckdb/node-api'))});
      DuckDBInstance.create(${JSON.stringify(db)}).then(() => { process.stdout.write('held\\n'); setTimeout(() => {}, 60000); });
    `]);
    try {
      await new Promise<void>((resolve) => holder.stdout.on('data', (d) => String(d).includes('held') && resolve()));
      await expect(openStore(db)).rejects.toThrow(new RegExp(`^store ${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is in use by another process \\(pid ${holder.pid}, `));
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('DuckDB itself opens a fresh store (the preflight lets writable places through)', async () => {
    const store = await openStore(path.join(dir, 'fresh.duckdb'));
    await store.close();
    void DuckDBInstance;
  });
});
