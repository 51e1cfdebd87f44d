// Small agreements for the CLI end-to-end tests, written by GRAMMAR.md in canonical layout. Kept here (not in
// agreements/) so the tests state exactly the prices they recompute.

export const FIXTURE_ID = 'ACME-ORANGE-FR-2026';

export const FIXTURE = `// ACME and Orange France: the CLI test fixture.
agreement ACME-ORANGE-FR-2026 "ACME and Orange France voice and SMS interconnect" {
  version 3

  parties {
    us       ACME    "ACME Telecom Ltd"  tadig GBRAC
    partner  ORANGE  "Orange France SA"  tadig FRAF1  type interconnect
  }

  currency EUR
  valid 2026-01-01 .. 2026-12-31
  timezone Europe/Paris

  interconnect LON-PAR-1 {
    site "Telehouse North, London"
    trunks TG101 TG102
    traffic voice sms
  }

  holidays FR {
    2026-01-01
    2026-04-06
    2026-05-01
    2026-07-14
    2026-12-25
  }

  timebands {
    peak     mon-fri 08:00-20:00 except holidays FR
    offpeak  otherwise
  }

  zones {
    FR-MOBILE   33 6, 33 7
    FR-FIXED    33 1, 33 2, 33 3, 33 4, 33 5, 33 9
    FR-PREMIUM  33 89
  }

  // ACME hands calls to Orange for termination in France: Orange invoices ACME.
  service voice-termination voice payable {
    billing 60/60
    calls across a band boundary are rated at the start band
    rate FR-MOBILE  peak 0.0123 EUR/min  offpeak 0.0100 EUR/min
    rate FR-FIXED   0.0045 EUR/min
    rate FR-FIXED   0.0040 EUR/min  from 2026-04-01
    bar FR-PREMIUM
  }

  service sms sms receivable {
    rate any 0.0050 EUR/msg
  }

  test "a 61 second peak call to a French mobile is billed as two minutes" {
    usage voice-termination to 33612345678 at 2026-03-02T10:00:00 for 61s
    expect 0.0246 EUR zone FR-MOBILE band peak
  }

  test "premium numbers are barred" {
    usage voice-termination to 33891234567 at 2026-03-02T10:00:00 for 30s
    expect suspense barred
  }
}
`;

/** Prices of the fixture in March 2026 (before the FR-FIXED change on 1 April), EUR/min. */
export const MARCH_PRICES: Record<string, Record<string, string>> = {
  'FR-MOBILE': { peak: '0.0123', offpeak: '0.0100' },
  'FR-FIXED': { peak: '0.0045', offpeak: '0.0045' },
};
export const SMS_PRICE = '0.0050';
export const FR_HOLIDAYS = new Set(['2026-01-01', '2026-04-06', '2026-05-01', '2026-07-14', '2026-12-25']);

/** The fixture with a rate for a zone that does not exist (ICX2002, unknown zone). */
export const UNKNOWN_ZONE = FIXTURE.replace('rate FR-FIXED   0.0045 EUR/min', 'rate FR-FIXD    0.0045 EUR/min');

/** The fixture with a syntax error (a missing closing brace of the zones block). */
export const SYNTAX_ERROR = FIXTURE.replace('    FR-PREMIUM  33 89\n  }', '    FR-PREMIUM  33 89 {{\n');

/** The fixture laid out badly: same meaning, not canonical. */
export const UGLY = FIXTURE.replace('  currency EUR', 'currency     EUR').replace('    trunks TG101 TG102', '      trunks   TG101    TG102');

/** The documented suspense reason codes (docs/internal-contracts.md). */
export const REASON_CODES = new Set([
  'unparsable-row', 'missing-field', 'malformed-start', 'missing-offset', 'malformed-duration', 'negative-duration',
  'malformed-number', 'malformed-units', 'unknown-kind', 'unknown-direction', 'no-agreement', 'no-service',
  'outside-validity', 'no-zone', 'barred', 'no-rate',
]);
