// Stages 2 and 3 of rating: the split path for calls that cross a band boundary, then
// exact amounts. Money is integer nano-units × 60 ("n60") until the very end, where one
// integer division per record rounds it to the service's decimals by its declared method.
// Never DECIMAL division: in DuckDB it returns DOUBLE.

/**
 * Split rule, only for calls that leave their start band run. The call is cut into
 * pieces, one per UTC minute it touches (window boundaries and DST changes fall on whole
 * minutes), each piece's wall-clock minute picks its band through the day profile of its
 * own local date. Piece i covers billed positions [a, b); the last piece also takes the
 * extra billed seconds (billed - d). Each piece × step overlap is priced at the rate line
 * of the piece's band in force on the call's start date.
 */
export const RATE_SPLIT_SQL = `CREATE OR REPLACE TEMP TABLE rate_split AS
WITH c AS (
  SELECT seq, ag_idx, svc_idx, timezone, zone, local_date, dur, billed, epoch_us(start_time) AS t0
  FROM rate_ctx WHERE crossing AND reason IS NULL
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
  SELECT ph.*, dp.minute_band[p_min + 1] AS p_band
  FROM ph LEFT JOIN plan_day_profiles dp ON dp.ag_idx = ph.ag_idx AND dp.holiday = ph.p_hol AND dp.iso_dow = ph.p_dow
), pr AS (
  SELECT pd.*, r.rate_idx, r.clause, r.source
  FROM pd LEFT JOIN plan_rates r
    ON r.svc_idx = pd.svc_idx AND r.zone = pd.zone AND r.band = pd.p_band
   AND pd.local_date >= r.eff_from AND pd.local_date < r.eff_to
), ps AS (
  SELECT pr.seq, pr.a, pr.p_band, pr.rate_idx, pr.clause, pr.source,
         coalesce(greatest(0, least(pr.seg_end, st.to_s) - greatest(pr.a, st.from_s))::HUGEINT * st.price_n, 0) AS n
  FROM pr LEFT JOIN plan_rate_steps st ON st.rate_idx = pr.rate_idx
), per_clause AS (
  SELECT seq, clause, source, min(a) AS first_a, sum(n) AS n, bool_or(rate_idx IS NULL) AS missing,
         min(p_band) FILTER (WHERE rate_idx IS NULL) AS missing_band
  FROM ps GROUP BY seq, clause, source
)
SELECT seq, sum(n)::HUGEINT AS split_n, bool_or(missing) AS missing_rate, min(missing_band) AS missing_band,
       string_agg(clause, ' + ' ORDER BY first_a) AS clauses,
       string_agg(source, ' + ' ORDER BY first_a) AS sources
FROM per_clause GROUP BY seq`;

export const RATE_OUT_SQL = `CREATE OR REPLACE TEMP TABLE rate_out AS
WITH x AS (
  SELECT c.*, sp.split_n, sp.clauses AS split_clauses, sp.sources AS split_sources,
         coalesce(c.reason, CASE WHEN c.crossing AND (sp.missing_rate OR sp.seq IS NULL) THEN 'no-rate' END) AS final_reason,
         CASE WHEN c.crossing THEN sp.missing_band ELSE c.band END AS reason_band,
         c.svc_kind = 'voice' AND c.dur = 0 AND NOT c.zero_charged AS free_zero
  FROM rate_ctx c LEFT JOIN rate_split sp ON sp.seq = c.seq
), y AS (
  SELECT x.*,
    CASE WHEN final_reason IS NOT NULL THEN NULL
         WHEN free_zero THEN 0::HUGEINT
         ELSE (CASE
                 WHEN svc_kind = 'sms' THEN units::HUGEINT * price0_n * 60
                 WHEN crossing THEN split_n
                 WHEN n_steps = 1 THEN billed::HUGEINT * price0_n
                 -- rate steps: billed positions [from, to) at each step's price
                 ELSE list_sum(list_transform(range(1, n_steps + 1),
                        lambda i: greatest(0, least(billed, s_to[i]) - s_from[i])::HUGEINT * s_price[i]))::HUGEINT
               END + CASE WHEN svc_kind = 'voice' THEN connect_n60 ELSE 0 END)
    END AS gross_n60
  FROM x
), z AS (
  SELECT y.*,
    -- the maximum per call applies after the connect fee
    CASE WHEN max_n60 IS NOT NULL AND gross_n60 > max_n60 THEN max_n60 ELSE gross_n60 END AS capped_n60
  FROM y
), q AS (
  SELECT z.*, abs(capped_n60) // round_den AS rq, abs(capped_n60) % round_den AS rr
  FROM z
)
SELECT q.*,
  -- rounding of |value| = rq + rr/round_den to the service's decimals; 'up' and 'half-up'
  -- are away from zero, 'down' towards zero
  CASE WHEN final_reason IS NOT NULL THEN NULL ELSE
    CAST(CAST((CASE WHEN capped_n60 < 0 THEN -1 ELSE 1 END) * (rq + CASE round_method
        WHEN 'down' THEN 0
        WHEN 'up' THEN CASE WHEN rr > 0 THEN 1 ELSE 0 END
        WHEN 'half-up' THEN CASE WHEN 2 * rr >= round_den THEN 1 ELSE 0 END
        ELSE CASE WHEN 2 * rr > round_den OR (2 * rr = round_den AND rq % 2 = 1) THEN 1 ELSE 0 END
      END) * round_mul AS DECIMAL(38,0)) * 0.000000001 AS DECIMAL(18,9))
  END AS amount,
  CASE WHEN free_zero THEN 'zero-duration' WHEN crossing THEN split_clauses ELSE clause END AS rated_clause,
  CASE WHEN free_zero THEN NULL WHEN crossing THEN split_sources ELSE rate_source END AS rated_source
FROM q`;
