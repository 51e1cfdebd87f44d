// The parties of a plan: us and the partner, with the details of their declarations, and the
// directory of declared partners and entities (`icx partners`). Re-exported by plan.ts.

export interface PartyPlan {
  name: string;
  legalName: string | null;
  /** the first TADIG code (of tadigCodes), kept for readers of format 1 plans */
  tadig: string | null;
  // The details below come from the party's declaration (`partner NAME { ... }`, `entity NAME
  // { ... }`, see compiler/check/parties.ts) merged with what the agreement states inline. The
  // compiler always sets them; they are optional only so hand-built plans (tests) stay short.
  /** every TADIG code, declared order */
  tadigCodes?: string[];
  /** carrier codes (`carrier code ...`), declared order */
  carrierCodes?: string[];
  /** tax registration for invoices, as written */
  vat?: string | null;
  /** postal address for invoices, as written */
  address?: string | null;
}

export interface PartnerPlan extends PartyPlan {
  /** interconnect, wholesale, roaming, mvno, iot, content, cloud, distribution, enterprise */
  type: string | null;
}

/** The partners and entities declared outside agreements, as `icx partners` lists them. */
export interface PartyDirectoryPlan {
  entities: PartyPlan[];
  partners: PartnerPlan[];
}
