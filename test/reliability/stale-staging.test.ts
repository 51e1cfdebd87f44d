// A writer killed while writing (SIGKILL: no `finally` runs) leaves its hidden staging folder;
// the next write to the same place removes it when its process is gone, and leaves a live
// process's alone (another icx writing there now).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stagedWrite } from '../../runtime/files/staged-write.js';
import { OutputError } from '../../runtime/errors.js';
import { writeOutputs } from '../../runtime/outputs.js';
import { openStore } from '../../runtime/store/store.js';

const dir = mkdtempSync(path.join(tmpdir(), 'icx-stale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** a pid no process has: above Linux's pid_max (2^22) */
const DEAD = 2147483646;

describe('staging left by a killed writer', () => {
  it('is removed by the next staged write; a live process\'s is kept', async () => {
    const out = path.join(dir, 'bills');
    const dead = path.join(out, `.icx-bill-${DEAD}-AbCdEf`);
    const live = path.join(out, `.icx-bill-${process.ppid}-GhIjKl`);
    for (const d of [dead, live]) {
      mkdirSync(d, { recursive: true });
      writeFileSync(path.join(d, 'half.json'), '{"lines": [');
    }
    const { written } = await stagedWrite(out, 'bill', async (tmp) => writeFile(path.join(tmp, 'a.json'), '{}\n'));
    expect(written).toEqual([path.join(out, 'a.json')]);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(readdirSync(out).sort()).toEqual([`.icx-bill-${process.ppid}-GhIjKl`, 'a.json']);
  });

  it('a write that fails for lack of room or rights names the folder and writes nothing', async () => {
    const out = path.join(dir, 'failing');
    const err = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const p = stagedWrite(out, 'bill', async (tmp) => {
      await writeFile(path.join(tmp, 'a.json'), '{}\n');
      throw err;
    });
    await expect(p).rejects.toThrow(OutputError);
    await expect(p).rejects.toThrow(`cannot write the files to ${out}: No space left on device; none of them was written`);
    expect(readdirSync(out)).toEqual([]);
  });

  it('beside rated.parquet: writeOutputs removes a dead writer\'s .<out>.tmp- folder', async () => {
    const store = await openStore(':memory:');
    try {
      await store.connection.run(`INSERT INTO rating_runs (run_id, started_at) VALUES ('run-x', now())`);
      const dead = path.join(dir, `.rated.tmp-${DEAD}-0a1b2c3d`);
      mkdirSync(dead, { recursive: true });
      writeFileSync(path.join(dead, 'rated.parquet'), 'PAR1');
      await writeOutputs(store, 'run-x', path.join(dir, 'rated'));
      expect(existsSync(dead)).toBe(false);
      expect(readdirSync(path.join(dir, 'rated')).sort()).toEqual(['rated.parquet', 'suspense.parquet']);
    } finally {
      await store.close();
    }
  });
});
