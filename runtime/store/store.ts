// The embedded DuckDB store: one file (default icx.duckdb) or ':memory:'. The session
// TimeZone is set to UTC explicitly on every connection: TIMESTAMPTZ comparisons and
// casts depend on it, and the machine's zone must never leak into a calendar decision.
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { STORE_DDL } from '../../compiler/sql/index.js';
import { StoreError } from '../errors.js';
import { ioFault, notWritable, openFailure } from './store-errors.js';

export const DEFAULT_STORE_PATH = 'icx.duckdb';

export interface Store {
  readonly path: string;
  readonly instance: DuckDBInstance;
  readonly connection: DuckDBConnection;
  close(): Promise<void>;
}

export type JsonRow = Record<string, unknown>;

export async function openStore(path: string = DEFAULT_STORE_PATH): Promise<Store> {
  let instance: DuckDBInstance;
  if (path !== ':memory:') {
    const reason = await notWritable(path);
    if (reason) throw new StoreError(reason);
  }
  try {
    instance = await DuckDBInstance.create(path);
  } catch (e) {
    throw new StoreError(openFailure(path, e) ?? `cannot open store ${path}: ${(e as Error).message}`);
  }
  const connection = await instance.connect();
  await connection.run(`SET TimeZone = 'UTC'`);
  // before rated became a view over rated_rows + rated_dims it was a table: such a store
  // cannot take new runs (refuse clearly rather than fail inside a run)
  const old = await connection.runAndReadAll(
    `SELECT 1 FROM information_schema.tables WHERE table_name = 'rated' AND table_type = 'BASE TABLE'`,
  );
  if (old.getRows().length) {
    connection.closeSync();
    instance.closeSync();
    throw new StoreError(`store ${path} was created by an older icx (table "rated"): rate into a new store file`);
  }
  // before multi-currency, rated_rows had no fx columns: such a store cannot take new runs either
  const noFx = await connection.runAndReadAll(
    `SELECT 1 FROM information_schema.tables t WHERE t.table_name = 'rated_rows'
       AND NOT EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_name = 'rated_rows' AND c.column_name = 'fx_rate')`,
  );
  if (noFx.getRows().length) {
    connection.closeSync();
    instance.closeSync();
    throw new StoreError(`store ${path} was created by an older icx (rated without FX columns): rate into a new store file`);
  }
  // a store from before data volumes and call categories lacks their columns (usage.bytes,
  // usage.category, rated_rows.billed_bytes): refuse it clearly too
  const lacking = await connection.runAndReadAll(
    `SELECT t.table_name FROM information_schema.tables t
     WHERE t.table_name IN ('usage', 'suspense', 'rated_rows') AND t.table_type = 'BASE TABLE'
       AND NOT EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_name = t.table_name
                       AND c.column_name = CASE t.table_name WHEN 'rated_rows' THEN 'billed_bytes' ELSE 'category' END)`,
  );
  if (lacking.getRows().length) {
    connection.closeSync();
    instance.closeSync();
    throw new StoreError(`store ${path} was created by an older icx (no data volume columns): rate into a new store file`);
  }
  for (const ddl of STORE_DDL) await connection.run(ddl);
  let closed = false;
  return {
    path,
    instance,
    connection,
    async close() {
      if (closed) return;
      closed = true;
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Runs a statement; values are bound parameters ($1, $2, ...). */
export async function exec(store: Store, sql: string, values?: DuckDBValue[]): Promise<void> {
  await store.connection.run(sql, values);
}

/**
 * Rows as JSON-safe objects: DECIMAL, BIGINT and HUGEINT come back as exact strings
 * (getRowObjectsJson), never as JS numbers.
 */
export async function queryJson(store: Store, sql: string, values?: DuckDBValue[]): Promise<JsonRow[]> {
  const reader = await store.connection.runAndReadAll(sql, values);
  return reader.getRowObjectsJson() as JsonRow[];
}

/**
 * Runs fn inside one transaction: committed if it returns, rolled back if it throws, so
 * a failed run leaves the store exactly as it was. `commit: false` always rolls back.
 */
export async function inTransaction<T>(store: Store, fn: () => Promise<T>, commit = true): Promise<T> {
  await store.connection.run('BEGIN TRANSACTION');
  let result: T;
  try {
    result = await fn();
  } catch (e) {
    await store.connection.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
  try {
    await store.connection.run(commit ? 'COMMIT' : 'ROLLBACK');
  } catch (e) {
    // a full disk or a store that became unwritable fails the commit: DuckDB rolls it back
    await store.connection.run('ROLLBACK').catch(() => undefined);
    const io = ioFault(String((e as Error)?.message ?? e));
    if (io) {
      const file = io.file && io.file !== store.path ? ` (${io.file})` : '';
      throw new StoreError(`cannot write store ${store.path}${file}: ${io.reason}; nothing was stored (the store is as it was)`);
    }
    throw e;
  }
  return result;
}
