// One-to-one matching of their CDRs (cdr_theirs, by rowid = tid) to ours (cdr_ours, by oid) in
// SQL: first by a shared call id, then the rest by numbers and start time (cdr-sql.ts). A pair
// whose two records have no other candidate is a match at once (almost every pair); the few
// contested pairs are resolved in rounds, each taking the pairs that are the best choice of
// both their records (closest start, then closest duration, then our record id, then oid /
// their position). The pair first in that order overall always is such a pair, so every round
// makes progress and the result is the greedy matching in that order, whatever the threads do.
//
// Tables left for the caller: cdr_j (the id join), cdr_multi_t/o (ids contested), cdr_pairs
// (contested winners and time matches), view cdr_matched (every match: tid, oid, sdt = their
// start − ours µs, dd = |duration difference| µs, method), cdr_t2/cdr_o2 (left after the id
// stage) and cdr_contested (their records that had a candidate, matched or not: one left
// unmatched is a second copy of a call already matched, a duplicate).
import { queryJson, type Store } from '../store/store.js';
import { candTimeSql, ID_JOIN_SQL } from './cdr-sql.js';

export interface MatchStats {
  byId: number;
  byTime: number;
  /** their start − ours over the matches, µs; null when nothing matched */
  skewMedianUs: bigint | null;
  skewMeanUs: bigint | null;
  /** rounds of contested pairs, both stages (diagnostics) */
  rounds: number;
}

export const METHOD_ID = 1;
export const METHOD_TIME = 2;

export const MATCH_TABLES = ['cdr_j', 'cdr_multi', 'cdr_multi_t', 'cdr_multi_o', 'cdr_pairs', 'cdr_contested', 'cdr_cand', 'cdr_cand_id',
  'cdr_rest', 'cdr_round', 'cdr_t2', 'cdr_o2'];

export async function matchCdrs(store: Store, tolUs: bigint, dtolUs: bigint, lap: (what: string) => void = () => undefined): Promise<MatchStats> {
  const c = store.connection;
  await c.run(`CREATE OR REPLACE TEMP TABLE cdr_pairs (tid BIGINT, oid BIGINT, sdt BIGINT, dd BIGINT, method TINYINT)`);
  await c.run(`CREATE OR REPLACE TEMP TABLE cdr_contested (tid BIGINT)`);

  // stage 1: by call id
  await c.run(ID_JOIN_SQL);
  lap('id join');
  // the records with more than one candidate, both sides in one scan (two hash tables)
  await c.run(
    `CREATE OR REPLACE TEMP TABLE cdr_multi AS SELECT tid, oid FROM cdr_j WHERE tid IS NOT NULL AND oid IS NOT NULL
     GROUP BY GROUPING SETS ((tid), (oid)) HAVING count(*) > 1`,
  );
  await c.run(`CREATE OR REPLACE TEMP TABLE cdr_multi_t AS SELECT tid FROM cdr_multi WHERE tid IS NOT NULL`);
  await c.run(`CREATE OR REPLACE TEMP TABLE cdr_multi_o AS SELECT oid FROM cdr_multi WHERE oid IS NOT NULL`);
  await c.run(
    `CREATE OR REPLACE TEMP VIEW cdr_matched AS
     SELECT j.tid, j.oid, j.sdt, j.dd, CAST(${METHOD_ID} AS TINYINT) AS method FROM cdr_j j
       ANTI JOIN cdr_multi_t mt ON mt.tid = j.tid ANTI JOIN cdr_multi_o mo ON mo.oid = j.oid
     WHERE j.tid IS NOT NULL AND j.oid IS NOT NULL
     UNION ALL SELECT tid, oid, sdt, dd, method FROM cdr_pairs`,
  );
  await c.run(
    `CREATE OR REPLACE TEMP TABLE cdr_cand_id AS
     SELECT * FROM cdr_j WHERE tid IN (SELECT tid FROM cdr_multi_t) AND oid IS NOT NULL
     UNION SELECT * FROM cdr_j WHERE oid IN (SELECT oid FROM cdr_multi_o) AND tid IS NOT NULL`,
  );
  let rounds = await contested(store, 'cdr_cand_id', METHOD_ID);
  lap('id resolved');

  // stage 2: what is left, by numbers and start time
  await c.run(
    `CREATE OR REPLACE TEMP TABLE cdr_t2 AS SELECT t.rowid AS tid, t.a, t.b, t.t_us, t.d_us FROM cdr_theirs t
     WHERE t.rowid IN ((SELECT tid FROM cdr_j WHERE oid IS NULL UNION SELECT tid FROM cdr_cand_id) EXCEPT SELECT tid FROM cdr_pairs)`,
  );
  await c.run(
    `CREATE OR REPLACE TEMP TABLE cdr_o2 AS SELECT o.oid, o.a, o.b, o.t_us, o.d_us FROM cdr_ours o
     WHERE o.oid IN ((SELECT oid FROM cdr_j WHERE tid IS NULL UNION SELECT oid FROM cdr_cand_id) EXCEPT SELECT oid FROM cdr_pairs)`,
  );
  lap('left after id');
  await c.run(candTimeSql(tolUs, dtolUs));
  await c.run(`CREATE OR REPLACE TEMP TABLE cdr_tm AS SELECT tid FROM cdr_cand GROUP BY tid HAVING count(*) > 1`);
  await c.run(`CREATE OR REPLACE TEMP TABLE cdr_om AS SELECT oid FROM cdr_cand GROUP BY oid HAVING count(*) > 1`);
  await c.run(
    `INSERT INTO cdr_pairs SELECT c.tid, c.oid, c.sdt, c.dd, ${METHOD_TIME}
     FROM cdr_cand c ANTI JOIN cdr_tm m ON m.tid = c.tid ANTI JOIN cdr_om n ON n.oid = c.oid`,
  );
  await c.run(
    `CREATE OR REPLACE TEMP TABLE cdr_cand2 AS SELECT * FROM cdr_cand
     WHERE tid IN (SELECT tid FROM cdr_tm) OR oid IN (SELECT oid FROM cdr_om)`,
  );
  rounds += await contested(store, 'cdr_cand2', METHOD_TIME);
  for (const t of ['cdr_tm', 'cdr_om', 'cdr_cand', 'cdr_cand2', 'cdr_rest', 'cdr_round']) await c.run(`DROP TABLE IF EXISTS ${t}`);
  lap('time matched');

  const [r] = await queryJson(
    store,
    `SELECT count(*) FILTER (WHERE method = ${METHOD_ID}) AS by_id, count(*) FILTER (WHERE method = ${METHOD_TIME}) AS by_time,
            CAST(median(sdt) AS BIGINT) AS skew_median, CAST(round(avg(sdt)) AS BIGINT) AS skew_mean
     FROM cdr_matched`,
  );
  lap('match counts');
  const big = (v: unknown) => (v === null || v === undefined ? null : BigInt(String(v)));
  return { byId: Number(r!.by_id), byTime: Number(r!.by_time), skewMedianUs: big(r!.skew_median), skewMeanUs: big(r!.skew_mean), rounds };
}

/** The contested pairs of `table` → cdr_pairs, in rounds of mutual best choices. */
async function contested(store: Store, table: string, method: number): Promise<number> {
  const c = store.connection;
  await c.run(
    `CREATE OR REPLACE TEMP TABLE cdr_rest AS
     SELECT c.tid, c.oid, c.sdt, c.dd, o.record_id AS o_rid FROM ${table} c JOIN cdr_ours o ON o.oid = c.oid`,
  );
  await c.run(`INSERT INTO cdr_contested SELECT DISTINCT tid FROM cdr_rest`);
  let rounds = 0;
  for (;;) {
    await c.run(
      `CREATE OR REPLACE TEMP TABLE cdr_round AS SELECT tid, oid, sdt, dd FROM cdr_rest
       QUALIFY row_number() OVER (PARTITION BY tid ORDER BY abs(sdt), dd, o_rid, oid) = 1
           AND row_number() OVER (PARTITION BY oid ORDER BY abs(sdt), dd, tid) = 1`,
    );
    const [n] = await queryJson(store, `SELECT count(*) AS n FROM cdr_round`);
    if (Number(n!.n) === 0) break;
    rounds++;
    await c.run(`INSERT INTO cdr_pairs SELECT tid, oid, sdt, dd, ${method} FROM cdr_round`);
    await c.run(`DELETE FROM cdr_rest WHERE tid IN (SELECT tid FROM cdr_round) OR oid IN (SELECT oid FROM cdr_round)`);
  }
  return rounds;
}
