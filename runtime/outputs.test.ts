// Outputs are written whole or not at all; a run that does not balance is rolled back.
import { mkdtemp, readdir, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, OutputError, queryJson, rate, UnbalancedRunError, writeOutputs } from './index.js';
import { agreementPlan, hashed, voice } from './testing/fixtures.js';

const plans = [hashed(agreementPlan())];
const usage = [{ rows: [voice('a'), voice('b', { trunk: 'NONE' })] }];

describe('writeOutputs', () => {
  it('writes rated.parquet and suspense.parquet via a temp dir, leaving no temp behind', async () => {
    const store = await openStore(':memory:');
    const base = await mkdtemp(path.join(tmpdir(), 'icx-out-'));
    const res = await rate(store, { plans, usage, runId: 'r1', progress: false });
    const out = path.join(base, "out's dir");
    const files = await writeOutputs(store, res.runId, out);
    expect((await readdir(out)).sort()).toEqual(['rated.parquet', 'suspense.parquet']);
    expect(await readdir(base)).toEqual(["out's dir"]);
    const back = await queryJson(store, `SELECT record_id, CAST(amount AS VARCHAR) AS amount FROM read_parquet($1)`, [files.rated]);
    expect(back).toEqual([{ record_id: 'a', amount: '0.024600000' }]);
    const s = await queryJson(store, `SELECT record_id, reason FROM read_parquet($1)`, [files.suspense]);
    expect(s).toEqual([{ record_id: 'b', reason: 'no-agreement' }]);
    // into an existing directory: files replaced one by one, other files kept
    await writeFile(path.join(out, 'keep.txt'), 'x');
    await writeOutputs(store, res.runId, out);
    expect((await readdir(out)).sort()).toEqual(['keep.txt', 'rated.parquet', 'suspense.parquet']);
    await store.close();
  });

  it('a failure leaves neither the target nor a temp dir', async () => {
    const store = await openStore(':memory:');
    const base = await mkdtemp(path.join(tmpdir(), 'icx-out-'));
    await expect(writeOutputs(store, 'no-such-run', path.join(base, 'o'))).rejects.toThrow(OutputError);
    await rate(store, { plans, usage, runId: 'r1', progress: false });
    // the target's parent is a file: cannot be created
    await writeFile(path.join(base, 'file'), 'x');
    await expect(writeOutputs(store, 'r1', path.join(base, 'file', 'o'))).rejects.toThrow(OutputError);
    await mkdir(path.join(base, 'ok'));
    expect((await readdir(base)).sort()).toEqual(['file', 'ok']);
    await store.close();
  });

  it('byte-identical outputs for the same inputs, though each run has its own id', async () => {
    const base = await mkdtemp(path.join(tmpdir(), 'icx-out-'));
    const files: Buffer[][] = [];
    const runIds: string[] = [];
    for (const n of [1, 2]) {
      const store = await openStore(':memory:');
      const { runId } = await rate(store, { plans, usage, progress: false });
      runIds.push(runId);
      const f = await writeOutputs(store, runId, path.join(base, `o${n}`));
      const { readFile } = await import('node:fs/promises');
      files.push([await readFile(f.rated), await readFile(f.suspense)]);
      await store.close();
    }
    expect(runIds[0]).not.toBe(runIds[1]);
    expect(files[0]![0]!.equals(files[1]![0]!)).toBe(true);
    expect(files[0]![1]!.equals(files[1]![1]!)).toBe(true);
  });
});

describe('balance check', () => {
  it('throws UnbalancedRunError and rolls the run back when a record is counted twice', async () => {
    const store = await openStore(':memory:');
    // inject a fault from inside the run's transaction: every rated insert duplicates a row
    const run = store.connection.run.bind(store.connection);
    (store.connection as { run: typeof run }).run = async (q, v) => {
      const r = await run(q, v);
      if (q.startsWith('INSERT INTO rated_rows')) await run(`INSERT INTO rated_rows SELECT * FROM rated_rows LIMIT 1`);
      return r;
    };
    await expect(rate(store, { plans, usage, runId: 'dup', progress: false })).rejects.toThrow(UnbalancedRunError);
    (store.connection as { run: typeof run }).run = run;
    const left = await queryJson(store, `SELECT (SELECT count(*) FROM rated) AS r, (SELECT count(*) FROM rating_runs) AS n, (SELECT count(*) FROM usage) AS u`);
    expect(left).toEqual([{ r: '0', n: '0', u: '0' }]);
    await store.close();
  });
});
