// CST → AST for the agreement and its non-service items. Total on recovered CSTs: a missing
// piece becomes an absent optional field or an empty value, never an exception.
import type { CstNode } from 'chevrotain';
import type {
  Agreement, AgreementFile, AgreementItem, BandDef, Comment, HolidaysBlock, InterconnectBlock, Party,
  PartiesBlock, PartyDecl, QualityTarget, TimebandsBlock, ZoneDef, ZonesBlock,
} from './ast.js';
import { buildService, buildTest } from './ast-builder-service.js';
import { buildPartyDecl, buildSettlement } from './ast-builder-parties.js';
import { buildCommitment, buildDiscount } from './ast-builder-period.js';
import { buildTrafficTests } from './ast-builder-traffic.js';
import { Literals } from './ast-literals.js';
import { allTokens, nodeAt, nodesOf, onlyChildNode, spanOf, tokenAt, tokensOf, startOf as start } from './cst-util.js';
import type { LexResult } from './lexer.js';

export function buildAst(cst: CstNode | undefined, lexed: LexResult, uri: string): AgreementFile {
  const lit = new Literals(lexed.lines);
  const comments: Comment[] = lexed.comments.map((t) => ({ text: t.image.replace(/\s+$/, ''), range: lit.tokenRange(t, 0) }));
  const agreements = nodesOf(cst, 'agreement')
    .filter((n) => spanOf(n) !== undefined)
    .map((n) => buildAgreement(n, lit));
  const partyDecls = nodesOf(cst, 'partyDecl')
    .filter((n) => spanOf(n) !== undefined)
    .map((n) => buildPartyDecl(n, lit))
    .filter((d): d is PartyDecl => d !== undefined);
  const trafficTests = buildTrafficTests(cst, lit);
  return { uri, agreements, comments, ...(partyDecls.length > 0 ? { partyDecls } : {}), ...(trafficTests.length > 0 ? { trafficTests } : {}) };
}

function buildAgreement(node: CstNode, lit: Literals): Agreement {
  const at = start(node, 0);
  const title = tokenAt(node, 'String');
  const items: AgreementItem[] = [];
  for (const itemNode of nodesOf(node, 'agreementItem')) {
    const item = buildItem(onlyChildNode(itemNode), lit);
    if (item !== undefined) items.push(item);
  }
  return {
    kind: 'agreement',
    id: lit.name(nodeAt(node, 'id'), at),
    ...(title !== undefined ? { title: lit.string(title, at) } : {}),
    items,
    range: lit.nodeRange(node, at),
  };
}

/** One `agreementItem`'s node (its only child); exported for the incremental re-parse. */
export function buildItem(node: CstNode | undefined, lit: Literals): AgreementItem | undefined {
  const span = spanOf(node);
  if (node === undefined || span === undefined) return undefined;
  const at = span[0];
  const range = lit.nodeRange(node, at);
  switch (node.name) {
    case 'versionDecl':
      return { kind: 'version', value: lit.number(tokenAt(node, 'Number'), at), range };
    case 'partiesBlock':
      return buildParties(node, lit);
    case 'currencyDecl':
      return { kind: 'currency', code: lit.name(nodeAt(node, 'name'), at), range };
    case 'validDecl': {
      const to = tokenAt(node, 'to');
      return { kind: 'valid', from: lit.date(tokenAt(node, 'from'), at), ...(to ? { to: lit.date(to, at) } : {}), range };
    }
    case 'timezoneDecl': {
      const tz = tokenAt(node, 'TimeZoneName');
      return { kind: 'timezone', zone: tz ? lit.nameFromToken(tz, at) : lit.name(nodeAt(node, 'name'), at), range };
    }
    case 'interconnectBlock':
      return buildInterconnect(node, lit);
    case 'holidaysBlock':
      return buildHolidays(node, lit);
    case 'timebandsBlock':
      return buildTimebands(node, lit);
    case 'zonesBlock':
      return buildZones(node, lit);
    case 'serviceBlock':
      return buildService(node, lit);
    case 'testBlock':
      return buildTest(node, lit);
    case 'settlementBlock':
      return buildSettlement(node, lit);
    case 'fxDecl':
      return {
        kind: 'fx',
        from: lit.name(nodeAt(node, 'fromCurrency'), at),
        to: lit.name(nodeAt(node, 'toCurrency'), at),
        table: lit.string(tokenAt(node, 'String'), at),
        rule: tokenAt(node, 'Kw_period') !== undefined ? 'period-end' : 'usage-date',
        range,
      };
    case 'discountBlock':
      return buildDiscount(node, lit);
    case 'commitmentBlock':
      return buildCommitment(node, lit);
    default:
      return undefined;
  }
}

function buildParties(node: CstNode, lit: Literals): PartiesBlock {
  const at = start(node, 0);
  const parties: Party[] = [];
  for (const p of nodesOf(node, 'party')) {
    const role = tokenAt(p, 'Kw_us') ? 'us' : tokenAt(p, 'Kw_partner') ? 'partner' : undefined;
    if (role === undefined) continue;
    const pAt = start(p, at);
    const legal = tokenAt(p, 'String');
    const party: Party = { kind: 'party', role, name: lit.name(nodeAt(p, 'name'), pAt), range: lit.nodeRange(p, pAt) };
    if (legal !== undefined) party.legalName = lit.string(legal, pAt);
    for (const attr of nodesOf(p, 'partyAttr')) {
      const value = nodeAt(attr, 'name');
      if (spanOf(value) === undefined) continue;
      if (tokenAt(attr, 'Kw_tadig')) party.tadig = lit.name(value, pAt);
      else if (tokenAt(attr, 'Kw_type')) party.partnerType = lit.name(value, pAt);
    }
    parties.push(party);
  }
  return { kind: 'parties', parties, range: lit.nodeRange(node, at) };
}

function buildInterconnect(node: CstNode, lit: Literals): InterconnectBlock {
  const at = start(node, 0);
  const block: InterconnectBlock = {
    kind: 'interconnect',
    name: lit.name(nodeAt(node, 'name'), at),
    trunks: [],
    traffic: [],
    quality: [],
    range: lit.nodeRange(node, at),
  };
  for (const item of nodesOf(node, 'icItem')) {
    const site = tokenAt(item, 'String');
    if (tokenAt(item, 'Kw_site') && site) block.site = lit.string(site, at);
    for (const t of tokensOf(item, 'Identifier')) block.trunks.push(lit.nameFromToken(t, at));
    for (const t of [...tokensOf(item, 'Kw_voice'), ...tokensOf(item, 'Kw_sms')].sort((a, b) => a.startOffset - b.startOffset)) {
      block.traffic.push(lit.nameFromToken(t, at));
    }
    for (const q of nodesOf(item, 'qualityTarget')) {
      const target = buildQuality(q, lit);
      if (target !== undefined) block.quality.push(target);
    }
  }
  return block;
}

function buildQuality(node: CstNode, lit: Literals): QualityTarget | undefined {
  const metric = tokenAt(node, 'Kw_asr') ? 'asr' : tokenAt(node, 'Kw_acd') ? 'acd' : tokenAt(node, 'Kw_pdd') ? 'pdd' : undefined;
  const op = tokenAt(node, 'GreaterEq') ? '>=' : tokenAt(node, 'LessEq') ? '<=' : undefined;
  const percent = tokenAt(node, 'Percent');
  const duration = tokenAt(node, 'Duration');
  if (metric === undefined || op === undefined || (percent === undefined && duration === undefined)) return undefined;
  const at = start(node, 0);
  const value = percent !== undefined ? lit.percent(percent, at) : lit.duration(duration, at);
  return { metric, op, value, range: lit.nodeRange(node, at) };
}

function buildHolidays(node: CstNode, lit: Literals): HolidaysBlock {
  const at = start(node, 0);
  return {
    kind: 'holidays',
    name: lit.name(nodeAt(node, 'name'), at),
    dates: tokensOf(node, 'Date').map((t) => lit.date(t, at)),
    range: lit.nodeRange(node, at),
  };
}

function buildTimebands(node: CstNode, lit: Literals): TimebandsBlock {
  const at = start(node, 0);
  const bands = nodesOf(node, 'band')
    .filter((b) => spanOf(b) !== undefined)
    .map((b) => buildBand(b, lit));
  return { kind: 'timebands', bands, range: lit.nodeRange(node, at) };
}

function buildBand(node: CstNode, lit: Literals): BandDef {
  const at = start(node, 0);
  const band: BandDef = {
    name: lit.name(nodeAt(node, 'name'), at),
    otherwise: tokenAt(node, 'Kw_otherwise') !== undefined,
    days: tokensOf(node, 'day').map((t) => lit.nameFromToken(t, at)),
    times: tokensOf(node, 'TimeRange').map((t) => lit.timeRange(t, at)),
    range: lit.nodeRange(node, at),
  };
  const except = nodeAt(node, 'except');
  if (spanOf(except) !== undefined) band.exceptHolidays = lit.name(except, at);
  const calendar = nodeAt(node, 'calendar');
  if (spanOf(calendar) !== undefined) band.onHolidays = lit.name(calendar, at);
  return band;
}

/** One `zoneDef` line; exported for the incremental re-parse. */
export function buildZoneDef(z: CstNode, lit: Literals, fallback: number): ZoneDef | undefined {
  if (spanOf(z) === undefined) return undefined;
  const zAt = start(z, fallback);
  const prefixes = nodesOf(z, 'prefix')
    .map((p) => allTokens(p))
    .filter((groups) => groups.length > 0)
    .map((groups) => {
      const first = groups[0]!;
      const last = groups[groups.length - 1]!;
      return {
        text: groups.map((g) => g.image).join(' '),
        digits: groups.map((g) => g.image.replace(/_/g, '')).join(''),
        range: lit.lines.range(first.startOffset, last.startOffset + last.image.length),
      };
    });
  return { name: lit.name(nodeAt(z, 'name'), zAt), prefixes, range: lit.nodeRange(z, zAt) };
}

function buildZones(node: CstNode, lit: Literals): ZonesBlock {
  const at = start(node, 0);
  const zones: ZoneDef[] = [];
  for (const z of nodesOf(node, 'zoneDef')) {
    const zone = buildZoneDef(z, lit, at);
    if (zone !== undefined) zones.push(zone);
  }
  return { kind: 'zones', zones, range: lit.nodeRange(node, at) };
}
