// Rows of plan_partner_keys: how usage without a trunk finds its agreement. One row per code
// the agreement is found by (AgreementPlan.partnerCodes: the declared partner's name, TADIG
// and carrier codes) and per service key (kind, direction in the usage spelling), so the
// rating join selects by partner and service at once: a partner may hold an interconnect and
// a roaming agreement at the same time, each found for its own services.
import type { AgreementPlan } from '../plan.js';
import type { Row } from './plan-layout.js';

/**
 * Appends the agreement's rows; returns true when a key was already taken by an earlier
 * agreement (successive agreements of one partner service: rating then picks by date).
 */
export function layoutPartnerKeys(plan: AgreementPlan, agIdx: number, rows: Row[], seen: Set<string>): boolean {
  let repeated = false;
  const services = new Set(plan.services.map((s) => `${s.kind}\u0000${s.direction === 'payable' ? 'out' : 'in'}`));
  for (const code of new Set(plan.partnerCodes ?? [])) {
    for (const key of services) {
      const [kind, direction] = key.split('\u0000') as [string, string];
      const k = `${code}\u0000${key}`;
      if (seen.has(k)) repeated = true;
      seen.add(k);
      rows.push({ code, kind, direction, ag_idx: agIdx });
    }
  }
  return repeated;
}
