// Terms charged per period rather than per record: tiers, minimum fees, discounts, commitments,
// and the digital-partner terms (pooled data, revenue share, commission, SLAs). Re-exported by
// ast.ts.
import type {
  DurationLit, MoneyLit, Name, Node, NumberLit, PercentLit, PriceLit, QuantityLit,
} from './ast.js';

// ---- period charges (runtime/period/README.md)

/** `per month, retroactive` (after `tiered`, or inside a discount) */
export interface TierStyleDecl extends Node {
  kind: 'tierStyle';
  /** month | quarter | year, as written (checked by the compiler) */
  period: Name;
  /** incremental | retroactive, as written; absent = not stated (an error) */
  style?: Name;
}

/** `tiered per month, incremental` in a service */
export interface TieredDecl extends Node {
  kind: 'tiered';
  style: TierStyleDecl;
}

/** `tier 0 .. 1_000_000 min 0%`; lower bound inclusive, upper exclusive, absent = open */
export interface TierLine extends Node {
  kind: 'tier';
  from: NumberLit;
  fromUnit?: Name;
  to?: NumberLit;
  toUnit?: Name;
  /** a discount's percentage */
  percent?: PercentLit;
  /** a tiered service's price */
  price?: PriceLit;
}

/** `minimum 40_000 EUR per month` (minimum fee), or `minimum 2.50 USD/subscriber/month` (per-unit floor) */
export interface MinimumDecl extends Node {
  kind: 'minimum';
  amount: MoneyLit;
  period?: Name;
  per?: Name;
  perPeriod?: Name;
}

export interface DiscountBlock extends Node {
  kind: 'discount';
  name?: Name;
  service: Name;
  zone?: Name;
  style?: TierStyleDecl;
  tiers: TierLine[];
}

/** `ACME commits 250_000 EUR per quarter` */
export interface CommitsLine extends Node {
  party: Name;
  quantity: NumberLit;
  /** a currency (spend) or a usage unit (volume) */
  unit: Name;
  period: Name;
}

export interface ShortfallLine extends Node {
  /** `shortfall invoiced at the end of the quarter`: its words and period; or `shortfall at <price>` */
  invoicedAt?: { words: Name[]; period: Name };
  price?: PriceLit;
}

export interface CommitmentBlock extends Node {
  kind: 'commitment';
  service: Name;
  commits: CommitsLine[];
  shortfall: ShortfallLine[];
}

// ---- digital-partner terms

/** `data pooled 500 MB/device/month, overage 0.002 EUR/MB` */
export interface PoolDecl extends Node {
  kind: 'pool';
  allowance: QuantityLit;
  overage: PriceLit;
}

/** `revenue share 70% of net retail to STREAMCO` */
export interface RevenueShareDecl extends Node {
  kind: 'revenueShare';
  share: PercentLit;
  /** the party paid (payable) or paying (receivable); absent = the partner */
  to?: Name;
}

/** `commission 12.00 EUR/activation plus 5% of first-month retail` */
export interface CommissionDecl extends Node {
  kind: 'commission';
  price: PriceLit;
  plus?: PercentLit;
  /** the retail basis as written: `first-month` */
  basis?: Name;
}

/** `sla availability >= 99.99% per month, credit 10% per 0.01% below, cap 50%` */
export interface SlaDecl extends Node {
  kind: 'sla';
  /** availability | latency as written */
  metric: Name;
  /** p99, ... (latency) */
  statistic?: Name;
  op: '>=' | '<=';
  target: PercentLit | DurationLit;
  /** `per month` */
  period?: Name;
  credit: PercentLit;
  /** `per 0.01% below`: the credit is per full step below the target */
  step?: PercentLit;
  /** the cap on the credits of all SLAs of the service, % of the monthly fee */
  cap?: PercentLit;
}
