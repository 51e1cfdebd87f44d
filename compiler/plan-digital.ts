// Digital-partner terms of a service plan: active-unit fees, pooled data, revenue share,
// commission and SLAs, charged per month by runtime/period/digital-*.ts. Re-exported by plan.ts.

/**
 * Digital-partner terms of a service, charged per calendar month (local to the agreement)
 * by runtime/period/digital-*.ts. Amounts and percentages are decimal strings.
 */
export interface DigitalTermsPlan {
  /** `rate 0.40 EUR/device/month for active devices`: per distinct active unit in the month */
  activeUnitFees: {
    clause: string;
    source: string;
    /** device (iot) or subscriber (subscription) */
    unit: string;
    price: string;
    /** local dates; the fee in force on the first day of the month applies to the month */
    effectiveFrom: string;
    effectiveTo: string | null;
  }[];
  /** `data pooled 500 MB/device/month, overage 0.002 EUR/MB` */
  pool: {
    clause: string;
    source: string;
    /** allowance per active device per month, as written and in bytes (binary units) */
    allowance: string;
    allowanceUnit: string;
    allowanceBytes: string;
    overagePrice: string;
    overageUnit: string;
    overageUnitBytes: string;
  } | null;
  /** `revenue share 70% of net retail to STREAMCO` */
  revenueShare: { clause: string; source: string; percent: string; to: string } | null;
  /** `commission 12.00 EUR/activation plus 5% of first-month retail` */
  commission: { clause: string; source: string; perEvent: string; unit: string; retailPercent: string | null } | null;
  /** `sla ...` lines, in source order */
  slas: {
    clause: string;
    source: string;
    metric: 'availability' | 'latency';
    /** p99, ...; null for availability */
    statistic: string | null;
    op: '>=' | '<=';
    /** availability: percent; latency: milliseconds */
    target: string;
    targetUnit: '%' | 'ms';
    /** % of the monthly fee credited (per step when stepPercent is set) */
    creditPercent: string;
    /** availability: one credit per full step of this many percentage points below the target */
    stepPercent: string | null;
  }[];
  /** cap on the sum of the service's SLA credits in a month, % of the monthly fee (its recurring-fee line); null = none */
  slaCapPercent: string | null;
  /** `<uri>:<line>` of the SLA line that states the cap */
  slaCapSource: string | null;
}
