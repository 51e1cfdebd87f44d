// Stage 1 of rating: resolve every parsed record to agreement, service, local time,
// zone (longest prefix), start band, rate line and billed seconds, or to a reason.
// All joins are equality hash joins; derived keys are projected as columns first,
// because a join on an expression of another join's column can plan as a nested loop.
import type { PlanShape } from './plan-layout.js';

function prefixKey(len: number): string {
  if (len === 0) return `0::BIGINT AS pk_0`;
  return `CASE WHEN b_len >= ${len} THEN b_int // CAST(10 ** (b_len - ${len}) AS BIGINT) END AS pk_${len}`;
}

export function rateCtxSql(shape: PlanShape): string {
  const L = shape.prefixLengths;
  const pick = (col: string) => (L.length ? `coalesce(${L.map((l) => `p${l}.${col}`).join(', ')})` : 'NULL');
  const agreementPick = shape.ambiguousAgreements
    ? `
  -- a trunk serves several agreements (or an id repeats): keep the one in force on the local date
  QUALIFY row_number() OVER (PARTITION BY ua.seq ORDER BY
    (CAST(timezone(a.timezone, ua.start_time) AS DATE) BETWEEN a.valid_from AND a.valid_to) DESC NULLS LAST,
    a.valid_from DESC, a.ag_idx) = 1`
    : '';
  return `CREATE OR REPLACE TEMP TABLE rate_ctx AS
WITH u AS (
  SELECT seq, record_id, trunk, direction, kind, a_number, b_number, b_int, b_len,
         start_time, duration_s, dur, units, agreement, service,
         -- a pre-assigned agreement overrides trunk matching
         CASE WHEN agreement IS NULL THEN trunk END AS trunk_key
  FROM run_input WHERE reason IS NULL
), ua AS (
  SELECT u.*, coalesce(pa.ag_idx, pt.ag_idx) AS ag_idx
  FROM u
  LEFT JOIN plan_agreements pa ON pa.agreement_id = u.agreement
  LEFT JOIN plan_trunks pt ON pt.trunk = u.trunk_key
), ul AS (
  -- wall-clock start in the agreement's IANA zone (ICU; the session TimeZone is UTC)
  SELECT ua.*, a.agreement_id, a.version, a.plan_hash, a.currency, a.timezone, a.valid_from, a.valid_to,
         timezone(a.timezone, ua.start_time) AS local_ts
  FROM ua LEFT JOIN plan_agreements a ON a.ag_idx = ua.ag_idx${agreementPick}
), us AS (
  SELECT ul.*, CAST(local_ts AS DATE) AS local_date,
         -- a pre-assigned service is matched by name, otherwise by kind and direction
         CASE WHEN service IS NULL THEN kind END AS kind_key,
         CASE WHEN service IS NULL THEN direction END AS dir_key
  FROM ul
), uv AS (
  SELECT us.*, coalesce(sn.svc_idx, sk.svc_idx) AS svc_idx
  FROM us
  LEFT JOIN plan_services sn ON sn.ag_idx = us.ag_idx AND sn.service = us.service
  LEFT JOIN plan_service_keys sk ON sk.ag_idx = us.ag_idx AND sk.kind = us.kind_key AND sk.direction = us.dir_key
), uk AS (
  SELECT uv.*, s.service AS svc_name, s.kind AS svc_kind, s.direction AS svc_dir,
         s.first_s, s.next_s, s.min_s, s.connect_n60, s.max_n60, s.zero_charged, s.split,
         s.round_method, s.round_decimals, s.round_den, s.round_mul${L.length ? ',\n         -- the B-number cut to each prefix length present, as an integer key\n         ' : ''}${L.map(prefixKey).join(',\n         ')}
  FROM uv LEFT JOIN plan_services s ON s.svc_idx = uv.svc_idx
), um AS (
  -- longest-prefix match: one equality join per prefix length, the longest hit wins
  SELECT uk.*, ${pick('zone')} AS zone, ${pick('barred')} AS barred, ${pick('prefix')} AS matched_prefix
  FROM uk${L.map((l) => `\n  LEFT JOIN plan_prefixes p${l} ON p${l}.plen = ${l} AND p${l}.svc_idx = uk.svc_idx AND p${l}.pkey = uk.pk_${l}`).join('')}
), ub AS (
  SELECT um.*, (h.day IS NOT NULL) AS is_holiday, isodow(local_ts) AS iso_dow,
         hour(local_ts) * 60 + minute(local_ts) AS minute_of_day
  FROM um LEFT JOIN plan_holidays h ON h.ag_idx = um.ag_idx AND h.day = um.local_date
), ud AS (
  -- the start band, and the minute at which its run of equal band ends that day
  SELECT ub.*, dp.minute_band[minute_of_day + 1] AS band, dp.minute_run_end[minute_of_day + 1] AS run_end
  FROM ub LEFT JOIN plan_day_profiles dp
    ON dp.ag_idx = ub.ag_idx AND dp.holiday = ub.is_holiday AND dp.iso_dow = ub.iso_dow
), ur AS (
  -- the rate line in force on the local date of the start
  SELECT ud.*, r.rate_idx, r.clause, r.source AS rate_source, r.n_steps, r.price0_n, r.s_from, r.s_to, r.s_price,
         CASE WHEN svc_kind = 'sms' THEN NULL
              WHEN dur = 0 AND NOT zero_charged THEN 0
              WHEN dur = 0 THEN min_s
              WHEN greatest(dur, min_s) <= first_s THEN first_s
              ELSE first_s + ((greatest(dur, min_s) - first_s + next_s - 1) // next_s) * next_s
         END AS billed,
         -- wall-clock time of the last actual second, only where the split rule can apply
         CASE WHEN split AND svc_kind = 'voice' AND dur > 1
              THEN timezone(timezone, start_time + to_seconds(dur - 1)) END AS last_local
  FROM ud LEFT JOIN plan_rates_ext r
    ON r.svc_idx = ud.svc_idx AND r.zone = ud.zone AND r.band = ud.band
   AND ud.local_date >= r.eff_from AND ud.local_date < r.eff_to
), uc AS (
  SELECT ur.*,
         -- split rule: does the call leave its start band run? It stays iff the wall clock
         -- advanced exactly as real time (no DST change), on the same date, before the run ends.
         CASE WHEN last_local IS NULL THEN false
              ELSE NOT (epoch_us(last_local) - epoch_us(local_ts) = (dur - 1) * 1000000
                        AND CAST(last_local AS DATE) = local_date
                        AND hour(last_local) * 60 + minute(last_local) < run_end)
         END AS crossing
  FROM ur
)
SELECT uc.*,
  CASE
    WHEN ag_idx IS NULL THEN 'no-agreement'
    WHEN svc_idx IS NULL THEN 'no-service'
    WHEN local_date < valid_from OR local_date > valid_to THEN 'outside-validity'
    WHEN svc_kind = 'voice' AND dur IS NULL THEN 'missing-field'
    WHEN zone IS NULL THEN 'no-zone'
    WHEN barred THEN 'barred'
    WHEN crossing THEN NULL
    WHEN svc_kind = 'voice' AND dur = 0 AND NOT zero_charged THEN NULL
    WHEN rate_idx IS NULL THEN 'no-rate'
  END AS reason
FROM uc`;
}
