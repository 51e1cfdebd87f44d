// The rating trace of a failed test's records: zone (and the prefix that matched), band, the
// rate line that priced it (clause and file:line, as the rating run reported them), billed
// seconds and the arithmetic. Every value shown as "rated" comes from the rating run
// (TestActual); the arithmetic re-states it from the plan's prices with decimal.js so a reader
// can check it by hand. When that re-statement does not reproduce the rated amount (split
// calls, caps, tier adjustments...), the trace says so instead of pretending.
import { Decimal } from 'decimal.js';
import type { AgreementPlan, AgreementTestPlan, RateLinePlan, RoundingPlan, ServicePlan } from '../../../compiler/plan.js';
import type { TestActual, TestResult } from '../../agreement-tests.js';

/** `<uri>:<line>` → printable `path:line` */
export type ShowSource = (source: string) => string;

/** Trace lines of a failed test (empty for a passed one). */
export function traceLines(r: TestResult, t: AgreementTestPlan, plan: AgreementPlan | undefined, show: ShowSource): string[] {
  if (r.passed || !r.actual) return [];
  const a = r.actual;
  if (!t.period) return recordTrace(t.usage, a, plan, show);
  const out: string[] = [];
  for (const rec of a.records ?? []) {
    const u = t.period.usages[rec.usageLine - 1];
    if (!u) continue;
    out.push(`usage line ${rec.usageLine}${rec.count > 1 ? ` (each of ${rec.count} identical records)` : ''}:`);
    out.push(...recordTrace(u, rec.actual, plan, show).map((l) => `  ${l}`));
  }
  return out;
}

function recordTrace(u: AgreementTestPlan['usage'], a: TestActual, plan: AgreementPlan | undefined, show: ShowSource): string[] {
  const svc = plan?.services.find((s) => s.name === u.service);
  const out = [`record: ${describeUsage(u)}`];
  if (!a.rated) {
    out.push(`suspense ${a.suspenseReason}${a.suspenseDetail ? `: ${a.suspenseDetail}` : ''}`);
    return out;
  }
  const prefix = svc && u.bNumber ? longestPrefix(svc, u.bNumber) : undefined;
  const zoneText = `zone ${a.zone}${prefix !== undefined && prefix.zone === a.zone ? ` (prefix ${prefix.prefix === '' ? 'any number' : prefix.prefix})` : ''}`;
  out.push(`${zoneText}${a.band !== null ? `, band ${a.band}` : ''}`);
  const clauses = (a.clause ?? '').split(' + ').filter(Boolean);
  const sources = (a.rateSource ?? '').split(' + ').filter(Boolean);
  clauses.forEach((c, i) => out.push(`rate line ${c}${sources[i] ? ` at ${show(sources[i]!)}` : ''}${priceOf(svc, c, plan)}`));
  out.push(...arithmetic(u, a, svc, clauses));
  return out;
}

function describeUsage(u: AgreementTestPlan['usage']): string {
  return [u.service, u.aNumber && `from ${u.aNumber}`, u.bNumber && `to ${u.bNumber}`, `at ${u.startTime}`,
    u.durationSeconds !== null && `for ${u.durationSeconds}s`, u.units !== null && `units ${u.units}`,
    u.bytes != null && `bytes ${u.bytes}`, u.category != null && `category ${u.category}`]
    .filter(Boolean)
    .join(' ');
}

/** The service's longest prefix of the number (the zone table rating matches against). */
function longestPrefix(svc: ServicePlan, number: string): { prefix: string; zone: string } | undefined {
  const digits = number.replace(/^\+/, '');
  let best: { prefix: string; zone: string } | undefined;
  for (const p of svc.prefixes) if (digits.startsWith(p.prefix) && (!best || p.prefix.length > best.prefix.length)) best = p;
  return best;
}

function line(svc: ServicePlan | undefined, clause: string): RateLinePlan | undefined {
  return svc?.rates.find((r) => r.clause === clause);
}

function priceOf(svc: ServicePlan | undefined, clause: string, plan: AgreementPlan | undefined): string {
  const l = line(svc, clause);
  const cur = svc?.priceCurrency ?? plan?.currency ?? '';
  const surcharge = svc?.origin?.surcharges.find((x) => x.clause === clause);
  if (surcharge) return `: ${surcharge.price} ${cur}/${svc!.unit}`;
  if (!svc || !l || l.steps.length === 0) return l?.closed ? ': closed' : '';
  const steps = l.steps.map((s) => `${s.price} ${cur}/${svc.unit}${l.steps.length > 1 ? ` from second ${s.fromSecond}` : ''}`);
  return `: ${steps.join(', ')}`;
}

/** The arithmetic of a record priced by one rate line (the common case); else what is known. */
function arithmetic(u: AgreementTestPlan['usage'], a: TestActual, svc: ServicePlan | undefined, clauses: string[]): string[] {
  const rated = `${trim(a.amount ?? '')} ${a.currency}`;
  if (clauses[0] === 'zero-duration' || clauses[0] === 'zero-volume') return [`${clauses[0]}: rated ${rated}`];
  // one rate line, plus any origin surcharges (a split call has several rate lines: no arithmetic)
  const surcharges = clauses.slice(1).map((c) => svc?.origin?.surcharges.find((x) => x.clause === c));
  const l = surcharges.every(Boolean) ? line(svc, clauses[0]!) : undefined;
  if (!svc || !l || l.steps.length === 0) return [`rated ${rated}${clauses.length > 1 ? ' (several clauses: see each line above)' : ''}`];
  const cur = a.originalCurrency ?? a.currency ?? '';
  const unit = `${cur}/${svc.unit}`;
  let head: string;
  let exact: Decimal;
  if (svc.kind === 'voice' && a.billedSeconds !== null) {
    const billing = l.increments ?? svc.billing;
    const inc = billing ? `${billing.firstSeconds}/${billing.nextSeconds}${svc.billing?.minimumSeconds ? `, minimum ${svc.billing.minimumSeconds} s` : ''}` : '';
    const d = u.durationSeconds !== null ? `${u.durationSeconds} s billed ` : '';
    const parts = stepSeconds(l, a.billedSeconds);
    head = `${d}${a.billedSeconds} s${inc ? ` (${inc})` : ''} × ${parts.map((p) => `${p.seconds === a.billedSeconds ? '' : `${p.seconds} s at `}${p.price} ${unit}`).join(' + ')}`;
    exact = parts.reduce((x, p) => x.plus(new Decimal(p.seconds).times(p.price).div(60)), new Decimal(0));
  } else if (svc.kind === 'data' && a.billedBytes != null && svc.priceUnitBytes) {
    head = `${a.billedBytes} bytes billed × ${l.steps[0]!.price} ${unit} ÷ ${svc.priceUnitBytes} bytes/${svc.unit}`;
    exact = new Decimal(a.billedBytes).times(l.steps[0]!.price).div(svc.priceUnitBytes);
  } else if (a.units != null) {
    head = `${a.units} × ${l.steps[0]!.price} ${unit}`;
    exact = new Decimal(a.units).times(l.steps[0]!.price);
  } else {
    return [`rated ${rated}`];
  }
  for (const x of surcharges) {
    const qty = svc.kind === 'voice' ? a.billedSeconds ?? 0 : a.units ?? 0;
    head += ` + surcharge ${x!.outside ? 'outside ' : ''}${x!.zone} ${qty}${svc.kind === 'voice' ? ' s' : ''} × ${x!.price} ${unit}`;
    exact = exact.plus(new Decimal(qty).times(x!.price).div(svc.kind === 'voice' ? 60 : 1));
  }
  if (svc.connectFee) {
    head += ` + connect fee ${svc.connectFee} ${cur}`;
    exact = exact.plus(svc.connectFee);
  }
  if (svc.maximumPerCall && exact.gt(svc.maximumPerCall)) {
    head += ` = ${showExact(exact)}, capped at the maximum per call ${svc.maximumPerCall} ${cur}`;
    exact = new Decimal(svc.maximumPerCall);
  }
  const original = a.originalAmount ?? a.amount ?? '0';
  const rounded = round(exact, svc.recordRounding);
  let out: string;
  if (exact.eq(original)) out = `${head} = ${trim(original)} ${cur}`;
  else if (rounded.eq(original)) out = `${head} = ${showExact(exact)} → ${trim(original)} ${cur} (${svc.recordRounding.method}, ${svc.recordRounding.decimals} decimals)`;
  else out = `${head} = ${showExact(exact)} ${cur}; rated ${trim(original)} ${cur} (terms this trace does not show apply)`;
  const lines = [out];
  if (a.fxRate && a.originalCurrency && a.originalCurrency !== a.currency) {
    lines.push(`× fx rate ${trim(a.fxRate)} ${a.currency}/${a.originalCurrency} = ${rated}`);
  }
  return lines;
}

/** Billed seconds split by the rate line's steps: [from, to) positions of the billed seconds. */
function stepSeconds(l: RateLinePlan, billed: number): { seconds: number; price: string }[] {
  const out: { seconds: number; price: string }[] = [];
  for (const s of l.steps) {
    const to = Math.min(billed, s.toSecond ?? billed);
    if (to > s.fromSecond) out.push({ seconds: to - s.fromSecond, price: s.price });
  }
  return out.length ? out : [{ seconds: billed, price: l.steps[0]!.price }];
}

function round(x: Decimal, r: RoundingPlan): Decimal {
  const mode = { 'half-up': Decimal.ROUND_HALF_UP, 'half-even': Decimal.ROUND_HALF_EVEN, up: Decimal.ROUND_UP, down: Decimal.ROUND_DOWN }[r.method];
  return x.toDecimalPlaces(r.decimals, mode);
}

/** "0.024600000" → "0.0246" */
export function trim(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** An exact quotient for reading: at most 9 decimals, `…` when it goes on. */
function showExact(x: Decimal): string {
  const cut = x.toDecimalPlaces(9, Decimal.ROUND_DOWN);
  return cut.eq(x) ? x.toFixed() : `${cut.toFixed()}…`;
}
