// Who an agreement is between and how they connect: the parties block, the interconnects, and
// the partners and entities declared once outside any agreement. Re-exported by ast.ts.
import type { DurationLit, Name, Node, PercentLit, StringLit } from './ast.js';

export interface PartiesBlock extends Node {
  kind: 'parties';
  parties: Party[];
}

export interface Party extends Node {
  kind: 'party';
  role: 'us' | 'partner';
  name: Name;
  legalName?: StringLit;
  tadig?: Name;
  partnerType?: Name;
}

export interface InterconnectBlock extends Node {
  kind: 'interconnect';
  name: Name;
  site?: StringLit;
  trunks: Name[];
  traffic: Name[];
  quality: QualityTarget[];
}

export interface QualityTarget extends Node {
  metric: 'asr' | 'acd' | 'pdd';
  op: '>=' | '<=';
  value: PercentLit | DurationLit;
}

// ---- partners and entities declared once, outside any agreement ----

/** `partner ORANGE "Orange France SA" { ... }` or `entity ACME-UK "ACME Telecom Ltd" { ... }` */
export interface PartyDecl extends Node {
  kind: 'partyDecl';
  /** `partner`: a counterparty; `entity`: one of the group's own companies (`us` in agreements) */
  role: 'partner' | 'entity';
  name: Name;
  legalName?: StringLit;
  /** one fact per line, in source order */
  facts: PartyFact[];
}

export type PartyFactKind = 'type' | 'tadig' | 'carrier' | 'vat' | 'address';

export interface PartyFact extends Node {
  fact: PartyFactKind;
  /** the values as written (a quoted string's value, unescaped); several for tadig and carrier code */
  values: Name[];
}
