// What `icx partners` shows: every entity of ours and every partner, declared (partners.icx)
// or only named inline in agreements, each with its details and its agreements (id, version,
// validity, services). Pure: built from the compiled set, no I/O.
import type { CompiledSet, PartnerPlan, PartyPlan } from '../../compiler/index.js';

export interface ListedAgreement {
  id: string;
  version: number;
  validFrom: string;
  validTo: string | null;
  /** the other party: the partner of an entity's agreement, the entity of a partner's */
  counterparty: string;
  /** found by these trunks; empty = by partner code (or pre-assigned) */
  trunks: string[];
  services: { name: string; kind: string; direction: string }[];
}

export interface ListedParty {
  role: 'entity' | 'partner';
  name: string;
  /** false: named only inline in agreements, no declaration */
  declared: boolean;
  legalName: string | null;
  type: string | null;
  tadigCodes: string[];
  carrierCodes: string[];
  vat: string | null;
  address: string | null;
  agreements: ListedAgreement[];
}

export interface PartnersListing {
  entities: ListedParty[];
  partners: ListedParty[];
}

function listed(role: 'entity' | 'partner', p: PartyPlan | PartnerPlan, declared: boolean): ListedParty {
  return {
    role,
    name: p.name,
    declared,
    legalName: p.legalName,
    type: 'type' in p ? p.type : null,
    tadigCodes: p.tadigCodes ?? (p.tadig ? [p.tadig] : []),
    carrierCodes: p.carrierCodes ?? [],
    vat: p.vat ?? null,
    address: p.address ?? null,
    agreements: [],
  };
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function partnersListing(compiled: CompiledSet): PartnersListing {
  const entities = new Map<string, ListedParty>();
  const partners = new Map<string, ListedParty>();
  for (const e of compiled.parties?.entities ?? []) entities.set(e.name, listed('entity', e, true));
  for (const p of compiled.parties?.partners ?? []) partners.set(p.name, listed('partner', p, true));
  // Plans come in id order: an inline-only party shows the details of its first agreement.
  for (const { plan } of compiled.plans) {
    const base = {
      id: plan.id,
      version: plan.version,
      validFrom: plan.validFrom,
      validTo: plan.validTo,
      trunks: plan.interconnects.flatMap((i) => i.trunks),
      services: plan.services.map((s) => ({ name: s.name, kind: s.kind, direction: s.direction })),
    };
    const us = entities.get(plan.us.name) ?? entities.set(plan.us.name, listed('entity', plan.us, false)).get(plan.us.name)!;
    us.agreements.push({ ...base, counterparty: plan.partner.name });
    const partner = partners.get(plan.partner.name) ?? partners.set(plan.partner.name, listed('partner', plan.partner, false)).get(plan.partner.name)!;
    partner.agreements.push({ ...base, counterparty: plan.us.name });
  }
  const order = (list: ListedParty[]) => {
    for (const p of list) p.agreements.sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : a.id < b.id ? -1 : 1));
    return list.sort(byName);
  };
  return { entities: order([...entities.values()]), partners: order([...partners.values()]) };
}
