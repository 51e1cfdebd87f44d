// Retail lines in another currency than their agreement's are converted by the agreement's fx
// line for that currency: the same table and rule as rating (the line's local date, or the last
// day of its month), the rate and the original amounts kept beside the converted ones. A missing
// fx line or rate is an error naming the line: a share is never computed on an amount taken 1:1.
import { Decimal } from 'decimal.js';
import type { AgreementPlan } from '../../compiler/plan.js';
import { lastDayOfMonth } from '../../compiler/values.js';
import { RateInputError } from '../errors.js';
import { queryJson, type Store } from '../store/store.js';

/** One (agreement, service, currency) group of period_retail, as `attribute` sees it. */
export interface RetailGroup {
  /** the agreement column as written; null = found by the service */
  agreement: string | null;
  service: string;
  currency: string;
  /** `file:line` of the group's first line */
  where: string;
}

/**
 * Converts the group's lines to the agreement currency in period_retail. Amounts are exact
 * decimals: amount × rate, rounded half-up to 9 decimals (DECIMAL(38,9), the engine's money
 * scale) — exact for any amount in cents at a rate of up to 7 decimals.
 */
export async function convertRetailGroup(store: Store, plan: AgreementPlan, g: RetailGroup): Promise<void> {
  const fx = plan.fx?.find((f) => f.from === g.currency);
  if (!fx) {
    throw new RateInputError(
      `${g.where}: currency: ${g.currency} but ${plan.id} settles in ${plan.currency} and has no fx line for ${g.currency}; ` +
        `add \`fx ${g.currency} -> ${plan.currency} from table "…" at usage date\` to the agreement (no rate of 1 is ever assumed)`,
    );
  }
  const rates = new Map(fx.rates.map((r) => [r.date, r.rate]));
  const days = await queryJson(
    store,
    `SELECT CAST(date AS VARCHAR) AS date, arg_min(file, line) AS file, min(line) AS line FROM period_retail
     WHERE service = $1 AND agreement IS NOT DISTINCT FROM $2 AND currency = $3 GROUP BY date ORDER BY date`,
    [g.service, g.agreement, g.currency],
  );
  for (const d of days) {
    const date = String(d.date);
    const fxDate = fx.rule === 'period-end' ? lastDayOfMonth(date) : date;
    const rate = rates.get(fxDate);
    if (rate === undefined) {
      throw new RateInputError(
        `${d.file}:${d.line}: date: no ${fx.from}->${fx.to} rate dated ${fxDate} in ${fx.table} (fx line ${fx.source}, ${fx.rule === 'period-end' ? 'at period end' : 'at usage date'}); the line cannot be converted`,
      );
    }
    await store.connection.run(
      `UPDATE period_retail SET
         original_currency = currency, original_gross = gross, original_taxes = taxes, original_refunds = refunds,
         fx_rate = CAST($5 AS DECIMAL(18,9)), fx_date = CAST($6 AS DATE),
         gross = CAST(gross * CAST($5 AS DECIMAL(18,9)) AS DECIMAL(38,9)),
         taxes = CAST(taxes * CAST($5 AS DECIMAL(18,9)) AS DECIMAL(38,9)),
         refunds = CAST(refunds * CAST($5 AS DECIMAL(18,9)) AS DECIMAL(38,9)),
         currency = $7
       WHERE service = $1 AND agreement IS NOT DISTINCT FROM $2 AND currency = $3 AND date = CAST($4 AS DATE)`,
      [g.service, g.agreement, g.currency, date, new Decimal(rate).toFixed(), fxDate, plan.currency],
    );
  }
}
