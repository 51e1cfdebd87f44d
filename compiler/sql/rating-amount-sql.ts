// Stages 2 and 3 of rating: the split path for calls that cross a band boundary, rate
// steps, then exact amounts. Money is integer nano-units × 60 ("n60") until the very end,
// where one integer division per record rounds it to the service's decimals by its
// declared method. Never DECIMAL division: in DuckDB it returns DOUBLE.
// The integers are BIGINT (HUGEINT division was measured 5× slower): a record's gross
// charge may reach 9.2e18 / 60 nano-units, about 153 million currency units; beyond that
// DuckDB's checked arithmetic raises an overflow error and the run fails — never a wrong
// amount.

/**
 * Split rule, only for calls that leave their start band run. The call is cut into
 * pieces, one per UTC minute it touches (window boundaries and DST changes fall on whole
 * minutes), each piece's wall-clock minute picks its band through the day profile of its
 * own local date. Piece i covers billed positions [a, b); the last piece also takes the
 * extra billed seconds (billed - d). Each piece × step overlap is priced at the rate line
 * of the piece's band in force on the call's start date. (ICU with a per-row zone is slow,
 * but only crossing calls come here.)
 */
export const RATE_SPLIT_SQL = `CREATE OR REPLACE TEMP TABLE rate_split AS
WITH c AS (
  SELECT c.seq, c.ag_idx, c.svc_idx, a.timezone, c.zone_idx, c.local_date, c.dur, c.billed, c.t_us AS t0, c.ozone_idx
  FROM rate_ctx c JOIN plan_agreements a ON a.ag_idx = c.ag_idx
  WHERE c.crossing AND c.reason IS NULL
), pc AS (
  SELECT c.*, t0 // 60000000 + unnest(range(0, (t0 + dur * 1000000 - 1) // 60000000 - t0 // 60000000 + 1)) AS mk
  FROM c
), pp AS (
  SELECT pc.*,
         -- first and one-past-last actual second (0-based from the start) inside minute mk
         greatest(0, (mk * 60000000 - t0 + 999999) // 1000000) AS a,
         least(dur, ((mk + 1) * 60000000 - t0 + 999999) // 1000000) AS b,
         timezone(timezone, make_timestamptz(greatest(mk * 60000000, t0))) AS p_local
  FROM pc
), pb AS (
  SELECT pp.*, CAST(p_local AS DATE) AS p_date, isodow(p_local) AS p_dow,
         hour(p_local) * 60 + minute(p_local) AS p_min,
         CASE WHEN b = dur THEN billed ELSE b END AS seg_end
  FROM pp WHERE a < b
), ph AS (
  SELECT pb.*, (h.day IS NOT NULL) AS p_hol
  FROM pb LEFT JOIN plan_holidays h ON h.ag_idx = pb.ag_idx AND h.day = pb.p_date
), pd AS (
  SELECT ph.*, substr(dp.band_map, p_min + 1, 1) AS p_code
  FROM ph LEFT JOIN plan_day_profiles dp ON dp.ag_idx = ph.ag_idx AND dp.holiday = ph.p_hol AND dp.iso_dow = ph.p_dow
), pr AS (
  SELECT pd.*, coalesce(ro.rate_idx, r.rate_idx) AS rate_idx, coalesce(ro.clause, r.clause) AS clause,
         coalesce(ro.source, r.source) AS source
  FROM pd LEFT JOIN plan_rates r
    ON r.svc_idx = pd.svc_idx AND r.zone_idx = pd.zone_idx AND r.band_code = pd.p_code
   AND pd.local_date >= r.eff_from AND pd.local_date < r.eff_to AND r.origin_idx = -1
  -- origin pricing: the line for the A-number's origin zone, where there is one, prices the piece
  LEFT JOIN plan_rates ro
    ON ro.svc_idx = pd.svc_idx AND ro.zone_idx = pd.zone_idx AND ro.band_code = pd.p_code
   AND pd.local_date >= ro.eff_from AND pd.local_date < ro.eff_to AND ro.origin_idx = pd.ozone_idx
), ps AS (
  SELECT pr.seq, pr.a, pr.p_code, pr.rate_idx, pr.clause, pr.source,
         coalesce(greatest(0, least(pr.seg_end, st.to_s) - greatest(pr.a, st.from_s)) * st.price_n, 0) AS n
  FROM pr LEFT JOIN plan_rate_steps st ON st.rate_idx = pr.rate_idx
), per_clause AS (
  SELECT seq, clause, source, min(a) AS first_a, sum(n) AS n, bool_or(rate_idx IS NULL) AS missing,
         min(p_code) FILTER (WHERE rate_idx IS NULL) AS missing_code
  FROM ps GROUP BY seq, clause, source
)
SELECT seq, CAST(sum(n) AS BIGINT) AS split_n, bool_or(missing) AS missing_rate, min(missing_code) AS missing_code,
       string_agg(clause, ' + ' ORDER BY first_a) AS clauses,
       string_agg(source, ' + ' ORDER BY first_a) AS sources
FROM per_clause GROUP BY seq`;

/** Rate lines with several steps (start-band path): Σ over steps of billed positions in [from, to). */
export const RATE_STEPS_SQL = `CREATE OR REPLACE TEMP TABLE rate_steps AS
SELECT c.seq, CAST(sum(greatest(0, least(c.billed, st.to_s) - st.from_s) * st.price_n) AS BIGINT) AS steps_n
FROM rate_ctx c JOIN plan_rate_steps st ON st.rate_idx = c.rate_idx
WHERE c.reason IS NULL AND NOT c.crossing AND c.svc_kind = 'voice'
  AND c.rate_idx IN (SELECT rate_idx FROM plan_rates WHERE n_steps > 1)
GROUP BY c.seq`;

/** Every resolved record with its names joined back and its final reason (NULL = rated). */
export const RATE_FINAL_VIEW_SQL = `CREATE OR REPLACE TEMP VIEW rate_final AS
SELECT c.*, i.record_id, i.src_no, i.source_line, i.trunk, i.kind, i.direction, i.a_number, i.b_number,
       i.start_time, i.duration_s, i.units, i.agreement, i.service, i.partner, i.category,
       a.agreement_id, a.version, a.plan_hash, a.currency, a.timezone,
       s.service AS svc_name, s.direction AS svc_dir, s.connect_n60, s.max_n60,
       s.round_method, s.round_decimals, s.round_den, s.round_mul,
       r.clause, r.source AS rate_source, r.n_steps, r.price0_n,
       z.zone, pb.band, pfx.prefix AS matched_prefix, mb.band AS missing_band,
       sp.split_n, sp.clauses AS split_clauses, sp.sources AS split_sources, ms.steps_n,
       CASE WHEN c.crossing THEN mb.band ELSE pb.band END AS reason_band,
       coalesce(c.reason, CASE WHEN c.crossing AND (sp.missing_rate OR sp.seq IS NULL) THEN 'no-rate' END) AS final_reason,
       (c.svc_kind = 'voice' AND c.dur = 0 AND NOT c.zero_charged) OR (c.svc_kind = 'data' AND c.bytes = 0) AS free_zero
FROM rate_ctx c
JOIN run_input i ON i.seq = c.seq
LEFT JOIN plan_agreements a ON a.ag_idx = c.ag_idx
LEFT JOIN plan_services s ON s.svc_idx = c.svc_idx
LEFT JOIN plan_rates r ON r.rate_idx = c.rate_idx
LEFT JOIN rate_split sp ON sp.seq = c.seq
LEFT JOIN rate_steps ms ON ms.seq = c.seq
LEFT JOIN plan_zones z ON z.zone_idx = c.zone_idx
LEFT JOIN plan_bands pb ON pb.ag_idx = c.ag_idx AND pb.code = c.band_code
LEFT JOIN plan_bands mb ON mb.ag_idx = c.ag_idx AND mb.code = sp.missing_code
LEFT JOIN plan_prefixes pfx ON pfx.pfx_idx = c.pfx_idx`;

/**
 * Exact amount of every rated record (the view is read by the rated insert only). It joins
 * only what the amount and the rated row need, not rate_final: DuckDB keeps a LEFT JOIN
 * whose columns go unused, and each costs a probe per record; names come from rated_dims.
 */
/** The rate_amount view; without origin pricing in the run, no join for surcharge clauses. */
export function rateAmountViewSql(origin: boolean): string {
  const sql = RATE_AMOUNT_VIEW_TEMPLATE;
  return origin ? sql : sql.replace(ORIGIN_JOIN, '').replace('op.sur_clauses, op.sur_sources', 'NULL::VARCHAR AS sur_clauses, NULL::VARCHAR AS sur_sources');
}

const ORIGIN_JOIN = `
  -- the surcharge clauses (only services with origin pricing have an opx_idx)
  LEFT JOIN plan_origin_prefixes op ON op.opx_idx = c.opx_idx AND op.sur_n IS NOT NULL`;

const RATE_AMOUNT_VIEW_TEMPLATE = `CREATE OR REPLACE TEMP VIEW rate_amount AS
WITH f AS (
  SELECT c.*, i.record_id, i.src_no, i.source_line, i.trunk, i.a_number, i.b_number,
         i.start_time, i.duration_s, i.units,
         s.connect_n60, s.max_n60, s.round_method, s.round_den, s.round_mul,
         s.vol_unit, s.vol_num, s.vol_den,
         r.n_steps, r.price0_n, sp.split_n, sp.clauses AS split_clauses, sp.sources AS split_sources, ms.steps_n,
         r.clause AS rate_clause, r.source AS rate_src, op.sur_clauses, op.sur_sources,
         (c.svc_kind = 'voice' AND c.dur = 0 AND NOT c.zero_charged) OR (c.svc_kind = 'data' AND c.bytes = 0) AS free_zero
  FROM rate_ctx c
  JOIN run_input i ON i.seq = c.seq
  LEFT JOIN plan_services s ON s.svc_idx = c.svc_idx
  LEFT JOIN plan_rates r ON r.rate_idx = c.rate_idx
  LEFT JOIN rate_split sp ON sp.seq = c.seq
  LEFT JOIN rate_steps ms ON ms.seq = c.seq
  -- the surcharge clauses (only services with origin pricing have an opx_idx)
  LEFT JOIN plan_origin_prefixes op ON op.opx_idx = c.opx_idx AND op.sur_n IS NOT NULL
  -- rated = final_reason of rate_final IS NULL
  WHERE c.reason IS NULL AND NOT coalesce(c.crossing AND (sp.missing_rate OR sp.seq IS NULL), false)
), y AS (
  SELECT f.*,
    CASE WHEN free_zero THEN 0::BIGINT
         ELSE (CASE
                 WHEN svc_kind IN ('sms', 'event', 'iot', 'subscription') THEN units * price0_n * 60
                 -- volume in whole billing units × price × vol_num; the / vol_den is the rounding's
                 WHEN svc_kind = 'data' THEN ((bytes + vol_unit - 1) // vol_unit) * price0_n * vol_num
                 WHEN crossing THEN split_n
                 WHEN n_steps = 1 THEN billed * price0_n
                 ELSE steps_n
               END + CASE WHEN svc_kind = 'voice' THEN connect_n60 ELSE 0 END
               -- origin surcharge per billed minute (voice) or message (sms), before the maximum
               + CASE WHEN sur_n IS NULL THEN 0 WHEN svc_kind = 'voice' THEN billed * sur_n ELSE units * sur_n * 60 END)
    END AS gross_n60,
    CASE WHEN svc_kind = 'data' THEN ((bytes + vol_unit - 1) // vol_unit) * vol_unit END AS billed_bytes,
    -- the clauses that priced it, when a surcharge joins the rate line (else rated_dims has them)
    CASE WHEN sur_clauses IS NOT NULL AND NOT free_zero
         THEN (CASE WHEN crossing THEN split_clauses ELSE rate_clause END) || ' + ' || sur_clauses END AS sur_clause,
    CASE WHEN sur_clauses IS NOT NULL AND NOT free_zero
         THEN (CASE WHEN crossing THEN split_sources ELSE rate_src END) || ' + ' || sur_sources END AS sur_source
  FROM f
), z AS (
  SELECT y.*,
    -- the maximum per call applies after the connect fee
    CASE WHEN max_n60 IS NOT NULL AND gross_n60 > max_n60 THEN max_n60 ELSE gross_n60 END AS capped_n60
  FROM y
), q AS (
  -- den: data amounts carry the volume factor's denominator (vol_den = 1 for other kinds)
  SELECT z.*, abs(capped_n60) // (round_den * vol_den) AS rq, abs(capped_n60) % (round_den * vol_den) AS rr,
         round_den * vol_den AS den
  FROM z
)
SELECT q.*,
  -- |value| = rq + rr/round_den in units of the last kept decimal; 'up' and 'half-up' are
  -- away from zero, 'down' towards zero; half-even looks at the parity of rq
  CAST(CAST((CASE WHEN capped_n60 < 0 THEN -1 ELSE 1 END) * (rq + CASE round_method
      WHEN 'down' THEN 0
      WHEN 'up' THEN CASE WHEN rr > 0 THEN 1 ELSE 0 END
      WHEN 'half-up' THEN CASE WHEN 2 * rr >= den THEN 1 ELSE 0 END
      ELSE CASE WHEN 2 * rr > den OR (2 * rr = den AND rq % 2 = 1) THEN 1 ELSE 0 END
    END) * round_mul AS DECIMAL(18,0)) * 0.000000001 AS DECIMAL(18,9)) AS amount
FROM q`;

/** The view with origin pricing (what `rateAmountViewSql(true)` gives). */
export const RATE_AMOUNT_VIEW_SQL = rateAmountViewSql(true);
