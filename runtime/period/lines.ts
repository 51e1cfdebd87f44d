// The charge line: one row of charges.parquet and of the period summary. Amounts are exact
// decimal strings; a line's amount is already rounded (see rounding()).
import { Decimal } from 'decimal.js';
import type { AgreementPlan, HashedAgreementPlan, RoundingPlan, ServicePlan } from '../../compiler/plan.js';
import type { Period } from './calendar.js';

/** What a line is (docs/internal-contracts.md "Period charges"). */
export type ChargeConstruct =
  | 'tier' // a tiered service: each tier's difference to the provisional tier-1 price
  | 'discount'
  | 'cap'
  | 'minimum-fee'
  | 'commitment-shortfall'
  | 'recurring-fee'
  | (string & {}); // constructs added by other modules (active-device fees, revenue share, SLA credits…)

export interface ChargeLine {
  agreementId: string;
  agreementVersion: number;
  planHash: string;
  service: string;
  /** payable (we pay the partner) or receivable (the partner pays us) */
  direction: 'payable' | 'receivable';
  construct: ChargeConstruct;
  /** the discount's name, else the service */
  subject: string;
  /** `<uri>:<line>` of the clause */
  clauseSource: string;
  periodStart: string;
  /** inclusive */
  periodEnd: string;
  tier: number | null;
  tierFrom: string | null;
  tierTo: string | null;
  basisQuantity: string | null;
  basisUnit: string | null;
  basisAmount: string | null;
  percent: string | null;
  price: string | null;
  /** signed, rounded: discounts and caps are negative */
  amount: string;
  currency: string;
  explanation: string;
}

/** Exact arithmetic for aggregates: 60 significant digits, never a float. */
export const D = Decimal.clone({ precision: 60 });
export type Dec = InstanceType<typeof D>;

/** decimal.js modes of the agreement's rounding methods (up and down: away from and towards zero). */
export const ROUNDING_MODES: Record<RoundingPlan['method'], Decimal.Rounding> = {
  'half-up': Decimal.ROUND_HALF_UP,
  'half-even': Decimal.ROUND_HALF_EVEN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
};

/** Minor-unit digits of a currency (EUR 2, JPY 0, BHD 3), from the runtime's ICU data. */
export function minorUnits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * The declared rounding of a charge line: the service's `rounding … per invoice line` when
 * stated, else half-up to the currency's minor unit (documented default).
 */
export function rounding(plan: AgreementPlan, svc: ServicePlan | undefined): RoundingPlan {
  return svc?.invoiceLineRounding ?? { method: 'half-up', decimals: minorUnits(plan.currency) };
}

export function roundTo(x: Dec, r: RoundingPlan): string {
  const y = x.toDecimalPlaces(r.decimals, ROUNDING_MODES[r.method]);
  return (y.isZero() ? y.abs() : y).toFixed(r.decimals); // never "-0.00"

}

/** 1234567.5 → "1,234,567.5" for explanations (the value itself stays exact). */
export function show(x: Dec | string): string {
  const s = new D(x).toFixed();
  const [int, frac] = s.split('.');
  const sign = int!.startsWith('-') ? '-' : '';
  const digits = int!.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${digits}${frac ? `.${frac}` : ''}`;
}

/** A line builder bound to one agreement, service and period. */
export function lineFor(hp: HashedAgreementPlan, svc: ServicePlan, period: Period) {
  const base = {
    agreementId: hp.plan.id, agreementVersion: hp.plan.version, planHash: hp.hash, service: svc.name,
    direction: svc.direction, periodStart: period.start, periodEnd: period.end, currency: hp.plan.currency,
    subject: svc.name, tier: null, tierFrom: null, tierTo: null, basisQuantity: null, basisUnit: null, basisAmount: null,
    percent: null, price: null,
  };
  return (fields: Partial<ChargeLine> & Pick<ChargeLine, 'construct' | 'clauseSource' | 'amount' | 'explanation'>): ChargeLine => ({
    ...base,
    ...fields,
  });
}

const CONSTRUCT_ORDER = ['tier', 'discount', 'cap', 'minimum-fee', 'commitment-shortfall', 'recurring-fee'];

/** A stable order, so charges.parquet is byte-identical across runs. */
export function sortLines(lines: ChargeLine[]): ChargeLine[] {
  const rank = (c: string) => {
    const i = CONSTRUCT_ORDER.indexOf(c);
    return i < 0 ? CONSTRUCT_ORDER.length : i;
  };
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...lines].sort(
    (a, b) =>
      cmp(a.agreementId, b.agreementId) || cmp(a.periodStart, b.periodStart) || cmp(a.service, b.service) ||
      rank(a.construct) - rank(b.construct) || cmp(a.construct, b.construct) || cmp(a.subject, b.subject) ||
      (a.tier ?? 0) - (b.tier ?? 0) || cmp(a.clauseSource, b.clauseSource),
  );
}
