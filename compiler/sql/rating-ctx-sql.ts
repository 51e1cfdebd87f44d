// Stage 1 of rating: resolve every parsed record to agreement, service, local time,
// zone (longest prefix), start band, rate line and billed seconds, or to a reason.
// All joins are equality hash joins; derived keys are projected as columns first,
// because a join on an expression of another join's column can plan as a nested loop.
// The result is deliberately narrow (ids, not names): materialising wide rows cost more
// than all the joins together; names are joined back from the plan tables at the end.
import type { PlanShape } from './plan-layout.js';
import { lpmKeySql, lpmLevels } from './rating-lpm-sql.js';
import { originCtxParts } from './rating-origin-sql.js';

/** Local time by offset table: UTC offsets are constant within a 15-minute UTC bucket. */
export const BUCKET_US = 900_000_000;

/**
 * UTC offset of each agreement zone for each 15-minute bucket the run's start times (and
 * the last seconds of their calls) fall in. ICU's timezone() with the zone taken from a
 * column was measured 17× slower than with a constant, so it runs here once per
 * (zone, bucket) instead of once per record. Every tz database transition since 1970 falls
 * on a quarter hour UTC, so one offset holds for a whole bucket.
 */
export const RUN_TZ_OFFSETS_SQL = `CREATE OR REPLACE TEMP TABLE run_tz_offsets AS
WITH b AS (
  SELECT epoch_us(start_time) // ${BUCKET_US} AS bucket FROM run_input WHERE reason IS NULL
  UNION
  SELECT (epoch_us(start_time) + greatest(dur - 1, 0) * 1000000) // ${BUCKET_US}
  FROM run_input WHERE reason IS NULL AND dur IS NOT NULL
), z AS (SELECT DISTINCT tz_idx, timezone FROM plan_agreements)
SELECT z.tz_idx, b.bucket,
       epoch_us(timezone(z.timezone, make_timestamptz(b.bucket * ${BUCKET_US}))) - b.bucket * ${BUCKET_US} AS offset_us
FROM z CROSS JOIN b`;

export function rateCtxSql(shape: PlanShape): string {
  const L = lpmLevels(shape).map((l) => l.len);
  // every column of a matching row is non-NULL, so coalesce picks all from the same (longest) hit
  const pick = (col: string, type = 'INTEGER') => (L.length ? `coalesce(${L.map((l) => `p${l}.${col}`).join(', ')})` : `NULL::${type}`);
  const agreementPick = shape.ambiguousAgreements
    ? `
  -- a trunk or partner key serves several agreements (or an id repeats): keep the one in
  -- force on the local date; on a date in none of them, the latest to start (outside-validity)
  QUALIFY row_number() OVER (PARTITION BY ul.seq ORDER BY
    (CAST(make_timestamp(ul.t_us + o.offset_us) AS DATE) BETWEEN ul.valid_from AND ul.valid_to) DESC NULLS LAST,
    ul.valid_from DESC, ul.ag_idx) = 1`
    : '';
  const o = originCtxParts(shape);
  // a service priced by call category: the record's category names the zone (no prefix match)
  const zonePick = shape.hasCategories
    ? `CASE WHEN by_category THEN cz.zone_idx ELSE ${pick('zone_idx')} END`
    : pick('zone_idx');
  const categoryJoin = shape.hasCategories ? `
  LEFT JOIN plan_zones cz ON cz.svc_idx = uk.svc_idx AND cz.zone = uk.category` : '';
  return `CREATE OR REPLACE TEMP TABLE rate_ctx AS
WITH u AS (
  SELECT seq, b_int, b_len, epoch_us(start_time) AS t_us, dur, agreement, service, bytes, category${o.aCols ? ', a_number' : ''},
         kind AS rec_kind, direction AS rec_dir,
         -- a pre-assigned agreement overrides trunk matching; a pre-assigned service is
         -- matched by name (and must agree with the record's own kind and direction when it
         -- has them), otherwise by kind and direction
         CASE WHEN agreement IS NULL THEN trunk END AS trunk_key,
         -- without an agreement or a trunk, the partner code finds the agreement (together
         -- with the record's kind and direction: plan_partner_keys)
         CASE WHEN agreement IS NULL AND trunk IS NULL THEN partner END AS partner_key,
         CASE WHEN service IS NULL THEN kind END AS kind_key,
         CASE WHEN service IS NULL THEN direction END AS dir_key
  FROM run_input WHERE reason IS NULL
), ua AS (
  SELECT u.*, coalesce(pa.ag_idx, pt.ag_idx${shape.partnerKeys ? ', pp.ag_idx' : ''}) AS ag_idx
  FROM u
  LEFT JOIN plan_agreements pa ON pa.agreement_id = u.agreement
  LEFT JOIN plan_trunks pt ON pt.trunk = u.trunk_key${shape.partnerKeys ? `
  LEFT JOIN plan_partner_keys pp ON pp.code = u.partner_key AND pp.kind = u.rec_kind AND pp.direction = u.rec_dir` : ''}
), ul AS (
  SELECT ua.*, a.tz_idx, a.valid_from, a.valid_to, ua.t_us // ${BUCKET_US} AS bucket
  FROM ua LEFT JOIN plan_agreements a ON a.ag_idx = ua.ag_idx
), ut AS (
  -- wall-clock start in the agreement's IANA zone
  SELECT ul.* EXCLUDE (bucket), make_timestamp(ul.t_us + o.offset_us) AS local_ts
  FROM ul LEFT JOIN run_tz_offsets o ON o.tz_idx = ul.tz_idx AND o.bucket = ul.bucket${agreementPick}
), uv AS (
  SELECT ut.* EXCLUDE (agreement, trunk_key, kind_key, dir_key, rec_kind, rec_dir, partner_key), CAST(local_ts AS DATE) AS local_date,
         -- a pre-assigned service never overrides the record's kind or direction: a mismatch
         -- leaves no service (checked here, not in the join, to keep it a pure equality join)
         coalesce(CASE WHEN (ut.rec_kind IS NULL OR sn.kind = ut.rec_kind)
                        AND (ut.rec_dir IS NULL OR sn.direction = ut.rec_dir) THEN sn.svc_idx END,
                  sk.svc_idx) AS svc_idx
  FROM ut
  LEFT JOIN plan_services sn ON sn.ag_idx = ut.ag_idx AND sn.service = ut.service
  LEFT JOIN plan_service_keys sk ON sk.ag_idx = ut.ag_idx AND sk.kind = ut.kind_key AND sk.direction = ut.dir_key
), uk AS (
  SELECT uv.*, s.kind AS svc_kind, s.first_s, s.next_s, s.min_s, s.zero_charged, s.split,
         s.by_category, s.has_origin, s.origin_none_idx${L.length ? ',\n         -- the B-number cut to each level\'s length, as an integer key\n         ' : ''}${lpmLevels(shape).map(lpmKeySql).join(',\n         ')}${o.keys}
  FROM (SELECT *, b_int * CAST(10 ** (18 - b_len) AS BIGINT) AS b18${o.aCols} FROM uv) uv
  LEFT JOIN plan_services s ON s.svc_idx = uv.svc_idx
), um AS (
  -- longest-prefix match: one equality join per level (rating-lpm-sql.ts), the longest hit wins
  SELECT uk.* EXCLUDE (b_int, b_len, b18${L.map((l) => `, pk_${l}`).join('')}${o.exclude}),
         ${pick('pfx_idx')} AS pfx_idx, ${zonePick} AS zone_idx, ${pick('barred', 'BOOLEAN')} AS barred,
         uk.b_len IS NULL AS no_b, ${o.pick}
  FROM uk${L.map((l) => `\n  LEFT JOIN plan_lpm p${l} ON p${l}.lvl = ${l} AND p${l}.svc_idx = uk.svc_idx AND p${l}.key = uk.pk_${l}`).join('')}${categoryJoin}${o.joins}
), uo AS (${o.joins ? `
  -- origin pricing: the rate lines' origin zone and the surcharge per unit of the A-number's prefix
  SELECT um.*, op.ozone_idx, op.sur_n
  FROM um LEFT JOIN plan_origin_prefixes op ON op.opx_idx = um.opx_idx` : `
  SELECT um.*, NULL::INTEGER AS ozone_idx, NULL::BIGINT AS sur_n FROM um`}
), ub AS (
  SELECT um.*, (h.day IS NOT NULL) AS is_holiday, isodow(local_ts) AS iso_dow,
         hour(local_ts) * 60 + minute(local_ts) AS minute_of_day,
         -- bucket of the last actual second, only where the split rule can apply
         CASE WHEN split AND svc_kind = 'voice' AND dur > 1
              THEN (t_us + (dur - 1) * 1000000) // ${BUCKET_US} END AS last_bucket
  FROM uo um LEFT JOIN plan_holidays h ON h.ag_idx = um.ag_idx AND h.day = um.local_date
), ud AS (
  -- the start band: the day profile's band code at the minute of the start
  SELECT ub.*, dp.band_map, substr(dp.band_map, minute_of_day + 1, 1) AS band_code,
         make_timestamp(t_us + (dur - 1) * 1000000 + o.offset_us) AS last_local
  FROM ub
  LEFT JOIN plan_day_profiles dp ON dp.ag_idx = ub.ag_idx AND dp.holiday = ub.is_holiday AND dp.iso_dow = ub.iso_dow
  LEFT JOIN run_tz_offsets o ON o.tz_idx = ub.tz_idx AND o.bucket = ub.last_bucket
), ur AS (
  -- the rate line in force on the local date of the start
  -- a deck line may override the service's increments (r.first_s/r.next_s, NULL = none)
  SELECT ud.*, ${o.joins ? 'coalesce(ro.rate_idx, r.rate_idx)' : 'r.rate_idx'} AS rate_idx, coalesce(r.closed, false) AS rate_closed,
         CASE WHEN svc_kind IN ('sms', 'data', 'event', 'iot', 'subscription') THEN NULL
              WHEN dur = 0 AND NOT zero_charged THEN 0
              WHEN dur = 0 THEN min_s
              WHEN greatest(dur, min_s) <= coalesce(r.first_s, ud.first_s) THEN coalesce(r.first_s, ud.first_s)
              ELSE coalesce(r.first_s, ud.first_s)
                   + ((greatest(dur, min_s) - coalesce(r.first_s, ud.first_s) + coalesce(r.next_s, ud.next_s) - 1)
                      // coalesce(r.next_s, ud.next_s)) * coalesce(r.next_s, ud.next_s)
         END AS billed
  FROM ud LEFT JOIN plan_rates r
    ON r.svc_idx = ud.svc_idx AND r.zone_idx = ud.zone_idx AND r.band_code = ud.band_code
   AND ud.local_date >= r.eff_from AND ud.local_date < r.eff_to AND r.origin_idx = -1${o.joins ? `
  -- an origin-keyed line for the A-number's origin zone, in force on that date, prices instead
  LEFT JOIN plan_rates ro
    ON ro.svc_idx = ud.svc_idx AND ro.zone_idx = ud.zone_idx AND ro.band_code = ud.band_code
   AND ud.local_date >= ro.eff_from AND ud.local_date < ro.eff_to AND ro.origin_idx = ud.ozone_idx` : ''}
), uc AS (
  SELECT seq, ag_idx, tz_idx, svc_idx, svc_kind, zero_charged, t_us, dur, billed, local_ts, local_date,
         valid_from, valid_to, pfx_idx, zone_idx, barred, band_code, rate_idx, rate_closed,
         bytes, no_b, by_category, opx_idx, ozone_idx, sur_n,
         -- split rule: does the call leave its start band run? It stays iff the wall clock
         -- advanced exactly as real time (no DST change), on the same date, and every minute
         -- from the start to the last second has the start band.
         CASE WHEN last_local IS NULL THEN false
              ELSE NOT (epoch_us(last_local) - epoch_us(local_ts) = (dur - 1) * 1000000
                        AND CAST(last_local AS DATE) = local_date
                        AND ltrim(substr(band_map, minute_of_day + 1,
                                         hour(last_local) * 60 + minute(last_local) - minute_of_day + 1),
                                  band_code) = '')
         END AS crossing
  FROM ur
)
SELECT uc.*,
  CASE
    WHEN ag_idx IS NULL THEN 'no-agreement'
    WHEN svc_idx IS NULL THEN 'no-service'
    WHEN local_date < valid_from OR local_date > valid_to THEN 'outside-validity'
    WHEN svc_kind = 'voice' AND dur IS NULL THEN 'missing-field'
    WHEN svc_kind = 'data' AND bytes IS NULL THEN 'missing-field'
    WHEN svc_kind IN ('voice', 'sms') AND no_b THEN 'missing-field'
    WHEN zone_idx IS NULL AND by_category THEN 'no-category'
    WHEN zone_idx IS NULL THEN 'no-zone'
    WHEN barred THEN 'barred'
    -- a deck closed the prefix from this date: before the split and zero-duration paths,
    -- which would otherwise price or pass the call without looking at the line
    WHEN rate_closed THEN 'closed'
    WHEN crossing THEN NULL
    WHEN svc_kind = 'voice' AND dur = 0 AND NOT zero_charged THEN NULL
    -- an empty data session is rated 0 by rule (clause zero-volume), as a free zero-duration call
    WHEN svc_kind = 'data' AND bytes = 0 THEN NULL
    WHEN rate_idx IS NULL THEN 'no-rate'
  END AS reason,
  -- the rated_dims key: the rate line, or for zero-duration and split calls (no single
  -- line) the zone and start band, odd for zero-duration
  CAST(CASE WHEN (svc_kind = 'voice' AND dur = 0 AND NOT zero_charged) OR (svc_kind = 'data' AND bytes = 0)
            THEN -2 - (zone_idx * 256 + coalesce(ascii(band_code), 32) * 2 + 1)
            WHEN crossing THEN -2 - (zone_idx * 256 + coalesce(ascii(band_code), 32) * 2)
            ELSE rate_idx END AS INTEGER) AS dim
FROM uc`;
}
