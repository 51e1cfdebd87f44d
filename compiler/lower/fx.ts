// Lowering of multi-currency: the fx lines with their table rows go into the plan (so the
// plan hash covers every rate a run may use: reproducible runs), and each service priced in
// another currency than the agreement's says so. Plans of agreements without fx lines are
// returned unchanged (same hash as before multi-currency existed).
import { serviceCurrency } from '../check/fx.js';
import type { AgreementModel } from '../model.js';
import type { AgreementPlan, FxPlan } from '../plan.js';

export function withFx(plan: AgreementPlan, m: AgreementModel, fx: Map<string, FxPlan>): AgreementPlan {
  if (m.fx.length === 0) return plan;
  const services = plan.services.map((s, i) => {
    const block = m.services[i];
    const cur = block ? serviceCurrency(block) : undefined;
    return cur !== undefined && cur !== plan.currency ? { ...s, priceCurrency: cur } : s;
  });
  const lines = [...fx.values()].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return { ...plan, services, fx: lines };
}
