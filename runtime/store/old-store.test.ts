// A store written before data volumes and call categories (no usage.category, no
// rated_rows.billed_bytes) is refused with a clear message, never failed inside a run.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { openStore } from './store.js';

describe('stores from an older icx', () => {
  it('refuses a store whose rated_rows has no billed_bytes column', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'icx-old-store-')), 'old.duckdb');
    const db = await DuckDBInstance.create(path);
    const con = await db.connect();
    await con.run('CREATE TABLE rated_rows (run_id VARCHAR, seq BIGINT, b_number VARCHAR NOT NULL)');
    con.closeSync();
    db.closeSync();
    await expect(openStore(path)).rejects.toThrow(/older icx \((no data volume columns|rated without FX columns)\): rate into a new store file/);
  });

  it('opens a new store', async () => {
    const store = await openStore(join(mkdtempSync(join(tmpdir(), 'icx-new-store-')), 'new.duckdb'));
    await store.close();
  });
});
