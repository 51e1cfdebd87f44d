// Period charges of a plan (runtime/period/README.md): tiered pricing, discounts, commitments,
// minimum and maximum fees per period, per-unit minimums and recurring fees. Optional in the
// plan and present only when written, so the hashes of plans without them are unchanged.
// Re-exported by plan.ts.

/** Calendar periods in the agreement's time zone. */
export type PeriodUnit = 'month' | 'quarter' | 'year';
export type TierStyle = 'incremental' | 'retroactive';

/** One tier: [from, to) in the basis unit; `to` null = open. */
export interface TierPlan {
  /** 1-based */
  index: number;
  from: string;
  to: string | null;
  /** discount tiers: percent as a decimal string ("8" for 8%) */
  percent: string | null;
  /** tiered pricing: price per basis unit */
  price: string | null;
  source: string;
}

export interface TieredPricingPlan {
  period: PeriodUnit;
  style: TierStyle;
  /** the volume unit tiers count: min (voice, billed minutes), msg (sms), the event unit, MB/GB (data) */
  unit: string;
  tiers: TierPlan[];
  source: string;
}

export interface DiscountPlan {
  /** the discount's name; null when unnamed (charges then name the service) */
  name: string | null;
  service: string;
  /** null = every zone of the service */
  zone: string | null;
  period: PeriodUnit;
  style: TierStyle;
  /** tiers count billed volume in `unit`, or rated amount (`unit` = the agreement currency) */
  basis: 'volume' | 'amount';
  unit: string;
  tiers: TierPlan[];
  source: string;
}

export interface CommitmentPlan {
  service: string;
  /** `us`: we pay the shortfall to the partner (payable); `partner`: they pay us (receivable) */
  committedBy: 'us' | 'partner';
  party: string;
  basis: 'spend' | 'volume';
  /** committed amount (spend) or volume, decimal string */
  quantity: string;
  /** the currency (spend) or the volume unit */
  unit: string;
  period: PeriodUnit;
  /** volume commitments: price per unit of shortfall */
  shortfallPrice: string | null;
  source: string;
}

export interface PeriodAmountPlan {
  amount: string;
  period: PeriodUnit;
  source: string;
}

export interface PerUnitMinimumPlan {
  amount: string;
  /** e.g. subscriber */
  per: string;
  period: PeriodUnit | null;
  source: string;
}

export interface RecurringFeePlan {
  amount: string;
  period: 'month';
  /** true: fee × days in force / days in the month; false: the full fee for any month in force */
  prorated: boolean;
  /** local dates: [from, to) as for rate lines; to null = until the validity ends */
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string;
}
