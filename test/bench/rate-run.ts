// One full rating run through the runtime's public API, as `icx rate` does it:
// open a store, ingest + rate the usage file, write rated.parquet and suspense.parquet.
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { openStore, rate, writeOutputs } from '../../runtime/index.js';

export async function rateToParquet(plans: HashedAgreementPlan[], usage: string, outDir: string, dbPath: string) {
  const store = await openStore(dbPath);
  try {
    const result = await rate(store, { plans, usage: [{ path: usage }], progress: false });
    await writeOutputs(store, result.runId, outDir);
    return result;
  } finally {
    await store.close();
  }
}
