// Every output folder icx writes (bill runs, notes, findings, dispute documents) is written all
// or none: the files go to a temporary folder inside the target first, and are renamed into place
// only when all are written; the temporary folder is removed whatever happens.
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Runs `fill` with an empty staging folder inside `outDir`, then moves what it wrote into `outDir`
 * (name order). Returns the paths written and what `fill` returned.
 */
export async function stagedWrite<T>(outDir: string, tag: string, fill: (staging: string) => Promise<T>): Promise<{ written: string[]; value: T }> {
  await mkdir(outDir, { recursive: true });
  const tmp = await mkdtemp(path.join(outDir, `.icx-${tag}-`));
  try {
    const value = await fill(tmp);
    const written: string[] = [];
    for (const n of (await readdir(tmp)).sort()) {
      await rename(path.join(tmp, n), path.join(outDir, n));
      written.push(path.join(outDir, n));
    }
    return { written, value };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
