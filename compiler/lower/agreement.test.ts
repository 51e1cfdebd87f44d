import { describe, expect, it } from 'vitest';
import { compile } from '../index.js';
import { agreement, expectClean } from '../test-support/expect-diagnostics.js';
import { SKETCH } from '../test-support/sketch.js';

describe('agreement plan', () => {
  it('lowers parties, validity, interconnects and tests of the sketch', () => {
    const { compiled } = expectClean(SKETCH, 'sketch.icx');
    const plan = compiled.plans[0]!.plan;
    expect(plan).toMatchObject({
      format: 1,
      id: 'ACME-ORANGE-FR-2026',
      version: 3,
      uri: 'sketch.icx',
      us: { name: 'ACME', legalName: 'ACME Telecom Ltd', tadig: 'GBRAC' },
      partner: { name: 'ORANGE', legalName: 'Orange France SA', tadig: 'FRAF1', type: 'interconnect' },
      currency: 'EUR',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      timezone: 'Europe/Paris',
    });
    expect(plan.interconnects).toEqual([
      {
        name: 'LON-PAR-1',
        site: 'Telehouse North, London',
        trunks: ['TG101', 'TG102'],
        traffic: ['voice', 'sms'],
        quality: [
          { metric: 'asr', op: '>=', value: '45', unit: '%' },
          { metric: 'acd', op: '>=', value: '120', unit: 's' },
          { metric: 'pdd', op: '<=', value: '4', unit: 's' },
        ],
      },
    ]);
    expect(compiled.tests).toEqual([
      {
        agreementId: 'ACME-ORANGE-FR-2026',
        title: 'a 61 second peak call to a French mobile is billed as two minutes',
        source: 'sketch.icx:48',
        usage: {
          service: 'voice-termination',
          aNumber: null,
          bNumber: '33612345678',
          startTime: '2026-03-02T10:00:00',
          durationSeconds: '61',
          units: null,
        },
        expect: { kind: 'amount', amount: '0.0246', currency: 'EUR', zone: 'FR-MOBILE', band: 'peak', billedSeconds: null },
      },
    ]);
  });

  it('defaults version to 1 and lowers a suspense expectation', () => {
    const { compiled } = expectClean(
      agreement(`  zones {
    PREM  33 89
  }
  service s sms receivable {
    rate any 0.005 EUR/msg
    bar PREM
  }
  test "premium is barred" {
    usage s from 447700900123 to 33891234 at 2026-03-02T10:00:00+01:00 units 2
    expect suspense barred
  }`),
    );
    expect(compiled.plans[0]!.plan.version).toBe(1);
    expect(compiled.tests[0]!.usage).toEqual({
      service: 's',
      aNumber: '447700900123',
      bNumber: '33891234',
      startTime: '2026-03-02T10:00:00+01:00',
      durationSeconds: null,
      units: '2',
    });
    expect(compiled.tests[0]!.expect).toEqual({ kind: 'suspense', reason: 'barred' });
  });

  it('produces plans only for agreements without errors', () => {
    const good = agreement(`  service s sms receivable {\n    rate any 0.005 EUR/msg\n  }`, { id: 'GOOD' });
    const bad = agreement(`  service s sms receivable {\n    rate any 0.005 EUR/min\n  }`, { id: 'BAD' });
    const { compiled, diagnostics } = compile([
      { uri: 'good.icx', text: good },
      { uri: 'bad.icx', text: bad },
    ]);
    expect(diagnostics.map((d) => `${d.uri} ${d.code}`)).toEqual(['bad.icx ICX3001']);
    expect(compiled.plans.map((p) => p.plan.id)).toEqual(['GOOD']);
  });

  it('produces no plan from a file with syntax errors', () => {
    const text = agreement(`  service s sms receivable {\n    rate any 0.005 EUR/msg\n  }\n  zones { ??? }`);
    const { compiled, diagnostics } = compile([{ uri: 'x.icx', text }]);
    expect(diagnostics.some((d) => d.code.startsWith('ICX1'))).toBe(true);
    expect(compiled.plans).toEqual([]);
  });
});
