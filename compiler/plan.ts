// The RatingPlan: the one boundary between authoring and execution. Plain,
// JSON-serialisable data, versioned, hashed (SHA-256 of its canonical JSON, see hash.ts).
// Money and rates are decimal strings, never numbers. Dates are local calendar dates
// (YYYY-MM-DD) in the agreement's time zone; the runtime turns them into instants.

export const PLAN_FORMAT_VERSION = 1;

export type RoundingMethod = 'half-up' | 'half-even' | 'up' | 'down';

export interface RoundingPlan {
  method: RoundingMethod;
  decimals: number;
}

export interface PartyPlan {
  name: string;
  legalName: string | null;
  tadig: string | null;
}

export interface PartnerPlan extends PartyPlan {
  /** interconnect, wholesale, roaming, mvno, iot, content, cloud, distribution, enterprise */
  type: string | null;
}

export interface InterconnectPlan {
  name: string;
  site: string | null;
  trunks: string[];
  /** traffic kinds carried: voice, sms */
  traffic: ServiceKind[];
  quality: { metric: 'asr' | 'acd' | 'pdd'; op: '>=' | '<='; value: string; unit: '%' | 's' }[];
}

/**
 * One local day of the week, cut into consecutive windows that together cover
 * minutes 0..1440 exactly once. There are 14 day profiles: ISO weekday 1 (Monday)
 * to 7 (Sunday), each for an ordinary day and for a holiday.
 */
export interface BandWindow {
  holiday: boolean;
  isoDow: number;
  startMinute: number;
  /** exclusive */
  endMinute: number;
  band: string;
}

export type ServiceKind = 'voice' | 'sms' | 'data' | 'event' | 'iot' | 'subscription' | 'slice';
export type Direction = 'payable' | 'receivable';

export interface PriceStepPlan {
  /** billed second at which this step starts (0 for the first) */
  fromSecond: number;
  /** exclusive; null = to the end of the call */
  toSecond: number | null;
  /** price per unit of the service (per minute for voice, per message for sms), decimal string */
  price: string;
}

export interface RateLinePlan {
  /** stable clause id, unique in the agreement: `<service>/<zone>/<band>/<from>` */
  clause: string;
  /** where it was written: `<uri>:<line>` */
  source: string;
  zone: string;
  band: string;
  /** first local date on which this price applies (inclusive) */
  effectiveFrom: string;
  /** first local date on which it no longer applies (exclusive); null = until the validity ends */
  effectiveTo: string | null;
  steps: PriceStepPlan[];
}

export interface ServicePlan {
  name: string;
  kind: ServiceKind;
  direction: Direction;
  /** the unit prices are per: `min` for voice, `msg` for sms; for other kinds as written */
  unit: string;
  /** voice only; null for sms */
  billing: { firstSeconds: number; nextSeconds: number; minimumSeconds: number } | null;
  /** per answered call, decimal string; null = none */
  connectFee: string | null;
  zeroDurationCharged: boolean;
  boundaryRule: 'start-band' | 'split';
  /** maximum charge per call (after connect fee), decimal string; null = none */
  maximumPerCall: string | null;
  /** applied to every rated record's amount; defaults to half-up, 6 decimals */
  recordRounding: RoundingPlan;
  /** applied to each invoice line's total when stated; null = sum of rounded records */
  invoiceLineRounding: RoundingPlan | null;
  /**
   * Longest-prefix table of this service: the prefixes of every zone it rates or bars.
   * The zone `any` contributes the empty prefix "" and so matches every number.
   */
  prefixes: { prefix: string; zone: string }[];
  barredZones: string[];
  rates: RateLinePlan[];
  // Period charges (runtime/period/README.md). Optional, and present only when written, so
  // plans of agreements without them (and their hashes) are unchanged.
  /** `tiered per month, incremental` + tier lines: records are rated provisionally at tier 1's price */
  tiered?: TieredPricingPlan;
  /** `minimum 40_000 EUR per month`: top-up to this amount */
  minimumFee?: PeriodAmountPlan;
  /** `maximum 100_000 EUR per month`: cap per period */
  maximumPerPeriod?: PeriodAmountPlan;
  /** `minimum 2.50 USD/subscriber/month`: a floor per unit (revenue share; applied by that construct) */
  minimumPerUnit?: PerUnitMinimumPlan;
  /** `rate 12_000 EUR/month not prorated`: recurring fees (not record prices) */
  recurringFees?: RecurringFeePlan[];
  /** digital-partner terms charged per period; absent when the service has none */
  digital?: DigitalTermsPlan;
}

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

export interface AgreementPlan {
  format: typeof PLAN_FORMAT_VERSION;
  id: string;
  title: string | null;
  version: number;
  /** source file of the agreement, relative to the agreements root */
  uri: string;
  us: PartyPlan;
  partner: PartnerPlan;
  currency: string;
  /** inclusive local dates */
  validFrom: string;
  validTo: string | null;
  timezone: string;
  interconnects: InterconnectPlan[];
  /** local dates that use the holiday day profiles */
  holidays: string[];
  /** band names in declaration order; ["any"] when the agreement declares no time bands */
  bands: string[];
  bandWindows: BandWindow[];
  services: ServicePlan[];
  /** present only when the agreement has discounts / commitments */
  discounts?: DiscountPlan[];
  commitments?: CommitmentPlan[];
}

/** An agreement plan with its hash, as the runtime receives it. */
export interface HashedAgreementPlan {
  plan: AgreementPlan;
  /** hex SHA-256 of canonicalJson(plan) */
  hash: string;
}

/** The test blocks of an agreement, lowered to usage rows and expectations. */
export interface AgreementTestPlan {
  agreementId: string;
  title: string;
  /** `<uri>:<line>` of the test block */
  source: string;
  usage: {
    service: string;
    aNumber: string | null;
    bNumber: string;
    /** as written; without an offset it is local time in the agreement's zone */
    startTime: string;
    durationSeconds: string | null;
    units: string | null;
  };
  expect:
    | { kind: 'amount'; amount: string; currency: string; zone: string | null; band: string | null; billedSeconds: number | null }
    | { kind: 'suspense'; reason: string }
    | ChargeExpectPlan
    | { kind: 'total'; amount: string; currency: string };
  /**
   * Period tests only (absent on single-usage tests): every usage line (the first is `usage`),
   * each with its record count, every expectation (the first is `expect`), and the month.
   */
  period?: {
    month: string;
    usages: (AgreementTestPlan['usage'] & { count: number })[];
    expects: AgreementTestPlan['expect'][];
  };
  /** period tests: the `kpi` and `retail` lines, inputs of digital-partner charges */
  digitalInputs?: TestDigitalInputsPlan;
}

export interface TestDigitalInputsPlan {
  /** availability in percent, latency in milliseconds (decimal strings) */
  kpis: { kpi: string; value: string; source: string }[];
  retail: { service: string; subscriber: string; date: string; gross: string; taxes: string; refunds: string; source: string }[];
}

/** `expect charge discount FR-MOBILE-VOLUME tier 2 -12.30 EUR`: the sum of the matching lines */
export interface ChargeExpectPlan {
  kind: 'charge';
  construct: string;
  subject: string;
  tier: number | null;
  amount: string;
  currency: string;
}

/** The result of compiling a set of agreement files. */
export interface CompiledSet {
  plans: HashedAgreementPlan[];
  tests: AgreementTestPlan[];
}
