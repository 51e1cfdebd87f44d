// Partners and entities declared once and referred to by name; inline details must agree.
import { describe, expect, it } from 'vitest';
import { compileMarked } from '../test-support/expect-diagnostics.js';

const DECLS = `entity ACME-UK "ACME Telecom Ltd" {
  vat GB123456789
  tadig GBRAC
  address "1 Harbour Exchange Square, London"
}

partner ORANGE "Orange France SA" {
  type interconnect
  tadig FRAF1 FRAF2
  carrier code ORGFR
  vat FR89380129866
  address "111 quai du Président Roosevelt, Issy-les-Moulineaux"
}
`;

function ag(parties: string, id = 'A-1'): string {
  return `agreement ${id} "t" {
  parties {
${parties}
  }
  currency EUR
  valid 2026-01-01 .. 2026-12-31
  timezone Europe/Paris
  service s sms receivable {
    rate any 0.005 EUR/msg
  }
}
`;
}

/** `code uri markIndex` for every diagnostic (marks numbered by start, per file). */
const run = compileMarked;

describe('parties by reference', () => {
  it('puts the declared details into the plan', () => {
    const r = run({ 'partners.icx': DECLS, 'a.icx': ag('    us ACME-UK\n    partner ORANGE') });
    expect(r.found).toEqual([]);
    const plan = r.compiled.plans[0]!.plan;
    expect(plan.us).toEqual({
      name: 'ACME-UK', legalName: 'ACME Telecom Ltd', tadig: 'GBRAC', tadigCodes: ['GBRAC'], carrierCodes: [],
      vat: 'GB123456789', address: '1 Harbour Exchange Square, London',
    });
    expect(plan.partner).toEqual({
      name: 'ORANGE', legalName: 'Orange France SA', tadig: 'FRAF1', tadigCodes: ['FRAF1', 'FRAF2'], carrierCodes: ['ORGFR'],
      vat: 'FR89380129866', address: '111 quai du Président Roosevelt, Issy-les-Moulineaux', type: 'interconnect',
    });
    expect(r.compiled.parties?.entities.map((e) => e.name)).toEqual(['ACME-UK']);
    expect(r.compiled.parties?.partners.map((e) => e.name)).toEqual(['ORANGE']);
  });

  it('accepts inline details that agree with the declaration', () => {
    const r = run({
      'partners.icx': DECLS,
      'a.icx': ag('    us ACME-UK "ACME Telecom Ltd" tadig GBRAC\n    partner ORANGE "Orange France SA" tadig FRAF2 type interconnect'),
    });
    expect(r.found).toEqual([]);
    expect(r.compiled.plans[0]!.plan.partner.tadigCodes).toEqual(['FRAF1', 'FRAF2']);
  });

  it('reports inline details that contradict the declaration at the inline detail (ICX2203)', () => {
    const r = run({
      'partners.icx': DECLS,
      'a.icx': ag('    us ACME-UK ⟦"ACME Ltd"⟧\n    partner ORANGE tadig ⟦FRXX1⟧ type ⟦roaming⟧'),
    });
    expect(r.found).toEqual(['ICX2203 a.icx 0', 'ICX2203 a.icx 1', 'ICX2203 a.icx 2']);
    expect(r.messages.join('\n')).toMatch(/declared at partners\.icx:7 with the TADIG codes FRAF1 FRAF2, not FRXX1/);
    expect(r.compiled.plans).toEqual([]);
  });

  it('reports a name declared nowhere and stated without details once the set declares parties (ICX2202)', () => {
    const r = run({ 'partners.icx': DECLS, 'a.icx': ag('    us ⟦ACME-IE⟧\n    partner ORANGE') });
    expect(r.found).toEqual(['ICX2202 a.icx 0']);
    expect(r.messages[0]).toMatch(/ACME-IE is not a declared entity/);
  });

  it('allows bare names when the set declares no party at all, and inline-only parties beside declarations', () => {
    expect(run({ 'a.icx': ag('    us ACME\n    partner ORANGE') }).found).toEqual([]);
    const r = run({ 'partners.icx': DECLS, 'a.icx': ag('    us ACME "ACME Telecom Ltd" tadig GBRAC\n    partner ORANGE') });
    expect(r.found).toEqual([]);
    expect(r.compiled.plans[0]!.plan.us).toMatchObject({ name: 'ACME', tadigCodes: ['GBRAC'], vat: null, address: null });
  });

  it('reports `us` naming a partner and `partner` naming an entity (ICX2204)', () => {
    const r = run({ 'partners.icx': DECLS, 'a.icx': ag('    us ⟦ORANGE⟧\n    partner ⟦ACME-UK⟧') });
    expect(r.found).toEqual(['ICX2204 a.icx 0', 'ICX2204 a.icx 1']);
  });
});

describe('declarations', () => {
  it('reports a name declared twice, across files, at the second declaration (ICX2201)', () => {
    const r = run({ 'partners.icx': DECLS, 'more.icx': 'entity ⟦ORANGE⟧ "Orange" {\n}\n' });
    expect(r.found).toEqual(['ICX2201 more.icx 0']);
    expect(r.messages[0]).toMatch(/already declared as a partner at partners\.icx:7/);
  });

  it('reports a fact stated twice (ICX3006), a type on an entity (ICX3201), an unknown type (ICX3008), no legal name (ICX3203)', () => {
    const r = run({
      'p.icx': 'entity ⟦E⟧ {\n  vat GB1\n  ⟦vat GB2⟧\n  ⟦type interconnect⟧\n}\n\npartner P "P SA" {\n  type ⟦telco⟧\n}\n',
    });
    expect(r.found).toEqual(['ICX3006 p.icx 1', 'ICX3008 p.icx 3', 'ICX3201 p.icx 2', 'ICX3203 p.icx 0']);
  });

  it('reports a partner code that identifies two partners (ICX2205), declared or inline', () => {
    const r = run({
      'partners.icx': DECLS + '\npartner SFR "SFR SA" {\n  tadig ⟦FRAF2⟧ FRASF\n}\n',
      'a.icx': ag('    us ACME-UK\n    partner BOUYGUES "Bouygues Telecom SA" tadig ⟦FRASF⟧', 'B-1'),
    });
    expect(r.found).toEqual(['ICX2205 a.icx 0', 'ICX2205 partners.icx 0']);
    expect(r.messages.join('\n')).toMatch(/FRAF2 already identifies partner ORANGE/);
  });
});
