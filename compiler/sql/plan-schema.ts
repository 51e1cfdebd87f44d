// The plan laid out as tables. One definition per table drives both the DDL and the
// JSON structure the runtime binds as a single parameter to load the rows
// (INSERT ... SELECT unnest(from_json($1, structure))): set-based, no value in SQL text.
//
// Money columns are integers in nano-units (10^-9, see money.ts). "_n60" columns are
// additionally multiplied by 60 so they add directly to Σ seconds × price-per-minute.

import { FX_PLAN_TABLE_DEFS } from './plan-fx.js';

export interface TableDef {
  name: string;
  columns: [name: string, type: string][];
  comment: string;
}

export const PLAN_TABLE_DEFS: TableDef[] = [
  {
    name: 'plan_agreements',
    comment: 'one row per agreement plan; valid_to is inclusive (9999-12-31 = open)',
    columns: [
      ['ag_idx', 'INTEGER'], ['agreement_id', 'VARCHAR'], ['version', 'INTEGER'], ['plan_hash', 'VARCHAR'],
      ['currency', 'VARCHAR'], ['timezone', 'VARCHAR'], ['tz_idx', 'INTEGER'], ['valid_from', 'DATE'], ['valid_to', 'DATE'],
    ],
  },
  {
    name: 'plan_trunks',
    comment: 'trunk → agreement (a trunk may serve several agreements over time)',
    columns: [['trunk', 'VARCHAR'], ['ag_idx', 'INTEGER']],
  },
  {
    name: 'plan_services',
    comment: 'direction is the usage spelling: out = payable, in = receivable',
    columns: [
      ['svc_idx', 'INTEGER'], ['ag_idx', 'INTEGER'], ['service', 'VARCHAR'], ['kind', 'VARCHAR'], ['direction', 'VARCHAR'],
      ['first_s', 'BIGINT'], ['next_s', 'BIGINT'], ['min_s', 'BIGINT'],
      ['connect_n60', 'BIGINT'], ['max_n60', 'BIGINT'], ['zero_charged', 'BOOLEAN'], ['split', 'BOOLEAN'],
      ['round_method', 'VARCHAR'], ['round_decimals', 'INTEGER'],
      ['round_den', 'BIGINT'], ['round_mul', 'BIGINT'],
      // data: volume rounding unit (bytes), and amount_n60 = units of volume × price_n × vol_num / vol_den
      // (vol_den is 1 for every other kind); category and origin pricing (plan-layout-unit-pricing.ts)
      ['vol_unit', 'BIGINT'], ['vol_num', 'BIGINT'], ['vol_den', 'BIGINT'],
      ['by_category', 'BOOLEAN'], ['has_origin', 'BOOLEAN'], ['origin_none_idx', 'INTEGER'],
    ],
  },
  {
    name: 'plan_service_keys',
    comment: 'the service that rates (agreement, kind, direction): unique key, first declared wins',
    columns: [['ag_idx', 'INTEGER'], ['kind', 'VARCHAR'], ['direction', 'VARCHAR'], ['svc_idx', 'INTEGER']],
  },
  {
    name: 'plan_prefixes',
    comment: 'LPM table: pkey is the prefix digits as an integer, unique per (svc_idx, plen)',
    columns: [
      ['pfx_idx', 'INTEGER'], ['svc_idx', 'INTEGER'], ['plen', 'INTEGER'], ['pkey', 'BIGINT'], ['prefix', 'VARCHAR'],
      ['zone_idx', 'INTEGER'], ['zone', 'VARCHAR'], ['barred', 'BOOLEAN'],
    ],
  },
  {
    name: 'plan_zones',
    comment: 'zone names of each service, as integer ids (rating joins on ids, names come back at the end)',
    columns: [['zone_idx', 'INTEGER'], ['svc_idx', 'INTEGER'], ['zone', 'VARCHAR']],
  },
  {
    name: 'plan_rates',
    comment: 'rate lines; [eff_from, eff_to) in local dates (9999-12-31 = open)',
    columns: [
      ['rate_idx', 'INTEGER'], ['svc_idx', 'INTEGER'], ['zone_idx', 'INTEGER'], ['band_code', 'VARCHAR'],
      ['zone', 'VARCHAR'], ['band', 'VARCHAR'],
      ['eff_from', 'DATE'], ['eff_to', 'DATE'], ['clause', 'VARCHAR'], ['source', 'VARCHAR'],
      ['n_steps', 'INTEGER'], ['price0_n', 'BIGINT'],
      // rate decks: per-line billing increments (NULL = the service's), closed prefixes
      ['first_s', 'BIGINT'], ['next_s', 'BIGINT'], ['closed', 'BOOLEAN'],
      ['origin_idx', 'INTEGER'], // zone_idx of the A-number's origin zone for `rate Z origin O` lines; -1 = plain line
    ],
  },
  {
    name: 'plan_origin_prefixes',
    comment: 'A-number LPM table of services with origin pricing; plen -1 = the row for no match (or no A-number)',
    columns: [
      ['opx_idx', 'INTEGER'], ['svc_idx', 'INTEGER'], ['plen', 'INTEGER'], ['pkey', 'BIGINT'], ['prefix', 'VARCHAR'],
      ['ozone_idx', 'INTEGER'], ['sur_n', 'BIGINT'], ['sur_clauses', 'VARCHAR'], ['sur_sources', 'VARCHAR'],
    ],
  },
  {
    name: 'plan_rate_steps',
    comment: 'billed-second positions [from_s, to_s) priced at price_n per minute (or per message)',
    columns: [['rate_idx', 'INTEGER'], ['step_no', 'INTEGER'], ['from_s', 'BIGINT'], ['to_s', 'BIGINT'], ['price_n', 'BIGINT']],
  },
  {
    name: 'plan_band_windows',
    comment: 'day profiles as written (after merging adjacent windows of the same band)',
    columns: [
      ['ag_idx', 'INTEGER'], ['holiday', 'BOOLEAN'], ['iso_dow', 'INTEGER'],
      ['start_min', 'INTEGER'], ['end_min', 'INTEGER'], ['band', 'VARCHAR'],
    ],
  },
  {
    name: 'plan_holidays',
    comment: 'local dates that use the holiday day profiles',
    columns: [['ag_idx', 'INTEGER'], ['day', 'DATE']],
  },
  {
    name: 'plan_partner_keys',
    comment: 'partner code (name, TADIG, carrier code) + kind + direction → agreement, for usage without a trunk',
    columns: [['code', 'VARCHAR'], ['kind', 'VARCHAR'], ['direction', 'VARCHAR'], ['ag_idx', 'INTEGER']],
  },
  {
    name: 'plan_bands',
    comment: 'band names of an agreement, each with a one-character code for the minute maps',
    columns: [['ag_idx', 'INTEGER'], ['code', 'VARCHAR'], ['band', 'VARCHAR']],
  },
  ...FX_PLAN_TABLE_DEFS,
];

/**
 * Derived tables built in SQL from the loaded ones (no values of their own).
 * A day profile is one 1440-character string, a band code per minute of the day: the
 * band at minute m is substr(map, m + 1, 1). A string travels through hash joins by
 * reference; a 1440-element LIST per record was measured 400× slower.
 */
export const PLAN_DERIVED_SQL: string[] = [
  `CREATE OR REPLACE TEMP TABLE plan_day_profiles AS
SELECT w.ag_idx, w.holiday, w.iso_dow, string_agg(b.code, '' ORDER BY m.m) AS band_map
FROM plan_band_windows w
JOIN plan_bands b ON b.ag_idx = w.ag_idx AND b.band = w.band,
LATERAL (SELECT unnest(range(w.start_min, w.end_min)) AS m) m
GROUP BY ALL`,
];

export function tableDdl(t: TableDef, temp: boolean): string {
  const cols = t.columns.map(([n, ty]) => `  ${n} ${ty}`).join(',\n');
  return `-- ${t.comment}\nCREATE OR REPLACE ${temp ? 'TEMP ' : ''}TABLE ${t.name} (\n${cols}\n)`;
}

/** The from_json structure of a table's rows, e.g. [{"ag_idx":"INTEGER",...}]. */
export function jsonStructure(t: TableDef): string {
  return JSON.stringify([Object.fromEntries(t.columns)]);
}

/** The statement that loads a table from one bound JSON parameter ($1). */
export function planLoadSql(t: TableDef): string {
  return `INSERT INTO ${t.name} BY NAME SELECT unnest(from_json($1::JSON, '${jsonStructure(t)}'), recursive := true)`;
}

export function planDdl(): string[] {
  return [...PLAN_TABLE_DEFS.map((t) => tableDdl(t, true))];
}
