// Longest-prefix match by paired levels (compiler/sql/rating-lpm-sql.ts) against a brute
// force: gaps between lengths, the empty prefix, leading zeros, numbers shorter than a level.
import { describe, expect, it } from 'vitest';
import { PLAN_TABLE_DEFS, tableDdl } from '../compiler/sql/index.js';
import { lpmKeySql, lpmLevels, planLpmSql } from '../compiler/sql/rating-lpm-sql.js';
import { openStore, queryJson } from './index.js';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const digits = (r: () => number, n: number) => Array.from({ length: n }, () => String(Math.floor(r() * 3))).join('');

describe('paired-level longest-prefix match', () => {
  it.each([[[0, 1, 2, 3, 5, 6, 8]], [[1, 2, 3, 4, 5]], [[2, 4, 7]], [[3, 4]]])('matches the brute force for lengths %j', async (lengths) => {
    const r = rng(lengths.length * 7919);
    const prefixes: { svc: number; p: string }[] = [];
    for (const svc of [0, 1]) {
      const seen = new Set<string>();
      for (let i = 0; i < 120; i++) {
        const p = digits(r, lengths[Math.floor(r() * lengths.length)]!);
        if (!seen.has(p)) prefixes.push({ svc, p });
        seen.add(p);
      }
    }
    const numbers = Array.from({ length: 600 }, (_, i) => ({ seq: i, svc: i % 2, b: digits(r, 1 + Math.floor(r() * 9)) }));
    const store = await openStore(':memory:');
    const def = PLAN_TABLE_DEFS.find((d) => d.name === 'plan_prefixes')!;
    await store.connection.run(tableDdl(def, true));
    await store.connection.run(
      `INSERT INTO plan_prefixes SELECT i, svc, length(p), coalesce(TRY_CAST(p AS BIGINT), 0), p, 0, 'z', false
       FROM (SELECT unnest(from_json($1::JSON, '[{"i":"INTEGER","svc":"INTEGER","p":"VARCHAR"}]'), recursive := true))`,
      [JSON.stringify(prefixes.map((x, i) => ({ i, ...x })))],
    );
    const shape = { prefixLengths: [...new Set(prefixes.map((x) => x.p.length))].sort((a, b) => b - a), ambiguousAgreements: false };
    await store.connection.run(planLpmSql(shape));
    const L = lpmLevels(shape);
    const got = await queryJson(
      store,
      `WITH n AS (SELECT *, length(b) AS b_len, CAST(b AS BIGINT) AS b_int
                  FROM (SELECT unnest(from_json($1::JSON, '[{"seq":"INTEGER","svc":"INTEGER","b":"VARCHAR"}]'), recursive := true))),
       k AS (SELECT *, ${L.map(lpmKeySql).join(', ')} FROM (SELECT *, b_int * CAST(10 ** (18 - b_len) AS BIGINT) AS b18 FROM n))
       SELECT seq, ${L.length ? `coalesce(${L.map((l) => `p${l.len}.pfx_idx`).join(', ')})` : 'NULL'} AS pfx
       FROM k ${L.map((l) => `LEFT JOIN plan_lpm p${l.len} ON p${l.len}.lvl = ${l.len} AND p${l.len}.svc_idx = k.svc AND p${l.len}.key = k.pk_${l.len}`).join(' ')}
       ORDER BY seq`,
      [JSON.stringify(numbers)],
    );
    const expected = numbers.map((n) => {
      let best = -1;
      prefixes.forEach((x, i) => {
        if (x.svc === n.svc && n.b.startsWith(x.p) && (best < 0 || x.p.length > prefixes[best]!.p.length)) best = i;
      });
      return best < 0 ? null : String(best);
    });
    expect(got.map((g) => (g.pfx === null ? null : String(g.pfx)))).toEqual(expected);
    expect(expected.filter((e) => e !== null).length).toBeGreaterThan(100);
    await store.close();
  });
});
