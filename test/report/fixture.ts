// A small store for the traffic report tests: two agreements (ORANGE in EUR, TELCOUS in USD),
// two rating runs (the second re-rates one call at a new price and rates a call that was in
// suspense), every record chosen so the report's figures can be worked out by hand
// (traffic-data.test.ts states them with the arithmetic).
import { compile } from '../../compiler/index.js';
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { openStore, rate, type Store } from '../../runtime/index.js';

const orange = (version: number, peak: string) => `agreement REP-ORANGE "report fixture, Orange" {
  version ${version}
  parties {
    us       ACME    "ACME Telecom Ltd"
    partner  ORANGE  "Orange France SA"
  }
  currency EUR
  valid 2026-01-01 .. 2026-12-31
  timezone Europe/Paris
  interconnect IC-A {
    trunks TGA
    traffic voice sms
  }
  timebands {
    peak     mon-fri 08:00-20:00
    offpeak  otherwise
  }
  zones {
    FR-MOBILE   33 6, 33 7
    FR-FIXED    33 1, 33 2, 33 3, 33 4, 33 5, 33 9
  }
  service term voice payable {
    billing 60/60
    rate FR-MOBILE  peak ${peak} EUR/min  offpeak 0.0120 EUR/min
    rate FR-FIXED   0.0100 EUR/min
    rounding half-up 4 decimals per record
  }
  service orig voice receivable {
    billing 1/1
    rate any 0.0060 EUR/min
    rounding half-up 4 decimals per record
  }
  service sms-out sms payable {
    rate any 0.0050 EUR/msg
    rounding half-up 4 decimals per record
  }
}
`;

const telcous = `agreement REP-US "report fixture, US carrier" {
  version 1
  parties {
    us       ACME     "ACME Telecom Ltd"
    partner  TELCOUS  "Telco US Inc"
  }
  currency USD
  valid 2026-01-01 .. 2026-12-31
  timezone America/New_York
  interconnect IC-B {
    trunks TGB
    traffic voice
  }
  zones {
    US  1
  }
  service term voice payable {
    billing 6/6
    rate US 0.0100 USD/min
    rounding half-up 4 decimals per record
  }
}
`;

function plans(texts: string[]): HashedAgreementPlan[] {
  const { compiled, diagnostics } = compile(texts.map((text, i) => ({ uri: `fixture-${i}.icx`, text })));
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`fixture agreements do not compile: ${errors.map((e) => `${e.code} ${e.message}`).join('; ')}`);
  return compiled.plans;
}

const FR_MOB = '33612345678';
const v = (id: string, trunk: string, b: string, start: string, dur: string, direction = 'out') =>
  ({ record_id: id, trunk, direction, kind: 'voice', a_number: '441632960001', b_number: b, start_time: start, duration_s: dur });

/** Run 1: every record once. Times are UTC; Paris is UTC+1 until 2026-03-29, UTC+2 after. */
export const RUN1 = [
  v('A1', 'TGA', FR_MOB, '2026-03-02T09:00:00Z', '61'), // Mon 10:00 Paris, peak
  v('A2', 'TGA', FR_MOB, '2026-03-07T12:00:00Z', '30'), // Sat, offpeak
  v('A3', 'TGA', FR_MOB, '2026-03-02T09:05:00Z', '0'), // Mon 10:05, peak, unanswered
  v('A4', 'TGA', '33145678901', '2026-03-03T10:00:00Z', '125.5'), // Tue 11:00, FR-FIXED
  v('A5', 'TGA', FR_MOB, '2026-03-31T22:30:00Z', '60'), // 2026-04-01 00:30 Paris: April
  v('A6', 'TGA', FR_MOB, '2026-02-28T23:30:00Z', '60'), // Sun 2026-03-01 00:30 Paris: March, offpeak
  v('B1', 'TGA', FR_MOB, '2026-03-02T09:00:00Z', '90', 'in'),
  v('B2', 'TGA', FR_MOB, '2026-03-02T09:10:00Z', '0', 'in'),
  { record_id: 'C1', trunk: 'TGA', direction: 'out', kind: 'sms', a_number: '441632960001', b_number: FR_MOB, start_time: '2026-03-04T09:00:00Z', units: '3' },
  v('S1', 'TGA', '447700900123', '2026-03-05T10:00:00Z', '60'), // no-zone (UK number)
  v('S2', 'TGA', FR_MOB, 'not-a-time', '60'), // malformed-start: no date
  v('S3', 'TGZ', FR_MOB, '2026-03-06T10:00:00Z', '60'), // no-agreement
  v('S4', 'TGA', '447700900123', '2026-04-02T10:00:00Z', '60'), // no-zone, April
  v('D1', 'TGB', '12125550100', '2026-03-10T15:00:00Z', '31'),
  v('D2', 'TGB', '12125550100', '2026-03-10T16:00:00Z', '0'),
  v('D3', 'TGB', '12125550100', '2026-03-11T15:00:00Z', '600'),
];

/** Run 2 (version 2 of REP-ORANGE: FR-MOBILE peak 0.0400): A1 again, and S1 with a corrected number. */
export const RUN2 = [
  v('A1', 'TGA', FR_MOB, '2026-03-02T09:00:00Z', '61'),
  v('S1', 'TGA', FR_MOB, '2026-03-05T10:00:00Z', '60'), // Thu 11:00 Paris, peak
];

export const PARTNER_NAMES = new Map([['REP-ORANGE', 'ORANGE'], ['REP-US', 'TELCOUS']]);

/** The fixture's agreement texts (for the CLI test, which names partners from files). */
export const AGREEMENT_TEXTS = { 'orange.icx': orange(2, '0.0400'), 'telcous.icx': telcous };

/** Rates both runs into the store at `path` (':memory:' or a file) and returns it open. */
export async function fixtureStore(path = ':memory:'): Promise<Store> {
  const store = await openStore(path);
  const r1 = await rate(store, { plans: plans([orange(1, '0.0300'), telcous]), usage: [{ rows: RUN1, name: 'run1' }], runId: 'run-1', progress: false });
  const r2 = await rate(store, { plans: plans([orange(2, '0.0400')]), usage: [{ rows: RUN2, name: 'run2' }], runId: 'run-2', progress: false });
  if (r1.suspenseCount !== 4 || r2.suspenseCount !== 0) throw new Error(`fixture: unexpected suspense ${r1.suspenseCount}/${r2.suspenseCount}`);
  return store;
}
