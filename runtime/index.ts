// runtime/: the embedded DuckDB store, ingest, rating, outputs, agreement tests.
export { openStore, exec, queryJson, inTransaction, DEFAULT_STORE_PATH, type Store, type JsonRow } from './store/store.js';
export { rate, rateWith, RATE_PHASES, type RateOptions, type RateResult, type SummaryRow } from './rate.js';
export { writeOutputs, type OutputFiles } from './outputs.js';
export { runAgreementTests, type TestResult } from './agreement-tests.js';
export {
  formatOf, type FileUsageSource, type InlineUsageRow, type InlineUsageSource, type UsageRow, type UsageSource,
} from './ingest/ingest.js';
export {
  IngestError, OutputError, RateInputError, RuntimeError, StoreError, UnbalancedRunError,
} from './errors.js';
export { invoiceLines, roundAmount, type InvoiceLine } from './invoice-lines.js';
export { loadDigitalInputs, periodCharges, type PeriodOptions } from './period/run.js';
export { computeCharges, type AggregateRow } from './period/compute.js';
export type { ChargeLine, ChargeConstruct } from './period/lines.js';
