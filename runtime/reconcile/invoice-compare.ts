// Their invoice lines against ours, line by line, keyed by service × zone × band (usage) or
// service × construct (period charges). Pure: the plan, the two sides and the month in; finding
// lines out (the verdict and the `disputed` flags are set by invoice-verdict.ts).
//
// Matching: a line of theirs with a band matches our line of the same service, zone and band; one
// without a band (or band `any`) matches the sum of our lines of that service and zone over all
// bands. A charge line matches the sum of our lines of that service and construct (all tiers).
// Each of our lines is compared once: a second line of theirs with the same key is `only-theirs`.
// Category, first that holds: volume (records or quantity differ), rate (their rate is not the
// agreement's rate in force in the month), amount (same volume and rate, different amount),
// matched. Our charge lines of amount 0 that they do not invoice are left out (not a difference).
import { Decimal } from 'decimal.js';
import type { AgreementPlan } from '../../compiler/plan.js';
import type { FindingLine, FindingSide } from './findings.js';
import type { TheirLine } from './invoice-input.js';
import type { OurLine } from './invoice-ours.js';
import { rateNote, type PeriodDates } from './invoice-rates.js';

const eq = (a: string, b: string) => new Decimal(a).eq(b);
const sub = (a: string, b: string, places: number) => {
  const d = new Decimal(a).minus(b);
  return (d.isZero() ? d.abs() : d).toFixed(Math.max(places, new Decimal(a).decimalPlaces(), new Decimal(b).decimalPlaces()));
};

function theirSide(t: TheirLine): FindingSide {
  return { records: t.records, quantity: t.quantity, unit: t.unit, rate: t.rate, amount: t.amount };
}

/** Several of our lines as one (a band-less or charge line of theirs): sums, and the rate if they share one. */
function merged(lines: OurLine[]): OurLine {
  const first = lines[0]!;
  if (lines.length === 1) return first;
  const sum = (xs: (string | null)[]) => (xs.some((x) => x === null) ? null : xs.reduce((a, x) => a.plus(x!), new Decimal(0)).toFixed());
  const rates = [...new Set(lines.map((l) => l.rate))];
  return {
    ...first,
    band: null,
    records: lines.some((l) => l.records === null) ? null : lines.reduce((a, l) => a + l.records!, 0),
    quantity: sum(lines.map((l) => l.quantity)),
    rate: rates.length === 1 ? rates[0]! : null,
    amount: sum(lines.map((l) => l.amount))!,
    actualSeconds: sum(lines.map((l) => l.actualSeconds)),
  };
}

function ourSide(o: OurLine): FindingSide {
  return { records: o.records, quantity: o.quantity, unit: o.unit, rate: o.rate, amount: o.amount };
}

const subjectOf = (l: { service: string; zone: string | null; band: string | null; construct: string | null }) =>
  [l.service, l.construct ?? l.zone, l.construct ? null : l.band && l.band !== 'any' ? l.band : null].filter(Boolean).join(' ');

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

function volumeText(s: FindingSide): string {
  return [s.records !== null ? plural(s.records, 'record') : null, s.quantity !== null ? `${s.quantity} ${s.unit ?? ''}`.trim() : null].filter(Boolean).join(', ');
}

/** Why the minutes differ when the calls are the same: per-call billing increments vs the line total. */
function minutesNote(plan: AgreementPlan, t: TheirLine, o: OurLine): string | null {
  const svc = plan.services.find((s) => s.name === t.service);
  if (svc?.kind !== 'voice' || o.actualSeconds === null || t.quantity === null || t.records !== o.records) return null;
  const actualMin = new Decimal(o.actualSeconds).div(60);
  const dp = new Decimal(t.quantity).decimalPlaces();
  const b = svc.billing;
  const billing = b ? `billing ${b.firstSeconds}/${b.nextSeconds}${b.minimumSeconds ? ` minimum ${b.minimumSeconds}s` : ''}` : 'its billing';
  const shown = `${o.actualSeconds} s = ${actualMin.toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed()} min`;
  const what = actualMin.toDecimalPlaces(dp, Decimal.ROUND_HALF_UP).eq(t.quantity) || actualMin.toDecimalPlaces(dp, Decimal.ROUND_UP).eq(t.quantity)
    ? `their minutes are the line's actual duration (${shown}) rounded once per invoice line`
    : `their minutes are not the line's actual duration (${shown}) either`;
  return `same calls; ${what}, ours are rounded per call by the agreement's ${billing} (${o.quantity} min)`;
}

function amountNote(plan: AgreementPlan, t: TheirLine, o: OurLine): string {
  const svc = plan.services.find((s) => s.name === t.service);
  const rr = svc?.recordRounding;
  const lr = svc?.invoiceLineRounding;
  const ours = `ours is the sum of the records${rr ? ` rounded ${rr.method} to ${rr.decimals} decimals per record` : ''}` +
    `${lr ? `, then ${lr.method} to ${lr.decimals} decimals per invoice line` : ', rounded to the cent per invoice line'}`;
  if (t.quantity !== null && t.rate !== null) {
    const x = new Decimal(t.quantity).times(t.rate);
    return `same volume and rate, different amount: ${t.quantity} × ${t.rate} = ${x.toFixed()}, their amount ${t.amount}; ${ours} (${o.amount})`;
  }
  return `same volume and rate, different amount: theirs ${t.amount}, ${ours} (${o.amount})`;
}

function onlyTheirsNote(plan: AgreementPlan, t: TheirLine, p: PeriodDates, seen: Map<string, string>, key: string): string {
  const svc = plan.services.find((s) => s.name === t.service);
  if (!svc) return `the agreement has no service ${t.service} (services: ${plan.services.map((s) => s.name).join(', ')})`;
  if (svc.direction === 'receivable') return `${t.service} is a service ${plan.us.name} invoices ${plan.partner.name} (receivable): it has no place on their invoice`;
  if (seen.has(key)) return `invoiced twice: ${subjectOf(t)} was already compared at ${seen.get(key)}`;
  if (t.construct) return `the agreement makes no ${t.construct} charge on ${t.service} in ${p.period}`;
  if (svc.barredZones.includes(t.zone!)) return `the agreement bars ${t.zone} for ${t.service}: such calls are never rated (suspense barred), so never payable`;
  const zones = new Set([...svc.prefixes.map((x) => x.zone), ...svc.rates.map((r) => r.zone)]);
  if (!zones.has(t.zone!)) return `the agreement has no zone ${t.zone} for ${t.service}`;
  return `we rated no ${subjectOf(t)} traffic in ${p.period}`;
}

export interface Comparison {
  lines: FindingLine[];
  theirs: string;
  ours: string;
  difference: string;
}

export function compareInvoice(plan: AgreementPlan, theirs: readonly TheirLine[], ours: readonly OurLine[], p: PeriodDates, places: number): Comparison {
  const pool = ours.filter((o) => o.direction === 'payable');
  const used = new Set<OurLine>();
  const seen = new Map<string, string>();
  const out: FindingLine[] = [];
  const sideKey = (l: { service: string; zone: string | null; band: string | null; construct: string | null }) =>
    `${l.service}\u0000${l.construct ?? ''}\u0000${l.zone ?? ''}\u0000${l.band ?? ''}`;
  for (const t of theirs) {
    const band = t.band === 'any' ? null : t.band;
    const candidates = pool.filter((o) => !used.has(o) && o.service === t.service && (t.construct
      ? o.construct === t.construct
      : o.construct === null && o.zone === t.zone && (band === null || o.band === band)));
    const key = sideKey(t);
    const base = { subject: subjectOf(t), service: t.service, zone: t.zone, band: t.band, theirs: theirSide(t), evidence: null, disputed: false };
    if (candidates.length === 0) {
      out.push({ ...base, category: 'only-theirs', ours: null, difference: sub(t.amount, '0', places), explanation: onlyTheirsNote(plan, t, p, seen, key) });
      seen.set(key, t.at);
      continue;
    }
    seen.set(key, t.at);
    for (const c of candidates) used.add(c);
    const o = merged(candidates);
    const diff = sub(t.amount, o.amount, places);
    const rate = t.rate !== null && t.zone !== null && !t.construct ? rateNote(plan, { service: t.service, zone: t.zone, band }, t.rate, p) : null;
    const rateDiffers = rate !== null || (t.construct !== null && t.rate !== null && o.rate !== null && !eq(t.rate, o.rate));
    const volumeDiffers = (t.records !== null && o.records !== null && t.records !== o.records) ||
      (t.quantity !== null && o.quantity !== null && !eq(t.quantity, o.quantity));
    const amountDiffers = !eq(t.amount, o.amount);
    const money = `difference ${diff} ${plan.currency}`;
    let category: FindingLine['category'];
    let explanation: string;
    if (volumeDiffers) {
      category = 'volume';
      const why = minutesNote(plan, t, o) ??
        (t.records !== null && o.records !== null && t.records < o.records
          ? `they invoice ${plural(o.records - t.records, 'record')} fewer than we rated (traffic missing on their side, e.g. a day)`
          : t.records !== null && o.records !== null && t.records > o.records
            ? `they invoice ${plural(t.records - o.records, 'record')} more than we rated (traffic we have no record of, or records counted twice)`
            : 'the quantities differ');
      explanation = `volume: theirs ${volumeText(theirSide(t))}, ours ${volumeText(ourSide(o))}; ${why}${rate ? `; also ${rate}` : ''}; ${money}`;
    } else if (rateDiffers) {
      category = 'rate';
      explanation = `rate: ${rate ?? `their rate ${t.rate} vs ours ${o.rate}`}; ${money}`;
    } else if (amountDiffers) {
      category = 'amount';
      explanation = `${amountNote(plan, t, o)}; ${money}`;
    } else {
      category = 'matched';
      explanation = 'matched: same volume, rate and amount';
    }
    out.push({ ...base, category, ours: ourSide(o), difference: diff, explanation });
  }
  for (const o of pool) {
    if (used.has(o)) continue;
    if (o.construct !== null && new Decimal(o.amount).isZero()) continue;
    out.push({
      category: 'only-ours', subject: subjectOf(o), service: o.service, zone: o.zone, band: o.construct ? null : o.band,
      theirs: null, ours: ourSide(o), difference: sub('0', o.amount, places), disputed: false, evidence: null,
      explanation: o.construct
        ? `not on their invoice: our ${o.construct} charge ${o.amount} ${plan.currency} (${o.description})`
        : `not on their invoice: we rated ${volumeText(ourSide(o))}, ${o.amount} ${plan.currency}`,
    });
  }
  const sum = (xs: string[]) => xs.reduce((a, x) => a.plus(x), new Decimal(0));
  const maxPlaces = (xs: string[]) => Math.max(places, ...xs.map((x) => new Decimal(x).decimalPlaces()));
  const theirAmounts = theirs.map((t) => t.amount);
  const ourAmounts = pool.map((o) => o.amount);
  const tp = maxPlaces([...theirAmounts, ...ourAmounts]);
  const fix = (d: Decimal) => (d.isZero() ? d.abs() : d).toFixed(tp);
  const T = sum(theirAmounts);
  const O = sum(ourAmounts);
  return { lines: out, theirs: fix(T), ours: fix(O), difference: fix(T.minus(O)) };
}
