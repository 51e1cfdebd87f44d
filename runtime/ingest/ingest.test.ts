// Ingest: every CSV row either rates or lands in suspense with its file and line; an
// unreadable file fails the run naming the file and leaves the store untouched.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestError, openStore, queryJson, rate, type Store } from '../index.js';
import { agreementPlan, hashed } from '../testing/fixtures.js';

const plans = [hashed(agreementPlan())];
let dir: string;
let store: Store;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "icx-ingest-it's-"));
  store = await openStore(':memory:');
});
afterAll(async () => store.close());

const HEADER = 'record_id,trunk,direction,kind,a_number,b_number,start_time,duration_s';

describe('CSV ingest', () => {
  it('sends malformed rows to suspense with reason, file and line (header = line 1)', async () => {
    const lines = [
      HEADER,
      'ok1,TG101,out,voice,+441632960001,+33612345678,2026-03-02T10:00:00+01:00,61', // line 2
      'bad-start,TG101,out,voice,441,33612345678,2026-03-02 25:00:00+01:00,61', // 3
      'bad-dur,TG101,out,voice,441,33612345678,2026-03-02T10:00:00Z,sixty', // 4
      'neg,TG101,out,voice,441,33612345678,2026-03-02T10:00:00Z,-5', // 5
      'short,TG101,out,voice', // 6: missing fields
      'extra,TG101,out,voice,441,33612345678,2026-03-02T10:00:00Z,61,surplus', // 7
      'num,TG101,out,voice,441,33-61,2026-03-02T10:00:00Z,61', // 8
      'kind,TG101,out,video,441,33612345678,2026-03-02T10:00:00Z,61', // 9
      'dir,TG101,sideways,voice,441,33612345678,2026-03-02T10:00:00Z,61', // 10
      'naive,TG101,out,voice,441,33612345678,2026-03-02T10:00:00,61', // 11
      '"quoted, id",TG101,out,voice,441,33612345678,2026-03-02T10:00:00Z,1', // 12
    ];
    const file = path.join(dir, 'usage.csv');
    await writeFile(file, lines.join('\n') + '\n');
    const res = await rate(store, { plans, usage: [{ path: file }], runId: 'csv1', progress: false, storeUsage: true });
    expect([res.inCount, res.ratedCount, res.suspenseCount, res.balanced]).toEqual([11, 2, 9, true]);
    const susp = await queryJson(store, `SELECT record_id, reason, source_file, source_line FROM suspense WHERE run_id = 'csv1' ORDER BY seq`);
    expect(susp.map((r) => [r.record_id, r.reason, r.source_line])).toEqual([
      ['bad-start', 'malformed-start', '3'], ['bad-dur', 'malformed-duration', '4'], ['neg', 'negative-duration', '5'],
      ['short', 'missing-field', '6'], ['extra', 'unparsable-row', '7'], ['num', 'malformed-number', '8'],
      ['kind', 'unknown-kind', '9'], ['dir', 'unknown-direction', '10'], ['naive', 'missing-offset', '11'],
    ]);
    expect(susp.every((r) => r.source_file === file)).toBe(true);
    const rated = await queryJson(store, `SELECT record_id, a_number, b_number, source_line FROM rated WHERE run_id = 'csv1' ORDER BY seq`);
    expect(rated).toEqual([
      { record_id: 'ok1', a_number: '441632960001', b_number: '33612345678', source_line: '2' },
      { record_id: 'quoted, id', a_number: '441', b_number: '33612345678', source_line: '12' },
    ]);
    const usage = await queryJson(store, `SELECT count(*) AS n FROM usage WHERE run_id = 'csv1'`);
    expect(usage[0]!.n).toBe('11');
  });

  it('maps columns and reads Parquet and JSON', async () => {
    const csv = path.join(dir, 'mapped.csv');
    await writeFile(csv, 'call_id,tg,dir,type,called,start,secs\nm1,TG101,out,voice,33612345678,2026-03-02T10:00:00Z,30\n');
    const mapping = { record_id: 'call_id', trunk: 'tg', direction: 'dir', kind: 'type', b_number: 'called', start_time: 'start', duration_s: 'secs' };
    const pq = path.join(dir, "it's.parquet");
    const js = path.join(dir, 'u.json');
    await store.connection.run(`COPY (SELECT 'p1' AS record_id, 'TG101' AS trunk, 'out' AS direction, 'voice' AS kind,
      33612345678::BIGINT AS b_number, TIMESTAMPTZ '2026-03-02 10:00:00+01' AS start_time, 61.5 AS duration_s)
      TO '${pq.replace(/'/g, "''")}' (FORMAT parquet)`);
    await writeFile(js, '{"record_id":"j1","trunk":"TG101","direction":"out","kind":"voice","b_number":"33612345678","start_time":"2026-03-02T10:00:00+01:00","duration_s":61}\n');
    const res = await rate(store, {
      plans, usage: [{ path: csv, mapping }, { path: pq }, { path: js }], runId: 'multi', progress: false,
    });
    const why = await queryJson(store, `SELECT record_id, reason, detail FROM suspense WHERE run_id = 'multi'`);
    expect(why).toEqual([]);
    expect([res.inCount, res.ratedCount]).toEqual([3, 3]);
    const rows = await queryJson(store, `SELECT record_id, billed_seconds, source_line FROM rated WHERE run_id = 'multi' ORDER BY seq`);
    expect(rows.map((r) => [r.record_id, r.billed_seconds, r.source_line])).toEqual([['m1', '60', '2'], ['p1', '120', '1'], ['j1', '120', '1']]);
  });

  it('reads Parquet in place among other sources: seq, line, file and raw text of each record', async () => {
    // Parquet sources are a view, not a copy (docs/performance.md): what a record's text, line and
    // source are must not depend on that. Sources in order: A.parquet (2 rows), c.csv (1), B.parquet (2, mapped)
    const lit = (p: string) => `'${p.replace(/'/g, "''")}'`;
    const a = path.join(dir, 'A.parquet');
    const b = path.join(dir, 'B.parquet');
    const csv = path.join(dir, 'c.csv');
    await store.connection.run(`COPY (SELECT * FROM (VALUES
        ('a1', 'TG101', 'out', 'voice', '33612345678', '2026-03-02T10:00:00Z', '30'),
        ('a2', 'TG101', 'out', 'voice', '33612345678', 'yesterday', '30'))
      t(record_id, trunk, direction, kind, b_number, start_time, duration_s)) TO ${lit(a)} (FORMAT parquet)`);
    await writeFile(csv, `${HEADER}\nc1,TG101,out,voice,441,33612345678,2026-03-02T10:00:00Z,61\n`);
    await store.connection.run(`COPY (SELECT * FROM (VALUES
        ('b1', 'TG101', 'out', 'voice', '33612345678', '2026-03-02T10:00:00Z', '30'),
        ('b2', 'TG101', 'out', 'voice', 'x12', '2026-03-02T10:00:00Z', '30'))
      t(call_id, trunk, direction, kind, b_number, start_time, duration_s)) TO ${lit(b)} (FORMAT parquet)`);
    const res = await rate(store, {
      plans, usage: [{ path: a }, { path: csv }, { path: b, mapping: { record_id: 'call_id' } }], runId: 'pq-view', progress: false, storeUsage: true,
    });
    expect([res.inCount, res.ratedCount, res.suspenseCount, res.balanced]).toEqual([5, 3, 2, true]);
    // seqs run 0..4 over the sources in order; Parquet lines are row positions from 1, CSV from 2 (header)
    const rated = await queryJson(store, `SELECT seq, record_id, source_file, source_line, billed_seconds FROM rated WHERE run_id = 'pq-view' ORDER BY seq`);
    expect(rated.map((r) => [r.seq, r.record_id, r.source_file, r.source_line, r.billed_seconds])).toEqual([
      // 30 s and 61 s at the fixture's 60/60 increments: 60 and 120 billed seconds
      ['0', 'a1', a, '1', '60'], ['2', 'c1', csv, '2', '120'], ['3', 'b1', b, '1', '60'],
    ]);
    const susp = await queryJson(store, `SELECT seq, record_id, reason, source_file, source_line, start_time, b_number FROM suspense WHERE run_id = 'pq-view' ORDER BY seq`);
    expect(susp.map((r) => [r.seq, r.record_id, r.reason, r.source_file, r.source_line, r.start_time, r.b_number])).toEqual([
      ['1', 'a2', 'malformed-start', a, '2', 'yesterday', '33612345678'],
      ['4', 'b2', 'malformed-number', b, '2', '2026-03-02T10:00:00Z', 'x12'],
    ]);
    const usage = await queryJson(store, `SELECT string_agg(record_id, ',' ORDER BY seq) AS ids FROM usage WHERE run_id = 'pq-view'`);
    expect(usage[0]!.ids).toBe('a1,a2,c1,b1,b2');
  });

  it('fails the run naming the file when a file is missing or corrupt, storing nothing', async () => {
    const good = path.join(dir, 'usage.csv');
    const corrupt = path.join(dir, 'corrupt.parquet');
    await writeFile(corrupt, 'this is not parquet');
    const before = await queryJson(store, `SELECT (SELECT count(*) FROM usage) AS u, (SELECT count(*) FROM rating_runs) AS r`);
    const missing = path.join(dir, 'nope.csv');
    await expect(rate(store, { plans, usage: [{ path: good }, { path: missing }], runId: 'x1', progress: false }))
      .rejects.toThrow(IngestError);
    await expect(rate(store, { plans, usage: [{ path: good }, { path: missing }], runId: 'x1', progress: false }))
      .rejects.toThrow(missing);
    await expect(rate(store, { plans, usage: [{ path: good }, { path: corrupt }], runId: 'x2', progress: false }))
      .rejects.toThrow(/corrupt\.parquet/);
    const after = await queryJson(store, `SELECT (SELECT count(*) FROM usage) AS u, (SELECT count(*) FROM rating_runs) AS r`);
    expect(after).toEqual(before);
  });
});
