import { describe, expect, it } from 'vitest';
import { canonicalJson, hashPlan } from './hash.js';
import { compile } from './index.js';
import type { AgreementPlan } from './plan.js';
import { SKETCH } from './test-support/sketch.js';

describe('canonical JSON', () => {
  it('sorts keys at every depth, keeps array order, drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: [3, { d: 'x', c: null }], e: undefined })).toBe('{"a":[3,{"c":null,"d":"x"}],"b":1}');
    expect(canonicalJson('é"\n')).toBe(JSON.stringify('é"\n'));
  });
});

describe('plan hash', () => {
  const plan = () => compile([{ uri: 'sketch.icx', text: SKETCH }]).compiled.plans[0]!;

  it('is the same for the same input', () => {
    expect(plan().hash).toBe(plan().hash);
    expect(plan().hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashPlan(plan().plan)).toBe(plan().hash);
  });

  it('does not depend on the order of object keys', () => {
    const p = plan().plan;
    const reversed = JSON.parse(
      JSON.stringify(p, (_k, v) =>
        v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
      ),
    ) as AgreementPlan;
    expect(JSON.stringify(reversed)).not.toBe(JSON.stringify(p));
    expect(hashPlan(reversed)).toBe(hashPlan(p));
  });

  it('changes when a price changes', () => {
    const other = compile([{ uri: 'sketch.icx', text: SKETCH.replace('0.0045 EUR/min', '0.0046 EUR/min') }]).compiled.plans[0]!;
    expect(other.hash).not.toBe(plan().hash);
  });
});
