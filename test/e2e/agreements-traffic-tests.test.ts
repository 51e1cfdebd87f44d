// `icx test agreements/`: every example agreement has a traffic test (agreements/tests/*.test.icx)
// and every test passes; the coverage the examples reach stays above the threshold CI sets.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { icx, ROOT } from '../cli/run-cli.js';

describe('the example agreements\' tests', () => {
  it('pass, with a traffic test for every agreement, covering at least 90% of the items', () => {
    const r = icx(['test', join(ROOT, 'agreements'), '--json', '--coverage-threshold', '90'], ROOT);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { failed: number; results: { agreementId: string; source: string }[] };
    expect(out.failed).toBe(0);
    const dir = join(ROOT, 'agreements');
    const ids = readdirSync(dir).filter((f) => f.endsWith('.icx'))
      .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/^agreement (\S+)/gm)].map((m) => m[1]!));
    expect(ids.length).toBeGreaterThanOrEqual(12);
    const withTraffic = new Set(out.results.filter((x) => x.source.startsWith('tests/')).map((x) => x.agreementId));
    expect(ids.filter((id) => !withTraffic.has(id))).toEqual([]);
    const { coverage } = JSON.parse(r.stderr) as { coverage: { items: number; covered: number } };
    expect(coverage.covered * 100).toBeGreaterThanOrEqual(90 * coverage.items);
  });
});
