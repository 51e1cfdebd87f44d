// Partners and entities: declared once, outside any agreement (`partner ORANGE "..." { ... }`,
// `entity ACME-UK "..." { ... }`), and referred to by name from `parties { us X  partner Y }`.
// This file checks the declarations across every file of a compile, resolves each agreement's
// `us` and `partner` against them (inline details must agree with the declaration), and checks
// that a partner code (name, TADIG code, carrier code) names one partner only, since usage
// records without a trunk select their agreement by that code.
import type { Name, Party, PartyDecl, PartyFact, PartyFactKind } from '../../language/ast.js';
import type { AgreementModel, ResolvedParty } from '../model.js';
import type { PartnerPlan, PartyDirectoryPlan, PartyPlan } from '../plan.js';
import { at, type Sink } from '../sink.js';
import { isFoundByPartner } from './overlaps.js';
import { PARTNER_TYPES } from './units.js';

export interface DeclaredParty {
  uri: string;
  decl: PartyDecl;
}

interface Entry {
  model: AgreementModel;
  sink: Sink;
}

/** What a declaration says, one value (or list) per fact; the first statement of a fact wins. */
interface DeclInfo {
  uri: string;
  decl: PartyDecl;
  facts: Map<PartyFactKind, PartyFact>;
}

const ROLE_OF = { us: 'entity', partner: 'partner' } as const;

/**
 * Checks the declarations and resolves every agreement's parties. Declaration problems go to
 * `declSink` (with their own uri); resolution problems to the agreement's sink, so that
 * agreement yields no plan. Returns the directory of declared parties for the compiled set.
 */
export function checkParties(decls: DeclaredParty[], entries: Entry[], declSink: Sink): PartyDirectoryPlan {
  const byName = new Map<string, DeclInfo>();
  for (const { uri, decl } of decls) {
    if (!decl.name?.text) continue;
    const info = checkDeclaration(uri, decl, declSink);
    const first = byName.get(decl.name.text);
    if (first !== undefined) {
      declSink.report(
        'ICX2201',
        `${decl.name.text} is already declared as ${article(first.decl.role)} at ${at(first.uri, first.decl.name.range)}; ` +
          'partners and entities are declared once for all agreements, so keep one declaration.',
        decl.name.range,
        uri,
      );
      continue;
    }
    byName.set(decl.name.text, info);
  }
  const declaresAny = byName.size > 0;

  for (const e of entries) {
    e.model.resolvedParties = {};
    for (const p of [...e.model.us.slice(0, 1), ...e.model.partner.slice(0, 1)]) {
      if (!p.name?.text) continue;
      const resolved = resolveParty(p, byName.get(p.name.text), declaresAny, e);
      if (resolved !== undefined) e.model.resolvedParties[p.role] = resolved;
    }
  }
  checkPartnerCodes(byName, entries, declSink);

  const sorted = [...byName.values()].sort((a, b) => (a.decl.name.text < b.decl.name.text ? -1 : 1));
  return {
    entities: sorted.filter((d) => d.decl.role === 'entity').map((d) => partyPlan(fromDeclaration(d))),
    partners: sorted.filter((d) => d.decl.role === 'partner').map((d) => partnerPlan(fromDeclaration(d))),
  };
}

function article(role: 'partner' | 'entity'): string {
  return role === 'partner' ? 'a partner' : 'an entity';
}

function checkDeclaration(uri: string, decl: PartyDecl, sink: Sink): DeclInfo {
  const facts = new Map<PartyFactKind, PartyFact>();
  for (const f of decl.facts ?? []) {
    const first = facts.get(f.fact);
    if (first !== undefined) {
      const keyword = f.fact === 'carrier' ? 'carrier code' : f.fact;
      sink.report('ICX3006', `\`${keyword}\` is already stated at ${at(uri, first.range)}; state each fact once (several codes go on one line).`, f.range, uri);
      continue;
    }
    facts.set(f.fact, f);
  }
  const type = facts.get('type');
  if (type !== undefined && decl.role === 'entity') {
    sink.report('ICX3201', `${decl.name.text} is one of our own entities: a type describes a partner, so remove \`type\`.`, type.range, uri);
  } else if (type?.values[0]?.text && !PARTNER_TYPES.includes(type.values[0].text)) {
    sink.report('ICX3008', `Unknown partner type ${type.values[0].text}; use one of: ${PARTNER_TYPES.join(', ')}.`, type.values[0].range, uri);
  }
  if (decl.legalName === undefined) {
    sink.report('ICX3203', `${decl.name.text} has no legal name; invoices need one: write it after the name, e.g. \`${decl.role} ${decl.name.text} "Legal Name Ltd" {\`.`, decl.name.range, uri);
  }
  return { uri, decl, facts };
}

function values(info: DeclInfo, fact: PartyFactKind): string[] {
  return [...new Set((info.facts.get(fact)?.values ?? []).map((v) => v.text))];
}

function fromDeclaration(info: DeclInfo): ResolvedParty {
  return {
    name: info.decl.name.text,
    legalName: info.decl.legalName?.value ?? null,
    tadigCodes: values(info, 'tadig'),
    carrierCodes: values(info, 'carrier'),
    vat: values(info, 'vat')[0] ?? null,
    address: values(info, 'address')[0] ?? null,
    type: info.decl.role === 'partner' ? (values(info, 'type')[0] ?? null) : null,
    declared: true,
  };
}

/** A party stated only inline (no declaration): what the agreement says. */
export function inlineParty(p: Party): ResolvedParty {
  return {
    name: p.name.text,
    legalName: p.legalName?.value ?? null,
    tadigCodes: p.tadig?.text ? [p.tadig.text] : [],
    carrierCodes: [],
    vat: null,
    address: null,
    type: p.role === 'partner' ? (p.partnerType?.text ?? null) : null,
    declared: false,
  };
}

function resolveParty(p: Party, info: DeclInfo | undefined, declaresAny: boolean, e: Entry): ResolvedParty | undefined {
  const wanted = ROLE_OF[p.role];
  const hasInline = p.legalName !== undefined || p.tadig !== undefined || p.partnerType !== undefined;
  if (info === undefined) {
    if (!hasInline && declaresAny) {
      e.sink.report(
        'ICX2202',
        `${p.name.text} is not a declared ${wanted}; declare it (\`${wanted} ${p.name.text} "Legal name" { ... }\`, usually in agreements/partners.icx) ` +
          `or state its legal name here (\`${p.role} ${p.name.text} "Legal name"\`).`,
        p.name.range,
      );
      return undefined;
    }
    return inlineParty(p);
  }
  if (info.decl.role !== wanted) {
    e.sink.report(
      'ICX2204',
      `${p.name.text} is declared as ${article(info.decl.role)} at ${at(info.uri, info.decl.name.range)}; ` +
        `\`${p.role}\` names ${p.role === 'us' ? 'one of our own entities' : 'a partner'}.`,
      p.name.range,
    );
    return undefined;
  }
  const declared = fromDeclaration(info);
  const where = at(info.uri, info.decl.name.range);
  let ok = true;
  const contradicts = (what: string, written: Name, stated: string, fix: string) => {
    ok = false;
    e.sink.report('ICX2203', `${p.name.text} is declared at ${where} with ${what} ${stated}, not ${written.text}; ${fix}.`, written.range);
  };
  if (p.legalName !== undefined && declared.legalName !== null && p.legalName.value !== declared.legalName) {
    const written = { text: `"${p.legalName.value}"`, range: p.legalName.range };
    contradicts('the legal name', written, `"${declared.legalName}"`, 'remove the legal name here (the declaration gives it) or correct it');
  }
  if (p.tadig?.text && declared.tadigCodes.length > 0 && !declared.tadigCodes.includes(p.tadig.text)) {
    contradicts('the TADIG codes', p.tadig, declared.tadigCodes.join(' '), 'use one of them or add it to the declaration');
  }
  if (p.partnerType?.text && declared.type !== null && p.partnerType.text !== declared.type) {
    contradicts('the type', p.partnerType, declared.type, 'remove `type` here or correct it');
  }
  if (!ok) return undefined;
  // Where the declaration is silent, what the agreement states completes it.
  return {
    ...declared,
    legalName: declared.legalName ?? p.legalName?.value ?? null,
    tadigCodes: declared.tadigCodes.length > 0 ? declared.tadigCodes : p.tadig?.text ? [p.tadig.text] : [],
    type: declared.type ?? (p.role === 'partner' ? (p.partnerType?.text ?? null) : null),
  };
}

/**
 * A partner code selects the agreements of one partner (usage field `partner`), so a code
 * may belong to one partner only: its name, TADIG codes and carrier codes, declared or inline.
 */
function checkPartnerCodes(byName: Map<string, DeclInfo>, entries: Entry[], sink: Sink): void {
  const owner = new Map<string, { partner: string; where: string }>();
  const claim = (code: Name, partner: string, uri: string, report: (msg: string) => void) => {
    const first = owner.get(code.text);
    if (first === undefined) owner.set(code.text, { partner, where: at(uri, code.range) });
    else if (first.partner !== partner) {
      report(
        `${code.text} already identifies partner ${first.partner} (${first.where}); usage selects a partner's agreements by its name, ` +
          'TADIG or carrier code, so a code may belong to one partner only.',
      );
    }
  };
  for (const info of byName.values()) {
    if (info.decl.role !== 'partner') continue;
    const partner = info.decl.name.text;
    const codes = [info.decl.name, ...(info.facts.get('tadig')?.values ?? []), ...(info.facts.get('carrier')?.values ?? [])];
    for (const c of codes) claim(c, partner, info.uri, (msg) => sink.report('ICX2205', msg, c.range, info.uri));
  }
  for (const e of entries) {
    const p = e.model.partner[0];
    if (!p?.name?.text || byName.has(p.name.text)) continue;
    for (const c of [p.name, ...(p.tadig?.text ? [p.tadig] : [])]) {
      claim(c, p.name.text, e.model.uri, (msg) => e.sink.report('ICX2205', msg, c.range));
    }
  }
}

export function partyPlan(r: ResolvedParty): PartyPlan {
  return {
    name: r.name,
    legalName: r.legalName,
    tadig: r.tadigCodes[0] ?? null,
    tadigCodes: r.tadigCodes,
    carrierCodes: r.carrierCodes,
    vat: r.vat,
    address: r.address,
  };
}

export function partnerPlan(r: ResolvedParty): PartnerPlan {
  return { ...partyPlan(r), type: r.type };
}

/** The codes usage finds this agreement by (see isFoundByPartner); [] when found by trunk. */
export function partnerCodes(m: AgreementModel): string[] {
  const p = m.resolvedParties?.partner;
  if (p === undefined || !isFoundByPartner(m)) return [];
  return [...new Set([p.name, ...p.tadigCodes, ...p.carrierCodes])];
}
