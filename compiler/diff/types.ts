// What `icx diff` reports: a flat, stably ordered list of commercial changes between two
// compiled versions of a set of agreements. Pure data (JSON as is, schema in docs/usage.md).

/** added (+), removed (-), changed (~), or a rule the change breaks (!) */
export type ChangeOp = 'added' | 'removed' | 'changed' | 'violation';

export type ChangeKind =
  | 'agreement' | 'service' | 'price' | 'zone' | 'bar' | 'band' | 'holiday' | 'billing' | 'connect-fee'
  | 'minimum' | 'maximum' | 'tier' | 'discount' | 'commitment' | 'validity' | 'currency' | 'timezone'
  | 'party' | 'surcharge' | 'deck' | 'notice' | 'fx' | 'settlement' | 'interconnect' | 'term';

export interface PriceDetail {
  zone: string;
  /** null when the agreement has no time bands */
  band: string | null;
  /** origin zone of an origin-keyed line; null = plain line */
  origin: string | null;
  /** billed second the price step starts at (0 = the whole call) */
  fromSecond: number;
  /** the dates the change holds: [from, to), to null = open */
  from: string;
  to: string | null;
  /** decimal strings; null = no price on that side */
  old: string | null;
  new: string | null;
  /** "8.13" / "-4.00" (2 decimals, half-up); null when a side has no price or the old one is 0 */
  percent: string | null;
  currency: string;
  unit: string;
}

export interface Change {
  agreement: string;
  /** null: a term of the agreement itself */
  service: string | null;
  kind: ChangeKind;
  op: ChangeOp;
  /** what changed, e.g. `FR-MOBILE peak`, `tier 2`, `billing` */
  subject: string;
  /** before and after, as shown (null: absent on that side) */
  old: string | null;
  new: string | null;
  /** one line for people, without the op mark */
  text: string;
  price?: PriceDetail;
}

export interface AgreementHeader {
  id: string;
  status: 'added' | 'removed' | 'changed';
  /** the file on each side (null: absent) */
  oldUri: string | null;
  newUri: string | null;
  oldVersion: number | null;
  newVersion: number | null;
  partner: string;
}

export interface DiffReport {
  /** agreements with at least one change, id order */
  agreements: AgreementHeader[];
  /** agreement id order, then as each agreement's terms are read */
  changes: Change[];
  summary: DiffSummary;
}

export interface DiffSummary {
  agreementsAdded: number;
  agreementsRemoved: number;
  agreementsChanged: number;
  /** every change but violations */
  changes: number;
  pricesUp: number;
  pricesDown: number;
  noticeViolations: number;
}

export const OP_MARK: Record<ChangeOp, string> = { added: '+', removed: '-', changed: '~', violation: '!' };
