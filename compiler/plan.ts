// The RatingPlan: the one boundary between authoring and execution. Plain,
// JSON-serialisable data, versioned, hashed (SHA-256 of its canonical JSON, see hash.ts).
// Money and rates are decimal strings, never numbers. Dates are local calendar dates
// (YYYY-MM-DD) in the agreement's time zone; the runtime turns them into instants.
// This file holds the agreement, its services and their per-record rating; the parts of other
// concepts are in plan-*.ts, re-exported here so `plan.js` stays the one import.
import type { DigitalTermsPlan } from './plan-digital.js';
import type { PartnerPlan, PartyDirectoryPlan, PartyPlan } from './plan-parties.js';
import type {
  CommitmentPlan, DiscountPlan, PeriodAmountPlan, PerUnitMinimumPlan, RecurringFeePlan,
  TieredPricingPlan,
} from './plan-period.js';
import type { FxPlan, SettlementPlan } from './plan-settlement.js';
import type { AgreementTestPlan } from './plan-tests.js';
import type { CoverageItemPlan, TrafficTestPlan } from './plan-traffic-tests.js';

export type * from './plan-parties.js';
export type * from './plan-settlement.js';
export type * from './plan-period.js';
export type * from './plan-digital.js';
export type * from './plan-tests.js';
export type * from './plan-traffic-tests.js';

export const PLAN_FORMAT_VERSION = 1;

export type RoundingMethod = 'half-up' | 'half-even' | 'up' | 'down';

export interface RoundingPlan {
  method: RoundingMethod;
  decimals: number;
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

/** An agreement plan with its hash, as the runtime receives it. */
export interface HashedAgreementPlan {
  plan: AgreementPlan;
  /** hex SHA-256 of canonicalJson(plan) */
  hash: string;
}

/** The result of compiling a set of agreement files. */
export interface CompiledSet {
  plans: HashedAgreementPlan[];
  tests: AgreementTestPlan[];
  /** declared partners and entities (name order); absent from hand-built sets */
  parties?: PartyDirectoryPlan;
  /** traffic tests (`test "…" for AGREEMENT { traffic … }`); absent when there are none */
  trafficTests?: TrafficTestPlan[];
  /** what `icx test --coverage` counts, per agreement with a plan; absent from hand-built sets */
  coverage?: CoverageItemPlan[];
}
