// Rate lines: every band priced, no rate for a barred zone, at least one rate per service,
// well-formed steps, and one price per zone+band+effective date.
import type { BandPrice, RateDecl, ServiceBlock } from '../../language/ast.js';
import type { AgreementModel } from '../model.js';
import { at, rangeFrom, type Sink } from '../sink.js';
import { durationSeconds } from '../values.js';
import { rateClauseZone } from '../lower/unit-pricing.js';
import { pricedByDigitalTerms } from './digital.js';

/** The date a rate line starts: its `from`, else the validity start. */
export function effectiveFrom(m: AgreementModel, r: RateDecl): string | undefined {
  return r.from?.text ?? m.validFrom;
}

/**
 * The price that applies to each band on a rate line: the band's own price, else the
 * line's band-less price. Bands without either are absent from the map.
 */
export function pricesByBand(m: AgreementModel, r: RateDecl): Map<string, BandPrice> {
  const out = new Map<string, BandPrice>();
  const prices = r.prices ?? [];
  const bandless = prices.find((p) => !p.band);
  for (const band of m.bandNames) {
    const own = prices.find((p) => p.band?.text === band);
    const p = own ?? bandless;
    if (p) out.set(band, p);
  }
  return out;
}

export function checkRates(m: AgreementModel, sink: Sink): void {
  for (const s of m.services) checkService(m, s, sink);
}

function checkService(m: AgreementModel, s: ServiceBlock, sink: Sink): void {
  const rates = (s.items ?? []).filter((i): i is RateDecl => i.kind === 'rate');
  const barred = new Set((s.items ?? []).flatMap((i) => (i.kind === 'bar' ? (i.zones ?? []).map((z) => z.text) : [])));
  // A service rating from a deck (compiler/deck/) has no rate lines of its own.
  // A tiered service is priced by its tier lines (compiler/check/period.ts checks them).
  // Digital terms (pool, revenue share, commission) price a service per period.
  if (rates.length === 0 && !(s.items ?? []).some((i) => i.kind === 'deck' || i.kind === 'tiered') && !pricedByDigitalTerms(s)) {
    sink.report('ICX5005', `Service ${s.name?.text} has no rate lines; add at least one \`rate <zone> <price>\`.`, s.name?.range ?? rangeFrom(s.range.start, 7));
  }
  // zone|band|from → the rate line that set it first
  const seen = new Map<string, RateDecl>();
  for (const r of rates) {
    const zone = r.zone?.text;
    if (zone && barred.has(zone)) {
      sink.report('ICX5004', `Zone ${zone} is barred in service ${s.name?.text}, so a rate for it never applies; remove the rate or the bar.`, r.zone.range);
    }
    const prices = r.prices ?? [];
    // Within one line: one price per band, at most one band-less price.
    const bandsInLine = new Set<string>();
    for (const p of prices) {
      const key = p.band?.text ?? '';
      if (bandsInLine.has(key)) {
        sink.report('ICX4007', `This rate line already prices ${key ? `band ${key}` : 'every band'}; keep one price.`, p.range);
      }
      bandsInLine.add(key);
      checkSteps(p, sink);
    }
    if (m.bandNames.length > 1 && !bandsInLine.has('')) {
      const missing = m.bandNames.filter((b) => !bandsInLine.has(b));
      if (missing.length > 0 && prices.length > 0) {
        sink.report(
          'ICX5003',
          `Rate for ${zone} has no price for band${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; add ` +
            `${missing.map((b) => `\`${b} <price>\``).join(' and ')} or a price without a band name.`,
          r.range,
        );
      }
    }
    const from = effectiveFrom(m, r);
    if (!zone || !from) continue;
    const clashes: string[] = [];
    let firstClash: RateDecl | undefined;
    for (const band of pricesByBand(m, r).keys()) {
      const key = `${rateClauseZone(r)}|${band}|${from}`;
      const prev = seen.get(key);
      if (prev) {
        clashes.push(band);
        firstClash ??= prev;
      } else seen.set(key, r);
    }
    if (firstClash) {
      sink.report(
        'ICX4007',
        `${r.category ? 'Category' : 'Zone'} ${rateClauseZone(r).replace(/^calls /, '')} already has a price for ${clashes.length === m.bandNames.length ? 'every band' : `band ${clashes.join(', ')}`} from ${from} ` +
          `(${at(m.uri, firstClash.range)}); give this line a different \`from\` date or remove one of them.`,
        r.from?.range ?? r.range,
      );
    }
  }
}

/** Steps: every step but the last has a positive whole-second length; the last has none. */
function checkSteps(p: BandPrice, sink: Sink): void {
  const steps = p.steps ?? [];
  let total = 0n;
  steps.forEach((st, i) => {
    const last = i === steps.length - 1;
    if (!st.length) {
      if (!last) sink.report('ICX5006', 'Every step before `then` needs a length, e.g. `first 60s`.', st.range);
      return;
    }
    if (last) {
      sink.report('ICX5006', 'The last step runs to the end of the call; write it as `then <price>` without a length.', st.length.range);
      return;
    }
    const sec = durationSeconds(st.length);
    if (sec === null || !sec.isInteger() || sec.lte(0)) {
      sink.report('ICX5006', `A step length must be a positive whole number of seconds (e.g. 60s or 1min), not ${st.length.text}.`, st.length.range);
      return;
    }
    // the plan holds where each step ends in seconds: beyond 2^53 not exactly (found by the fuzzer)
    total += BigInt(sec.toFixed(0));
    if (total > BigInt(Number.MAX_SAFE_INTEGER)) sink.report('ICX5006', `The steps run past ${Number.MAX_SAFE_INTEGER} seconds, more than icx can hold exactly; write a length such as 60s.`, st.length.range);
  });
}
