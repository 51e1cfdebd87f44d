import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { sqlIdent, sqlString } from './sql-string.js';

describe('sqlString', () => {
  it('doubles single quotes', () => {
    expect(sqlString("it's")).toBe("'it''s'");
    expect(sqlString("''")).toBe("''''''");
    expect(sqlString('')).toBe("''");
    expect(sqlString('a\\b')).toBe("'a\\b'");
  });
  it('rejects NUL', () => {
    expect(() => sqlString('a\u0000b')).toThrow();
  });
  it('round-trips through DuckDB, including injection attempts', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const nasty = ["O'Brien", "x'); DROP TABLE t; --", "/tmp/it's a \"dir\"/f.csv", 'tab\there\nnewline', "'", '\\\''];
    for (const v of nasty) {
      const r = await c.runAndReadAll(`SELECT ${sqlString(v)} AS v`);
      expect(r.getRowObjectsJson()[0]!.v).toBe(v);
    }
    c.closeSync();
  });
});

describe('sqlIdent', () => {
  it('doubles double quotes and round-trips', async () => {
    expect(sqlIdent('a"b')).toBe('"a""b"');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const r = await c.runAndReadAll(`SELECT 1 AS ${sqlIdent('we"ird col')}`);
    expect(r.columnNames()).toEqual(['we"ird col']);
    c.closeSync();
  });
});
