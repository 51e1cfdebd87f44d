// The invariants a store and the output folders must hold after ANY interruption (a SIGKILL at a
// random point, a full disk): the kill harness and the fault tests check them. Each returns the
// list of violations (empty = consistent), so a failing check says all it found.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { openStore, queryJson, type Store } from '../../runtime/store/store.js';

export interface StoreFacts {
  /** rating runs in the store, each balanced and whole */
  ratingRuns: number;
  /** bill runs in the store */
  billRuns: number;
  violations: string[];
}

async function tableExists(store: Store, name: string): Promise<boolean> {
  return (await queryJson(store, `SELECT 1 FROM information_schema.tables WHERE table_name = $1`, [name])).length > 0;
}

/**
 * Opens the store as the next icx run would (openStore: WAL replay, schema) and checks:
 * every rating run balances (in = rated + suspense, recorded and recounted from its rows), no run
 * row lacks its rows and no row lacks its run (a partial run), every bill run has exactly the
 * documents it records, and no document belongs to no run.
 */
export async function checkStore(dbPath: string): Promise<StoreFacts> {
  const v: string[] = [];
  let store: Store;
  try {
    store = await openStore(dbPath);
  } catch (e) {
    return { ratingRuns: 0, billRuns: 0, violations: [`the store does not open: ${(e as Error).message}`] };
  }
  try {
    const runs = await queryJson(store, `
      SELECT r.run_id, r.balanced, r.finished_at IS NOT NULL AS finished, r.in_count, r.rated_count, r.suspense_count,
             (SELECT count(*) FROM rated_rows x WHERE x.run_id = r.run_id) AS n_rated,
             (SELECT count(*) FROM suspense x WHERE x.run_id = r.run_id) AS n_suspense
      FROM rating_runs r ORDER BY r.run_id`);
    for (const r of runs) {
      const [inc, rated, susp] = [BigInt(String(r.in_count ?? -1)), BigInt(String(r.rated_count ?? -1)), BigInt(String(r.suspense_count ?? -1))];
      if (r.balanced !== true || r.finished !== true) v.push(`rating run ${r.run_id} is not finished and balanced`);
      if (inc !== rated + susp) v.push(`rating run ${r.run_id}: in ${inc} ≠ rated ${rated} + suspense ${susp}`);
      if (BigInt(String(r.n_rated)) !== rated || BigInt(String(r.n_suspense)) !== susp) {
        v.push(`rating run ${r.run_id}: records ${rated}/${susp} but rows ${r.n_rated}/${r.n_suspense} (a partial run)`);
      }
    }
    for (const t of ['rated_rows', 'rated_dims', 'suspense', 'usage', 'rated_digital']) {
      if (!(await tableExists(store, t))) continue;
      const orphans = await queryJson(store, `SELECT DISTINCT run_id FROM ${t} WHERE run_id NOT IN (SELECT run_id FROM rating_runs)`);
      for (const o of orphans) v.push(`${t} has rows of run ${o.run_id}, which is not in rating_runs (a partial run)`);
    }
    let billRuns = 0;
    if (await tableExists(store, 'bill_runs')) {
      const bills = await queryJson(store, `
        SELECT b.run_id, b.documents, (SELECT count(*) FROM invoices i WHERE i.run_id = b.run_id) AS n_docs
        FROM bill_runs b`);
      billRuns = bills.length;
      for (const b of bills) {
        if (Number(b.documents) !== Number(b.n_docs)) v.push(`bill run ${b.run_id} records ${b.documents} documents but has ${b.n_docs}`);
      }
      const dupRuns = await queryJson(store, `SELECT run_id FROM bill_runs GROUP BY run_id HAVING count(*) > 1`);
      for (const d of dupRuns) v.push(`bill run ${d.run_id} is stored twice`);
      const orphans = await queryJson(store, `SELECT DISTINCT run_id FROM invoices WHERE run_id NOT IN (SELECT run_id FROM bill_runs)`);
      for (const o of orphans) v.push(`invoices has documents of bill run ${o.run_id}, which is not in bill_runs`);
    }
    return { ratingRuns: runs.length, billRuns, violations: v };
  } finally {
    await store.close();
  }
}

/** Per agreement × service × currency: records and amount of one rating run (exact strings). */
export async function runTotals(dbPath: string, runId: string): Promise<string[]> {
  const store = await openStore(dbPath);
  try {
    const rows = await queryJson(store, `
      SELECT agreement_id, service, currency, count(*) AS records, CAST(sum(amount) AS VARCHAR) AS amount
      FROM rated WHERE run_id = $1 GROUP BY ALL ORDER BY ALL`, [runId]);
    return rows.map((r) => `${r.agreement_id} ${r.service} ${r.currency}: ${r.records} records, ${r.amount}`);
  } finally {
    await store.close();
  }
}

export interface OutputFacts {
  /** output files present (not hidden), each identical to the reference's file of that name */
  files: number;
  /** the folder holds some but not all of the reference's files (each whole) */
  partialSet: boolean;
  /** hidden staging folders or files left by a killed writer (never outputs) */
  leftovers: string[];
  violations: string[];
}

/**
 * An output folder after a kill: absent, or every visible file byte-identical to the reference
 * run's file of the same name (the same inputs give byte-identical files, so a whole file equals
 * the reference and a half-written one cannot). Hidden names (.icx-…, .x.tmp-…) are staging
 * left by a killed writer: listed, not outputs. `beside` also looks for the staging folder that
 * writeOutputs creates next to the target.
 */
export function checkOutputs(dir: string, referenceDir: string): OutputFacts {
  const facts: OutputFacts = { files: 0, partialSet: false, leftovers: [], violations: [] };
  const parent = path.dirname(dir);
  if (existsSync(parent)) {
    for (const n of readdirSync(parent)) if (n.startsWith(`.${path.basename(dir)}.tmp-`)) facts.leftovers.push(path.join(parent, n));
  }
  if (!existsSync(dir)) return facts;
  const reference = new Set(readdirSync(referenceDir).filter((n) => !n.startsWith('.')));
  let visible = 0;
  for (const n of readdirSync(dir)) {
    const p = path.join(dir, n);
    if (n.startsWith('.')) {
      facts.leftovers.push(p);
      continue;
    }
    visible++;
    if (!reference.has(n)) {
      facts.violations.push(`${p}: not an output of the reference run`);
      continue;
    }
    if (!statSync(p).isFile() || !readFileSync(p).equals(readFileSync(path.join(referenceDir, n)))) {
      facts.violations.push(`${p}: differs from the reference run's ${n} (half-written?)`);
    }
  }
  facts.files = visible;
  facts.partialSet = visible > 0 && visible < reference.size;
  return facts;
}
