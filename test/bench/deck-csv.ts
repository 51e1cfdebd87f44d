// Builds a wholesale A–Z deck for the deck benchmark twice over: as a CSV deck file with an
// agreement that rates from it, and as the same prefixes and prices written inline (zones
// block + rate lines), so rating speed can be compared like for like. Deterministic.

export interface DeckCsvOptions {
  destinations: number;
  prefixesPerDestination: number;
  /** destinations whose rate rises from `changeDate` (one more row per prefix) */
  changedDestinations: number;
  changeDate: string;
}

/** 7,600 × 25 = 190,000 prefixes + 400 × 25 = 10,000 change rows = 200,000 deck lines. */
export const DECK_200K: DeckCsvOptions = { destinations: 7600, prefixesPerDestination: 25, changedDestinations: 400, changeDate: '2026-03-16' };

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LENGTH_WEIGHTS = [0, 0.2, 1, 3, 8, 14, 18, 20, 16, 12, 8];
function pickLength(r: () => number): number {
  const total = LENGTH_WEIGHTS.reduce((a, b) => a + b, 0);
  let x = r() * total;
  for (let len = 1; len <= 10; len++) {
    x -= LENGTH_WEIGHTS[len]!;
    if (x < 0) return len;
  }
  return 10;
}

/** 0.0010 .. 0.2500 per minute, 4 decimals, as integer ten-thousandths (no float money). */
function priceUnits(r: () => number): number {
  return 10 + Math.floor(r() * 2490);
}
const price = (units: number) => `${Math.floor(units / 10000)}.${String(units % 10000).padStart(4, '0')}`;

const HEADER = (id: string) => `agreement ${id} "ACME and CarrierX A-Z termination (deck benchmark)" {
  version 1

  parties {
    us       ACME      "ACME Telecom Ltd"  tadig GBRAC
    partner  CARRIERX  "CarrierX Ltd"  type wholesale
  }

  currency EUR
  valid 2026-01-01 .. 2026-12-31
  timezone Europe/Paris

  interconnect LON-PAR-1 {
    site "Telehouse North, London"
    trunks TG101 TG102 TG103 TG104
    traffic voice sms
  }

  holidays FR {
    2026-01-01 2026-03-19 2026-04-06 2026-05-01 2026-07-14 2026-12-25
  }

  timebands {
    peak     mon-fri 08:00-20:00 except holidays FR
    offpeak  otherwise
  }
`;

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
    const stem = String(1 + Math.floor(r() * 9)) + String(Math.floor(r() * 100)).padStart(2, '0');
    const prefixes: string[] = [];
    let guard = 0;
    while (prefixes.length < o.prefixesPerDestination && guard++ < 10_000) {
      const len = pickLength(r);
      let p = stem.slice(0, Math.min(len, stem.length));
      while (p.length < len) p += String(Math.floor(r() * 10));
      if (used.has(p)) continue;
      used.add(p);
      prefixes.push(p);
    }
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
