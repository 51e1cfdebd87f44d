// The typed AST of an agreement file. Plain data: every node carries its source range,
// and every reference to a named thing keeps its text (so an unresolved name can still be
// reported, hovered and renamed). Values keep their source text so the formatter and
// the compiler never round-trip money through a float.

export interface Position {
  /** 0-based offset into the text */
  offset: number;
  /** 1-based line */
  line: number;
  /** 1-based column */
  column: number;
}

export interface Range {
  start: Position;
  /** exclusive end */
  end: Position;
}

export interface Node {
  range: Range;
}

/** A name as written, e.g. a zone name in a rate line. */
export interface Name extends Node {
  text: string;
}

/** A number kept as written (underscores removed in `value`, which is a decimal string). */
export interface NumberLit extends Node {
  text: string;
  /** decimal string without separators, e.g. "1000000", "0.0123" */
  value: string;
}

export type DurationUnit = 'ms' | 's' | 'min' | 'h';
export interface DurationLit extends Node {
  text: string;
  /** decimal string of the magnitude, e.g. "61" */
  amount: string;
  unit: DurationUnit;
}

export interface PercentLit extends Node {
  text: string;
  /** decimal string, e.g. "45" for 45% */
  value: string;
}

export interface DateLit extends Node {
  /** YYYY-MM-DD as written */
  text: string;
}

export interface DateTimeLit extends Node {
  /** as written, e.g. 2026-03-02T10:00:00 or with Z / +01:00 */
  text: string;
}

export interface StringLit extends Node {
  /** unescaped value */
  value: string;
}

/** `0.0100 EUR` */
export interface MoneyLit extends Node {
  amount: NumberLit;
  currency: Name;
}

/** `0.0123 EUR/min` */
export interface PriceLit extends Node {
  amount: NumberLit;
  currency: Name;
  /** min, msg, ... as written; the compiler checks it against the service kind */
  per: Name;
  /** the period of a price per unit per period: `month` in `EUR/device/month` */
  perPeriod?: Name;
}

export interface Comment extends Node {
  /** including the leading // */
  text: string;
}

export interface AgreementFile {
  uri: string;
  agreements: Agreement[];
  comments: Comment[];
  /** partners and entities declared outside any agreement (absent = none) */
  partyDecls?: PartyDecl[];
}

export interface Agreement extends Node {
  kind: 'agreement';
  id: Name;
  title?: StringLit;
  /** Items in source order (the formatter keeps the order). */
  items: AgreementItem[];
}

export type AgreementItem =
  | VersionDecl
  | PartiesBlock
  | CurrencyDecl
  | ValidDecl
  | TimezoneDecl
  | InterconnectBlock
  | HolidaysBlock
  | TimebandsBlock
  | ZonesBlock
  | ServiceBlock
  | TestBlock
  | SettlementBlock
  | FxDecl
  | DiscountBlock
  | CommitmentBlock;

export interface VersionDecl extends Node {
  kind: 'version';
  value: NumberLit;
}

export interface PartiesBlock extends Node {
  kind: 'parties';
  parties: Party[];
}

export interface Party extends Node {
  kind: 'party';
  role: 'us' | 'partner';
  name: Name;
  legalName?: StringLit;
  tadig?: Name;
  partnerType?: Name;
}

export interface CurrencyDecl extends Node {
  kind: 'currency';
  code: Name;
}

/** `fx SDR -> EUR from table "fx/gsma-2026.csv" at usage date`: how amounts priced in `from` are settled. */
export interface FxDecl extends Node {
  kind: 'fx';
  from: Name;
  to: Name;
  /** path of the FX table (CSV date,from,to,rate), relative to the agreement file */
  table: StringLit;
  /** which table row a record uses: the local date of its start, or the last day of that month */
  rule: 'usage-date' | 'period-end';
}

export interface ValidDecl extends Node {
  kind: 'valid';
  from: DateLit;
  /** absent = open-ended */
  to?: DateLit;
}

export interface TimezoneDecl extends Node {
  kind: 'timezone';
  zone: Name;
}

export interface InterconnectBlock extends Node {
  kind: 'interconnect';
  name: Name;
  site?: StringLit;
  trunks: Name[];
  traffic: Name[];
  quality: QualityTarget[];
}

export interface QualityTarget extends Node {
  metric: 'asr' | 'acd' | 'pdd';
  op: '>=' | '<=';
  value: PercentLit | DurationLit;
}

export interface HolidaysBlock extends Node {
  kind: 'holidays';
  name: Name;
  dates: DateLit[];
}

export interface TimebandsBlock extends Node {
  kind: 'timebands';
  bands: BandDef[];
}

export interface BandDef extends Node {
  name: Name;
  /** `otherwise`: every moment no other band covers */
  otherwise: boolean;
  /** day specs as written: mon, mon-fri, sat-sun */
  days: Name[];
  /** time ranges as written, e.g. 08:00-20:00; none = the whole day */
  times: TimeRangeLit[];
  /** `except holidays FR` */
  exceptHolidays?: Name;
  /** `name holidays FR`: the whole of those days */
  onHolidays?: Name;
}

export interface TimeRangeLit extends Node {
  text: string;
  /** minutes from local midnight */
  startMinute: number;
  /** minutes from local midnight, exclusive; 1440 for 24:00 */
  endMinute: number;
}

export interface ZonesBlock extends Node {
  kind: 'zones';
  zones: ZoneDef[];
}

export interface ZoneDef extends Node {
  name: Name;
  prefixes: PrefixLit[];
}

export interface PrefixLit extends Node {
  /** as written, e.g. "33 6" */
  text: string;
  /** digits concatenated, e.g. "336" */
  digits: string;
}

/** Kinds of service, each with its own usage and units (GRAMMAR.md "Service kinds"). */
export const SERVICE_KINDS = ['voice', 'sms', 'data', 'event', 'iot', 'subscription', 'slice'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
export type Direction = 'payable' | 'receivable';

export interface ServiceBlock extends Node {
  kind: 'service';
  name: Name;
  serviceKind: Name; // one of SERVICE_KINDS as written (checked by the compiler)
  direction: Name; // payable | receivable as written
  items: ServiceItem[];
}

export type ServiceItem =
  | BillingDecl
  | ConnectFeeDecl
  | ZeroDurationDecl
  | BoundaryDecl
  | RateDecl
  | BarDecl
  | MaximumDecl
  | RoundingDecl
  | DeckDecl
  | NoticeDecl
  | SurchargeDecl
  | PoolDecl
  | RevenueShareDecl
  | CommissionDecl
  | SlaDecl
  | TieredDecl
  | TierLine
  | MinimumDecl;

export interface BillingDecl extends Node {
  kind: 'billing';
  first: NumberLit;
  next: NumberLit;
  minimum?: DurationLit;
  /** `billing 1 KB` (data): every record's volume is rounded up to a multiple of this;
   *  `first` then holds the amount and `next` is empty */
  volume?: { amount: NumberLit; unit: Name };
}

export interface ConnectFeeDecl extends Node {
  kind: 'connectFee';
  fee: MoneyLit;
}

export interface ZeroDurationDecl extends Node {
  kind: 'zeroDuration';
  charged: boolean;
}

export interface BoundaryDecl extends Node {
  kind: 'boundary';
  rule: 'start-band' | 'split';
}

export interface RateDecl extends Node {
  kind: 'rate';
  /** zone name, or the word `any`; when no zone is written, `any` with an empty range at the price */
  zone: Name;
  prices: BandPrice[];
  from?: DateLit;
  /** `for active devices`: the unit word after `active`; the price is then charged per
   *  active unit per month at period level, not per record */
  activeUnits?: Name;
  /** a recurring fee's statement: `not prorated`, or `prorated by day` (`by` = the word after `by`) */
  proration?: Node & { prorated: boolean; by?: Name };
  /** `rate ZONE origin OZONE ...`: applies when the A-number's zone is OZONE */
  origin?: Name;
  /** `rate calls home ...`: a roaming call category (local, home, international); `zone` is then the implied `any` */
  category?: Name;
}

/** `surcharge origin [outside] ZONE PRICE`: added per billed minute (voice) or message (sms). */
export interface SurchargeDecl extends Node {
  kind: 'surcharge';
  outside: boolean;
  zone: Name;
  price: PriceLit;
}

export interface BandPrice extends Node {
  /** absent = every band */
  band?: Name;
  /** one step = a flat price; several = rate steps within a call */
  steps: PriceStep[];
}

export interface PriceStep extends Node {
  /** length of this step; absent on the last (`then`) step */
  length?: DurationLit;
  price: PriceLit;
}

export interface BarDecl extends Node {
  kind: 'bar';
  zones: Name[];
}

export interface MaximumDecl extends Node {
  kind: 'maximum';
  amount: MoneyLit;
  /** `maximum 100_000 EUR per month`: a cap per period; absent = per call */
  period?: Name;
}

export type RoundingMethod = 'half-up' | 'half-even' | 'up' | 'down';
export interface RoundingDecl extends Node {
  kind: 'rounding';
  method: RoundingMethod;
  decimals: NumberLit;
  scope: 'record' | 'invoice-line';
}

/** `rates from deck "decks/x.csv" issued 2026-03-01`: the service's rates come from a CSV deck. */
export interface DeckDecl extends Node {
  kind: 'deck';
  /** as written, relative to the agreement file */
  path: StringLit;
  /** the deck's issue date; required when the service states a notice period */
  issued?: DateLit;
}

/** `notice increases 7 days`: a deck increase must take effect at least N days after issue. */
export interface NoticeDecl extends Node {
  kind: 'notice';
  days: NumberLit;
}

export interface TestBlock extends Node {
  kind: 'test';
  title: StringLit;
  /** the first usage line (every test has at least one); all of them in `usages` when there are several */
  usage?: TestUsage;
  /** the first expectation; all of them in `expects` when there are several */
  expect?: TestExpect;
  usages?: TestUsage[];
  expects?: TestExpect[];
  /** `period 2026-03`: period charges of that month are computed for the test */
  period?: YearMonthLit;
  /** `kpi …` and `retail …` lines: inputs of digital-partner charges */
  inputs?: TestInput[];
}

/** `2026-03` */
export interface YearMonthLit extends Node {
  text: string;
}

export interface TestUsage extends Node {
  service: Name;
  aNumber?: NumberLit;
  /** absent on data and event usage (required for voice and sms by the checks) */
  bNumber?: NumberLit;
  at: DateTimeLit;
  duration?: DurationLit;
  units?: NumberLit;
  /** data volume in bytes */
  bytes?: NumberLit;
  /** roaming call category */
  category?: Name;
  /** `count 1000`: that many identical records */
  count?: NumberLit;
}

/** Inputs of a period test's digital-partner charges (instead of --kpi / --retail files). */
export type TestInput =
  /** `kpi availability 99.97%`, `kpi latency-p99 12ms` */
  | (Node & { kind: 'kpi'; name: Name; value: PercentLit | DurationLit })
  /** `retail premium-video 12125550001 2026-03-01 gross 15.99 taxes 1.42 refunds 0` */
  | (Node & { kind: 'retail'; service: Name; subscriber: Name; date: DateLit; gross: NumberLit; taxes: NumberLit; refunds: NumberLit });

/** `500 MB/device/month`: an amount of a unit per unit (per period) */
export interface QuantityLit extends Node {
  amount: NumberLit;
  unit: Name;
  per: Name;
  perPeriod?: Name;
}

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

export type TestExpect =
  | (Node & {
      kind: 'amount';
      amount: MoneyLit;
      /** `original 0.0250 SDR`: the amount in the currency the service is priced in, before FX */
      original?: MoneyLit;
      zone?: Name;
      band?: Name;
      billed?: DurationLit;
    })
  | (Node & { kind: 'suspense'; reason: Name })
  /** `expect charge <construct> <subject> (tier <n>)? <signed amount>`: the sum of the matching charge lines */
  | (Node & { kind: 'charge'; construct: Name; subject: Name; tier?: NumberLit; amount: MoneyLit })
  /** `expect total <signed amount>`: the month's invoice: the test's records rated in the month plus every charge line */
  | (Node & { kind: 'total'; amount: MoneyLit });

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

// ---- partners and entities declared once, outside any agreement ----

/** `partner ORANGE "Orange France SA" { ... }` or `entity ACME-UK "ACME Telecom Ltd" { ... }` */
export interface PartyDecl extends Node {
  kind: 'partyDecl';
  /** `partner`: a counterparty; `entity`: one of the group's own companies (`us` in agreements) */
  role: 'partner' | 'entity';
  name: Name;
  legalName?: StringLit;
  /** one fact per line, in source order */
  facts: PartyFact[];
}

export type PartyFactKind = 'type' | 'tadig' | 'carrier' | 'vat' | 'address';

export interface PartyFact extends Node {
  fact: PartyFactKind;
  /** the values as written (a quoted string's value, unescaped); several for tadig and carrier code */
  values: Name[];
}

// ---- settlement terms: recorded for bill runs and disputes ----

export interface SettlementBlock extends Node {
  kind: 'settlement';
  items: SettlementItem[];
}

export type SettlementItem =
  /** `invoicing monthly, due 30 days` */
  | (Node & { kind: 'invoicing'; period: Name; dueDays?: NumberLit; dueUnit?: Name })
  /** `netting bilateral` */
  | (Node & { kind: 'netting'; mode: Name })
  /** `dispute tolerance 1% or 500 EUR`: one or two thresholds, each a percentage or an amount */
  | (Node & { kind: 'disputeTolerance'; thresholds: (PercentLit | MoneyLit)[] });
