// Every output folder icx writes (bill runs, notes, findings, dispute documents) is written all
// or none: the files go to a temporary folder inside the target first, and are renamed into place
// only when all are written; the temporary folder is removed whatever happens.
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { OutputError } from '../errors.js';
import { ioReason } from '../store/store-errors.js';
import { removeStaleStaging } from './stale-staging.js';

/**
 * Runs `fill` with an empty staging folder inside `outDir`, then moves what it wrote into `outDir`
 * (name order). Returns the paths written and what `fill` returned.
 */
export async function stagedWrite<T>(outDir: string, tag: string, fill: (staging: string) => Promise<T>): Promise<{ written: string[]; value: T }> {
  await mkdir(outDir, { recursive: true });
  // a writer killed before its `finally` (SIGKILL, power loss) leaves its staging folder: the
  // next write removes those whose process is gone (the pid is in the name)
  await removeStaleStaging(outDir, `.icx-${tag}-`);
  let tmp: string | undefined;
  try {
    tmp = await mkdtemp(path.join(outDir, `.icx-${tag}-${process.pid}-`));
    const value = await fill(tmp);
    const written: string[] = [];
    for (const n of (await readdir(tmp)).sort()) {
      await rename(path.join(tmp, n), path.join(outDir, n));
      written.push(path.join(outDir, n));
    }
    return { written, value };
  } catch (e) {
    // a full disk or an unwritable folder is not a bug: say which folder, and that none was written
    const io = ioReason(String((e as Error)?.message ?? e));
    if (io && !(e instanceof OutputError)) throw new OutputError(`cannot write the files to ${outDir}: ${io}; none of them was written`);
    throw e;
  } finally {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }
}
