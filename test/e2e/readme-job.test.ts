// The README's first command, as written there: every sample traffic file of March 2026 rated
// against every example agreement, with March's period charges. Each file's records are worked
// out in their own e2e test; this one checks that together they balance and that the period
// charges of the whole job are the hand-computed ones.
import { describe, it, expect, beforeAll } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, runRateJob } from '../support/rate-job.js';

/** The `icx rate …` part of the README's first command, its glob expanded as a shell would. */
function readmeRateArgs(): string[] {
  const line = readFileSync(join(root, 'README.md'), 'utf8').split('\n').find((l) => l.startsWith('npm ci && npx icx check'));
  if (!line) throw new Error('README.md no longer opens with the main job');
  const rate = line.slice(line.indexOf('npx icx rate ') + 'npx icx '.length).split(/\s+/);
  return rate.flatMap((a) => {
    if (!a.includes('*')) return [a];
    const dir = a.slice(0, a.lastIndexOf('/'));
    const suffix = a.slice(a.lastIndexOf('*') + 1);
    return readdirSync(join(root, dir)).filter((f) => f.endsWith(suffix)).sort().map((f) => `${dir}/${f}`);
  });
}

describe("the README's main job", () => {
  let stdout = '';
  let code: number | null = null;
  let charges: Record<string, string>[] = [];

  beforeAll(async () => {
    // `rate …` as written, less its --out (the job writes to a fresh folder)
    const [command, ...args] = readmeRateArgs();
    expect(command).toBe('rate');
    args.splice(args.indexOf('--out'), 2);
    ({ stdout, code, charges } = await runRateJob(args));
  });

  it('rates all four traffic files and balances: 18 + 10 + 20 + 12 in, 15 + 9 + 13 + 9 rated', () => {
    expect(code).toBe(0);
    expect(stdout).toMatch(/^in 60 = rated 46 \+ suspense 14$/m);
  });

  it("gives March's period charges of every agreement", () => {
    const brief = charges.map((c) => `${c.agreement_id} ${c.construct} ${c.subject} ${Number(c.amount).toFixed(2)} ${c.currency}`);
    expect(brief.sort()).toEqual([
      // slice: 12,000 × 22/31 days (from 10 March) = 8,516.129… → 8,516.13; availability 99.97% → 2 steps × 10% = 20%
      // of 8,516.13 = 1,703.226 → -1,703.23; latency 12 ms > 10 ms → 5% = 425.8065 → -425.81 (digital-partners test)
      'ACME-FACTORY-SLICE recurring-fee urllc 8516.13 EUR',
      'ACME-FACTORY-SLICE sla-credit availability -1703.23 EUR',
      'ACME-FACTORY-SLICE sla-credit latency-p99 -425.81 EUR',
      // 3 active trackers × 0.40 = 1.20; 1,550 MB over a pool of 1,500 MB: 50 × 0.002 = 0.10
      'ACME-FLEET-IOT active-units connectivity 1.20 EUR',
      'ACME-FLEET-IOT pool-overage connectivity 0.10 EUR',
      // MVNO data rated 0.010238 in March (roaming-mvno test); 40,000 − 0.010238 = 39,999.989762 → 39,999.99
      'ACME-LYCA-MVNO-2026 minimum-fee mvno-data 39999.99 EUR',
      // Q1 voice-termination: M-0001 0.0246 + M-0002 0.0200 + M-0003 0.0135 + M-0007 0 + M-0020 0.0246 = 0.0827;
      // 250,000 − 0.0827 = 249,999.9173 → 249,999.92 payable to Orange
      'ACME-ORANGE-FR-2026 commitment-shortfall voice-termination 249999.92 EUR',
      // FR-MOBILE: 120 + 120 + 0 + 120 s = 6 min, tier 1 (0%): 0.00
      'ACME-ORANGE-FR-2026 discount FR-MOBILE-VOLUME 0.00 EUR',
      // 5% of the activated subscribers' March net retail 49.00 = 2.45
      'ACME-RESELLER commission-retail activations 2.45 EUR',
      // 70% of net retail 15.88 = 11.116 → 11.12; two subscribers below 2.50 raised by 4.08 in all
      'ACME-STREAMCO revenue-share premium-video 11.12 USD',
      'ACME-STREAMCO revenue-share-floor premium-video 4.08 USD',
    ].sort());
  });
});
