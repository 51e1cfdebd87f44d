// The agreement's rates for an invoice line, by effective date: which price was in force in the
// invoiced month, and — when the partner's rate differs — what their rate is (the rate from a
// later date applied early, one no longer in force, or no rate of the agreement at all).
import { Decimal } from 'decimal.js';
import type { AgreementPlan, RateLinePlan } from '../../compiler/plan.js';

export interface PeriodDates {
  /** YYYY-MM */
  period: string;
  /** first day, inclusive */
  start: string;
  /** last day, inclusive */
  end: string;
}

function linesOf(plan: AgreementPlan, service: string, zone: string, band: string | null): RateLinePlan[] {
  const svc = plan.services.find((s) => s.name === service);
  if (!svc) return [];
  return svc.rates.filter((r) => r.zone === zone && !r.closed && r.steps.length === 1 && (band === null || band === 'any' || r.band === band || r.band === 'any'));
}

const inForce = (r: RateLinePlan, p: PeriodDates) => r.effectiveFrom <= p.end && (r.effectiveTo === null || r.effectiveTo > p.start);

/** The one-price rates of the line in force at some date of the month (distinct, in date order). */
export function ratesInForce(plan: AgreementPlan, service: string, zone: string, band: string | null, p: PeriodDates): string[] {
  const prices = linesOf(plan, service, zone, band).filter((r) => inForce(r, p)).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1)).map((r) => r.steps[0]!.price);
  return [...new Set(prices)];
}

const same = (a: string, b: string) => new Decimal(a).eq(b);

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * null when their rate is a rate in force in the month; else one clause saying what it is, e.g.
 * "their 0.0040 is the rate from 2026-04-01; in force in 2026-03: 0.0045 EUR/min".
 */
export function rateNote(plan: AgreementPlan, line: { service: string; zone: string; band: string | null }, theirRate: string, p: PeriodDates): string | null {
  const all = linesOf(plan, line.service, line.zone, line.band);
  const live = ratesInForce(plan, line.service, line.zone, line.band, p);
  if (live.some((x) => same(x, theirRate))) return null;
  const svc = plan.services.find((s) => s.name === line.service);
  const unit = `${svc?.priceCurrency ?? plan.currency}/${svc?.unit ?? ''}`;
  const liveText = live.length ? `in force in ${p.period}: ${live.join(', ')} ${unit}` : `no rate of the agreement is in force in ${p.period}`;
  const later = all.find((r) => r.effectiveFrom > p.end && same(r.steps[0]!.price, theirRate));
  if (later) return `their ${theirRate} is the rate from ${later.effectiveFrom}, applied before its effective date; ${liveText}`;
  const earlier = all.find((r) => r.effectiveTo !== null && r.effectiveTo <= p.start && same(r.steps[0]!.price, theirRate));
  if (earlier) return `their ${theirRate} is the rate until ${dayBefore(earlier.effectiveTo!)}, no longer in force; ${liveText}`;
  return `their rate ${theirRate} is no rate of the agreement for ${line.service} ${line.zone}${line.band && line.band !== 'any' ? ` ${line.band}` : ''}; ${liveText}`;
}
