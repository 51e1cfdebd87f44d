// Small before/after agreements for the `icx diff` golden tests. BASE is the "before" of
// most cases; each variant changes one commercial term (or none: FORMATTED). Written in
// canonical layout so `icx fmt --check` would pass on them.

export const BASE = `agreement DIFF-ACME-ORANGE "Diff test agreement" {
  version 1

  parties {
    us       ACME
    partner  ORANGE
  }

  currency EUR
  valid 2026-01-01 .. 2026-12-31
  timezone Europe/Paris

  interconnect PAR {
    trunks TG1
    traffic voice sms
  }

  timebands {
    peak     mon-fri 08:00-20:00
    offpeak  otherwise
  }

  zones {
    FR-MOBILE  33 6, 33 7
    FR-FIXED   33 1, 33 2
  }

  service voice-termination voice payable {
    billing 60/60
    rate FR-MOBILE  peak 0.0123 EUR/min  offpeak 0.0100 EUR/min
    rate FR-FIXED   0.0045 EUR/min
  }

  service sms sms receivable {
    tiered per month, incremental
    tier 0 .. 1_000_000 msg 0.0050 EUR/msg
    tier 1_000_000 .. 0.0040 EUR/msg
  }

  commitment on voice-termination {
    ACME commits 250_000 EUR per quarter
    shortfall invoiced at the end of the quarter
  }
}
`;

/** BASE with one text replaced (the replaced text must occur). */
export function variant(...pairs: [string, string][]): string {
  let t = BASE;
  for (const [a, b] of pairs) {
    if (!t.includes(a)) throw new Error(`snippet does not contain ${a}`);
    t = t.replace(a, b);
  }
  return t;
}

/** BASE laid out differently, with comments: the same agreement. */
export const FORMATTED = `// reformatted: same terms
agreement   DIFF-ACME-ORANGE   "Diff test agreement" {
  version 1
  parties { us ACME
            partner ORANGE }
  currency EUR    // euro
  valid 2026-01-01..2026-12-31
  timezone Europe/Paris
  interconnect PAR { trunks TG1  traffic voice sms }
  timebands { peak mon-fri 08:00-20:00  offpeak otherwise }
  zones { FR-MOBILE 33 6, 33 7   FR-FIXED 33 1, 33 2 }


  service voice-termination voice payable {
    billing 60/60
    rate FR-FIXED 0.0045 EUR/min
    rate FR-MOBILE peak 0.0123 EUR/min offpeak 0.0100 EUR/min
  }
  service sms sms receivable {
    tiered per month, incremental
    tier 0 .. 1_000_000 msg 0.0050 EUR/msg
    tier 1_000_000 .. 0.0040 EUR/msg
  }
  commitment on voice-termination { ACME commits 250_000 EUR per quarter
    shortfall invoiced at the end of the quarter }
}
`;

/** A second agreement, for added/removed. */
export const SECOND = `agreement DIFF-ACME-SFR {
  version 1

  parties {
    us       ACME
    partner  SFR
  }

  currency EUR
  valid 2026-01-01 ..
  timezone Europe/Paris

  interconnect PAR2 {
    trunks TG2
    traffic voice
  }

  zones {
    FR-MOBILE 33 6, 33 7
  }

  service voice-termination voice payable {
    billing 60/60
    rate FR-MOBILE 0.0110 EUR/min
  }
}
`;

/** A deck service with a 7-day notice; decks keyed by uri. */
export const DECK_AGREEMENT = (issued: string) => `agreement DIFF-CARRIERX {
  version 1

  parties {
    us       ACME
    partner  CARRIERX
  }

  currency USD
  valid 2026-01-01 ..
  timezone UTC

  interconnect NYC {
    trunks TGX
    traffic voice
  }

  service termination voice payable {
    billing 1/1
    rates from deck "decks/az.csv" issued ${issued}
    notice increases 7 days
  }
}
`;

export const DECK_OLD = `prefix,destination,rate,effective_date
33,France - Fixed,0.0095,2026-01-01
336,France - Mobile,0.0380,2026-01-01
44,UK - Fixed,0.0060,2026-01-01
`;

/** 336 raised in place (no notice at all), 33 raised from 15 March (notice kept), 44 lowered, 49 new. */
export const DECK_NEW = `prefix,destination,rate,effective_date
33,France - Fixed,0.0095,2026-01-01
33,France - Fixed,0.0100,2026-03-15
336,France - Mobile,0.0400,2026-01-01
44,UK - Fixed,0.0060,2026-01-01
44,UK - Fixed,0.0055,2026-03-01
49,Germany - Fixed,0.0070,2026-03-01
`;
