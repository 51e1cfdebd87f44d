// The data of the traffic report (`icx report traffic`): two aggregate queries over the store
// (traffic-sql.ts) shaped into plain rows. Every sum is done by DuckDB; amounts stay exact
// decimal strings; JS only derives the display ratios (minutes, ASR, ACD) with decimal.js.
import { Decimal } from 'decimal.js';
import { RuntimeError } from '../errors.js';
import { readMonth } from '../period/calendar.js';
import { queryJson, type Store } from '../store/store.js';
import { suspenseDescription } from './suspense-reasons.js';
import { KNOWN_PARTNERS_SQL, SUSPENSE_SQL, TRAFFIC_AGGREGATE_SQL } from './traffic-sql.js';

export type Direction = 'payable' | 'receivable';

/** Volumes and amount of one group of rated records (one direction, one currency). */
export interface TrafficRow {
  /** partner name (or agreement id), zone, band, local day YYYY-MM-DD, kind, run id; '' for totals */
  key: string;
  /** out = payable (we pay the partner), in = receivable */
  direction: Direction;
  currency: string;
  /** agreement ids of the records, sorted */
  agreements: string[];
  records: number;
  /** voice: Σ billed seconds (integer string) */
  billedSeconds: string;
  /** billedSeconds / 60, 2 decimals half-up (display) */
  billedMinutes: string;
  /** sms messages and events: Σ units */
  units: string;
  /** data: Σ billed bytes */
  billedBytes: string;
  /** Σ amount of the records, exact (each record already rounded by its agreement) */
  amount: string;
  /** the records' amount decimals (to show the exact sum without trailing noise) */
  amountDecimals: number;
  /** voice records (call attempts) */
  calls: number;
  /** voice records with a duration > 0 */
  answered: number;
  /** Σ duration (as given) of the answered calls, exact */
  answeredSeconds: string;
  /** answered / calls × 100, 1 decimal half-up; null without calls */
  asr: string | null;
  /** answeredSeconds / answered, 1 decimal half-up; null without answered calls */
  acdSeconds: string | null;
}

export interface SuspenseRow {
  reason: string;
  description: string;
  /** suspense records of the period with this reason */
  records: number;
  /** of which voice */
  voice: number;
}

export interface TrafficReport {
  /** YYYY-MM */
  period: string;
  /** first and last local day of the period */
  from: string;
  to: string;
  /** the --partner filter, null = every partner */
  partner: string | null;
  /** no rated record in the period */
  empty: boolean;
  totals: TrafficRow[];
  byPartner: TrafficRow[];
  byZone: TrafficRow[];
  byBand: TrafficRow[];
  byDay: TrafficRow[];
  byKind: TrafficRow[];
  /** the rating runs whose records the report counts, with how many (key = run id) */
  runs: { runId: string; records: number }[];
  /** zones with voice minutes, most minutes first (10 at most) */
  topZonesByMinutes: TrafficRow[];
  /** zones by amount, largest first, 10 at most per currency and direction */
  topZonesByAmount: TrafficRow[];
  suspense: SuspenseRow[];
  /** suspense records of the store (any period) whose start time has no readable date */
  suspenseUndated: number;
}

export interface TrafficReportOptions {
  /** YYYY-MM */
  period: string;
  /** a partner name (with agreements) or an agreement id */
  partner?: string;
  /** agreement id → partner name, from the agreements given (the store holds ids only) */
  partnerNames?: ReadonlyMap<string, string>;
}

export class ReportInputError extends RuntimeError {
  override name = 'ReportInputError';
}

/** The month after `period`, 'YYYY-MM-01'. */
function nextMonth(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

function lastDay(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return `${period}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

const TOP = 10;

export function ratio(num: Decimal.Value, den: Decimal.Value, scale = 1): string | null {
  const d = new Decimal(den);
  if (d.isZero()) return null;
  return new Decimal(num).times(scale).div(d).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);
}

function toRow(r: Record<string, unknown>): TrafficRow {
  const calls = Number(r.calls);
  const answered = Number(r.answered);
  const answeredSeconds = String(r.answered_seconds);
  const billedSeconds = String(r.billed_seconds);
  return {
    key: String(r.key),
    direction: r.direction === 'out' ? 'payable' : 'receivable',
    currency: String(r.currency ?? ''),
    agreements: r.agreements ? String(r.agreements).split(',') : [],
    records: Number(r.records),
    billedSeconds,
    billedMinutes: new Decimal(billedSeconds).div(60).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
    units: String(r.units),
    billedBytes: String(r.billed_bytes),
    amount: String(r.amount),
    amountDecimals: Number(r.amount_decimals),
    calls,
    answered,
    answeredSeconds,
    asr: ratio(answered, calls, 100),
    acdSeconds: ratio(answeredSeconds, answered),
  };
}

const byDecimalDesc = (f: (r: TrafficRow) => string) => (a: TrafficRow, b: TrafficRow) =>
  new Decimal(f(b)).cmp(new Decimal(f(a))) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The report's data for one month of the store (pure of rendering; tested on its own). */
export async function trafficReportData(store: Store, opts: TrafficReportOptions): Promise<TrafficReport> {
  if (!readMonth(opts.period)) throw new ReportInputError(`--period ${opts.period}: expected a month as YYYY-MM, e.g. 2026-03`);
  const map = JSON.stringify([...(opts.partnerNames ?? new Map<string, string>())].map(([a, p]) => ({ a, p })));
  const partner = opts.partner ?? null;
  if (partner !== null) {
    const known = await queryJson(store, KNOWN_PARTNERS_SQL, [map]);
    if (!known.some((k) => k.partner === partner || k.agreement_id === partner)) {
      const names = [...new Set(known.map((k) => String(k.partner)))];
      throw new ReportInputError(`--partner ${partner}: no rated or suspense record of that partner or agreement in the store` +
        (names.length ? ` (it has ${names.join(', ')})` : ' (it holds no rated record)'));
    }
  }
  const params = [`${opts.period}-01 00:00:00`, `${nextMonth(opts.period)} 00:00:00`, partner, map];
  const rows = (await queryJson(store, TRAFFIC_AGGREGATE_SQL, params)).map((r) => ({ dim: String(r.dim), row: toRow(r) }));
  const pick = (dim: string) => rows.filter((r) => r.dim === dim).map((r) => r.row);
  const byZone = pick('zone');
  const susp = await queryJson(store, SUSPENSE_SQL, params);
  const totals = pick('total');
  return {
    period: opts.period,
    from: `${opts.period}-01`,
    to: lastDay(opts.period),
    partner,
    empty: totals.length === 0,
    totals,
    byPartner: pick('partner'),
    byZone,
    byBand: pick('band'),
    byDay: pick('day'),
    byKind: pick('kind'),
    runs: pick('run').map((r) => ({ runId: r.key, records: r.records })),
    topZonesByMinutes: byZone.filter((r) => r.billedSeconds !== '0').sort(byDecimalDesc((r) => r.billedSeconds)).slice(0, TOP),
    topZonesByAmount: topPerGroup(byZone),
    suspense: susp.filter((s) => Number(s.records) > 0).map((s) => ({
      reason: String(s.reason), description: suspenseDescription(String(s.reason)), records: Number(s.records), voice: Number(s.voice),
    })),
    suspenseUndated: susp.reduce((n, s) => n + Number(s.undated), 0),
  };
}

/** The 10 largest zones by amount of each (direction, currency): amounts are never ranked across currencies. */
function topPerGroup(rows: TrafficRow[]): TrafficRow[] {
  const groups = new Map<string, TrafficRow[]>();
  for (const r of rows) {
    const g = `${r.direction} ${r.currency}`;
    groups.set(g, [...(groups.get(g) ?? []), r]);
  }
  return [...groups.keys()].sort().flatMap((g) => groups.get(g)!.sort(byDecimalDesc((r) => r.amount)).slice(0, TOP));
}
