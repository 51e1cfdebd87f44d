// The rating trace of failed tests, through the real compiler and rating run: every number in
// the expected lines below is computed by hand in the comments, not copied from the output.
import { describe, expect, it } from 'vitest';
import { compile } from '../../../compiler/index.js';
import { openStore, runAgreementTests } from '../../index.js';
import { junitReport } from './junit.js';
import { reportCases, type ReportCase } from './model.js';
import { textReport } from './text.js';

const AGREEMENT = `agreement T-TRACE "trace" {
  version 1

  parties {
    us       ACME    "ACME Telecom Ltd"
    partner  ORANGE  "Orange France SA"  type interconnect
  }

  currency EUR
  valid 2026-01-01 .. 2026-12-31
  timezone Europe/Paris

  interconnect LON-PAR-1 {
    trunks TG101
    traffic voice sms
  }

  timebands {
    peak     mon-fri 08:00-20:00
    offpeak  otherwise
  }

  zones {
    FR-MOBILE  33 6, 33 7
    FR-FIXED   33 1
  }

  service voice-termination voice payable {
    billing 60/60
    rate FR-MOBILE  peak 0.0123 EUR/min  offpeak 0.0100 EUR/min
    rate FR-FIXED   0.0045 EUR/min
  }

  service voice-per-second voice receivable {
    billing 1/1
    connect fee 0.0020 EUR
    rate FR-MOBILE  0.0100 EUR/min
  }

  service sms sms receivable {
    rate any 0.0050 EUR/msg
  }

  test "peak mobile, wrong amount" {
    usage voice-termination to 33612345678 at 2026-03-02T10:00:00 for 61s
    expect 0.0123 EUR
  }

  test "per second with a connect fee, wrong amount" {
    usage voice-per-second to 33712345678 at 2026-03-07T10:00:00 for 61s
    expect 0.0122 EUR
  }

  test "three messages, wrong amount" {
    usage sms to 447700900123 at 2026-03-02T10:00:00 units 3
    expect 0.0100 EUR
  }

  test "fixed line, wrong suspense" {
    usage voice-termination to 33912345678 at 2026-03-02T10:00:00 for 10s
    expect suspense barred
  }

  test "passes: no trace" {
    usage voice-termination to 33112345678 at 2026-03-02T10:00:00 for 60s
    expect 0.0045 EUR
  }
}
`;

async function cases(): Promise<ReportCase[]> {
  const result = compile([{ uri: 'trace.icx', text: AGREEMENT }]);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const store = await openStore(':memory:');
  try {
    const results = await runAgreementTests(store, result.compiled);
    return reportCases(results, result.compiled, (uri) => `agreements/${uri}`);
  } finally {
    await store.close();
  }
}

const lineOf = (needle: string) => AGREEMENT.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('rating trace of failed tests', () => {
  it('voice: zone with its prefix, band, rate line at file:line, billed seconds and the arithmetic', async () => {
    const [peak, perSecond, sms, fixed, passes] = await cases();
    // 61 s at 60/60 → 60 + ceil(1/60) × 60 = 120 s; 120 s = 2 min × 0.0123 EUR/min = 0.0246 EUR
    expect(peak!.trace).toEqual([
      'record: voice-termination to 33612345678 at 2026-03-02T10:00:00 for 61s',
      'zone FR-MOBILE (prefix 336), band peak',
      `rate line voice-termination/FR-MOBILE/peak/2026-01-01 at agreements/trace.icx:${lineOf('rate FR-MOBILE  peak')}: 0.0123 EUR/min`,
      '61 s billed 120 s (60/60) × 0.0123 EUR/min = 0.0246 EUR',
    ]);
    // Saturday 7 March → offpeak (the line has one price for every band). 61 s at 1/1 = 61 s;
    // 61 × 0.0100 / 60 = 0.61 / 60 = 0.0101666…; + connect fee 0.0020 = 0.0121666… → half-up,
    // 6 decimals (the default record rounding) = 0.012167 EUR
    expect(perSecond!.trace).toEqual([
      'record: voice-per-second to 33712345678 at 2026-03-07T10:00:00 for 61s',
      'zone FR-MOBILE (prefix 337), band offpeak',
      `rate line voice-per-second/FR-MOBILE/offpeak/2026-01-01 at agreements/trace.icx:${lineOf('rate FR-MOBILE  0.0100')}: 0.0100 EUR/min`,
      '61 s billed 61 s (1/1) × 0.0100 EUR/min + connect fee 0.0020 EUR = 0.012166666… → 0.012167 EUR (half-up, 6 decimals)',
    ]);
    expect(perSecond!.failures).toEqual(['amount: expected 0.0122, got 0.012167']);
    // 3 messages × 0.0050 EUR/msg = 0.0150 EUR; zone any is the empty prefix
    expect(sms!.trace).toEqual([
      'record: sms to 447700900123 at 2026-03-02T10:00:00 units 3',
      'zone any (prefix any number), band peak',
      `rate line sms/any/peak/2026-01-01 at agreements/trace.icx:${lineOf('rate any 0.0050')}: 0.0050 EUR/msg`,
      '3 × 0.0050 EUR/msg = 0.015 EUR',
    ]);
    // 339… is in no zone: suspense no-zone (the detail is the rating run's)
    expect(fixed!.trace[0]).toBe('record: voice-termination to 33912345678 at 2026-03-02T10:00:00 for 10s');
    expect(fixed!.trace[1]).toMatch(/^suspense no-zone: /);
    expect(passes!.passed).toBe(true);
    expect(passes!.trace).toEqual([]);
  });

  it('the text reporter prints the trace under the failure; JUnit carries it in the failure body', async () => {
    const cs = await cases();
    const text = textReport(cs);
    expect(text).toContain(
      `✗ peak mobile, wrong amount  expected 0.0123 EUR got 0.0246 EUR zone FR-MOBILE band peak billed 120s\n  agreements/trace.icx:${lineOf('test "peak mobile')}\n` +
        '    amount: expected 0.0123, got 0.0246\n    trace:\n      record: voice-termination to 33612345678 at 2026-03-02T10:00:00 for 61s\n',
    );
    expect(text).toContain(`✓ passes: no trace  (agreements/trace.icx:${lineOf('test "passes')})\n`);
    expect(text.endsWith('\n1 test passed, 4 failed\n')).toBe(true);
    expect(junitReport(cs)).toContain('  61 s billed 120 s (60/60) × 0.0123 EUR/min = 0.0246 EUR</failure>');
  });
});
