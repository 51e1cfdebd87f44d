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
  // Prefixes in sorted order, so the prefix table comes out sorted without a sort of objects.
  const sortedPrefixes = [...deck.byPrefix.keys()].sort();
  const groupOf: Group[] = new Array<Group>(sortedPrefixes.length);
  for (let k = 0; k < sortedPrefixes.length; k++) {
    const prefix = sortedPrefixes[k]!;
    const rows = deck.byPrefix.get(prefix)!;
    // The history's signature, built from the rows; spans are built once per distinct history.
    let signature = '';
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const to = i + 1 < rows.length ? rows[i + 1]!.date : null;
      // History before the agreement starts never rates; a row after it ends never applies.
      if (to !== null && to <= validFrom) continue;
      if (validTo !== undefined && row.date > validTo) break;
      const inc = row.increments;
      signature += (row.date < validFrom ? validFrom : row.date) + '|' + to + '|' + (row.change === 'closed' ? 'closed' : row.rate) + '|' +
        (inc ? inc.firstSeconds + '/' + inc.nextSeconds : '') + ';';
    }
    const zone = rows[0]!.destination;
    let groups = byZone.get(zone);
    if (!groups) byZone.set(zone, (groups = new Map()));
    let g = groups.get(signature);
    if (!g) groups.set(signature, (g = { zone, spans: spansOf(rows, validFrom, validTo), prefixes: [] }));
    g.prefixes.push(prefix);
    groupOf[k] = g;
  }

  const svc = s.name.text;
  const tariffOf = new Map<Group, string | undefined>();
  const rates: RateLinePlan[] = [];
  for (const [zone, groups] of byZone) {
    const split = groups.size > 1;
    for (const g of groups.values()) {
      // prefixes were added in sorted order: the first is the lowest
      const tariff = split ? g.prefixes[0]! : undefined;
      tariffOf.set(g, tariff);
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
  const prefixes: ServicePlan['prefixes'] = new Array(sortedPrefixes.length);
  for (let k = 0; k < sortedPrefixes.length; k++) {
    const g = groupOf[k]!;
    const tariff = tariffOf.get(g);
    prefixes[k] = tariff === undefined ? { prefix: sortedPrefixes[k]!, zone: g.zone } : { prefix: sortedPrefixes[k]!, zone: g.zone, tariff };
  }
  if (barredPrefixes.length > 0) {
    for (const b of barredPrefixes) prefixes.push(b);
    prefixes.sort((a, b) => (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0));
  }
  // Sorted so the plan (and its hash) does not depend on the order of the deck's rows.
  rates.sort((a, b) => (a.clause < b.clause ? -1 : a.clause > b.clause ? 1 : 0));
  return { prefixes, rates };
}

/** The spans a prefix's rows price, clipped to the validity. */
function spansOf(rows: DeckRow[], validFrom: string, validTo: string | undefined): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const to = rows[i + 1]?.date ?? null;
    if (to !== null && to <= validFrom) continue;
    if (validTo !== undefined && row.date > validTo) break;
    spans.push({ from: row.date < validFrom ? validFrom : row.date, to, row });
  }
  return spans;
}
