// What both benchmark deck builders (deck-agreement.ts, deck-csv.ts) draw from: a seedable
// PRNG, random overlapping prefixes per destination, and the agreement's fixed head (parties,
// interconnect, holidays, peak/offpeak bands in Europe/Paris). Deterministic: the same seed
// gives the same deck on every run.

/** mulberry32: tiny, seedable, good enough to spread prefixes. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Prefix lengths 1..10: short ones are scarce (there are only 9 one-digit prefixes). */
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

/**
 * Up to `count` new prefixes (lengths 1–10) for one destination, none already in `used`
 * (they are added to it). Each destination grows around a "country" stem so its prefixes
 * overlap each other's ranges and those of neighbouring destinations, as real decks do.
 */
export function destinationPrefixes(r: () => number, used: Set<string>, count: number): string[] {
  const stem = String(1 + Math.floor(r() * 9)) + String(Math.floor(r() * 100)).padStart(2, '0');
  const prefixes: string[] = [];
  let guard = 0;
  while (prefixes.length < count && guard++ < 10_000) {
    const len = pickLength(r);
    let p = stem.slice(0, Math.min(len, stem.length));
    while (p.length < len) p += String(Math.floor(r() * 10));
    if (used.has(p)) continue;
    used.add(p);
    prefixes.push(p);
  }
  return prefixes;
}

/** The agreement up to its timebands (its closing brace not included). */
export function azAgreementHead(id: string, title: string): string {
  return `agreement ${id} "${title}" {
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
}
