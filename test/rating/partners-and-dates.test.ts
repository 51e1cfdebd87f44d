// Resolution by date and by partner code (docs/internal-contracts.md "Finding the agreement").
// A trunk may pass from one agreement to its successor: the agreement in force on the LOCAL date
// of the start (Europe/Paris here) rates the call. Usage without a trunk finds the agreement by
// partner code (name, TADIG or carrier code of a declared partner), kind and direction.
// Every amount below is worked out by hand in its comment.
import { beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { compile } from '../../compiler/index.js';
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { agreement } from '../support/agreement-snippets.js';
import { rateRecords, type RatedRow, type SuspenseRow } from '../support/rate-snippet.js';

function compileClean(texts: string[]): HashedAgreementPlan[] {
  const { compiled, diagnostics } = compile(texts.map((text, i) => ({ uri: `t${i}.icx`, text })));
  // the snippets' standard zones and holidays draw warnings (unrated zones): only errors matter
  const errors = diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => `${d.uri}:${d.range.start.line} ${d.code} ${d.message}`)).toEqual([]);
  return compiled.plans;
}

async function rateAll(plans: HashedAgreementPlan[], records: Record<string, string>[]) {
  const out = await rateRecords(plans, records);
  // in = rated + suspense, each record exactly once
  expect(out.rated.length + out.suspense.length).toBe(records.length);
  return {
    rated: new Map<string, RatedRow>(out.rated.map((r) => [r.record_id!, r])),
    suspense: new Map<string, SuspenseRow>(out.suspense.map((r) => [r.record_id!, r])),
  };
}

function expectRated(r: RatedRow | undefined, agreementId: string, amount: string): void {
  expect(r, 'rated').toBeDefined();
  expect(r!.agreement_id).toBe(agreementId);
  expect(new Decimal(r!.amount).eq(amount), `amount ${r!.amount} ≠ ${amount}`).toBe(true);
}

const flat = (price: string) => `  service term voice payable {\n    billing 60/60\n    rate any ${price} EUR/min\n  }`;
const call = (id: string, trunk: string, start: string) => ({
  record_id: id, trunk, direction: 'out', kind: 'voice', b_number: '33612345678', start_time: start, duration_s: '60',
});

describe('a trunk passes to its successor agreement on the local date', () => {
  // TG701: OLD until 2026-06-30, NEW from 2026-07-01 (contiguous).
  // TG702: GAP-A until 2026-05-31, GAP-B from 2026-07-01: June is in neither.
  let res: Awaited<ReturnType<typeof rateAll>>;
  beforeAll(async () => {
    const plans = compileClean([
      agreement({ id: 'OLD', trunks: 'TG701', valid: '2026-01-01 .. 2026-06-30' }, flat('0.0100')),
      agreement({ id: 'NEW', trunks: 'TG701', valid: '2026-07-01 ..' }, flat('0.0200')),
      agreement({ id: 'GAP-A', trunks: 'TG702', valid: '2026-01-01 .. 2026-05-31' }, flat('0.0300')),
      agreement({ id: 'GAP-B', trunks: 'TG702', valid: '2026-07-01 ..' }, flat('0.0400')),
    ]);
    res = await rateAll(plans, [
      call('eve', 'TG701', '2026-06-30T23:30:00+02:00'), // local 30 June: OLD
      call('first', 'TG701', '2026-06-30T22:10:00Z'), // 00:10 on 1 July in Paris (CEST): NEW, though UTC is still 30 June
      call('later', 'TG701', '2026-09-15T10:00:00+02:00'),
      call('before', 'TG701', '2025-12-31T12:00:00+01:00'), // before OLD starts
      call('gap-end', 'TG702', '2026-05-31T23:59:00+02:00'), // last local day of GAP-A
      call('gap', 'TG702', '2026-06-15T10:00:00+02:00'), // in neither
      call('gap-after', 'TG702', '2026-07-01T00:00:00+02:00'),
    ]);
  });

  it('the day before the successor starts is rated by the old agreement', () => {
    expectRated(res.rated.get('eve'), 'OLD', '0.0100'); // 60 s at 60/60 = 1 min × 0.0100
  });

  it('the first local day of the successor is rated by the new agreement', () => {
    expectRated(res.rated.get('first'), 'NEW', '0.0200'); // 1 min × 0.0200
    expectRated(res.rated.get('later'), 'NEW', '0.0200');
  });

  it('a day before either agreement, or between them, is outside-validity', () => {
    expect(res.suspense.get('before')?.reason).toBe('outside-validity');
    expect(res.suspense.get('gap')?.reason).toBe('outside-validity');
    // the detail names the agreement that starts latest (GAP-B), the one the trunk goes to next
    expect(res.suspense.get('gap')?.detail).toMatch(/2026-06-15 .* outside the validity 2026-07-01 .. 9999-12-31 of GAP-B/);
  });

  it('both ends of a gap are rated by their own agreement', () => {
    expectRated(res.rated.get('gap-end'), 'GAP-A', '0.0300'); // 1 min × 0.0300
    expectRated(res.rated.get('gap-after'), 'GAP-B', '0.0400'); // 1 min × 0.0400
  });
});

// TelcoZ: a declared partner with two TADIG codes and a carrier code. Roaming (no trunks) in two
// periods; an interconnect agreement on trunk TG801 at the same time (found by its trunk only).
const TELCOZ = `partner TELCOZ "TelcoZ Networks Ltd" {
  type roaming
  tadig ZZZTZ ZZZT2
  carrier code TZC
}
`;
const roamingAgreement = (id: string, valid: string, services: string) => `agreement ${id} "roaming" {
  parties {
    us ACME "ACME Telecom Ltd"
    partner TELCOZ
  }
  currency EUR
  valid ${valid}
  timezone Europe/Paris
${services}
}
`;
const interconnect = `agreement TELCOZ-IC "interconnect" {
  parties {
    us ACME "ACME Telecom Ltd"
    partner TELCOZ
  }
  currency EUR
  valid 2026-01-01 ..
  timezone Europe/Paris
  interconnect X {
    trunks TG801
  }
  service term voice payable {
    billing 60/60
    rate any 0.0500 EUR/min
  }
}
`;

describe('usage without a trunk finds its agreement by partner code, kind and direction', () => {
  let res: Awaited<ReturnType<typeof rateAll>>;
  beforeAll(async () => {
    const plans = compileClean([
      TELCOZ,
      roamingAgreement(
        'TELCOZ-R-H1',
        '2026-01-01 .. 2026-06-30',
        '  service roaming-voice voice payable {\n    billing 30/30\n    rate any 0.0250 EUR/min\n  }\n\n  service roaming-sms sms payable {\n    rate any 0.0100 EUR/msg\n  }',
      ),
      roamingAgreement('TELCOZ-R-H2', '2026-07-01 ..', '  service roaming-voice voice payable {\n    billing 30/30\n    rate any 0.0300 EUR/min\n  }'),
      interconnect,
    ]);
    const v = (id: string, extra: Record<string, string>) => ({
      record_id: id, direction: 'out', kind: 'voice', b_number: '33612345678', ...extra,
    });
    res = await rateAll(plans, [
      v('tadig', { partner: 'ZZZTZ', start_time: '2026-03-02T10:00:00+01:00', duration_s: '45' }),
      v('carrier', { partner: 'TZC', start_time: '2026-06-30T23:59:00+02:00', duration_s: '30' }),
      v('name', { partner: 'TELCOZ', start_time: '2026-07-01T00:00:00+02:00', duration_s: '30' }),
      v('neither', { partner: 'ZZZT2', start_time: '2025-12-31T12:00:00+01:00', duration_s: '30' }),
      v('inbound', { partner: 'ZZZTZ', direction: 'in', start_time: '2026-03-02T10:00:00+01:00', duration_s: '30' }),
      v('unknown', { partner: 'NOPE1', start_time: '2026-03-02T10:00:00+01:00', duration_s: '30' }),
      v('trunk-first', { trunk: 'TG801', partner: 'ZZZTZ', start_time: '2026-03-02T10:00:00+01:00', duration_s: '60' }),
      v('assigned-first', { agreement: 'TELCOZ-IC', partner: 'ZZZTZ', start_time: '2026-03-02T10:00:00+01:00', duration_s: '60' }),
      v('no-key', { start_time: '2026-03-02T10:00:00+01:00', duration_s: '60' }),
      { record_id: 'sms', partner: 'ZZZT2', direction: 'out', kind: 'sms', b_number: '33612345678', start_time: '2026-03-02T10:00:00+01:00', units: '3' },
      { record_id: 'sms-h2', partner: 'ZZZTZ', direction: 'out', kind: 'sms', b_number: '33612345678', start_time: '2026-08-03T10:00:00+02:00' },
    ]);
  });

  it('by a TADIG code, in the first period', () => {
    expectRated(res.rated.get('tadig'), 'TELCOZ-R-H1', '0.0250'); // 45 s at 30/30 → 60 s = 1 min × 0.0250
  });

  it('by the carrier code on the last day of the first period, by the name on the first day of the second', () => {
    expectRated(res.rated.get('carrier'), 'TELCOZ-R-H1', '0.0125'); // 30 s = 0.5 min × 0.0250
    expectRated(res.rated.get('name'), 'TELCOZ-R-H2', '0.0150'); // 30 s = 0.5 min × 0.0300
  });

  it('per service: SMS are found in the agreement that has an SMS service', () => {
    expectRated(res.rated.get('sms'), 'TELCOZ-R-H1', '0.0300'); // 3 msg × 0.0100
    // only H1 has an SMS service, and it ended on 30 June
    expect(res.suspense.get('sms-h2')?.reason).toBe('outside-validity');
  });

  it('a date in no period is outside-validity', () => {
    expect(res.suspense.get('neither')?.reason).toBe('outside-validity');
  });

  it('no agreement of the partner for that kind and direction, or an unknown code, is no-agreement', () => {
    expect(res.suspense.get('inbound')?.reason).toBe('no-agreement');
    expect(res.suspense.get('unknown')?.reason).toBe('no-agreement');
    expect(res.suspense.get('unknown')?.detail).toBe(
      'partner code "NOPE1" finds no agreement (of a declared partner, without trunks) with a voice service for direction out',
    );
  });

  it('a trunk, then a pre-assigned agreement, take priority over the partner code', () => {
    expectRated(res.rated.get('trunk-first'), 'TELCOZ-IC', '0.0500'); // 60 s at 60/60 = 1 min × 0.0500
    expectRated(res.rated.get('assigned-first'), 'TELCOZ-IC', '0.0500');
  });

  it('a record with neither trunk, agreement nor partner is missing-field', () => {
    expect(res.suspense.get('no-key')?.reason).toBe('missing-field');
    expect(res.suspense.get('no-key')?.detail).toBe('required field(s) missing: trunk (or partner)');
  });
});
