// Builds a wholesale A–Z deck for the deck benchmark twice over: as a CSV deck file with an
// agreement that rates from it, and as the same prefixes and prices written inline (zones
// block + rate lines), so rating speed can be compared like for like. Deterministic.
import { azAgreementHead, destinationPrefixes, prng } from './az-deck.js';

export interface DeckCsvOptions {
  destinations: number;
  prefixesPerDestination: number;
  /** destinations whose rate rises from `changeDate` (one more row per prefix) */
  changedDestinations: number;
  changeDate: string;
}

/** 7,600 × 25 = 190,000 prefixes + 400 × 25 = 10,000 change rows = 200,000 deck lines. */
export const DECK_200K: DeckCsvOptions = { destinations: 7600, prefixesPerDestination: 25, changedDestinations: 400, changeDate: '2026-03-16' };

/** 0.0010 .. 0.2500 per minute, 4 decimals, as integer ten-thousandths (no float money). */
function priceUnits(r: () => number): number {
  return 10 + Math.floor(r() * 2490);
}
const price = (units: number) => `${Math.floor(units / 10000)}.${String(units % 10000).padStart(4, '0')}`;

const HEADER = (id: string) => azAgreementHead(id, 'ACME and CarrierX A-Z termination (deck benchmark)');

const SMS = `
  service sms sms payable {
    rate any 0.0050 EUR/msg
  }
}
`;

export interface BenchDeck {
  csv: string;
  csvLines: number;
  prefixCount: number;
  /** agreement rating from "deck.csv" */
  deckAgreement: string;
  /** the same prices inline */
  inlineAgreement: string;
}

export function benchDeck(o: DeckCsvOptions = DECK_200K): BenchDeck {
  const r = prng(20260301);
  const used = new Set<string>();
  const rows: string[] = ['prefix,destination,rate,effective_date,change'];
  const zoneLines: string[] = [];
  const rateLines: string[] = [];
  const width = String(o.destinations).length;
  for (let z = 0; z < o.destinations; z++) {
    const name = `D${String(z).padStart(width, '0')}`;
    const prefixes = destinationPrefixes(r, used, o.prefixesPerDestination);
    const base = priceUnits(r);
    const changed = z < o.changedDestinations;
    const raised = base + 1 + Math.floor(base / 20);
    for (const p of prefixes) rows.push(`${p},${name},${price(base)},2026-01-01,new`);
    if (changed) for (const p of prefixes) rows.push(`${p},${name},${price(raised)},${o.changeDate},increase`);
    zoneLines.push(`    ${name}  ${prefixes.join(', ')}`);
    rateLines.push(`    rate ${name}  ${price(base)} EUR/min`);
    if (changed) rateLines.push(`    rate ${name}  ${price(raised)} EUR/min  from ${o.changeDate}`);
  }
  const service = (body: string) => `
  service termination voice payable {
    billing 30/6
    calls across a band boundary are rated at the start band
${body}
  }
`;
  return {
    csv: rows.join('\n') + '\n',
    csvLines: rows.length - 1,
    prefixCount: used.size,
    deckAgreement: HEADER('BENCH-DECK-2026') + service('    rates from deck "deck.csv" issued 2026-01-01\n    notice increases 7 days') + SMS,
    inlineAgreement: HEADER('BENCH-INLINE-2026') + `\n  zones {\n${zoneLines.join('\n')}\n  }\n` + service(rateLines.join('\n')) + SMS,
  };
}
