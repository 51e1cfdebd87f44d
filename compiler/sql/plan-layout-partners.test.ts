import { describe, expect, it } from 'vitest';
import { agreementPlan, hashed, voiceService } from '../../runtime/testing/fixtures.js';
import { layoutPlans } from './plan-layout.js';

describe('plan_partner_keys', () => {
  it('has a row per partner code and service key; none for agreements found by trunk', () => {
    const roaming = agreementPlan({ id: 'R', interconnects: [], partnerCodes: ['TELCOZ', 'ZZZTZ'] });
    const byTrunk = agreementPlan({ id: 'T', partnerCodes: [] });
    const l = layoutPlans([hashed(roaming), hashed(byTrunk)]);
    // the fixture's services: voice payable (out) and sms receivable (in)
    expect(l.tables.plan_partner_keys).toEqual([
      { code: 'TELCOZ', kind: 'voice', direction: 'out', ag_idx: 0 },
      { code: 'TELCOZ', kind: 'sms', direction: 'in', ag_idx: 0 },
      { code: 'ZZZTZ', kind: 'voice', direction: 'out', ag_idx: 0 },
      { code: 'ZZZTZ', kind: 'sms', direction: 'in', ag_idx: 0 },
    ]);
    expect(l.shape.ambiguousAgreements).toBe(false);
    expect(l.shape.partnerKeys).toBe(true);
    expect(layoutPlans([hashed(byTrunk)]).shape.partnerKeys).toBeUndefined(); // no partner join in the SQL
  });

  it('marks the layout ambiguous when successive agreements share a partner key, so rating picks by date', () => {
    const h1 = agreementPlan({ id: 'H1', interconnects: [], partnerCodes: ['ZZZTZ'], validTo: '2026-06-30' });
    const h2 = agreementPlan({ id: 'H2', interconnects: [], partnerCodes: ['ZZZTZ'], validFrom: '2026-07-01', services: [voiceService({ direction: 'receivable' })] });
    expect(layoutPlans([hashed(h1), hashed(h2)]).shape.ambiguousAgreements).toBe(false); // voice in: H1 has voice out, sms in
    const h3 = agreementPlan({ id: 'H3', interconnects: [], partnerCodes: ['ZZZTZ'], validFrom: '2026-07-01' });
    expect(layoutPlans([hashed(h1), hashed(h3)]).shape.ambiguousAgreements).toBe(true);
  });
});
