// `icx test` with traffic tests (*.test.icx) and `--coverage`: a small agreement whose totals and
// coverage are counted by hand below.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icx, STACK_LINE, tempDir } from './run-cli.js';

const AGREEMENT = `agreement ACME-COV "coverage" {
  parties {
    us       ACME    "ACME Telecom Ltd"
    partner  ORANGE  "Orange France SA"  type interconnect
  }

  currency EUR
  valid 2026-01-01 .. 2026-12-31
  timezone UTC

  interconnect LON-PAR {
    trunks TG1
  }

  zones {
    FR-MOBILE  33 6
    FR-FIXED   33 1
    DE-MOBILE  49 15
  }

  service voice-termination voice payable {
    billing 60/60
    rate FR-MOBILE  0.0125 EUR/min
    rate FR-FIXED   0.0060 EUR/min
    rate DE-MOBILE  0.0200 EUR/min
    rounding half-even 2 decimals per invoice line
  }

  service sms sms payable {
    rate FR-MOBILE 0.0100 EUR/msg
  }
}
`;

// T-1 FR-MOBILE 61 s → 120 s: 2 × 0.0125 = 0.0250; its invoice line rounds half-even to 0.02 (a tie: even)
// T-2 FR-FIXED 30 s → 60 s: 1 × 0.0060 = 0.0060 → line 0.01
// T-3 sms FR-MOBILE 2 × 0.0100 = 0.0200 (no line rounding)
// T-4 voice to 44 20…: no zone → suspense no-zone
// voice-termination 0.02 + 0.01 = 0.03; total 0.03 + 0.0200 = 0.05
const CSV = `record_id,trunk,direction,kind,a_number,b_number,start_time,duration_s,units
T-1,TG1,out,voice,447700900001,33612345678,2026-03-02T09:00:00Z,61,
T-2,TG1,out,voice,447700900002,33145678901,2026-03-02T09:05:00Z,30,
T-3,TG1,out,sms,447700900003,33612345678,2026-03-02T09:10:00Z,,2
T-4,TG1,out,voice,447700900004,442079460000,2026-03-02T09:15:00Z,60,
`;

const TEST = (total: string) => `test "March sample" for ACME-COV {
  traffic "../traffic/march.csv"
  expect count 4 rated 3 suspense 1
  expect suspense no-zone 1
  expect service voice-termination zone FR-MOBILE 0.02 EUR
  expect service voice-termination 0.03 EUR
  expect service sms 0.0200 EUR
  expect total ${total} EUR
}
`;

let dir: string;
let cleanup: () => void;

function setup(name: string, total: string): string {
  const root = path.join(dir, name);
  mkdirSync(path.join(root, 'tests'), { recursive: true });
  mkdirSync(path.join(root, 'traffic'), { recursive: true });
  writeFileSync(path.join(root, 'cov.icx'), AGREEMENT);
  writeFileSync(path.join(root, 'traffic', 'march.csv'), CSV);
  writeFileSync(path.join(root, 'tests', 'march.test.icx'), TEST(total));
  return name;
}

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  setup('pass', '0.05');
  setup('fail', '0.06');
  setup('update', '0.06');
});
afterAll(() => cleanup());

describe('traffic tests', () => {
  it('pass with hand-computed totals (half-even invoice lines), one ✓ per expectation', () => {
    const r = icx(['test', 'pass'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ March sample: records');
    expect(r.stdout).toContain('✓ March sample: service voice-termination zone FR-MOBILE');
    expect(r.stdout).toContain('✓ March sample: total');
    expect(r.stdout).toMatch(/6 tests passed, 0 failed/);
  });

  it('fail with expected and actual, the expectation\'s file:line, the lines and records involved, exit 1', () => {
    const r = icx(['test', 'fail'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ March sample: total .*0\.06 EUR got 0\.05 EUR/);
    expect(r.stdout).toContain(`${path.join('fail', 'tests', 'march.test.icx')}:8`);
    expect(r.stdout).toContain('total: expected 0.06 EUR, got 0.05 EUR');
    expect(r.stdout).toContain('invoice line voice-termination FR-MOBILE any: 1 records, 0.025 → 0.02 (half-even per invoice line)');
    expect(r.stdout).toMatch(/line 2 T-1: zone FR-MOBILE, band any, billed 120s, voice-termination\/FR-MOBILE\/any\/\S+ → 0\.025/);
    expect(r.stdout).toMatch(/5 tests passed, 1 failed/);
    expect(r.stderr).not.toContain(STACK_LINE);
  });

  it('--update rewrites a failing traffic total to the actual one, and the re-run passes', () => {
    const r = icx(['test', 'update', '--update'], dir);
    expect(r.code).toBe(0);
    // the hand-computed total of the sample is 0.05 EUR (see TEST above); 0.06 was wrong on purpose
    // 0.05 = sms 0.02 + FR-FIXED 0.006 → 0.01 + FR-MOBILE 0.025 → 0.02 (half-even per invoice line)
    expect(r.stdout).toContain('- expect total 0.06 EUR');
    expect(r.stdout).toContain('+ expect total 0.05 EUR');
    expect(readFileSync(path.join(dir, 'update', 'tests', 'march.test.icx'), 'utf8')).toContain('  expect total 0.05 EUR\n');
    expect(icx(['test', 'update'], dir).code).toBe(0);
  });

  it('--json carries the traffic results', () => {
    const r = icx(['test', 'fail', '--json'], dir);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { failed: number; results: { title: string; passed: boolean; source: string }[] };
    expect(out.failed).toBe(1);
    expect(out.results.find((x) => !x.passed)).toMatchObject({ title: 'March sample: total', source: 'tests/march.test.icx:8' });
  });

  it('a period charge: none computed counts 0, so expecting one fails and lists the period\'s lines', () => {
    const root = setup('charge', '0.05');
    writeFileSync(path.join(dir, root, 'tests', 'march.test.icx'), `test "March charges" for ACME-COV {
  traffic "../traffic/march.csv"
  period 2026-03
  expect charge minimum-fee voice-termination 0 EUR
  expect charge discount voice-termination 1.00 EUR
}
`);
    const r = icx(['test', 'charge'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✓ March charges: charge minimum-fee voice-termination');
    expect(r.stdout).toContain('charge discount voice-termination: expected 1.00 EUR, got 0 EUR');
    expect(r.stdout).toContain('no charge line in the period');
  });

  it('a traffic file DuckDB cannot read is a clear error naming it, no stack trace', () => {
    const root = setup('broken', '0.05');
    writeFileSync(path.join(dir, root, 'traffic', 'march.parquet'), 'this is not parquet');
    writeFileSync(path.join(dir, root, 'tests', 'march.test.icx'), TEST('0.05').replace('march.csv', 'march.parquet'));
    const r = icx(['test', 'broken'], dir);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('march.parquet');
    expect(r.stderr).not.toContain(STACK_LINE);
  });
});

describe('--coverage', () => {
  // Items of ACME-COV: 4 rate lines (3 voice, 1 sms) and 3 zones = 7. The traffic rates
  // voice FR-MOBILE, voice FR-FIXED and sms FR-MOBILE (3 rate lines) in zones FR-MOBILE and
  // FR-FIXED (2 zones): 5 of 7 = 71.42…% → 71.4% (rounded down). Uncovered: the DE-MOBILE rate
  // line (cov.icx:25) and the zone DE-MOBILE (cov.icx:18).
  it('reports per agreement and overall, naming each uncovered item at file:line', () => {
    const lineOf = (s: string) => AGREEMENT.split('\n').findIndex((l) => l.includes(s)) + 1;
    expect([lineOf('rate DE-MOBILE'), lineOf('DE-MOBILE  49 15')]).toEqual([25, 18]);
    const r = icx(['test', 'pass', '--coverage'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ACME-COV  71.4%  (5 of 7)');
    expect(r.stdout).toContain(`${path.join('pass', 'cov.icx')}:25  rate voice-termination/DE-MOBILE`);
    expect(r.stdout).toContain(`${path.join('pass', 'cov.icx')}:18  zone DE-MOBILE`);
    expect(r.stdout).toContain('overall 71.4%  (5 of 7 items)');
  });

  it('--coverage-threshold passes at or below the coverage, exits 1 above it with a clear message', () => {
    expect(icx(['test', 'pass', '--coverage-threshold', '71'], dir).code).toBe(0);
    const r = icx(['test', 'pass', '--coverage-threshold', '72'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('coverage 71.4% is below the threshold of 72% (--coverage-threshold)');
  });

  it('an inline test block counts too: testing DE-MOBILE covers everything', () => {
    const root = setup('inline', '0.05');
    const withTest = AGREEMENT.replace(/\n}\n$/, `

  test "a call to a German mobile" {
    // 60 s at 60/60: 1 × 0.0200 = 0.0200
    usage voice-termination to 4915112345678 at 2026-03-02T10:00:00 for 60s
    expect 0.0200 EUR zone DE-MOBILE
  }
}
`);
    writeFileSync(path.join(dir, root, 'cov.icx'), withTest);
    const r = icx(['test', 'inline', '--coverage-threshold', '100'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('overall 100.0%  (7 of 7 items)');
  });

  it('a bad threshold is a usage error', () => {
    const r = icx(['test', 'pass', '--coverage-threshold', 'most'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--coverage-threshold');
  });
});
