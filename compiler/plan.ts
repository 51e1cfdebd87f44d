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
  /** the first TADIG code (of tadigCodes), kept for readers of format 1 plans */
  tadig: string | null;
  // The details below come from the party's declaration (`partner NAME { ... }`, `entity NAME
  // { ... }`, see compiler/check/parties.ts) merged with what the agreement states inline. The
  // compiler always sets them; they are optional only so hand-built plans (tests) stay short.
  /** every TADIG code, declared order */
  tadigCodes?: string[];
  /** carrier codes (`carrier code ...`), declared order */
  carrierCodes?: string[];
  /** tax registration for invoices, as written */
  vat?: string | null;
  /** postal address for invoices, as written */
  address?: string | null;
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
  /**
   * Rate decks (compiler/deck/): billing increments of this line, overriding the service's
   * `billing` (its minimum still applies); absent = the service's.
   */
  increments?: { firstSeconds: number; nextSeconds: number };
  /** Rate decks: the prefixes are closed from effectiveFrom; no steps; records → suspense `closed`. */
  closed?: true;
  /**
   * Rate decks: when prefixes of one destination (zone) have different rate histories, each
   * history is a tariff of the zone, named by its lowest prefix; prefixes and rate lines with
   * the same zone and tariff go together. Absent = the zone has one history.
   */
  tariff?: string;
  /** `rate ZONE origin OZONE`: prices only calls whose A-number's origin zone is OZONE; absent/null = plain line */
  origin?: string | null;
}

/** `surcharge origin [outside] ZONE PRICE` (voice: per billed minute; sms: per message). */
export interface SurchargePlan {
  /** `<service>/surcharge origin [outside ]<zone>` */
  clause: string;
  source: string;
  zone: string;
  outside: boolean;
  /** per unit of the service (min or msg), decimal string */
  price: string;
}

/**
 * Origin pricing of a service, resolved at compile time so the rating SQL does one
 * longest-prefix match of the A-number: every prefix of every origin zone the service
 * names, with what holds for an A-number whose longest matching prefix (among them) it is.
 */
export interface OriginPlan {
  prefixes: {
    prefix: string;
    /** the origin zone of origin-keyed rate lines (longest prefix among their zones); null = none */
    rateZone: string | null;
    /** clauses of the surcharges that apply */
    surcharges: string[];
  }[];
  surcharges: SurchargePlan[];
  /** clauses of the surcharges that apply to a missing A-number or one no prefix matches (the `outside` ones) */
  unmatchedSurcharges: string[];
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
  prefixes: { prefix: string; zone: string; tariff?: string }[];
  barredZones: string[];
  rates: RateLinePlan[];
  /** data: every record's volume is rounded up to a multiple of this many bytes (`billing 1 KB` = 1024) */
  volumeUnitBytes?: number | null;
  /** data: bytes per price unit (KB = 1024, MB = 1024², GB = 1024³) */
  priceUnitBytes?: number | null;
  /** voice/sms priced by roaming call category: the rate lines' zone is the category (local, home, international) */
  byCategory?: boolean;
  /** origin-keyed rate lines and origin surcharges; null/absent = none */
  origin?: OriginPlan | null;
  /**
   * The currency this service's prices are written in, when it is not the agreement
   * currency: amounts are computed in it, then converted by the agreement's fx line for it.
   * Absent = priced in the agreement currency (plans without fx hash as before).
   */
  priceCurrency?: string;
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
 * How amounts priced in `from` are settled in the agreement currency (`to`): the rate of the
 * table row dated the record's local start date (`usage-date`) or the last day of that
 * calendar month (`period-end`). No row for that date → suspense `no-fx-rate`, never 1.
 */
export interface FxPlan {
  from: string;
  to: string;
  rule: 'usage-date' | 'period-end';
  /** the table file, relative to the agreements root */
  table: string;
  /** `<uri>:<line>` of the fx line */
  source: string;
  /** the table's rows for this pair, by date: 1 `from` = `rate` `to`, exact decimal text */
  rates: { date: string; rate: string }[];
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
  /**
   * Settlement terms as the agreement states them (`settlement { ... }`), null when it states
   * none. Recorded for bill runs and disputes (issues 6 and 7): rating does not read them.
   * Always set by the compiler; optional only so hand-built plans stay short.
   */
  settlement?: SettlementPlan | null;
  /**
   * The codes by which usage without a trunk finds this agreement (usage field `partner`): the
   * declared partner's name, TADIG codes and carrier codes. Empty when the agreement has trunks
   * (it is found by them) or its partner is not declared. Set by the compiler.
   */
  partnerCodes?: string[];
  /** one per source currency; absent when the agreement has no fx line */
  fx?: FxPlan[];
}

/** `settlement { invoicing monthly, due 30 days / netting bilateral / dispute tolerance 1% or 500 EUR }` */
export interface SettlementPlan {
  /** how often invoices are raised; null = not stated */
  invoicing: 'monthly' | 'quarterly' | 'yearly' | null;
  /** days from the invoice date to the due date; null = not stated */
  dueDays: number | null;
  /** `bilateral`: the two directions' invoices are netted into one payment; `none`: paid gross */
  netting: 'bilateral' | 'none' | null;
  /**
   * A difference between the two sides' figures is within tolerance when it is at most
   * `percent` % of the invoiced amount OR at most `amount` (so the larger threshold applies).
   * Decimal strings; either may be null when only the other is stated.
   */
  disputeTolerance: { percent: string | null; amount: string | null; currency: string | null } | null;
}

/** The partners and entities declared outside agreements, as `icx partners` lists them. */
export interface PartyDirectoryPlan {
  entities: PartyPlan[];
  partners: PartnerPlan[];
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
    /** null for data and event usage */
    bNumber: string | null;
    /** as written; without an offset it is local time in the agreement's zone */
    startTime: string;
    durationSeconds: string | null;
    units: string | null;
    /** data volume in bytes */
    bytes?: string | null;
    /** roaming call category */
    category?: string | null;
  };
  expect:
    | { kind: 'amount'; amount: string; currency: string; zone: string | null; band: string | null; billedSeconds: number | null;
        /** `original 0.0250 SDR`: the amount before FX, in the service's price currency */
        original?: { amount: string; currency: string } }
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
  /** declared partners and entities (name order); absent from hand-built sets */
  parties?: PartyDirectoryPlan;
}
