// Usage lines of an invoice: the rated records of one agreement whose local start falls in the
// period, per service × zone × band (one aggregate query; a record rated in several runs counts
// once, in its latest run, as period charges count it: runtime/period/run.ts). The few rows
// that come back are turned into document lines with decimal.js.
import { Decimal } from 'decimal.js';
import type { HashedAgreementPlan, ServicePlan } from '../../compiler/plan.js';
import { rounding, roundTo, D } from '../period/lines.js';
import { queryJson, type Store } from '../store/store.js';
import type { FxUsed, InvoiceDocumentLine } from './invoice-document.js';

const SCOPE = `FROM rated_rows r
  JOIN rated_dims d ON d.run_id = r.run_id AND d.dim = r.dim
  JOIN rating_runs x ON x.run_id = r.run_id
  WHERE d.agreement_id = $1
    AND r.local_start >= CAST($2 AS TIMESTAMP) AND r.local_start < CAST($3 AS TIMESTAMP)`;

/**
 * The rated records of one agreement ($1) whose local start is in [$2, $3), each in the latest run
 * of its record id (per service): earlier ratings of it are set aside. Also read by the invoice
 * reconciliation (runtime/reconcile/invoice-ours.ts), which needs the per-record columns.
 */
export const LATEST = `WITH scoped AS (
  SELECT r.run_id, r.record_id, r.seq, d.service, d.direction, d.zone, coalesce(d.band, 'any') AS band,
         coalesce(r.clause, d.clause) AS clause, coalesce(r.rate_source, d.rate_source) AS rate_source,
         r.start_time, r.local_start, r.duration_s, r.trunk, r.a_number, r.b_number,
         r.billed_seconds, r.units, r.billed_bytes, r.amount, x.started_at,
         coalesce(d.original_currency, d.currency) AS from_ccy, d.currency AS to_ccy, r.fx_rate, r.fx_date
  ${SCOPE}
), keep AS (
  SELECT service, record_id, arg_max(run_id, started_at) AS keep_run FROM scoped GROUP BY service, record_id
), latest AS (
  SELECT s.* FROM scoped s JOIN keep k ON k.service = s.service AND k.record_id = s.record_id AND k.keep_run = s.run_id
)`;

const USAGE_SQL = `${LATEST}
SELECT service, direction, zone, band, count(*) AS records,
       CAST(coalesce(sum(billed_seconds), 0) AS VARCHAR) AS billed_seconds,
       CAST(coalesce(sum(units), 0) AS VARCHAR) AS units,
       CAST(coalesce(sum(billed_bytes), 0) AS VARCHAR) AS billed_bytes,
       CAST(sum(amount) AS VARCHAR) AS amount,
       -- zero-duration calls (free, no clause) do not hide the line's one price
       count(DISTINCT clause) FILTER (WHERE clause <> 'zero-duration') AS clauses,
       min(clause) FILTER (WHERE clause <> 'zero-duration') AS clause,
       min(rate_source) FILTER (WHERE clause <> 'zero-duration') AS rate_source
FROM latest GROUP BY ALL ORDER BY service, zone, band`;

const FX_SQL = `${LATEST}
SELECT DISTINCT direction, from_ccy, to_ccy, CAST(fx_rate AS VARCHAR) AS fx_rate, CAST(fx_date AS VARCHAR) AS fx_date
FROM latest WHERE fx_rate IS NOT NULL ORDER BY ALL`;

export interface UsageLinesResult {
  lines: (InvoiceDocumentLine & { direction: 'payable' | 'receivable' })[];
  fx: (FxUsed & { direction: 'payable' | 'receivable' })[];
}

const dir = (d: unknown): 'payable' | 'receivable' => (d === 'out' ? 'payable' : 'receivable');

/**
 * Quantities are shown to at most 6 decimal places, half-up, trailing zeros dropped (61 billed
 * seconds = 1.016667 min): a display figure; the amount is the exact sum of the rated records.
 */
function quantity(svc: ServicePlan | undefined, row: Record<string, unknown>): string {
  let q: Decimal;
  if (svc?.kind === 'voice') q = new Decimal(String(row.billed_seconds)).div(60);
  else if (svc?.priceUnitBytes) q = new Decimal(String(row.billed_bytes)).div(svc.priceUnitBytes);
  else q = new Decimal(String(row.units));
  return q.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed();
}

export async function usageLines(store: Store, hp: HashedAgreementPlan, start: string, endExclusive: string): Promise<UsageLinesResult> {
  const plan = hp.plan;
  const params = [plan.id, `${start} 00:00:00`, `${endExclusive} 00:00:00`];
  const rows = await queryJson(store, USAGE_SQL, params);
  const lines: UsageLinesResult['lines'] = rows.map((r) => {
    const svc = plan.services.find((s) => s.name === r.service);
    const band = String(r.band);
    // a rate is shown when the line's records were priced by one clause of one price
    const clause = Number(r.clauses) === 1 && !String(r.clause).includes(' + ') ? String(r.clause) : null;
    const rl = clause ? svc?.rates.find((x) => x.clause === clause) : undefined;
    const one = rl && rl.steps.length === 1 ? rl.steps[0]!.price : null;
    return {
      direction: dir(r.direction),
      kind: 'usage',
      service: String(r.service),
      zone: String(r.zone),
      band,
      construct: null,
      tier: null,
      // a connect fee is part of the amount, not of the rate: said, so rate × quantity ≠ amount is explained
      description: `${String(r.service)} ${String(r.zone)}${band === 'any' ? '' : ` ${band}`}` +
        (svc?.connectFee ? ` (incl. connect fee ${svc.connectFee} ${svc.priceCurrency ?? plan.currency} per call)` : ''),
      records: Number(r.records),
      quantity: quantity(svc, r),
      unit: svc?.unit ?? null,
      rate: one,
      rateUnit: one !== null ? `${svc?.priceCurrency ?? plan.currency}/${svc?.unit ?? ''}` : null,
      // the service's `rounding … per invoice line`, else half-up to the currency's minor unit
      amount: roundTo(new D(String(r.amount)), rounding(plan, svc)),
      source: clause ? (r.rate_source === null ? null : String(r.rate_source)) : null,
    };
  });
  const fxRows = await queryJson(store, FX_SQL, params);
  const fx = fxRows.map((r) => {
    const table = plan.fx?.find((f) => f.from === r.from_ccy && f.to === r.to_ccy)?.table ?? '';
    return {
      direction: dir(r.direction), from: String(r.from_ccy), to: String(r.to_ccy),
      rate: new Decimal(String(r.fx_rate)).toFixed(), date: String(r.fx_date), table,
    };
  });
  return { lines, fx };
}
