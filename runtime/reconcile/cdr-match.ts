// One-to-one matching of their CDRs (cdr_theirs) to ours (cdr_ours) in SQL: first by a shared
// call id, then the rest by numbers and start time (cdr-sql.ts). Each stage's candidate pairs
// are resolved the same way: a pair whose two records have no other candidate is a match at
// once (almost every pair); the few contested pairs are resolved in rounds, each round taking
// the pairs that are the best choice of both their records (closest start, then closest
// duration, then their line / our record id). The pair first in that order overall is always
// such a pair, so every round makes progress and the result is the greedy matching by that
// order: deterministic whatever the threads do.
import { queryJson, type Store } from '../store/store.js';
import { CAND_ID_SQL, candTimeSql } from './cdr-sql.js';

export interface MatchStats {
  byId: number;
  byTime: number;
  /** rounds of contested pairs, both stages (diagnostics) */
  rounds: number;
}

export const METHOD_ID = 1;
export const METHOD_TIME = 2;

async function count(store: Store, sql: string): Promise<number> {
  const [r] = await queryJson(store, sql);
  return Number(r!.n);
}

/**
 * Fills cdr_pairs (tid, oid, sdt = their start − ours in µs, dd = |duration difference| µs,
 * method) and cdr_contested (their records that had a candidate, matched or not: one left
 * unmatched is a second copy of a call already matched, a duplicate).
 */
export async function matchCdrs(store: Store, tolUs: bigint, dtolUs: bigint): Promise<MatchStats> {
  const c = store.connection;
  await c.run(`CREATE OR REPLACE TEMP TABLE cdr_pairs (tid BIGINT, oid BIGINT, sdt BIGINT, dd BIGINT, method TINYINT)`);
  await c.run(`CREATE OR REPLACE TEMP TABLE cdr_contested (tid BIGINT)`);
  let rounds = 0;
  await c.run(CAND_ID_SQL);
  rounds += await resolve(store, METHOD_ID);
  await c.run(candTimeSql(tolUs, dtolUs));
  rounds += await resolve(store, METHOD_TIME);
  for (const t of ['cdr_cand', 'cdr_multi_t', 'cdr_multi_o', 'cdr_rest', 'cdr_round']) await c.run(`DROP TABLE IF EXISTS ${t}`);
  const [r] = await queryJson(
    store,
    `SELECT count(*) FILTER (WHERE method = ${METHOD_ID}) AS by_id, count(*) FILTER (WHERE method = ${METHOD_TIME}) AS by_time FROM cdr_pairs`,
  );
  return { byId: Number(r!.by_id), byTime: Number(r!.by_time), rounds };
}

/** cdr_cand → cdr_pairs; returns the number of rounds the contested pairs took. */
async function resolve(store: Store, method: number): Promise<number> {
  const c = store.connection;
  await c.run(`CREATE OR REPLACE TEMP TABLE cdr_multi_t AS SELECT tid FROM cdr_cand GROUP BY tid HAVING count(*) > 1`);
  await c.run(`CREATE OR REPLACE TEMP TABLE cdr_multi_o AS SELECT oid FROM cdr_cand GROUP BY oid HAVING count(*) > 1`);
  await c.run(
    `INSERT INTO cdr_pairs SELECT c.tid, c.oid, c.sdt, c.dd, ${method}
     FROM cdr_cand c ANTI JOIN cdr_multi_t mt ON mt.tid = c.tid ANTI JOIN cdr_multi_o mo ON mo.oid = c.oid`,
  );
  await c.run(
    `CREATE OR REPLACE TEMP TABLE cdr_rest AS
     SELECT c.*, o.record_id AS o_rid, o.service AS o_svc FROM cdr_cand c JOIN cdr_ours o ON o.oid = c.oid
     WHERE c.tid IN (SELECT tid FROM cdr_multi_t) OR c.oid IN (SELECT oid FROM cdr_multi_o)`,
  );
  await c.run(`INSERT INTO cdr_contested SELECT DISTINCT tid FROM cdr_rest`);
  let rounds = 0;
  for (;;) {
    await c.run(
      `CREATE OR REPLACE TEMP TABLE cdr_round AS SELECT tid, oid, sdt, dd FROM cdr_rest
       QUALIFY row_number() OVER (PARTITION BY tid ORDER BY abs(sdt), dd, o_rid, o_svc, oid) = 1
           AND row_number() OVER (PARTITION BY oid ORDER BY abs(sdt), dd, tid) = 1`,
    );
    if ((await count(store, `SELECT count(*) AS n FROM cdr_round`)) === 0) break;
    rounds++;
    await c.run(`INSERT INTO cdr_pairs SELECT tid, oid, sdt, dd, ${method} FROM cdr_round`);
    await c.run(
      `DELETE FROM cdr_rest WHERE tid IN (SELECT tid FROM cdr_round) OR oid IN (SELECT oid FROM cdr_round)`,
    );
  }
  return rounds;
}
