// Period charges through DuckDB: agreement snippets whose period tests are run by
// runAgreementTests (same rating SQL, same period aggregates as `icx rate --period`). Every
// expected amount is worked out in the comment beside it. Some tests are written to FAIL, so
// the comparison itself is checked too.
import { describe, expect, it } from 'vitest';
import { agreement, expectClean } from '../../compiler/test-support/expect-diagnostics.js';
import { openStore, runAgreementTests } from '../../runtime/index.js';

async function run(body: string) {
  const { compiled } = expectClean(agreement(body));
  const store = await openStore(':memory:');
  try {
    return await runAgreementTests(store, compiled);
  } finally {
    await store.close();
  }
}

describe('period charges in agreement tests', () => {
  it('a cap per month on sms, with the zone of each record', async () => {
    const results = await run(`  service s sms receivable {
    rate 0.0500 EUR/msg
    maximum 100 EUR per month
  }
  test "above the cap" {
    // 3 records × 1,000 msgs × 0.0500 = 150.00 rated; cap 100: -50.00; total 100.00
    period 2026-03
    usage s to 447700900123 at 2026-03-02T10:00:00 units 1000 count 3
    expect 150.00 EUR
    expect charge cap s -50.00 EUR
    expect total 100.00 EUR
  }
  test "under the cap: no line" {
    // 10 × 0.05 = 0.50
    period 2026-03
    usage s to 447700900123 at 2026-03-02T10:00:00 units 10
    expect charge cap s 0.00 EUR
    expect total 0.50 EUR
  }
  test "records of April are no part of March" {
    period 2026-03
    usage s to 447700900123 at 2026-04-01T00:00:00 units 5000
    expect total 0.00 EUR
  }
  test "written to fail: the cap is 100, not 120" {
    period 2026-03
    usage s to 447700900123 at 2026-03-02T10:00:00 units 1000 count 3
    expect charge cap s -30.00 EUR
  }`);
    expect(results.map((r) => [r.title, r.passed])).toEqual([
      ['above the cap', true], ['under the cap: no line', true], ['records of April are no part of March', true], ['written to fail: the cap is 100, not 120', false],
    ]);
    expect(results[3]!.failures[0]).toBe('charge cap s: expected -30.00 EUR, got -50');
  });

  it('the local month decides: 23:30 UTC on 31 March is April in Paris', async () => {
    const results = await run(`  service s sms receivable {
    rate 1.00 EUR/msg
    minimum 10 EUR per month
  }
  test "a record at 00:30 local on 1 April counts for April" {
    // 2026-03-31T22:30Z is 00:30 CEST on 1 April: March has no usage → minimum fee 10.00
    period 2026-03
    usage s to 447700900123 at 2026-03-31T22:30:00Z units 4
    expect charge minimum-fee s 10.00 EUR
  }
  test "and tops April up by 6.00" {
    // April: 4 msgs × 1.00 = 4.00; minimum 10: top-up 6.00; total 10.00
    period 2026-04
    usage s to 447700900123 at 2026-03-31T22:30:00Z units 4
    expect charge minimum-fee s 6.00 EUR
    expect total 10.00 EUR
  }`);
    expect(results.map((r) => r.failures)).toEqual([[], []]);
  });

  it('a partner volume commitment and an incremental discount on one voice service', async () => {
    const results = await run(`  service v voice receivable {
    billing 60/60
    rate any 0.0100 EUR/min
  }
  discount on v {
    per month, incremental
    tier 0 .. 1_000 min 0%
    tier 1_000 .. 10%
  }
  commitment on v {
    ORANGE commits 5_000 min per month
    shortfall at 0.0020 EUR/min
  }
  test "1,500 minutes" {
    // two calls of 45,000 s = 1,500 min × 0.0100 = 15.00 (one call of more than a day would be
    // suspense implausible-duration)
    // discount: tier 2 holds 500 of 1,500 min → 5.00 × 10% = 0.50 → -0.50
    // commitment: 5,000 - 1,500 = 3,500 min short × 0.0020 = 7.00 (Orange owes it)
    // total 15.00 - 0.50 + 7.00 = 21.50
    period 2026-03
    usage v from 33612345678 to 447700900123 at 2026-03-02T10:00:00 for 750min count 2
    expect charge discount v tier 2 -0.50 EUR
    expect charge commitment-shortfall v 7.00 EUR
    expect total 21.50 EUR
  }`);
    expect(results[0]!.failures).toEqual([]);
    const lines = results[0]!.actual!.period!.charges;
    expect(lines.find((l) => l.construct === 'commitment-shortfall')!.direction).toBe('receivable');
  });
});
