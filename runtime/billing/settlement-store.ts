// Settlement statements kept with their bill run (table `bill_settlements`), so `icx bill issue`,
// which reads no agreements, can write them again with the issued invoice numbers. Computed and
// stored inside the bill run's transaction (bill.ts passes settleInRun as its beforeCommit): a
// missing settlement FX rate rolls the whole run back, and a stored run always has its statements.
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { exec, queryJson, type Store } from '../store/store.js';
import { settlementStatements, type SettlementStatement } from './settlement.js';
import { runDocuments } from './store.js';

export const SETTLEMENT_DDL = `CREATE TABLE IF NOT EXISTS bill_settlements (
  run_id VARCHAR NOT NULL,
  seq INTEGER NOT NULL,         -- order in the run
  statement VARCHAR NOT NULL    -- the SettlementStatement as JSON
)`;

/** Computes the run's statements from its stored documents and replaces the stored ones. */
export async function settleInRun(store: Store, runId: string, plans: readonly HashedAgreementPlan[]): Promise<SettlementStatement[]> {
  const statements = settlementStatements(await runDocuments(store, runId), plans);
  await exec(store, SETTLEMENT_DDL);
  await exec(store, `DELETE FROM bill_settlements WHERE run_id = $1`, [runId]);
  for (const [i, s] of statements.entries()) {
    await exec(store, `INSERT INTO bill_settlements VALUES ($1, $2, $3)`, [runId, i + 1, JSON.stringify(s)]);
  }
  return statements;
}

/** The run's statements as stored by its bill run (none for a run without netting). */
export async function runSettlements(store: Store, runId: string): Promise<SettlementStatement[]> {
  await exec(store, SETTLEMENT_DDL);
  const rows = await queryJson(store, `SELECT statement FROM bill_settlements WHERE run_id = $1 ORDER BY seq`, [runId]);
  return rows.map((r) => JSON.parse(String(r.statement)) as SettlementStatement);
}
