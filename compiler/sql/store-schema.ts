// DDL of the persistent store tables. Every record of a run lands in exactly one of
// `rated` (a view over rated_rows + rated_dims) or `suspense`; `rating_runs` records the
// balance; `usage` holds every input record as read when the run asks for it (storeUsage).

export const USAGE_FIELDS = [
  'record_id', 'trunk', 'direction', 'kind', 'a_number', 'b_number',
  'start_time', 'duration_s', 'units', 'agreement', 'service',
  'partner',
  'bytes', 'category', 'subscriber',
] as const;
export type UsageField = (typeof USAGE_FIELDS)[number];

const rawCols = USAGE_FIELDS.map((f) => `  ${f} VARCHAR`).join(',\n');

export const STORE_DDL: string[] = [
  `CREATE TABLE IF NOT EXISTS rating_runs (
  run_id VARCHAR PRIMARY KEY,
  started_at TIMESTAMPTZ NOT NULL,
  finished_at TIMESTAMPTZ,
  assume_timezone VARCHAR,
  plan_hashes VARCHAR[],        -- agreement_id@version:hash of every plan the run used
  sources VARCHAR[],            -- the usage files read (or inline sources), in order
  in_count BIGINT,
  rated_count BIGINT,
  suspense_count BIGINT,
  balanced BOOLEAN,
  source_hashes VARCHAR[]       -- sha256 of each usage file, in the order of sources, when the caller gave them (bill runs)
)`,
  // stores from before bill runs skipped usage already rated: the column is added (NULL for their runs)
  `ALTER TABLE rating_runs ADD COLUMN IF NOT EXISTS source_hashes VARCHAR[]`,
  `-- every input record as read, all text, so a run can be explained and re-rated
CREATE TABLE IF NOT EXISTS usage (
  run_id VARCHAR NOT NULL,
  seq BIGINT NOT NULL,          -- position in the run's input (sources in order, then file order)
  source_file VARCHAR,
  source_line BIGINT,
${rawCols}
)`,
  `-- rated records, the per-record part. Writing a column into the store costs about the same
-- whether or not its values repeat, so what is constant per rate line (agreement, service,
-- zone, band, clause...) lives once per run in rated_dims; the view \`rated\` joins them back
CREATE TABLE IF NOT EXISTS rated_rows (
  run_id VARCHAR NOT NULL,
  seq BIGINT NOT NULL,
  record_id VARCHAR,
  src_no INTEGER NOT NULL,      -- 1-based index of the source in rating_runs.sources
  source_line BIGINT,
  dim INTEGER NOT NULL,         -- rated_dims.dim of this run
  clause VARCHAR,               -- split calls only: their ' + '-joined clauses (else from rated_dims)
  rate_source VARCHAR,          -- split calls only
  start_time TIMESTAMPTZ NOT NULL,
  local_start TIMESTAMP NOT NULL,
  duration_s DECIMAL(18,6),
  billed_seconds BIGINT,
  units BIGINT,
  amount DECIMAL(18,9) NOT NULL,
  trunk VARCHAR,
  a_number VARCHAR,
  b_number VARCHAR,             -- NULL for data and event records (they have no B-number)
  original_amount DECIMAL(18,9), -- priced in another currency only: the amount in it (else NULL)
  fx_rate DECIMAL(18,9),        -- priced in another currency only: 1 original = fx_rate settlement
  fx_date DATE,                 -- the FX table date used
  billed_bytes BIGINT           -- data: the volume charged (rounded up to the service's unit); else NULL
)`,
  `-- what rated records of a run share: one row per rate line used (dim = its index in the
-- run's plan tables) and per (zone, band) of zero-duration and split calls (dim < 0)
CREATE TABLE IF NOT EXISTS rated_dims (
  run_id VARCHAR NOT NULL,
  dim INTEGER NOT NULL,
  agreement_id VARCHAR NOT NULL,
  agreement_version INTEGER NOT NULL,
  plan_hash VARCHAR NOT NULL,
  service VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  direction VARCHAR NOT NULL,
  zone VARCHAR NOT NULL,
  band VARCHAR,
  clause VARCHAR,               -- NULL for split calls (per record)
  rate_source VARCHAR,
  amount_decimals INTEGER NOT NULL,
  currency VARCHAR NOT NULL,
  original_currency VARCHAR     -- the service's price currency when it is not \`currency\`
)`,
  `-- one row per rated record, the columns of the rating contract
CREATE VIEW IF NOT EXISTS rated AS
SELECT r.run_id,
  r.seq,
  r.record_id,
  list_extract(x.sources, r.src_no) AS source_file,
  r.source_line,
  d.agreement_id,
  d.agreement_version,
  d.plan_hash,
  d.service,
  d.kind,
  d.direction,                  -- out (payable) / in (receivable)
  d.zone,
  d.band,                       -- the band at the start of the call
  coalesce(r.clause, d.clause) AS clause,            -- rate clause(s) that priced it
  coalesce(r.rate_source, d.rate_source) AS rate_source, -- <uri>:<line> of the clause(s)
  r.start_time,
  r.local_start,                -- wall-clock start in the agreement's time zone
  r.duration_s,                 -- as given, to the microsecond
  r.billed_seconds,             -- voice; NULL for sms
  r.units,                      -- sms messages, events; NULL for voice and data
  r.billed_bytes,               -- data: volume charged, rounded up to the billing unit; else NULL
  r.amount,                     -- already rounded per the service's record rounding
  d.amount_decimals,
  d.currency,
  r.trunk,
  r.a_number,
  r.b_number,
  coalesce(r.original_amount, r.amount) AS original_amount,      -- before FX (= amount when not converted)
  coalesce(d.original_currency, d.currency) AS original_currency, -- the currency the service is priced in
  r.fx_rate,                    -- 1 original_currency = fx_rate currency; NULL when not converted
  r.fx_date                     -- the FX table row's date; NULL when not converted
FROM rated_rows r
JOIN rated_dims d ON d.run_id = r.run_id AND d.dim = r.dim
JOIN rating_runs x ON x.run_id = r.run_id`,
  `-- the device or subscriber and the volume of rated records of digital services (iot, event,
-- subscription), as given: active devices, pooled data and activations are counted from it
CREATE TABLE IF NOT EXISTS rated_digital (
  run_id VARCHAR NOT NULL,
  seq BIGINT NOT NULL,
  subscriber VARCHAR,
  bytes VARCHAR
)`,
  `CREATE TABLE IF NOT EXISTS suspense (
  run_id VARCHAR NOT NULL,
  seq BIGINT NOT NULL,
  source_file VARCHAR,
  source_line BIGINT,
  reason VARCHAR NOT NULL,
  detail VARCHAR NOT NULL,
  agreement_id VARCHAR,         -- when the record got as far as an agreement
${rawCols}
)`,
];
