// The typed AST of an agreement file. Plain data: every node carries its source range,
// and every reference to a named thing keeps its text (so an unresolved name can still be
// reported, hovered and renamed). Values keep their source text so the formatter and
// the compiler never round-trip money through a float. This file holds the nodes and
// literals every part shares, the file, the agreement and its header, services, and the item
// unions; the items of each concept are in ast-*.ts, re-exported here so `./ast.js` is the
// one import.
import type { HolidaysBlock, TimebandsBlock, ZonesBlock } from './ast-bands-zones.js';
import type { InterconnectBlock, PartiesBlock, PartyDecl } from './ast-parties.js';
import type {
  CommissionDecl, CommitmentBlock, DiscountBlock, MinimumDecl, PoolDecl, RevenueShareDecl, SlaDecl,
  TieredDecl, TierLine,
} from './ast-period.js';
import type {
  BarDecl, BillingDecl, BoundaryDecl, ConnectFeeDecl, DeckDecl, MaximumDecl, NoticeDecl, RateDecl,
  RoundingDecl, SurchargeDecl, ZeroDurationDecl,
} from './ast-pricing.js';
import type { FxDecl, SettlementBlock } from './ast-settlement.js';
import type { TestBlock } from './ast-tests.js';
import type { TrafficTest } from './ast-traffic-tests.js';

export type * from './ast-parties.js';
export type * from './ast-bands-zones.js';
export type * from './ast-settlement.js';
export type * from './ast-pricing.js';
export type * from './ast-period.js';
export type * from './ast-tests.js';
export type * from './ast-traffic-tests.js';

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

/** `2026-03` */
export interface YearMonthLit extends Node {
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

/** `500 MB/device/month`: an amount of a unit per unit (per period) */
export interface QuantityLit extends Node {
  amount: NumberLit;
  unit: Name;
  per: Name;
  perPeriod?: Name;
}

export interface TimeRangeLit extends Node {
  text: string;
  /** minutes from local midnight */
  startMinute: number;
  /** minutes from local midnight, exclusive; 1440 for 24:00 */
  endMinute: number;
}

export interface PrefixLit extends Node {
  /** as written, e.g. "33 6" */
  text: string;
  /** digits concatenated, e.g. "336" */
  digits: string;
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
  /** traffic tests (`test "…" for AGREEMENT { traffic … }`, usually in *.test.icx; absent = none) */
  trafficTests?: TrafficTest[];
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

export interface CurrencyDecl extends Node {
  kind: 'currency';
  code: Name;
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
