// A deck lowered to the same plan structures as inline zones: a prefix table and rate lines
// with effective spans. Each destination is a zone; its prefixes usually share one rate
// history, and then the zone has one rate line per change however many prefixes it has
// (200,000 prefixes in a few thousand destinations stay a few thousand rate lines). Prefixes
// of a destination whose histories differ become separate tariffs of that zone.
import type { ServiceBlock } from '../../language/ast.js';
import type { AgreementModel } from '../model.js';
import type { RateLinePlan, ServicePlan } from '../plan.js';
import { isValidDate } from '../values.js';
import { deckOf } from './load.js';
import type { DeckRow } from './parse.js';

interface Span {
  from: string;
  to: string | null;
  row: DeckRow;
}

interface Group {
  zone: string;
  spans: Span[];
  prefixes: string[];
}

/** The deck's prefixes and rate lines, or undefined when the service has no loaded deck. */
export function lowerDeck(
  m: AgreementModel,
  s: ServiceBlock,
  barredPrefixes: ServicePlan['prefixes'],
): Pick<ServicePlan, 'prefixes' | 'rates'> | undefined {
  const loaded = deckOf(s);
  if (!loaded) return undefined;
  const { deck } = loaded;
  const validFrom = m.validFrom!;
  const validTo = m.validTo && isValidDate(m.validTo) ? m.validTo : undefined;
  const byZone = new Map<string, Map<string, Group>>();
  for (const [prefix, rows] of deck.byPrefix) {
    const spans: Span[] = [];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const to = rows[i + 1]?.date ?? null;
      // History before the agreement starts never rates; a row after it ends never applies.
      if (to !== null && to <= validFrom) continue;
      if (validTo !== undefined && row.date > validTo) break;
      spans.push({ from: row.date < validFrom ? validFrom : row.date, to, row });
    }
    const zone = rows[0]!.destination;
    let signature = '';
    for (const sp of spans) {
      const inc = sp.row.increments;
      signature += `${sp.from}|${sp.to}|${sp.row.change === 'closed' ? 'closed' : sp.row.rate}|${inc ? `${inc.firstSeconds}/${inc.nextSeconds}` : ''};`;
    }
    let groups = byZone.get(zone);
    if (!groups) byZone.set(zone, (groups = new Map()));
    const g = groups.get(signature);
    if (g) g.prefixes.push(prefix);
    else groups.set(signature, { zone, spans, prefixes: [prefix] });
  }

  const svc = s.name.text;
  const prefixes: ServicePlan['prefixes'] = [];
  const rates: RateLinePlan[] = [];
  for (const [zone, groups] of byZone) {
    const split = groups.size > 1;
    for (const g of groups.values()) {
      let tariff: string | undefined;
      if (split) tariff = g.prefixes.reduce((a, b) => (b < a ? b : a));
      for (const p of g.prefixes) prefixes.push(tariff === undefined ? { prefix: p, zone } : { prefix: p, zone, tariff });
      for (const sp of g.spans) {
        for (const band of m.bandNames) {
          const closed = sp.row.change === 'closed';
          const line: RateLinePlan = {
            clause: `${svc}/${zone}${tariff === undefined ? '' : `[${tariff}]`}/${band}/${sp.from}`,
            source: `${deck.uri}:${sp.row.line}`,
            zone,
            band,
            effectiveFrom: sp.from,
            effectiveTo: sp.to,
            steps: closed ? [] : [{ fromSecond: 0, toSecond: null, price: sp.row.rate }],
          };
          if (sp.row.increments && !closed) line.increments = { ...sp.row.increments };
          if (closed) line.closed = true;
          if (tariff !== undefined) line.tariff = tariff;
          rates.push(line);
        }
      }
    }
  }
  for (const b of barredPrefixes) prefixes.push(b);
  // Sorted so the plan (and its hash) does not depend on the order of the deck's rows.
  prefixes.sort((a, b) => (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0));
  rates.sort((a, b) => (a.clause < b.clause ? -1 : a.clause > b.clause ? 1 : 0));
  return { prefixes, rates };
}
