// The test blocks of an agreement, lowered to usage rows and expectations that the runtime
// rates and compares (`icx test`). Not part of the hashed AgreementPlan. Re-exported by plan.ts.

/** The test blocks of an agreement, lowered to usage rows and expectations. */
export interface AgreementTestPlan {
  agreementId: string;
  title: string;
  /** `<uri>:<line>` of the test block */
  source: string;
  usage: {
    service: string;
    aNumber: string | null;
    /** null for data and event usage */
    bNumber: string | null;
    /** as written; without an offset it is local time in the agreement's zone */
    startTime: string;
    durationSeconds: string | null;
    units: string | null;
    /** data volume in bytes */
    bytes?: string | null;
    /** roaming call category */
    category?: string | null;
  };
  expect:
    | { kind: 'amount'; amount: string; currency: string; zone: string | null; band: string | null; billedSeconds: number | null;
        /** `original 0.0250 SDR`: the amount before FX, in the service's price currency */
        original?: { amount: string; currency: string } }
    | { kind: 'suspense'; reason: string }
    | ChargeExpectPlan
    | { kind: 'total'; amount: string; currency: string };
  /**
   * Period tests only (absent on single-usage tests): every usage line (the first is `usage`),
   * each with its record count, every expectation (the first is `expect`), and the month.
   */
  period?: {
    month: string;
    usages: (AgreementTestPlan['usage'] & { count: number })[];
    expects: AgreementTestPlan['expect'][];
  };
  /** period tests: the `kpi` and `retail` lines, inputs of digital-partner charges */
  digitalInputs?: TestDigitalInputsPlan;
}

export interface TestDigitalInputsPlan {
  /** availability in percent, latency in milliseconds (decimal strings) */
  kpis: { kpi: string; value: string; source: string }[];
  retail: { service: string; subscriber: string; date: string; gross: string; taxes: string; refunds: string; source: string }[];
}

/** `expect charge discount FR-MOBILE-VOLUME tier 2 -12.30 EUR`: the sum of the matching lines */
export interface ChargeExpectPlan {
  kind: 'charge';
  construct: string;
  subject: string;
  tier: number | null;
  amount: string;
  currency: string;
}
