// Lowering of per-record pricing beyond voice and sms: data volume units, roaming call
// categories and origin pricing (origin-keyed rate lines and origin surcharges).
import type { RateDecl, ServiceBlock, SurchargeDecl } from '../../language/ast.js';
import { isDigitPrefix } from '../check/zones.js';
import type { AgreementModel } from '../model.js';
import type { OriginPlan, ServicePlan, SurchargePlan } from '../plan.js';
import { at } from '../sink.js';
import { DATA_UNIT_BYTES, decimalText } from '../values.js';

/** The units a data record's volume is billed in: binary, as GSMA roaming practice (TAP): 1 KB = 1,024 bytes, 1 MB = 1,024 KB, 1 GB = 1,024 MB. */
export const VOLUME_UNIT_BYTES: Record<string, number> = Object.fromEntries(['KB', 'MB', 'GB'].map((u) => [u, Number(DATA_UNIT_BYTES[u]!)]));

/** The roaming call categories of TAP records. */
export const CALL_CATEGORIES = ['local', 'home', 'international'];

export function surcharges(s: ServiceBlock): SurchargeDecl[] {
  return (s.items ?? []).filter((i): i is SurchargeDecl => i.kind === 'surcharge');
}

export function surchargeClause(s: ServiceBlock, x: SurchargeDecl): string {
  return `${s.name.text}/surcharge origin ${x.outside ? 'outside ' : ''}${x.zone.text}`;
}

/** The zone part of a rate line's clause id: `FR-MOBILE`, `any origin UK-FIXED`, `calls home`. */
export function rateClauseZone(r: RateDecl): string {
  if (r.category) return `calls ${r.category.text}`;
  return r.origin ? `${r.zone.text} origin ${r.origin.text}` : r.zone.text;
}

/** The fields of a ServicePlan this concern adds (absent when the service uses none of it). */
export function lowerUnitPricing(m: AgreementModel, s: ServiceBlock): Partial<ServicePlan> {
  const out: Partial<ServicePlan> = {};
  const kind = s.serviceKind.text;
  if (kind === 'data') {
    const billing = (s.items ?? []).find((i) => i.kind === 'billing');
    const v = billing && billing.kind === 'billing' ? billing.volume : undefined;
    if (v) out.volumeUnitBytes = Number(decimalText(v.amount)) * VOLUME_UNIT_BYTES[v.unit.text]!;
    const per = (s.items ?? []).flatMap((i) => (i.kind === 'rate' ? i.prices : [])).map((p) => p.steps[0]?.price.per.text)[0];
    if (per) out.priceUnitBytes = VOLUME_UNIT_BYTES[per] ?? null;
  }
  if ((s.items ?? []).some((i) => i.kind === 'rate' && i.category)) out.byCategory = true;
  const origin = lowerOrigin(m, s);
  if (origin) out.origin = origin;
  return out;
}

function zonePrefixes(m: AgreementModel, zone: string): string[] {
  return (m.zoneByName.get(zone)?.prefixes ?? []).filter(isDigitPrefix).map((p) => p.digits);
}

/**
 * Every prefix of the origin zones, each with the origin zone of the rate lines and the
 * surcharges that hold for an A-number whose longest matching prefix it is. Since every
 * listed prefix of the A-number is a prefix of that longest one p, "the A-number is in zone
 * Z" is "Z has a prefix of p", and the rate lines' origin zone is the zone of the longest
 * of their prefixes that is a prefix of p: both computed here, once.
 */
function lowerOrigin(m: AgreementModel, s: ServiceBlock): OriginPlan | null {
  const rateOrigins = [...new Set((s.items ?? []).flatMap((i) => (i.kind === 'rate' && i.origin ? [i.origin.text] : [])))];
  const xs = surcharges(s);
  if (rateOrigins.length === 0 && xs.length === 0) return null;
  const plans: SurchargePlan[] = xs.map((x) => ({
    clause: surchargeClause(s, x),
    source: at(m.uri, x.range),
    zone: x.zone.text,
    outside: x.outside,
    price: decimalText(x.price.amount),
  }));
  const rateOwner = new Map<string, string>(); // prefix → origin zone of rate lines (checked unique)
  for (const z of rateOrigins) for (const p of zonePrefixes(m, z)) if (!rateOwner.has(p)) rateOwner.set(p, z);
  const all = new Set<string>(rateOwner.keys());
  for (const x of plans) for (const p of zonePrefixes(m, x.zone)) all.add(p);
  const prefixes = [...all].sort().map((p) => {
    let rateZone: string | null = null;
    let best = -1;
    for (const [q, z] of rateOwner) if (p.startsWith(q) && q.length > best) { best = q.length; rateZone = z; }
    const applying = plans.filter((x) => zonePrefixes(m, x.zone).some((q) => p.startsWith(q)) !== x.outside).map((x) => x.clause);
    return { prefix: p, rateZone, surcharges: applying };
  });
  return { prefixes, surcharges: plans, unmatchedSurcharges: plans.filter((x) => x.outside).map((x) => x.clause) };
}
