// `icx lcr --store FILE`: what least-cost routing reads from an icx store — measured quality
// (quality-measure.ts) and the use of our commitments (commitment-use.ts). The store is opened
// READ-ONLY (DuckDB access_mode), so routing can never write to it, not even the schema DDL
// openStore runs; it is checked to be an icx store before any query. The route table itself
// stays pure: these figures go into LcrOptions as plain data.
import { stat } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import type { Store } from '../store/store.js';
import { commitmentUseFromStore, type StoreCommitmentUse } from './commitment-use.js';
import { LcrError } from './errors.js';
import { measureQuality, windowOf, type QualityWindow } from './quality-measure.js';
import type { MeasuredQuality } from './quality.js';
import { supplierCandidates } from './suppliers.js';

export interface StoreInputOptions {
  /** the file, absolute */
  path: string;
  /** the file as the user wrote it, for messages and notes */
  shown: string;
  window: QualityWindow;
  /** a window option was given: a window without traffic is then an error, not a note */
  windowGiven: boolean;
  /** a quality floor (--min-asr/--min-acd) was given: the same */
  floors: boolean;
  minAttempts: number;
}

export interface StoreInputs {
  measuredQuality: MeasuredQuality;
  commitmentFromStore: Map<string, StoreCommitmentUse>;
  notes: string[];
}

/** The columns the queries read, per table: a store lacking one is refused by name. */
const NEEDED: Record<string, string[]> = {
  rating_runs: ['run_id', 'started_at'],
  rated_dims: ['run_id', 'dim', 'agreement_id', 'service', 'direction', 'zone', 'band', 'clause', 'rate_source', 'currency', 'original_currency'],
  rated_rows: ['run_id', 'seq', 'record_id', 'dim', 'clause', 'rate_source', 'start_time', 'local_start', 'duration_s', 'billed_seconds',
    'units', 'billed_bytes', 'amount', 'trunk', 'a_number', 'b_number', 'fx_rate', 'fx_date'],
};

/** Opens an existing icx store read-only; a missing file, a non-DuckDB file or a non-icx database is a clear error. */
export async function openStoreReadOnly(file: string, shown: string): Promise<Store> {
  try {
    const st = await stat(file);
    if (!st.isFile()) throw new LcrError(`--store ${shown}: not a file`, 'usage');
  } catch (e) {
    if (e instanceof LcrError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new LcrError(`--store ${shown}: ${code === 'ENOENT' ? 'no such file (an icx store, e.g. icx.duckdb, written by icx rate)' : `cannot read (${code ?? String(e)})`}`, 'usage');
  }
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  } catch (e) {
    const m = (e as Error).message;
    throw new LcrError(/not a valid DuckDB database/i.test(m) ? `--store ${shown}: not an icx store (not a DuckDB database file)` : `--store ${shown}: cannot open it read-only: ${m}`, 'usage');
  }
  const connection = await instance.connect();
  const close = async () => {
    connection.closeSync();
    instance.closeSync();
  };
  try {
    // calendar decisions never depend on the machine's zone (as openStore does)
    await connection.run(`SET TimeZone = 'UTC'`);
    const rows = (await connection.runAndReadAll(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_name IN ('rating_runs', 'rated_dims', 'rated_rows')`,
    )).getRowObjectsJson() as { table_name: string; column_name: string }[];
    for (const [table, cols] of Object.entries(NEEDED)) {
      const have = new Set(rows.filter((r) => r.table_name === table).map((r) => r.column_name));
      if (have.size === 0) throw new LcrError(`--store ${shown}: not an icx store (no table ${table}; rate usage into it with icx rate --db)`, 'usage');
      const missing = cols.filter((c) => !have.has(c));
      if (missing.length) throw new LcrError(`--store ${shown}: written by an older icx (${table} has no column ${missing.join(', ')}): rate into a new store`, 'usage');
    }
  } catch (e) {
    await close();
    throw e;
  }
  return { path: file, instance, connection, close };
}

/** Measured quality and commitment use at `at`, for every possible supplier among the plans. */
export async function readStoreInputs(plans: readonly HashedAgreementPlan[], at: Date, o: StoreInputOptions): Promise<StoreInputs> {
  const candidates = supplierCandidates(plans, at);
  const store = await openStoreReadOnly(o.path, o.shown);
  try {
    const notes: string[] = [];
    const measuredQuality = await measureQuality(store, candidates, at, o.window, o.minAttempts);
    const commitmentFromStore = await commitmentUseFromStore(store, candidates, at, o.shown, notes);
    const total = [...measuredQuality.bySupplier.values()].reduce((n, m) => n + m.total.attempts, 0);
    if (candidates.length > 0 && total === 0) {
      const windows = [...new Set(candidates.map((c) => windowOf(o.window, at, c.plan.timezone)).map((w) => `${w.from}..${w.to}`))].join(', ');
      const what = `--store ${o.shown}: no rated outbound voice traffic of the suppliers (${[...new Set(candidates.map((c) => c.plan.id))].sort().join(', ')}) in the quality window ${windows}`;
      if (o.floors || o.windowGiven) throw new LcrError(`${what}: no ASR/ACD to measure (check the store and the window)`);
      notes.push(`${what}: no quality measured`);
    }
    return { measuredQuality, commitmentFromStore, notes };
  } finally {
    await store.close();
  }
}
