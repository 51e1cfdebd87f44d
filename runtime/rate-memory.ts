// DuckDB's memory for a rating run. Its default memory_limit is 80% of the machine's RAM,
// and a run's scratch tables (the parsed records, the resolved context; the text of CSV and
// JSON input) stay in memory while they fit: 10M records peaked at 9.3 GB of RSS. With a cap,
// DuckDB spills them to its temp directory instead (measured: +25% CPU at 1M records capped at
// 400 MB), so any input size runs in bounded memory. The cap stays set on the store's
// connection (writing the outputs sorts the whole run too).
import os from 'node:os';
import { RateInputError } from './errors.js';
import type { Store } from './store/store.js';

/**
 * The default cap: 2.5 GiB, at most 60% of the machine's RAM. Measured at 2M records: peak RSS was
 * the cap + ~0.6 GB (Node, the plan, DuckDB outside its buffer pool): aimed at 50M records under
 * 4 GB of RSS (an extrapolation; 50M were not run on the shared machine).
 */
export function defaultMemoryLimitMb(totalBytes = os.totalmem()): number {
  return Math.max(256, Math.min(2560, Math.floor((totalBytes * 0.6) / 2 ** 20)));
}

/** DuckDB size syntax: a number and a unit (e.g. 3GB, 512MiB); nothing else reaches the SQL text. */
const SIZE_RE = /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i;

/**
 * Sets memory_limit from ICX_MEMORY_LIMIT (a DuckDB size such as 6GB) or the default cap.
 * Never raises a lower limit the connection already has.
 */
export async function capMemory(store: Store, env: string | undefined = process.env.ICX_MEMORY_LIMIT): Promise<void> {
  const c = store.connection;
  if (env !== undefined && env.trim() !== '') {
    const size = env.trim();
    if (!SIZE_RE.test(size)) {
      throw new RateInputError(`ICX_MEMORY_LIMIT "${env}" is not a size such as 3GB or 512MB`);
    }
    await c.run(`SET memory_limit = '${size}'`);
    return;
  }
  const cap = defaultMemoryLimitMb();
  // current_setting() gives a human string ("18.6 GiB")
  const res = await c.runAndReadAll(`SELECT current_setting('memory_limit') AS v`);
  const now = parseSize(String(res.getRows()[0]![0]));
  if (now === null || now > cap * 2 ** 20) await c.run(`SET memory_limit = '${cap}MiB'`);
}

/** "18.6 GiB", "3.0 GB", "512.0 MiB" → bytes; null when not understood. */
export function parseSize(s: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([KMGT]?i?B)$/i.exec(s.trim());
  if (!m) return null;
  const unit = m[2]!.toUpperCase();
  const pow = { B: 0, K: 1, M: 2, G: 3, T: 4 }[unit[0] as 'B' | 'K' | 'M' | 'G' | 'T'] ?? 0;
  const base = unit.includes('I') ? 1024 : 1000;
  return Number(m[1]) * base ** pow;
}
