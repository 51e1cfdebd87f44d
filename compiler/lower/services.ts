// Services lowered to ServicePlan: money rules with their documented defaults, the
// longest-prefix table, and one RateLinePlan per (rate line, band) with its effective span.
import type { BandPrice, RateDecl, ServiceBlock } from '../../language/ast.js';
import type { PriceStepPlan, RateLinePlan, RoundingPlan, ServiceKind, ServicePlan } from '../plan.js';
import { effectiveFrom, pricesByBand } from '../check/rates.js';
import { isDigitPrefix, serviceZones } from '../check/zones.js';
import { ANY_ZONE, type AgreementModel } from '../model.js';
import { at } from '../sink.js';
import { isRecurringRate, lowerServicePeriod } from './period.js';
import { decimalText, wholeSeconds } from '../values.js';
import { lowerDeck } from '../deck/lower.js';
import { lowerUnitPricing, rateClauseZone } from './unit-pricing.js';
import { digitalRecordRates, isPeriodRate, lowerDigital } from './digital.js';

/** Documented default: every rated record is rounded half-up to 6 decimals. */
export const DEFAULT_RECORD_ROUNDING: RoundingPlan = { method: 'half-up', decimals: 6 };

export function lowerService(m: AgreementModel, s: ServiceBlock): ServicePlan {
  return lowerServicePeriod(m, s, lowerServiceBase(m, s));
}

function lowerServiceBase(m: AgreementModel, s: ServiceBlock): ServicePlan {
  const kind = s.serviceKind.text as ServiceKind;
  const items = s.items ?? [];
  const find = <K extends ServiceBlock['items'][number]['kind']>(k: K) =>
    items.find((i) => i.kind === k) as Extract<ServiceBlock['items'][number], { kind: K }> | undefined;
  const billing = find('billing');
  const rounding = (scope: 'record' | 'invoice-line'): RoundingPlan | null => {
    const r = items.find((i) => i.kind === 'rounding' && i.scope === scope);
    return r && r.kind === 'rounding' ? { method: r.method, decimals: Number(decimalText(r.decimals)) } : null;
  };
  const zones = serviceZones(s);
  // the per-record lines of digital terms (pooled iot records, commission per event) match any number
  if (digitalRecordRates(m, s).length > 0 && !zones.includes(ANY_ZONE)) zones.push(ANY_ZONE);
  const barredZones: string[] = [];
  for (const i of items) if (i.kind === 'bar') for (const z of i.zones) if (!barredZones.includes(z.text)) barredZones.push(z.text);
  // A service rating from a deck takes its prefixes and rate lines from it (compiler/deck/).
  const deck = lowerDeck(m, s, prefixTable(m, zones));

  return {
    name: s.name.text,
    kind,
    direction: s.direction.text === 'receivable' ? 'receivable' : 'payable',
    unit: kind === 'voice' ? 'min' : kind === 'sms' ? 'msg' : firstPriceUnit(s),
    billing:
      kind === 'voice' && billing
        ? {
            firstSeconds: Number(decimalText(billing.first)),
            nextSeconds: Number(decimalText(billing.next)),
            minimumSeconds: billing.minimum ? (wholeSeconds(billing.minimum) ?? 0) : 0,
          }
        : null,
    connectFee: find('connectFee') ? decimalText(find('connectFee')!.fee.amount) : null,
    zeroDurationCharged: find('zeroDuration')?.charged ?? false,
    boundaryRule: find('boundary')?.rule ?? 'start-band',
    maximumPerCall: find('maximum') ? decimalText(find('maximum')!.amount.amount) : null,
    recordRounding: rounding('record') ?? DEFAULT_RECORD_ROUNDING,
    invoiceLineRounding: rounding('invoice-line'),
    // a service priced by call category matches no numbers: the record's category picks the line
    prefixes: deck?.prefixes ?? (items.some((i) => i.kind === 'rate' && i.category) ? [] : prefixTable(m, zones)),
    barredZones,
    rates: deck?.rates ?? [...lowerRates(m, s), ...digitalRecordRates(m, s)],
    ...lowerUnitPricing(m, s),
    ...digitalField(m, s),
  };
}

function digitalField(m: AgreementModel, s: ServiceBlock): Pick<ServicePlan, 'digital'> {
  const digital = lowerDigital(m, s);
  return digital ? { digital } : {};
}

/** Every prefix of the zones the service rates or bars; `any` is the empty prefix. */
function prefixTable(m: AgreementModel, zones: string[]): { prefix: string; zone: string }[] {
  const rows = new Map<string, string>();
  for (const zn of zones) {
    if (zn === ANY_ZONE) {
      rows.set('', ANY_ZONE);
      continue;
    }
    for (const p of m.zoneByName.get(zn)?.prefixes ?? []) if (isDigitPrefix(p)) rows.set(p.digits, zn);
  }
  // Sorted so the table (and the hash) does not depend on declaration order of zones.
  return [...rows]
    .map(([prefix, zone]) => ({ prefix, zone }))
    .sort((a, b) => (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0));
}

function lowerSteps(p: BandPrice): PriceStepPlan[] {
  const out: PriceStepPlan[] = [];
  let from = 0;
  for (const st of p.steps) {
    const len = st.length ? wholeSeconds(st.length) : null;
    const to = len === null ? null : from + len;
    out.push({ fromSecond: from, toSecond: to, price: decimalText(st.price.amount) });
    if (to === null) break;
    from = to;
  }
  return out;
}

function lowerRates(m: AgreementModel, s: ServiceBlock): RateLinePlan[] {
  // Recurring fees (`rate 12_000 EUR/month`) and fees per active unit are period charges, not record prices.
  const rates = s.items.filter((i): i is RateDecl => i.kind === 'rate' && !isRecurringRate(i) && !isPeriodRate(s, i));
  // All effective dates per zone+band, to close each line at the next later start.
  const starts = new Map<string, string[]>();
  const lines: { r: RateDecl; band: string; price: BandPrice; from: string }[] = [];
  for (const r of rates) {
    const from = effectiveFrom(m, r)!;
    for (const [band, price] of pricesByBand(m, r)) {
      lines.push({ r, band, price, from });
      const key = `${rateClauseZone(r)}|${band}`;
      const list = starts.get(key);
      if (list) list.push(from);
      else starts.set(key, [from]);
    }
  }
  // Sorted once, so closing each line is a search rather than a sort (rate decks are long).
  for (const list of starts.values()) list.sort();
  return lines.map(({ r, band, price, from }) => {
    const next = starts.get(`${rateClauseZone(r)}|${band}`)!.find((d) => d > from);
    return {
      clause: `${s.name.text}/${rateClauseZone(r)}/${band}/${from}`,
      source: at(m.uri, r.range),
      // a category line's zone is its category (the record's category selects it)
      zone: r.category ? r.category.text : r.zone.text,
      ...(r.origin ? { origin: r.origin.text } : {}),
      band,
      effectiveFrom: from,
      effectiveTo: next ?? null,
      steps: lowerSteps(price),
    };
  });
}

/** Services of kinds other than voice and sms are priced per the unit their rates name. */
function firstPriceUnit(s: ServiceBlock): string {
  for (const i of s.items ?? []) {
    if (i.kind !== 'rate') continue;
    for (const bp of i.prices ?? []) {
      const per = bp.steps?.[0]?.price?.per?.text;
      if (per) return per;
    }
  }
  return '';
}
