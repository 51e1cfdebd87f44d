// What `icx lcr --store` costs: N outbound calls over the five test suppliers (a third
// unanswered, answered ones 1–600 s, spread over the 30 days before --at) rated into a temporary
// store, then the store reads of one route table (measured quality for 5 suppliers + commitment
// use), median of 5, against a baseline measured in the same run: opening the store read-only
// and one scan of the window's rated records (`count(*)` and the sum of their durations).
//   npm run bench:lcr-store [-- N]   (N calls, default 500000)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, queryJson, rate } from '../../runtime/index.js';
import { openStoreReadOnly, readStoreInputs } from '../../runtime/lcr/quality-store.js';
import { ALPHA, BETA, DELTA, EPSILON, GAMMA, plansOf } from '../lcr/suppliers.js';

const N = Number(process.argv[2] ?? 500_000);
const plans = plansOf(ALPHA, BETA, GAMMA, DELTA, EPSILON);
const TRUNKS: [string, string[]][] = [['TA1', ['331', '336', '337', '338']], ['TB1', ['3361']], ['TG1', ['331', '336', '339']], ['TD1', ['337']], ['TE1', ['336']]];
const dir = mkdtempSync(path.join(os.tmpdir(), 'icx-lcr-bench-'));
const AT = new Date('2026-03-10T10:00:00Z');

async function median(fn: () => Promise<unknown>): Promise<{ median: number; runs: number[] }> {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await fn();
    runs.push((performance.now() - t) / 1000);
  }
  return { median: [...runs].sort((a, b) => a - b)[2]!, runs };
}

try {
  const csv = ['record_id,trunk,direction,kind,a_number,b_number,start_time,duration_s'];
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < N; i++) {
    const [trunk, stems] = TRUNKS[i % TRUNKS.length]!;
    const start = new Date(AT.getTime() - 86_400_000 - Math.floor(rnd() * 29 * 86_400_000)).toISOString().slice(0, 19) + 'Z';
    const dur = rnd() < 1 / 3 ? 0 : 1 + Math.floor(rnd() * 600);
    csv.push(`b${i},${trunk},out,voice,441234567890,${stems[i % stems.length]}${String(1000000 + (i % 9000000)).padStart(7, '0')},${start},${dur}`);
  }
  writeFileSync(path.join(dir, 'usage.csv'), csv.join('\n') + '\n');
  const file = path.join(dir, 'icx.duckdb');
  const store = await openStore(file);
  let t = performance.now();
  const res = await rate(store, { plans, usage: [{ path: path.join(dir, 'usage.csv') }], progress: false });
  console.log(`rated ${res.ratedCount} of ${res.inCount} (suspense ${res.suspenseCount}) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await store.close();
  const base = await median(async () => {
    const s = await openStoreReadOnly(file, 'icx.duckdb');
    await queryJson(s, `SELECT count(*), sum(duration_s) FROM rated_rows WHERE local_start >= TIMESTAMP '2026-02-08' AND local_start < TIMESTAMP '2026-03-10'`);
    await s.close();
  });
  const opts = { path: file, shown: 'icx.duckdb', window: { days: 30 }, windowGiven: false, floors: true, minAttempts: 100 };
  t = performance.now();
  const once = await readStoreInputs(plans, AT, opts);
  console.log(`first read ${((performance.now() - t) / 1000).toFixed(2)} s; attempts per supplier: ${[...once.measuredQuality.bySupplier.values()].map((m) => m.total.attempts).join(', ')}`);
  const lcr = await median(() => readStoreInputs(plans, AT, opts));
  const show = (x: { median: number; runs: number[] }) => `${x.median.toFixed(2)} s (${x.runs.map((r) => r.toFixed(2)).join(', ')})`;
  console.log(`store reads (open read-only, 5 suppliers' quality, commitment use): median ${show(lcr)}`);
  console.log(`baseline (open read-only + one scan of the window's records): median ${show(base)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
