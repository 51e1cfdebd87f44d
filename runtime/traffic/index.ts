// Sample traffic for an agreement: deterministic, real-looking usage records generated in
// DuckDB (set-based; see sql.ts) and written with COPY as Parquet, CSV or JSON.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AgreementPlan } from '../../compiler/plan.js';
import { daysInMonth, isoDate, readMonth } from '../period/calendar.js';
import { buildTables, ORIGIN_PREFIXES, type TrafficTables } from './tables.js';
import { calendarSql, sqlString, trafficSelect } from './sql.js';
import { TrafficError } from './errors.js';
import { formatFromPath, type TrafficFormat } from './format.js';

export { TrafficError, formatFromPath, type TrafficFormat };

export interface TrafficOptions {
  records: number;
  /** YYYY-MM, a calendar month in the agreement's time zone */
  month: string;
  seed: string;
  out: string;
  /** DuckDB threads; output does not depend on it */
  threads?: number;
}

export interface TrafficResult {
  records: number;
  out: string;
  format: TrafficFormat;
  services: { service: string; kind: string; direction: string }[];
  seconds: number;
}

export function parseMonth(month: string): { monthStart: string; daysInMonth: number; monthTag: string } | null {
  const m = readMonth(month);
  if (!m) return null;
  return { monthStart: isoDate(m.year, m.month, 1), daysInMonth: daysInMonth(m.year, m.month), monthTag: month.replace('-', '') };
}

export async function generateTraffic(plan: AgreementPlan, opts: TrafficOptions): Promise<TrafficResult> {
  const started = performance.now();
  const format = formatFromPath(opts.out);
  if (!format) throw new TrafficError(`--out ${opts.out}: the file must end in .parquet, .csv or .json`);
  const month = parseMonth(opts.month);
  if (!month) throw new TrafficError(`--month ${opts.month}: expected YYYY-MM`);
  if (!Number.isSafeInteger(opts.records) || opts.records < 0) throw new TrafficError(`--records ${opts.records}: expected a whole number >= 0`);
  const tables = buildTables(plan);
  if (tables.services.length === 0) {
    throw new TrafficError(`agreement ${plan.id} has no voice or sms service carried on an interconnect trunk: nothing to generate`);
  }

  const db = await DuckDBInstance.create(':memory:', opts.threads ? { threads: String(opts.threads) } : {});
  const con = await db.connect();
  const out = path.resolve(opts.out);
  // Written next to the target then renamed: a failed run never leaves a half-written file.
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    await con.run(`SET TimeZone = 'UTC'`);
    await loadTables(con, tables);
    const sqlOpts = { records: opts.records, seed: opts.seed, timezone: plan.timezone, ...month };
    for (const stmt of calendarSql(sqlOpts)) await con.run(stmt);
    await makeDirs(path.dirname(out));
    const copyOpts = format === 'parquet' ? `FORMAT parquet` : format === 'csv' ? `FORMAT csv, HEADER true` : `FORMAT json`;
    await con.run(`COPY (${trafficSelect(sqlOpts)}) TO ${sqlString(tmp)} (${copyOpts})`);
    await rename(tmp, out);
  } catch (e) {
    // best effort: the original error is the one worth reporting
    await rm(tmp, { force: true, recursive: true }).catch(() => undefined);
    throw e;
  } finally {
    con.closeSync();
    db.closeSync();
  }
  return {
    records: opts.records,
    out,
    format,
    services: tables.services.map((s) => ({ service: s.service, kind: s.kind, direction: s.direction })),
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * mkdir -p one level at a time: Node's recursive mkdir spins forever on some paths
 * (e.g. under /proc), and an error naming the directory is better than a hang.
 */
async function makeDirs(dir: string): Promise<void> {
  try {
    if ((await stat(dir)).isDirectory()) return;
    throw new TrafficError(`--out: ${dir} is not a directory`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const parent = path.dirname(dir);
  if (parent !== dir) await makeDirs(parent);
  try {
    await mkdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST') throw new TrafficError(`--out: cannot create directory ${dir} (${code ?? String(e)})`);
  }
}

/**
 * Loads the lookup tables. Each table travels as one bound JSON parameter unnested in SQL:
 * fast for the ~100k rows of a big deck and no value is ever spliced into SQL text.
 */
export async function loadTables(con: DuckDBConnection, t: TrafficTables): Promise<void> {
  await load(con, 'tg_service', { svc: 'INTEGER', service: 'VARCHAR', kind: 'VARCHAR', direction: 'VARCHAR', n_trunks: 'INTEGER', n_zone_slots: 'INTEGER', no_zone_prefix: 'VARCHAR' },
    t.services.map((s) => ({ svc: s.svc, service: s.service, kind: s.kind, direction: s.direction, n_trunks: s.nTrunks, n_zone_slots: s.nZoneSlots, no_zone_prefix: s.noZonePrefix })));
  await load(con, 'tg_service_slot', { slot: 'INTEGER', svc: 'INTEGER' }, t.serviceSlots);
  await load(con, 'tg_trunk', { svc: 'INTEGER', idx: 'INTEGER', trunk: 'VARCHAR' }, t.trunks);
  await load(con, 'tg_zone_slot', { svc: 'INTEGER', slot: 'INTEGER', zone_idx: 'INTEGER' }, t.zoneSlots.map((r) => ({ svc: r.svc, slot: r.slot, zone_idx: r.zoneIdx })));
  await load(con, 'tg_zone', { svc: 'INTEGER', zone_idx: 'INTEGER', zone: 'VARCHAR', n_prefixes: 'INTEGER' },
    t.zones.map((r) => ({ svc: r.svc, zone_idx: r.zoneIdx, zone: r.zone, n_prefixes: r.nPrefixes })));
  await load(con, 'tg_prefix', { svc: 'INTEGER', zone_idx: 'INTEGER', idx: 'INTEGER', prefix: 'VARCHAR' },
    t.prefixes.map((r) => ({ svc: r.svc, zone_idx: r.zoneIdx, idx: r.idx, prefix: r.prefix })));
  await load(con, 'tg_origin', { idx: 'UBIGINT', prefix: 'VARCHAR' }, ORIGIN_PREFIXES.map((prefix, idx) => ({ idx, prefix })));
}

async function load(con: DuckDBConnection, table: string, columns: Record<string, string>, rows: object[]): Promise<void> {
  const names = Object.keys(columns);
  await con.run(`CREATE OR REPLACE TEMP TABLE ${table}(${names.map((n) => `${n} ${columns[n]}`).join(', ')})`);
  if (rows.length === 0) return;
  await con.run(
    `INSERT INTO ${table} SELECT ${names.map((n) => `r.${n}`).join(', ')}
     FROM (SELECT unnest(from_json($1::JSON, ${sqlString(JSON.stringify([columns]))})) AS r)`,
    [JSON.stringify(rows)],
  );
}
