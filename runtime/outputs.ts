// writeOutputs(): rated.parquet and suspense.parquet of one run. Both files are written
// into a fresh temp directory beside outDir and only then moved into place, so a failure
// never leaves a half-written output. When outDir does not exist the whole directory is
// renamed in one step; when it exists, each finished file is renamed into it (rename is
// atomic per file on one file system).
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { sqlString } from '../compiler/sql/index.js';
import { OutputError } from './errors.js';
import { queryJson, type Store } from './store/store.js';
import type { ChargeLine } from './period/lines.js';
import { writeChargesParquet } from './period/write.js';
import { removeStaleStaging } from './files/stale-staging.js';

export interface OutputFiles {
  rated: string;
  suspense: string;
  /** when charge lines were given (`--period`) */
  charges?: string;
}

export async function writeOutputs(
  store: Store, runId: string, outDir: string, extra: { charges?: readonly ChargeLine[] } = {},
): Promise<OutputFiles> {
  const runs = await queryJson(store, `SELECT 1 FROM rating_runs WHERE run_id = $1`, [runId]);
  if (!runs.length) throw new OutputError(`run ${runId} is not in the store ${store.path}`);
  const target = path.resolve(outDir);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  // staging of a run killed while writing (its pid gone) is removed, never mistaken for outputs
  await removeStaleStaging(path.dirname(target), `.${path.basename(target)}.tmp-`);
  try {
    await mkdir(tmp, { recursive: true });
    // COPY takes no bound parameters: the run id (ours, checked above to exist) and the
    // path go in as quoted literals. Rows in input order, and without the run id (a new one
    // every run), so the same agreements, usage and options give byte-identical files.
    for (const table of ['rated', 'suspense'] as const) {
      const file = path.join(tmp, `${table}.parquet`);
      await store.connection.run(
        `COPY (SELECT * EXCLUDE (run_id) FROM ${table} WHERE run_id = ${sqlString(runId)} ORDER BY seq)
         TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd)`,
      );
    }
    if (extra.charges !== undefined) await writeChargesParquet(store, extra.charges, path.join(tmp, 'charges.parquet'));
    if (await exists(target)) {
      for (const f of await readdir(tmp)) await rename(path.join(tmp, f), path.join(target, f));
      await rm(tmp, { recursive: true, force: true });
    } else {
      await mkdir(path.dirname(target), { recursive: true });
      await rename(tmp, target);
    }
  } catch (e) {
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    if (e instanceof OutputError) throw e;
    throw new OutputError(`cannot write outputs to ${outDir}: ${String((e as Error).message).split('\n')[0]}`);
  }
  return {
    rated: path.join(target, 'rated.parquet'),
    suspense: path.join(target, 'suspense.parquet'),
    ...(extra.charges !== undefined ? { charges: path.join(target, 'charges.parquet') } : {}),
  };
}

async function exists(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}
