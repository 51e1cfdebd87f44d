// Period charges lowered into the plan (runtime/period/README.md): tiered pricing, minimum
// fees, caps per period, per-unit minimums (a hook), recurring fees, discounts, commitments.
// Runs only on agreements that checked clean (compiler/check/period.ts), so names, units and
// periods are known to be valid here.
import type {
  CommitmentBlock, DiscountBlock, MaximumDecl, MinimumDecl, RateDecl, ServiceBlock, TestBlock, TestExpect, TierLine, TierStyleDecl,
} from '../../language/ast.js';
import type {
  AgreementPlan, AgreementTestPlan, CommitmentPlan, DiscountPlan, PeriodUnit, RateLinePlan, RecurringFeePlan, ServicePlan, TierPlan,
  TieredPricingPlan, TierStyle,
} from '../plan.js';
import { effectiveFrom } from '../check/rates.js';
import { ANY_ZONE, type AgreementModel } from '../model.js';
import { at } from '../sink.js';
import { lowerBands } from './bands.js';
import { decimalText, wholeSeconds } from '../values.js';

export const PERIOD_UNITS: readonly PeriodUnit[] = ['month', 'quarter', 'year'];
export const TIER_STYLES: readonly TierStyle[] = ['incremental', 'retroactive'];

/** A rate line priced per period (`rate 12_000 EUR/month`) is a recurring fee, not a record price. */
export function isRecurringRate(r: RateDecl): boolean {
  const p = r.prices?.[0]?.steps?.[0]?.price;
  return p !== undefined && p.perPeriod === undefined && (PERIOD_UNITS as readonly string[]).includes(p.per?.text ?? '');
}

/** The unit volume tiers of a service kind count (`unit` of the plan's service for other kinds). */
export function volumeUnitOf(kind: string, serviceUnit: string): string {
  return kind === 'voice' ? 'min' : kind === 'sms' ? 'msg' : serviceUnit;
}

function lowerTiers(m: AgreementModel, tiers: TierLine[]): TierPlan[] {
  return tiers.map((t, i) => ({
    index: i + 1,
    from: decimalText(t.from),
    to: t.to ? decimalText(t.to) : null,
    percent: t.percent ? decimalText(t.percent) : null,
    price: t.price ? decimalText(t.price.amount) : null,
    source: at(m.uri, t.range),
  }));
}

function style(s: TierStyleDecl | undefined): { period: PeriodUnit; style: TierStyle } {
  return { period: (s?.period.text ?? 'month') as PeriodUnit, style: (s?.style?.text ?? 'incremental') as TierStyle };
}

/** The unit a tier line names (on either bound), if any. */
export function tierUnit(tiers: TierLine[]): string | null {
  for (const t of tiers) {
    const u = t.toUnit?.text ?? t.fromUnit?.text;
    if (u) return u;
  }
  return null;
}

/** `calls` in a tier bound counts the same thing as the price's `call`. */
export function singular(unit: string): string {
  return unit.endsWith('s') && unit.length > 3 ? unit.slice(0, -1) : unit;
}

/** The period-charge fields of a service, merged over what lowerService built. */
export function lowerServicePeriod(m: AgreementModel, s: ServiceBlock, base: ServicePlan): ServicePlan {
  const items = s.items ?? [];
  const out: ServicePlan = { ...base };
  const tiered = items.find((i) => i.kind === 'tiered');
  const tierLines = items.filter((i): i is TierLine => i.kind === 'tier');
  if (tiered && tiered.kind === 'tiered' && tierLines.length) {
    const unit = tierLines[0]!.price?.per.text ?? base.unit;
    const plan: TieredPricingPlan = { ...style(tiered.style), unit: volumeUnitOf(base.kind, unit), tiers: lowerTiers(m, tierLines), source: at(m.uri, tiered.range) };
    out.tiered = plan;
    if (!base.unit) out.unit = unit;
    // Records are rated provisionally at tier 1's price; the period adds each tier's difference.
    const provisional: RateLinePlan[] = lowerBands(m).bands.map((band) => ({
      clause: `${s.name.text}/${ANY_ZONE}/${band}/tier-1-provisional`,
      source: plan.tiers[0]!.source,
      zone: ANY_ZONE,
      band,
      effectiveFrom: m.validFrom!,
      effectiveTo: null,
      steps: [{ fromSecond: 0, toSecond: null, price: plan.tiers[0]!.price! }],
    }));
    out.rates = [...out.rates, ...provisional];
    if (!out.prefixes.some((p) => p.prefix === '')) out.prefixes = [{ prefix: '', zone: ANY_ZONE }, ...out.prefixes];
  }
  for (const i of items) {
    if (i.kind === 'minimum') lowerMinimum(m, i, out);
    if (i.kind === 'maximum' && i.period) out.maximumPerPeriod = amountPlan(m, i);
  }
  const fees = items.filter((i): i is RateDecl => i.kind === 'rate' && isRecurringRate(i));
  if (fees.length) out.recurringFees = lowerRecurring(m, fees);
  return out;
}

function amountPlan(m: AgreementModel, i: MaximumDecl | MinimumDecl) {
  return { amount: decimalText(i.amount.amount), period: (i.period?.text ?? 'month') as PeriodUnit, source: at(m.uri, i.range) };
}

function lowerMinimum(m: AgreementModel, i: MinimumDecl, out: ServicePlan): void {
  if (i.period) {
    out.minimumFee = amountPlan(m, i);
  } else if (i.per) {
    out.minimumPerUnit = {
      amount: decimalText(i.amount.amount),
      per: i.per.text,
      period: i.perPeriod ? (i.perPeriod.text as PeriodUnit) : null,
      source: at(m.uri, i.range),
    };
  }
}

/**
 * Each of a service's fee lines with its span in force: from its own date (or the agreement's
 * start) until the next line's date, or open-ended (null) for the last.
 */
export function feeSpans(m: AgreementModel, lines: RateDecl[]): { r: RateDecl; from: string; to: string | null }[] {
  const froms = lines.map((r) => effectiveFrom(m, r)!).sort();
  return lines.map((r) => {
    const from = effectiveFrom(m, r)!;
    return { r, from, to: froms.find((d) => d > from) ?? null };
  });
}

function lowerRecurring(m: AgreementModel, fees: RateDecl[]): RecurringFeePlan[] {
  return feeSpans(m, fees).map(({ r, from, to }) => ({
    amount: decimalText(r.prices[0]!.steps[0]!.price.amount),
    period: 'month' as const,
    prorated: r.proration?.prorated ?? false,
    effectiveFrom: from,
    effectiveTo: to,
    source: at(m.uri, r.range),
  }));
}

function lowerDiscount(m: AgreementModel, d: DiscountBlock): DiscountPlan {
  const svc = m.serviceByName.get(d.service.text)!;
  const kind = svc.serviceKind.text;
  const written = tierUnit(d.tiers);
  const svcUnit = serviceUnit(svc);
  // voice counts min, sms msg, data as written (MB/GB, converted at run time), events their unit
  const unit = written !== null && written === m.currency ? written
    : kind === 'data' ? (written ?? svcUnit) : volumeUnitOf(kind, singular(written ?? svcUnit));
  return {
    name: d.name?.text ?? null,
    service: d.service.text,
    zone: d.zone?.text ?? null,
    ...style(d.style),
    basis: unit === m.currency ? 'amount' : 'volume',
    unit,
    tiers: lowerTiers(m, d.tiers),
    source: at(m.uri, d.range),
  };
}

/** The unit a service's record prices (or tier prices) are per: `call` in EUR/call. */
function serviceUnit(s: ServiceBlock): string {
  for (const i of s.items ?? []) {
    if (i.kind === 'rate' && !isRecurringRate(i)) return i.prices?.[0]?.steps?.[0]?.price?.per?.text ?? '';
    if (i.kind === 'tier' && i.price) return i.price.per.text;
  }
  return '';
}

function lowerCommitment(m: AgreementModel, c: CommitmentBlock): CommitmentPlan {
  const line = c.commits[0]!;
  const price = c.shortfall.find((s) => s.price)?.price;
  const spend = line.unit.text === m.currency;
  const svc = m.serviceByName.get(c.service.text)!;
  const kind = svc.serviceKind.text;
  const unit = spend || kind === 'data' ? line.unit.text : volumeUnitOf(kind, singular(line.unit.text));
  return {
    service: c.service.text,
    committedBy: m.us.some((p) => p.name.text === line.party.text) ? 'us' : 'partner',
    party: line.party.text,
    basis: spend ? 'spend' : 'volume',
    quantity: decimalText(line.quantity),
    unit,
    period: line.period.text as PeriodUnit,
    shortfallPrice: price ? decimalText(price.amount) : null,
    source: at(m.uri, c.range),
  };
}

/** Discounts and commitments, only when the agreement has some (so other plans keep their hash). */
export function lowerAgreementPeriod(m: AgreementModel): Partial<AgreementPlan> {
  const discounts = m.ast.items.filter((i): i is DiscountBlock => i.kind === 'discount');
  const commitments = m.ast.items.filter((i): i is CommitmentBlock => i.kind === 'commitment');
  return {
    ...(discounts.length ? { discounts: discounts.map((d) => lowerDiscount(m, d)) } : {}),
    ...(commitments.length ? { commitments: commitments.map((c) => lowerCommitment(m, c)) } : {}),
  };
}

/** One expectation of a test, lowered. */
export function lowerExpect(e: TestExpect): AgreementTestPlan['expect'] {
  switch (e.kind) {
    case 'suspense':
      return { kind: 'suspense', reason: e.reason.text };
    case 'charge':
      return {
        kind: 'charge', construct: e.construct.text, subject: e.subject.text, tier: e.tier ? Number(decimalText(e.tier)) : null,
        amount: decimalText(e.amount.amount), currency: e.amount.currency.text,
      };
    case 'total':
      return { kind: 'total', amount: decimalText(e.amount.amount), currency: e.amount.currency.text };
    default:
      return {
        kind: 'amount', amount: decimalText(e.amount.amount), currency: e.amount.currency.text, zone: e.zone?.text ?? null,
        band: e.band?.text ?? null, billedSeconds: e.billed ? wholeSeconds(e.billed) : null,
        ...(e.original ? { original: { amount: decimalText(e.original.amount), currency: e.original.currency.text } } : {}),
      };
  }
}

/** The period part of a test plan: present when the test states a period or has several usage lines or counts. */
export function lowerTestPeriod(t: TestBlock, usage: (u: NonNullable<TestBlock['usage']>) => AgreementTestPlan['usage']): AgreementTestPlan['period'] | undefined {
  const usages = t.usages ?? (t.usage ? [t.usage] : []);
  const expects = t.expects ?? (t.expect ? [t.expect] : []);
  const isPeriodTest = t.period !== undefined || usages.length > 1 || expects.length > 1 || usages.some((u) => u.count);
  if (!isPeriodTest) return undefined;
  return {
    month: t.period?.text ?? (t.usage?.at.text ?? '').slice(0, 7),
    usages: usages.map((u) => ({ ...usage(u), count: u.count ? Number(decimalText(u.count)) : 1 })),
    expects: expects.map(lowerExpect),
  };
}
