// Traffic tests and coverage items, lowered to plain data for `icx test` (runtime/testing/).
// Like the inline tests, not part of any hashed AgreementPlan. Re-exported by plan.ts.

/** `test "…" for AGREEMENT { traffic "FILE" expect … }`: rate FILE, compare the totals. */
export interface TrafficTestPlan {
  agreementId: string;
  title: string;
  /** `<uri>:<line>` of the test block */
  source: string;
  /** the usage file, as a uri relative to the agreements root (resolved from the test's file) */
  traffic: string;
  /** the path as written in the test */
  trafficWritten: string;
  /** the agreement's currency (every amount expectation is in it) */
  currency: string;
  /** `period 2026-03`: the month whose period charges are computed (absent = none) */
  period?: string;
  expects: TrafficExpectPlan[];
}

export type TrafficExpectPlan = (
  /** records of the agreement (rated under it, or in suspense with it identified) */
  | { kind: 'count'; count: number; rated: number | null; suspense: number | null }
  | { kind: 'suspense'; reason: string; count: number }
  /** the sum of the invoice lines (agreement × service × zone × band) matching the filters (null = any) */
  | { kind: 'amount'; service: string | null; zone: string | null; band: string | null; amount: string; currency: string }
  /** the sum of the period's charge lines of that construct and subject (and tier); none = 0 */
  | { kind: 'charge'; construct: string; subject: string; tier: number | null; amount: string; currency: string }
) & {
  /** `<uri>:<line>` of the expectation */
  source: string;
};

/** What `icx test --coverage` counts (docs/language.md "Coverage"). */
export type CoverageKind = 'rate' | 'zone' | 'band' | 'surcharge' | 'bar' | 'tier' | 'discount' | 'commitment' | 'period-fee' | 'digital';

export interface CoverageItemPlan {
  agreementId: string;
  kind: CoverageKind;
  /** what to print: `voice-termination/FR-MOBILE`, `peak`, `FR-PREMIUM (bar)` … */
  label: string;
  /** `<uri>:<line>` where it is written (a rate deck's row for deck rate lines) */
  source: string;
  /**
   * How a rated record, suspense record or charge line exercises it:
   * zone: a rated (or barred) record of the agreement in that zone; band: a rated record in that
   * band; bar: a `barred` suspense record of the agreement in the zone; every other kind (rate lines,
   * surcharges, tiers, discounts, commitments, period fees, digital terms): a rated record whose
   * rate_source lists `source`, or a charge line (period test) whose clause_source is `source`.
   */
  match: { zone?: string; band?: string; service?: string };
}
