// The service lines that price single records: billing increments, fees, rate lines with their
// band prices and steps, surcharges, bars, maximums, rounding, rate decks. Re-exported by ast.ts.
import type { DateLit, DurationLit, MoneyLit, Name, Node, NumberLit, PriceLit, StringLit } from './ast.js';

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
