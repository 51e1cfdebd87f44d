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

  // rating structure
  ICX5001: { severity: 'error', title: 'prefix in two zones' },
  ICX5002: { severity: 'warning', title: 'zone has no rate' },
  ICX5003: { severity: 'error', title: 'rate has no price for a band' },
  ICX5004: { severity: 'error', title: 'rate for a barred zone' },
  ICX5005: { severity: 'error', title: 'service has no rates' },
  ICX5006: { severity: 'error', title: 'invalid rate steps' },
  ICX5007: { severity: 'warning', title: 'duplicate prefix in a zone' },
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
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** Builds a diagnostic with the catalogue's severity. */
export function diagnostic(code: DiagnosticCode, message: string, uri: string, range: Range): Diagnostic {
  return { code, severity: DIAGNOSTIC_CODES[code].severity, message, uri, range };
}
