// The catalogue of every diagnostic icx can report. One entry per code: its severity and
// the advice that goes with it. Codes never change meaning; retired codes are not reused.
// ICX1xxx: syntax (language/). ICX2xxx: names. ICX3xxx: values and units.
// ICX4xxx: time (dates, bands, holidays). ICX5xxx: rating structure. ICX6xxx: tests.
import type { Diagnostic, Severity } from './diagnostic.js';
import type { Range } from './ast.js';

export interface CodeInfo {
  severity: Severity;
  /** short title, used in docs and code-action labels */
  title: string;
}

export const DIAGNOSTIC_CODES = {
  // syntax
  ICX1001: { severity: 'error', title: 'unexpected character' },
  ICX1002: { severity: 'error', title: 'syntax error' },
  ICX1003: { severity: 'error', title: 'unterminated string' },
  ICX1004: { severity: 'error', title: 'malformed literal' },

  // names
  ICX2001: { severity: 'error', title: 'duplicate name' },
  ICX2002: { severity: 'error', title: 'unknown zone' },
  ICX2003: { severity: 'error', title: 'unknown time band' },
  ICX2004: { severity: 'error', title: 'unknown service' },
  ICX2005: { severity: 'error', title: 'unknown holiday calendar' },
  ICX2006: { severity: 'error', title: 'duplicate agreement id' },
  ICX2007: { severity: 'error', title: 'trunk used by two agreements' },
  ICX2008: { severity: 'error', title: 'two services of one kind and direction' },
  ICX2201: { severity: 'error', title: 'partner or entity declared twice' },
  ICX2202: { severity: 'error', title: 'unknown partner or entity' },
  ICX2203: { severity: 'error', title: 'party detail contradicts its declaration' },
  ICX2204: { severity: 'error', title: 'party of the wrong role' },
  ICX2205: { severity: 'error', title: 'partner code used by two partners' },
  // multi-currency (fx lines and FX tables)
  ICX2601: { severity: 'error', title: 'second fx line for a currency' },
  ICX2602: { severity: 'error', title: 'FX table cannot be read' },
  // rate decks (compiler/deck/)
  ICX2101: { severity: 'error', title: 'deck prefix with two destinations' },
  ICX2301: { severity: 'error', title: 'unknown call category' },
  ICX2401: { severity: 'error', title: 'commitment by someone who is not a party' },
  ICX2402: { severity: 'error', title: 'duplicate discount name' },

  // values and units
  ICX3001: { severity: 'error', title: 'unit does not fit the service kind' },
  ICX3002: { severity: 'error', title: 'currency differs from the agreement currency' },
  ICX3003: { severity: 'error', title: 'unknown currency' },
  ICX3004: { severity: 'error', title: 'impossible billing increment' },
  ICX3005: { severity: 'error', title: 'missing required declaration' },
  ICX3006: { severity: 'error', title: 'declared twice' },
  ICX3007: { severity: 'error', title: 'invalid value' },
  ICX3008: { severity: 'error', title: 'unknown partner type' },
  ICX3009: { severity: 'error', title: 'invalid prefix' },
  ICX3010: { severity: 'warning', title: 'rate has more decimals than rating keeps' },
  ICX3201: { severity: 'error', title: 'an entity has no partner type' },
  ICX3202: { severity: 'error', title: 'invalid settlement term' },
  ICX3203: { severity: 'warning', title: 'partner or entity without a legal name' },
  ICX3601: { severity: 'error', title: 'fx line does not convert into the agreement currency' },
  ICX3602: { severity: 'error', title: 'fx line from the agreement currency' },
  ICX3603: { severity: 'error', title: 'service priced in more than one currency' },
  ICX3604: { severity: 'error', title: 'original amount not in the service currency' },
  ICX3605: { severity: 'error', title: 'invalid currency in an FX table' },
  ICX3606: { severity: 'error', title: 'invalid FX rate' },
  ICX3607: { severity: 'error', title: 'invalid FX table header' },
  ICX3608: { severity: 'error', title: 'FX row with the wrong number of fields' },
  // rate decks (compiler/deck/)
  ICX3101: { severity: 'error', title: 'malformed deck file' },
  ICX3102: { severity: 'error', title: 'invalid deck prefix' },
  ICX3103: { severity: 'error', title: 'invalid deck rate' },
  ICX3104: { severity: 'error', title: 'invalid deck change type' },
  ICX3105: { severity: 'error', title: 'invalid deck increments' },
  ICX3106: { severity: 'error', title: 'deck file not found' },
  ICX3107: { severity: 'error', title: 'invalid deck destination' },
  ICX3108: { severity: 'warning', title: 'deck change type disagrees with the rates' },
  ICX3301: { severity: 'error', title: 'invalid data volume unit' },
  ICX3302: { severity: 'error', title: 'service prices in more than one unit' },
  ICX3303: { severity: 'error', title: 'billing does not fit the service kind' },
  ICX3401: { severity: 'error', title: 'unknown period' },
  ICX3402: { severity: 'error', title: 'tier style missing or unknown' },
  ICX3403: { severity: 'error', title: 'tier or commitment unit does not fit the service' },
  ICX3404: { severity: 'error', title: 'percent where a price is expected (or the reverse)' },
  ICX3405: { severity: 'error', title: 'recurring fee without a proration statement' },
  ICX3406: { severity: 'error', title: 'recurring fee not per month' },
  ICX3407: { severity: 'error', title: 'commitment shortfall price missing or misplaced' },
  ICX3408: { severity: 'error', title: 'shortfall settlement does not match the commitment' },

  // time
  ICX4001: { severity: 'error', title: 'invalid date' },
  ICX4002: { severity: 'error', title: 'validity ends before it starts' },
  ICX4003: { severity: 'error', title: 'unknown time zone' },
  ICX4004: { severity: 'error', title: 'time bands overlap' },
  ICX4005: { severity: 'error', title: 'time bands leave a gap in the week' },
  ICX4006: { severity: 'error', title: 'effective date outside the validity' },
  ICX4007: { severity: 'error', title: 'overlapping effective dates' },
  ICX4008: { severity: 'error', title: 'invalid weekday' },
  ICX4009: { severity: 'error', title: 'invalid time range' },
  ICX4010: { severity: 'warning', title: 'holiday outside the validity' },
  ICX4011: { severity: 'error', title: 'time bands use more than one holiday calendar' },
  ICX4201: { severity: 'error', title: 'agreements for one partner service overlap in time' },
  ICX4601: { severity: 'error', title: 'invalid date in an FX table' },
  ICX4602: { severity: 'error', title: 'two FX rates for one date' },
  // rate decks (compiler/deck/)
  ICX4101: { severity: 'error', title: 'invalid deck effective date' },
  ICX4102: { severity: 'error', title: 'deck prefix has two rows for one date' },
  ICX4103: { severity: 'error', title: 'increase within the notice period' },
  ICX4104: { severity: 'error', title: 'notice period without an issue date' },
  ICX4105: { severity: 'warning', title: 'deck row after the validity ends' },

  // rating structure
  ICX5001: { severity: 'error', title: 'prefix in two zones' },
  ICX5002: { severity: 'warning', title: 'zone has no rate' },
  ICX5003: { severity: 'error', title: 'rate has no price for a band' },
  ICX5004: { severity: 'error', title: 'rate for a barred zone' },
  ICX5005: { severity: 'error', title: 'service has no rates' },
  ICX5006: { severity: 'error', title: 'invalid rate steps' },
  ICX5007: { severity: 'warning', title: 'duplicate prefix in a zone' },
  ICX5601: { severity: 'warning', title: 'FX table has no rate for the pair' },
  ICX5602: { severity: 'warning', title: 'FX table does not cover the validity' },
  ICX5603: { severity: 'warning', title: 'fx line not used by any service' },
  // rate decks (compiler/deck/)
  ICX5101: { severity: 'error', title: 'service has both a deck and rate lines' },
  ICX5102: { severity: 'error', title: 'service has two decks' },
  ICX5103: { severity: 'error', title: 'notice period without a deck' },
  ICX5104: { severity: 'error', title: 'deck prefix is also a barred prefix' },
  ICX5301: { severity: 'error', title: 'prefix in two origin zones' },
  ICX5302: { severity: 'error', title: 'service prices by call category and by zone' },
  ICX5303: { severity: 'error', title: 'pricing rule does not fit the service kind' },
  ICX5304: { severity: 'error', title: 'rate steps on a service not billed by duration' },
  ICX5305: { severity: 'error', title: 'origin zone any' },
  ICX5401: { severity: 'error', title: 'tiers leave a gap or overlap' },
  ICX5402: { severity: 'error', title: 'tier ends before it starts' },
  ICX5403: { severity: 'error', title: 'tier bound open in the wrong place' },
  ICX5404: { severity: 'error', title: 'tiered service with rate lines, or tiers without `tiered`' },
  ICX5405: { severity: 'error', title: 'no tiers' },
  ICX5406: { severity: 'error', title: 'commitment without exactly one commitment line' },

  // digital-partner terms (pooled data, revenue share, commission, SLA credits)
  ICX2501: { severity: 'error', title: 'revenue share paid to the wrong party' },
  ICX3501: { severity: 'error', title: 'term does not fit the service kind' },
  ICX3502: { severity: 'error', title: 'unknown data unit' },
  ICX3503: { severity: 'error', title: 'percentage out of range' },
  ICX3504: { severity: 'error', title: 'SLA target does not fit its metric' },
  ICX3505: { severity: 'error', title: 'unknown retail basis' },
  ICX3506: { severity: 'error', title: 'active units do not match the price unit' },
  ICX4501: { severity: 'error', title: 'SLA measured over a period other than a month' },
  ICX5501: { severity: 'error', title: 'SLA without a monthly fee to credit' },
  ICX5502: { severity: 'error', title: 'two SLAs for one metric' },
  ICX5503: { severity: 'error', title: 'SLA caps disagree' },
  ICX5504: { severity: 'error', title: 'per-subscriber minimum without a revenue share' },
  ICX6501: { severity: 'error', title: 'test KPI no SLA reads' },
  ICX6502: { severity: 'error', title: 'test retail line for a service without retail terms' },
  ICX6503: { severity: 'error', title: 'test inputs outside a period test' },
  ICX6504: { severity: 'error', title: 'invalid test retail line' },

  // tests
  ICX6001: { severity: 'error', title: 'test usage is incomplete' },
  ICX6002: { severity: 'error', title: 'unknown suspense reason' },
  ICX6401: { severity: 'error', title: 'unknown charge construct in a test' },
  ICX6402: { severity: 'error', title: 'charge expectation without a period' },
  ICX6403: { severity: 'error', title: 'invalid record count' },
  ICX6404: { severity: 'error', title: 'single-record expectation in a period test' },
  ICX6405: { severity: 'error', title: 'unknown charge subject in a test' },

  // traffic tests (`test "…" for AGREEMENT { traffic "FILE" … }`, usually in *.test.icx)
  ICX2801: { severity: 'error', title: 'traffic test for an unknown agreement' },
  ICX2802: { severity: 'error', title: 'traffic file missing or not a usage file' },
  ICX2803: { severity: 'error', title: 'traffic file path refused' },
  ICX2804: { severity: 'error', title: 'traffic test without exactly one traffic line' },
  ICX2805: { severity: 'error', title: 'unknown service in a traffic expectation' },
  ICX2806: { severity: 'error', title: 'unknown zone in a traffic expectation' },
  ICX2807: { severity: 'error', title: 'unknown time band in a traffic expectation' },
  ICX2808: { severity: 'error', title: 'unknown suspense reason in a traffic expectation' },
  ICX2809: { severity: 'error', title: 'traffic expectation totals nothing named' },
  ICX2810: { severity: 'error', title: 'traffic expectation in another currency than the agreement' },
  ICX2811: { severity: 'error', title: 'invalid record counts (not whole, or rated + suspense ≠ count)' },
  ICX2812: { severity: 'error', title: 'traffic test without expectations' },
  ICX2813: { severity: 'error', title: 'charge expectation in a traffic test without `period`' },
  ICX2814: { severity: 'error', title: 'unknown charge construct in a traffic test' },

  // settlement currency (`settlement { currency USD from table "…" }`)
  ICX2901: { severity: 'error', title: 'settlement currency without an FX table' },
  ICX2902: { severity: 'error', title: 'settlement FX table without the pair' },
  ICX2903: { severity: 'warning', title: 'settlement FX table for the agreement currency itself' },
  ICX2904: { severity: 'warning', title: 'settlement FX table misses month ends of the validity' },
  ICX2905: { severity: 'warning', title: 'settlement currency without netting' },

  // dispute deadlines (`settlement { dispute within 30 days / dispute answer within 15 days }`)
  ICX3701: { severity: 'error', title: 'dispute deadline not a whole number of days from 1 to 366' },
  ICX3702: { severity: 'error', title: 'dispute deadline not in days' },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** Builds a diagnostic with the catalogue's severity. */
export function diagnostic(code: DiagnosticCode, message: string, uri: string, range: Range): Diagnostic {
  return { code, severity: DIAGNOSTIC_CODES[code].severity, message, uri, range };
}
