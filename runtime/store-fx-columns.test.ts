// A store whose rated_rows predates multi-currency (no FX columns) is refused clearly at open,
// instead of failing inside a run; a current store opens again.
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, StoreError } from './index.js';

describe('store with rated_rows lacking FX columns', () => {
  it('is refused with a clear error; a new store file opens and reopens', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'icx-store-'));
    try {
      const old = path.join(dir, 'old.duckdb');
      const db = await DuckDBInstance.create(old);
      const c = await db.connect();
      await c.run('CREATE TABLE rated_rows (run_id VARCHAR, seq BIGINT, amount DECIMAL(18,9))');
      c.closeSync();
      db.closeSync();
      await expect(openStore(old)).rejects.toThrow(StoreError);
      await expect(openStore(old)).rejects.toThrow(/older icx \(rated without FX columns\)/);
      const fresh = path.join(dir, 'new.duckdb');
      await (await openStore(fresh)).close();
      await (await openStore(fresh)).close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
