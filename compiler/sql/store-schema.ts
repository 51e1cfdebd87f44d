// DDL of the persistent store tables. Every record of a run lands in `usage` as read
// (text), then in exactly one of `rated` or `suspense`; `rating_runs` records the balance.

export const USAGE_FIELDS = [
  'record_id', 'trunk', 'direction', 'kind', 'a_number', 'b_number',
  'start_time', 'duration_s', 'units', 'agreement', 'service',
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
  balanced BOOLEAN
)`,
  `-- every input record as read, all text, so a run can be explained and re-rated
CREATE TABLE IF NOT EXISTS usage (
  run_id VARCHAR NOT NULL,
  seq BIGINT NOT NULL,          -- position in the run's input (sources in order, then file order)
  source_file VARCHAR,
  source_line BIGINT,
${rawCols}
)`,
  `CREATE TABLE IF NOT EXISTS rated (
  run_id VARCHAR NOT NULL,
  seq BIGINT NOT NULL,
  record_id VARCHAR,
  source_file VARCHAR,
  source_line BIGINT,
  agreement_id VARCHAR NOT NULL,
  agreement_version INTEGER NOT NULL,
  plan_hash VARCHAR NOT NULL,
  service VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  direction VARCHAR NOT NULL,   -- out (payable) / in (receivable)
  zone VARCHAR NOT NULL,
  band VARCHAR,                 -- the band at the start of the call
  clause VARCHAR NOT NULL,      -- rate clause(s) that priced it; ' + '-joined for split calls
  rate_source VARCHAR,          -- <uri>:<line> of the clause(s)
  start_time TIMESTAMPTZ NOT NULL,
  local_start TIMESTAMP NOT NULL, -- wall-clock start in the agreement's time zone
  duration_s DECIMAL(38,9),
  billed_seconds BIGINT,        -- voice; NULL for sms
  units BIGINT,                 -- sms messages; NULL for voice
  amount DECIMAL(18,9) NOT NULL, -- already rounded per the service's record rounding
  amount_decimals INTEGER NOT NULL,
  currency VARCHAR NOT NULL,
  trunk VARCHAR,
  a_number VARCHAR,
  b_number VARCHAR NOT NULL
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
