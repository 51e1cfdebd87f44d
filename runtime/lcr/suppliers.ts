// The suppliers of a route table: every payable voice service with a prefix table, in an
// agreement valid at `--at`, with what `--at` means for it (local date, band, FX into the
// table currency) and whether a supplier-wide constraint (disabled, quality) removes it.
import type { AgreementPlan, HashedAgreementPlan, ServicePlan } from '../../compiler/plan.js';
import { lastDayOfMonth } from '../../compiler/values.js';
import { D, type Dec } from './call-cost.js';
import { commitmentCredit, type CommitmentCredit } from './commitments.js';
import type { StoreCommitmentUse } from './commitment-use.js';
import { LcrError } from './errors.js';
import { bandAt, localTime } from './local-time.js';
import { judgeQuality, type MeasuredQuality, type QualityReport, type SupplierQuality } from './quality.js';

export interface FxRow {
  date: string;
  from: string;
  to: string;
  rate: string;
  /** where the row was read, for messages */
  where: string;
}

export interface QualityFloor {
  /** minimum ASR in percent the supplier's agreement must state (`quality asr >= X%`) */
  asr?: string;
  /** minimum ACD in seconds */
  acd?: string;
}

export interface LcrOptions {
  at: Date;
  /** the band to price at; suppliers that have no such band use the band of `at` */
  band?: string;
  /** the table currency; default: the most common agreement currency of the suppliers */
  currency?: string;
  callSeconds: number;
  /** partner names or agreement ids */
  disable?: string[];
  /** rows of `--fx` tables, for currency pairs the agreements' own fx lines do not cover */
  fx?: FxRow[];
  quality?: QualityFloor;
  /** agreement id → what is already used of our commitment in the period (runtime/lcr/commitments.ts) */
  commitmentUsed?: ReadonlyMap<string, string>;
  /**
   * what is used of each commitment, read from a store (runtime/lcr/commitment-use.ts), by
   * `agreement id \0 service`; an explicit `commitmentUsed` of the agreement wins
   */
  commitmentFromStore?: ReadonlyMap<string, StoreCommitmentUse>;
  /** ASR/ACD measured from rated traffic (runtime/lcr/quality-measure.ts): the floors are judged on it */
  measuredQuality?: MeasuredQuality;
}

export interface Supplier {
  /** partner name */
  name: string;
  agreement: string;
  plan: AgreementPlan;
  service: ServicePlan;
  localDate: string;
  band: string;
  priceCurrency: string;
  /** 1 price-currency unit = fxRate table-currency units (exact; "1" when the same) */
  fxRate: Dec;
  /** fxRate as text */
  fxText: string;
  /** our unmet commitment to this supplier, which lowers its marginal cost; null = none applies */
  commitment: CommitmentCredit | null;
  /** how fxRate was obtained, for the output (null when no conversion) */
  fxSource: string | null;
  /** measured quality (with a store) and the zones it excludes; absent without measurement */
  quality?: SupplierQuality;
}

export interface ExcludedSupplier {
  name: string;
  agreement: string;
  service: string;
  reason: string;
  /** the measured figures, when quality was measured from a store */
  quality?: QualityReport;
}

/** A payable voice service with prefixes in an agreement valid at `at`: a possible supplier. */
export interface Candidate {
  plan: AgreementPlan;
  service: ServicePlan;
  /** the local date of `at` in the agreement's time zone */
  localDate: string;
}

/** Every possible supplier at `at` (what selectSuppliers starts from; the store readers use it too). */
export function supplierCandidates(plans: readonly HashedAgreementPlan[], at: Date): Candidate[] {
  const candidates: Candidate[] = [];
  for (const { plan } of plans) {
    const { date } = localTime(at, plan.timezone);
    if (date < plan.validFrom || (plan.validTo !== null && date > plan.validTo)) continue;
    for (const s of plan.services) {
      if (isSupplierService(s)) candidates.push({ plan, service: s, localDate: date });
    }
  }
  return candidates;
}

export interface SupplierSet {
  currency: string;
  suppliers: Supplier[];
  excluded: ExcludedSupplier[];
  /** the prefixes of the excluded suppliers (kept in the table as destinations) */
  excludedPrefixes: string[];
  notes: string[];
}

export function selectSuppliers(plans: readonly HashedAgreementPlan[], o: LcrOptions): SupplierSet {
  const candidates = supplierCandidates(plans, o.at);
  if (candidates.length === 0) throw new LcrError(`no payable voice service with prefixes in an agreement valid at ${o.at.toISOString()}: there is no supplier to route to`, 'usage');
  if (o.band !== undefined && !candidates.some((c) => c.plan.bands.includes(o.band!))) {
    const known = [...new Set(candidates.flatMap((c) => c.plan.bands))].sort();
    throw new LcrError(`--band: no supplier has a band \`${o.band}\` (their bands: ${known.join(', ')})`, 'usage');
  }
  const currency = o.currency ?? mostCommonCurrency(candidates.map((c) => c.plan.currency));
  const disabled = new Set(o.disable ?? []);
  for (const d of disabled) {
    if (!candidates.some((c) => c.plan.id === d || c.plan.partner.name === d)) {
      throw new LcrError(`--disable: \`${d}\` is neither a supplier (partner) nor an agreement among the suppliers (${[...new Set(candidates.map((c) => c.plan.partner.name))].sort().join(', ')})`, 'usage');
    }
  }
  for (const id of o.commitmentUsed?.keys() ?? []) {
    if (!candidates.some((c) => c.plan.id === id)) throw new LcrError(`--commitment-used: \`${id}\` is not the agreement id of a supplier`, 'usage');
  }
  const out: SupplierSet = { currency, suppliers: [], excluded: [], excludedPrefixes: [], notes: [] };
  for (const c of candidates) {
    const base = { name: c.plan.partner.name, agreement: c.plan.id, service: c.service.name };
    if (disabled.has(c.plan.id) || disabled.has(c.plan.partner.name)) {
      out.excluded.push({ ...base, reason: 'disabled' });
      for (const p of c.service.prefixes) out.excludedPrefixes.push(p.prefix);
      continue;
    }
    // measured from the store when given (runtime/lcr/quality.ts), else the stated targets
    const judged = o.measuredQuality
      ? judgeQuality(c.plan.id, c.service.name, o.measuredQuality, o.quality, () => qualityProblem(c.plan, o.quality), out.notes)
      : { excluded: qualityProblem(c.plan, o.quality), quality: undefined };
    if (judged.excluded) {
      out.excluded.push({ ...base, reason: judged.excluded, ...(judged.quality ? { quality: judged.quality.report } : {}) });
      for (const p of c.service.prefixes) out.excludedPrefixes.push(p.prefix);
      continue;
    }
    let band: string;
    if (o.band !== undefined && c.plan.bands.includes(o.band)) band = o.band;
    else {
      band = bandAt(c.plan, localTime(o.at, c.plan.timezone));
      if (o.band !== undefined && c.plan.bands.length > 1) out.notes.push(`${c.plan.id} has no band ${o.band}; priced at its band of --at: ${band}`);
    }
    const priceCurrency = c.service.priceCurrency ?? c.plan.currency;
    const fx = conversion(c.plan, priceCurrency, currency, c.localDate, o.fx ?? []);
    const commitment = commitmentCredit(c.plan, c.service, o.commitmentUsed ?? new Map(), out.notes, o.commitmentFromStore);
    out.suppliers.push({
      ...base, commitment, plan: c.plan, service: c.service, localDate: c.localDate, band, priceCurrency, fxRate: fx.rate, fxText: fx.rate.toFixed(), fxSource: fx.source,
      ...(judged.quality ? { quality: judged.quality } : {}),
    });
  }
  return out;
}

/** A service we buy termination from: payable voice priced by prefix (roaming by call category is not). */
export function isSupplierService(s: ServicePlan): boolean {
  return s.kind === 'voice' && s.direction === 'payable' && !s.byCategory && s.prefixes.length > 0;
}

/** The most common agreement currency; a tie goes to the first in alphabetical order. */
function mostCommonCurrency(cs: string[]): string {
  const n = new Map<string, number>();
  for (const c of cs) n.set(c, (n.get(c) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}

/**
 * The quality floor against the targets the supplier's agreement states on its voice
 * interconnects (`quality asr >= 50% acd >= 90s`): a stated target below the floor, or no
 * stated target for a floored metric, removes the supplier (we do not route on a promise it
 * never made). With several voice interconnects, the weakest stated target counts.
 */
export function qualityProblem(plan: AgreementPlan, floor: QualityFloor | undefined): string | null {
  if (!floor) return null;
  for (const metric of ['asr', 'acd'] as const) {
    const min = floor[metric];
    if (min === undefined) continue;
    const unit = metric === 'asr' ? '%' : 's';
    const stated = plan.interconnects
      .filter((i) => i.traffic.includes('voice'))
      .flatMap((i) => i.quality.filter((q) => q.metric === metric && q.op === '>='))
      .map((q) => new D(q.value));
    if (stated.length === 0) return `quality: the agreement states no ${metric} target (floor ${min}${unit})`;
    const weakest = D.min(...stated);
    if (weakest.lt(min)) return `quality: the agreement states ${metric} >= ${weakest.toFixed()}${unit}, below the floor ${min}${unit}`;
  }
  return null;
}

/**
 * FX as rating does it: a service priced in another currency is first converted by the
 * agreement's fx line (its rule picks the date: the local date, or the last day of its month).
 * The agreement currency is then converted into the table currency by an `--fx` row of the
 * local date, or an agreement fx line for the opposite pair. An opposite pair is inverted:
 * 1 / rate, rounded half-up to 18 decimals. A missing rate is an error, never 1.
 */
export function conversion(plan: AgreementPlan, from: string, to: string, localDate: string, extra: FxRow[]): { rate: Dec; source: string | null } {
  let rate = new D(1);
  const parts: string[] = [];
  let cur = from;
  if (cur !== to && cur !== plan.currency) {
    const line = plan.fx?.find((f) => f.from === cur && f.to === plan.currency);
    if (!line) throw new LcrError(`${plan.id}: prices in ${cur} but has no fx line ${cur} -> ${plan.currency}`);
    const date = line.rule === 'period-end' ? lastDayOfMonth(localDate) : localDate;
    const r = line.rates.find((x) => x.date === date);
    if (!r) throw new LcrError(`${plan.id}: no ${cur}->${plan.currency} rate dated ${date} in ${line.table} (fx line ${line.source})`);
    rate = rate.times(r.rate);
    parts.push(`${cur}->${plan.currency} ${r.rate} (${line.table} ${date})`);
    cur = plan.currency;
  }
  if (cur !== to) {
    const direct = extra.find((x) => x.from === cur && x.to === to && x.date === localDate);
    const inverse = extra.find((x) => x.from === to && x.to === cur && x.date === localDate);
    const own = plan.fx?.find((f) => f.from === to && f.to === cur);
    const ownDate = own ? (own.rule === 'period-end' ? lastDayOfMonth(localDate) : localDate) : localDate;
    const ownRate = own?.rates.find((x) => x.date === ownDate);
    if (direct) {
      rate = rate.times(direct.rate);
      parts.push(`${cur}->${to} ${direct.rate} (${direct.where})`);
    } else if (inverse || ownRate) {
      const r = inverse ? inverse.rate : ownRate!.rate;
      rate = rate.times(new D(1).div(r).toDecimalPlaces(18));
      parts.push(`${cur}->${to} 1/${r} (${inverse ? inverse.where : `${own!.table} ${ownDate}`})`);
    } else {
      throw new LcrError(`${plan.partner.name} (${plan.id}): no ${cur}->${to} rate dated ${localDate}: give one in an --fx table (date,from,to,rate) — no rate of 1 is ever assumed`);
    }
  }
  return { rate, source: parts.length ? parts.join(' × ') : null };
}
