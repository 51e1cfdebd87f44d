// The set-based traffic query. Every random choice is `hash(seed, i, salt)` so a row's
// content depends only on (seed, row index): the same seed gives the same rows whatever the
// thread count or chunking, and the final ORDER BY i fixes the row order in the output.
import { ORIGIN_PREFIXES } from './tables.js';

const ORIGIN_COUNT = ORIGIN_PREFIXES.length;

export interface TrafficSqlOptions {
  records: number;
  seed: string;
  /** agreement IANA time zone, used for the diurnal profile */
  timezone: string;
  /** first local day of the month, YYYY-MM-DD */
  monthStart: string;
  daysInMonth: number;
  /** month tag used in record ids, e.g. 202603 */
  monthTag: string;
}

export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** Share of traffic per local hour (sums to 100): quiet nights, busy 08–20. */
export const HOUR_WEIGHTS = [1, 1, 1, 1, 1, 1, 2, 4, 6, 6, 7, 7, 6, 6, 6, 6, 6, 6, 6, 6, 5, 4, 3, 2];

/** Statements that fill `tg_hour_slot` and `tg_hours` (UTC epoch of each local hour of the month). */
export function calendarSql(o: TrafficSqlOptions): string[] {
  const slots: string[] = [];
  HOUR_WEIGHTS.forEach((w, hour) => {
    for (let k = 0; k < w; k++) slots.push(`(${slots.length}, ${hour})`);
  });
  return [
    `CREATE OR REPLACE TEMP TABLE tg_hour_slot(slot INTEGER, hour INTEGER)`,
    `INSERT INTO tg_hour_slot VALUES ${slots.join(', ')}`,
    // ICU turns each local wall-clock hour into an instant (DST included); done once per hour,
    // not per record.
    `CREATE OR REPLACE TEMP TABLE tg_hours AS
       SELECT d::INTEGER AS day, h::INTEGER AS hour,
              epoch(timezone(${sqlString(o.timezone)}, DATE ${sqlString(o.monthStart)} + to_days(d::INTEGER) + to_hours(h::INTEGER)))::BIGINT AS utc_s
       FROM range(${o.daysInMonth}) t(d), range(24) u(h)`,
  ];
}

/** The SELECT producing the usage rows, ordered by row index. */
export function trafficSelect(o: TrafficSqlOptions): string {
  const seed = sqlString(o.seed);
  const h = (salt: string) => `hash(${seed}, i, '${salt}')`;
  // uniform double in (0, 1) from 53 bits of a hash
  const u = (salt: string) => `((${h(salt)} >> 11)::DOUBLE + 0.5) / 9007199254740992.0`;
  const digits = (salt: string, k: string) => `lpad((${h(salt)} % CAST(pow(10, ${k}) AS UBIGINT))::VARCHAR, ${k}, '0')`;
  return `
WITH base AS (
  SELECT i, (${h('svc')} % 100)::INTEGER AS svc_slot FROM range(${o.records}) r(i)
), s1 AS (
  SELECT b.i, s.* FROM base b JOIN tg_service_slot ss ON ss.slot = b.svc_slot JOIN tg_service s ON s.svc = ss.svc
), s2 AS (
  SELECT *, (${h('trunk')} % n_trunks::UBIGINT)::INTEGER AS trunk_idx,
            (${h('zone')} % n_zone_slots::UBIGINT)::INTEGER AS zone_slot,
            (${h('hour')} % 100)::INTEGER AS hour_slot,
            (${h('day')} % ${o.daysInMonth})::INTEGER AS day,
            (${h('nozone')} % 1000) < 10 AND no_zone_prefix IS NOT NULL AS no_zone,
            ${h('orig')} % ${ORIGIN_COUNT} AS orig_idx
  FROM s1
), s3 AS (
  SELECT s2.*, t.trunk, zs.zone_idx, z.n_prefixes
  FROM s2
  JOIN tg_trunk t ON t.svc = s2.svc AND t.idx = s2.trunk_idx
  JOIN tg_zone_slot zs ON zs.svc = s2.svc AND zs.slot = s2.zone_slot
  JOIN tg_zone z ON z.svc = s2.svc AND z.zone_idx = zs.zone_idx
), s4 AS (
  SELECT s3.*, (${h('pfx')} % n_prefixes::UBIGINT)::INTEGER AS pfx_idx FROM s3
), s5 AS (
  SELECT s4.*, CASE WHEN no_zone THEN no_zone_prefix ELSE p.prefix END AS b_prefix,
         o.prefix AS a_prefix, hs.hour, hr.utc_s
  FROM s4
  JOIN tg_prefix p ON p.svc = s4.svc AND p.zone_idx = s4.zone_idx AND p.idx = s4.pfx_idx
  JOIN tg_origin o ON o.idx = s4.orig_idx
  JOIN tg_hour_slot hs ON hs.slot = s4.hour_slot
  JOIN tg_hours hr ON hr.day = s4.day AND hr.hour = hs.hour
), ordered AS (
  -- Sort the narrow row (ids, prefixes, hour) by row index; the wide strings are built
  -- after the sort by projections only, which keep this order (cheaper than sorting them).
  SELECT i, trunk, direction, kind, b_prefix, a_prefix, utc_s FROM s5 ORDER BY i
), s6 AS (
  SELECT *,
    -- national numbers of 11-12 digits, at least 3 digits after the prefix, at most 15 (E.164)
    (least(15, greatest(length(b_prefix) + 3, 11 + (${h('blen')} % 2)::INTEGER)) - length(b_prefix))::INTEGER AS b_rest,
    (12 - length(a_prefix))::INTEGER AS a_rest,
    -- log-normal holding time: median 90 s, sigma 0.9: mean ~2.3 min
    exp(ln(90) + 0.9 * sqrt(-2 * ln(${u('d1')})) * cos(2 * pi() * ${u('d2')})) AS raw_s
  FROM ordered
)
SELECT
  'C${o.monthTag}-' || lpad(i::VARCHAR, 10, '0') AS record_id,
  trunk,
  direction,
  kind,
  a_prefix || ${digits('adig', 'a_rest')} AS a_number,
  b_prefix || ${digits('bdig', 'b_rest')} AS b_number,
  strftime(make_timestamp((utc_s + ${h('sec')} % 3600)::BIGINT * 1000000), '%Y-%m-%dT%H:%M:%SZ') AS start_time,
  CASE WHEN kind <> 'voice' THEN NULL
       WHEN ${h('ans')} % 100 < 10 THEN 0.0                      -- unanswered: ~10%
       WHEN ${h('frac')} % 10 < 3 THEN greatest(0.1, round(least(raw_s, 14400), 1)) -- some switches report tenths
       ELSE ceil(least(raw_s, 14400))
  END::DECIMAL(10,1) AS duration_s,
  CASE WHEN kind <> 'sms' THEN NULL
       WHEN ${h('units')} % 100 < 90 THEN 1
       WHEN ${h('units')} % 100 < 97 THEN 2
       ELSE 3
  END::INTEGER AS units
FROM s6`;
}
