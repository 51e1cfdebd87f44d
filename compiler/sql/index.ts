// compiler/sql: pure SQL-text generation for the runtime (no I/O).
export { sqlIdent, sqlString } from './sql-string.js';
export { fromNano, PlanLayoutError, PRICE_DECIMALS, toNano } from './money.js';
export { layoutPlans, OPEN_DATE, type PlanLayout, type PlanShape, type Row } from './plan-layout.js';
export { jsonStructure, PLAN_DERIVED_SQL, PLAN_TABLE_DEFS, planDdl, planLoadSql, tableDdl, type TableDef } from './plan-schema.js';
export { jsonKeysSql, PARSE_SQL, RAW_JSON_INSERT_SQL, RUN_RAW_DDL, rawInsertSql, readFileSql, type UsageFormat } from './ingest-sql.js';
export { rawParquetSelectSql, runRawViewSql } from './ingest-sql.js';
export { BUCKET_US, rateCtxSql, RUN_TZ_OFFSETS_SQL } from './rating-ctx-sql.js';
export { RATE_AMOUNT_VIEW_SQL, RATE_FINAL_VIEW_SQL, RATE_SPLIT_SQL, RATE_STEPS_SQL } from './rating-amount-sql.js';
export { fxConvertSql, fxRateSql, FX_RATE_ONE_N, INSERT_FX_SUSPENSE_SQL, RATE_FX_SQL, RATE_SETTLED_VIEW_SQL, rateFxSql, rateSettledViewSql, roundedNanoSql } from './rating-fx-sql.js';
export { FX_PLAN_TABLE_DEFS } from './plan-fx.js';
export { ratingSqlScript, ratingStatements, RUN_SCRATCH, type Statement } from './rating-sql.js';
export { STORE_DDL, USAGE_FIELDS, type UsageField } from './store-schema.js';

import type { HashedAgreementPlan } from '../plan.js';
import { layoutPlans } from './plan-layout.js';
import { ratingSqlScript } from './rating-sql.js';

/** The readable SQL the runtime would run for these plans (`icx compile --sql`). */
export function ratingSql(plans: HashedAgreementPlan[]): string {
  return ratingSqlScript(layoutPlans(plans).shape);
}
export { CHARGE_COLUMNS, chargeInsertSql, chargesTableDdl, periodAggregateSql, PERIOD_RUNS_SQL } from './period-sql.js';
