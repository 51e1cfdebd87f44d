// charges.parquet: the charge lines of a period, written by writeOutputs() into its temp
// directory (so the file appears whole, or not at all), in a stable order.
import { CHARGE_COLUMNS, chargeInsertSql, chargesTableDdl, sqlString } from '../../compiler/sql/index.js';
import type { Store } from '../store/store.js';
import type { ChargeLine } from './lines.js';

const TABLE = 'period_charges_out';

function row(l: ChargeLine, i: number): (string | number | null)[] {
  const v: Record<string, string | number | null> = {
    line_no: i + 1, agreement_id: l.agreementId, agreement_version: l.agreementVersion, plan_hash: l.planHash,
    service: l.service, direction: l.direction, construct: l.construct, subject: l.subject, clause_source: l.clauseSource,
    period_start: l.periodStart, period_end: l.periodEnd, tier: l.tier, tier_from: l.tierFrom, tier_to: l.tierTo,
    basis_quantity: l.basisQuantity, basis_unit: l.basisUnit, basis_amount: l.basisAmount, percent: l.percent,
    price: l.price, amount: l.amount, currency: l.currency, explanation: l.explanation,
  };
  return CHARGE_COLUMNS.map(([c]) => {
    const x = v[c];
    return x === null || x === undefined ? null : String(x);
  });
}

export async function writeChargesParquet(store: Store, lines: readonly ChargeLine[], file: string): Promise<void> {
  const c = store.connection;
  await c.run(chargesTableDdl(TABLE));
  try {
    // A handful of lines per agreement and period: one bound INSERT each is fine here.
    for (const [i, l] of lines.entries()) await c.run(chargeInsertSql(TABLE), row(l, i));
    await c.run(`COPY (SELECT * FROM ${TABLE} ORDER BY line_no) TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd)`);
  } finally {
    await c.run(`DROP TABLE IF EXISTS ${TABLE}`);
  }
}
