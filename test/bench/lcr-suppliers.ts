// The generated suppliers of the LCR benchmarks (bench:lcr, bench:lcr-simulate): deterministic
// plans built directly (PRNG), every supplier drawing its prefixes around the same country stems,
// lengths 1–10, so they overlap each other at different lengths; 10 prefixes per zone, one rate
// per zone, different increments, supplier 4 priced in USD, supplier 3 with a connect fee,
// supplier 2 barring two zones.
import type { AgreementPlan, HashedAgreementPlan, ServicePlan } from '../../compiler/plan.js';
import { destinationPrefixes, prng } from './az-deck.js';

const INCREMENTS = [[1, 1], [60, 60], [30, 30], [60, 1], [6, 6]] as const;

export function supplier(i: number, prefixesPer: number): HashedAgreementPlan {
  const r = prng(1000 + i);
  // the same stems for every supplier (seeded alike) so their prefixes overlap
  const stems = prng(42);
  const used = new Set<string>();
  const prefixes: ServicePlan['prefixes'] = [];
  const rates: ServicePlan['rates'] = [];
  let z = 0;
  while (prefixes.length < prefixesPer) {
    const zone = `Z${z++}`;
    const ps = destinationPrefixes(() => (r() < 0.5 ? stems() : r()), used, Math.min(10, prefixesPer - prefixes.length));
    if (ps.length === 0) continue;
    for (const p of ps) prefixes.push({ prefix: p, zone });
    const price = (0.001 + r() * 0.2).toFixed(4);
    rates.push({ clause: `termination/${zone}/any/2026-01-01`, source: 'bench', zone, band: 'any', effectiveFrom: '2026-01-01', effectiveTo: null, steps: [{ fromSecond: 0, toSecond: null, price }] });
  }
  const [first, next] = INCREMENTS[i % INCREMENTS.length]!;
  const currency = i === 4 ? 'USD' : 'EUR';
  const service = {
    name: 'termination', kind: 'voice', direction: 'payable', unit: 'min',
    billing: { firstSeconds: first, nextSeconds: next, minimumSeconds: 0 }, connectFee: i === 3 ? '0.0020' : null,
    zeroDurationCharged: false, boundaryRule: 'start-band', maximumPerCall: null,
    recordRounding: { method: 'half-up', decimals: 6 }, invoiceLineRounding: null,
    prefixes, barredZones: i === 2 ? ['Z7', 'Z70'] : [], rates,
  } satisfies ServicePlan;
  const plan = {
    format: 1, id: `BENCH-S${i}`, title: null, version: 1, uri: `s${i}.icx`,
    us: { name: 'ACME' }, partner: { name: `SUPPLIER${i}`, type: null }, currency,
    validFrom: '2026-01-01', validTo: null, timezone: 'UTC', interconnects: [], holidays: [],
    bands: ['any'], bandWindows: [], services: [service],
  } as unknown as AgreementPlan;
  return { plan, hash: `bench-${i}` };
}

