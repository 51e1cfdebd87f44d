// The items `icx test --coverage` counts for one agreement (docs/language.md "Coverage"): every
// place in the agreement a test can exercise, with where it is written. Built from the checked
// model (zones, bands, bars keep their ranges) and the lowered plan (rate lines, surcharges and
// period clauses keep their `<uri>:<line>`).
import { ANY_BAND, type AgreementModel } from '../model.js';
import type { AgreementPlan, CoverageItemPlan } from '../plan.js';
import { at } from '../sink.js';

export function coverageItems(m: AgreementModel, plan: AgreementPlan): CoverageItemPlan[] {
  const id = plan.id;
  const out: CoverageItemPlan[] = [];
  const add = (kind: CoverageItemPlan['kind'], label: string, source: string, match: CoverageItemPlan['match'] = {}) =>
    out.push({ agreementId: id, kind, label, source, match });

  for (const s of plan.services) {
    // A `rate` line with several band prices is one line of text: one item (any band exercises it).
    const bySource = new Map<string, string>();
    for (const r of s.rates) if (!bySource.has(r.source)) bySource.set(r.source, `${s.name}/${r.origin ? `${r.zone} origin ${r.origin}` : r.zone}`);
    for (const [source, label] of bySource) add('rate', label, source);
    for (const sc of s.origin?.surcharges ?? []) add('surcharge', sc.clause, sc.source);
    if (s.tiered) for (const t of s.tiered.tiers) add('tier', `${s.name} tier ${t.index}`, t.source);
    if (s.minimumFee) add('period-fee', `${s.name} minimum per ${s.minimumFee.period}`, s.minimumFee.source);
    if (s.maximumPerPeriod) add('period-fee', `${s.name} maximum per ${s.maximumPerPeriod.period}`, s.maximumPerPeriod.source);
    for (const f of s.recurringFees ?? []) add('period-fee', `${s.name} recurring fee`, f.source);
    if (s.minimumPerUnit) add('period-fee', `${s.name} minimum per ${s.minimumPerUnit.per}`, s.minimumPerUnit.source);
    const d = s.digital;
    if (d) {
      for (const f of d.activeUnitFees) add('digital', `${s.name} fee per active unit`, f.source);
      if (d.pool) add('digital', `${s.name} pooled data`, d.pool.source);
      if (d.revenueShare) add('digital', `${s.name} revenue share`, d.revenueShare.source);
      if (d.commission) add('digital', `${s.name} commission`, d.commission.source);
      for (const sla of d.slas) add('digital', `${s.name} sla`, sla.source);
    }
  }
  for (const d of plan.discounts ?? []) for (const t of d.tiers) add('tier', `discount ${d.name ?? d.service} tier ${t.index}`, t.source);
  for (const c of plan.commitments ?? []) add('commitment', `commitment on ${c.service}`, c.source);

  // Declared zones (decks name their destinations in their rows, counted as rate lines).
  for (const z of m.zoneByName.values()) add('zone', z.name.text, at(m.uri, z.range), { zone: z.name.text });
  // Bands only when the agreement declares them (an agreement without time bands has one).
  for (const [name, b] of m.bandByName) if (name !== ANY_BAND) add('band', name, at(m.uri, b.range), { band: name });
  for (const s of m.services) {
    for (const item of s.items) {
      if (item.kind !== 'bar') continue;
      for (const z of item.zones) add('bar', `${s.name.text} bar ${z.text}`, at(m.uri, item.range), { zone: z.text, service: s.name.text });
    }
  }
  return out;
}
