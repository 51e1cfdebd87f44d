// Resolution by date at compile time: a trunk, or a trunkless agreement's partner service, may
// pass from one agreement to the next; overlapping validities are reported at both `valid` lines.
import { describe, expect, it } from 'vitest';
import { compileMarked } from '../test-support/expect-diagnostics.js';

function ag(id: string, valid: string, body: string, partner = 'ORANGE', declared = false): string {
  return `agreement ${id} "t" {
  parties {
    us ACME "ACME Telecom Ltd"
    partner ${partner}${declared ? '' : ` "${partner} SA" type interconnect`}
  }
  currency EUR
  ${valid}
  timezone Europe/Paris
${body}
}
`;
}

const trunk = (t: string) => `  interconnect LON {
    trunks ${t}
  }
  service s sms receivable {
    rate any 0.005 EUR/msg
  }`;
/** Partners found by code must be declared. */
const PARTNERS = 'partner ORANGE "Orange SA" {\n  tadig FRAF1\n}\n\npartner TELCOZ "TelcoZ" {\n}\n';
const roaming = `  service data-out data payable {
    billing 1 KB
    rate any 0.0015 EUR/MB
  }`;

/** Compiles marked files; returns `code uri markIndex` per diagnostic (mark by start in its file). */
function run(files: Record<string, string>) {
  const r = compileMarked(files);
  return { compiled: r.compiled, found: r.found, plans: r.compiled.plans.map((p) => p.plan.id), messages: r.messages };
}

describe('agreements in force one after the other', () => {
  it('lets a trunk pass to a successor agreement that starts the day after', () => {
    const r = run({
      'a.icx': ag('OLD', 'valid 2026-01-01 .. 2026-06-30', trunk('TG1 TG2')),
      'b.icx': ag('NEW', 'valid 2026-07-01 ..', trunk('TG1 TG2')),
    });
    expect(r.found).toEqual([]);
    expect(r.plans).toEqual(['NEW', 'OLD']);
  });

  it('reports a trunk in two agreements in force on a common day at both valid lines (ICX2007)', () => {
    const r = run({
      'a.icx': ag('OLD', '⟦valid 2026-01-01 .. 2026-07-01⟧', trunk('TG1 TG2')),
      'b.icx': ag('NEW', '⟦valid 2026-07-01 ..⟧', trunk('TG2 TG1')),
    });
    expect(r.found).toEqual(['ICX2007 a.icx 0', 'ICX2007 b.icx 0']);
    expect(r.plans).toEqual([]);
    expect(r.messages[0]).toMatch(/OLD \(valid 2026-01-01 \.\. 2026-07-01\) and NEW \(valid 2026-07-01 \.\., b\.icx:7\) both have trunk TG1, trunk TG2/);
  });

  it('an open-ended agreement overlaps every later one on its trunks', () => {
    const r = run({
      'a.icx': ag('OLD', '⟦valid 2026-01-01 ..⟧', trunk('TG1')),
      'b.icx': ag('NEW', '⟦valid 2027-01-01 .. 2027-12-31⟧', trunk('TG1')),
    });
    expect(r.found).toEqual(['ICX2007 a.icx 0', 'ICX2007 b.icx 0']);
  });

  it('lets a trunkless partner service pass to a successor, and reports an overlap (ICX4201)', () => {
    expect(
      run({
        'partners.icx': PARTNERS,
        'a.icx': ag('R-2026', 'valid 2026-01-01 .. 2026-12-31', roaming, 'ORANGE', true),
        'b.icx': ag('R-2027', 'valid 2027-01-01 ..', roaming, 'ORANGE', true),
      }).found,
    ).toEqual([]);
    const r = run({
      'partners.icx': PARTNERS,
      'a.icx': ag('R-2026', '⟦valid 2026-01-01 .. 2026-12-31⟧', roaming, 'ORANGE', true),
      'b.icx': ag('R-2027', '⟦valid 2026-12-01 ..⟧', roaming, 'ORANGE', true),
    });
    expect(r.found).toEqual(['ICX4201 a.icx 0', 'ICX4201 b.icx 0']);
    expect(r.messages[0]).toMatch(/partner ORANGE's data payable service/);
  });

  it('trunkless agreements of different partners, of other services, or of undeclared partners do not compete', () => {
    const sms = `  service sms-out sms payable {\n    rate any 0.01 EUR/msg\n  }`;
    const r = run({
      'partners.icx': PARTNERS,
      'a.icx': ag('A', 'valid 2026-01-01 ..', roaming, 'ORANGE', true),
      'b.icx': ag('B', 'valid 2026-01-01 ..', roaming, 'TELCOZ', true),
      'c.icx': ag('C', 'valid 2026-01-01 ..', sms, 'ORANGE', true),
      // inline parties (no declaration) are never found by partner code: no competition
      'd.icx': ag('D', 'valid 2026-01-01 ..', roaming, 'OTHER'),
      'e.icx': ag('E', 'valid 2026-01-01 ..', roaming, 'OTHER'),
    });
    expect(r.found).toEqual([]);
    const codes = Object.fromEntries(r.compiled.plans.map((p) => [p.plan.id, p.plan.partnerCodes]));
    expect(codes).toEqual({ A: ['ORANGE', 'FRAF1'], B: ['TELCOZ'], C: ['ORANGE', 'FRAF1'], D: [], E: [] });
  });

  it('agreements with trunks are found by trunk, so the same partner service on other trunks is no overlap', () => {
    expect(
      run({
        'a.icx': ag('A', 'valid 2026-01-01 ..', trunk('TG1')),
        'b.icx': ag('B', 'valid 2026-01-01 ..', trunk('TG2')),
      }).found,
    ).toEqual([]);
  });
});
