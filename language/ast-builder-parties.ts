// CST → AST for partner and entity declarations (outside agreements) and for an agreement's
// settlement block. Total on recovered CSTs, like the rest of the builder.
import type { CstNode, IToken } from 'chevrotain';
import type { MoneyLit, Name, PartyDecl, PartyFact, PartyFactKind, PercentLit, SettlementBlock, SettlementItem } from './ast.js';
import type { Literals } from './ast-literals.js';
import { nodeAt, nodesOf, spanOf, tokenAt, startOf as start } from './cst-util.js';

export function buildPartyDecl(node: CstNode, lit: Literals): PartyDecl | undefined {
  const role = tokenAt(node, 'Kw_partner') ? 'partner' : tokenAt(node, 'Kw_entity') ? 'entity' : undefined;
  if (role === undefined) return undefined;
  const at = start(node, 0);
  const legal = tokenAt(node, 'String');
  const facts: PartyFact[] = [];
  for (const item of nodesOf(node, 'partyDeclItem')) {
    const fact = buildFact(item, lit, at);
    if (fact !== undefined) facts.push(fact);
  }
  return {
    kind: 'partyDecl',
    role,
    name: lit.name(nodeAt(node, 'name'), at),
    ...(legal !== undefined ? { legalName: lit.string(legal, at) } : {}),
    facts,
    range: lit.nodeRange(node, at),
  };
}

const FACT_KEYWORDS: [string, PartyFactKind][] = [
  ['Kw_type', 'type'], ['Kw_tadig', 'tadig'], ['Kw_carrier', 'carrier'], ['Kw_vat', 'vat'], ['Kw_address', 'address'],
];

function buildFact(node: CstNode, lit: Literals, fallback: number): PartyFact | undefined {
  const found = FACT_KEYWORDS.find(([k]) => tokenAt(node, k) !== undefined);
  if (found === undefined || spanOf(node) === undefined) return undefined;
  const at = start(node, fallback);
  const values: Name[] = [];
  const value = nodeAt(node, 'value');
  if (spanOf(value) !== undefined) values.push(lit.name(value, at));
  for (const list of nodesOf(node, 'codeList')) for (const c of nodesOf(list, 'codeValue')) values.push(codeName(c, lit, at));
  const str = tokenAt(node, 'String');
  if (str !== undefined) values.push(stringName(str, lit, at));
  return { fact: found[1], values: values.filter((v) => v.text !== ''), range: lit.nodeRange(node, at) };
}

function stringName(t: IToken, lit: Literals, at: number): Name {
  const s = lit.string(t, at);
  return { text: s.value, range: s.range };
}

function codeName(node: CstNode, lit: Literals, at: number): Name {
  const num = tokenAt(node, 'Number');
  if (num !== undefined) return lit.nameFromToken(num, at);
  const str = tokenAt(node, 'String');
  if (str !== undefined) return stringName(str, lit, at);
  return lit.name(nodeAt(node, 'name'), at);
}

export function buildSettlement(node: CstNode, lit: Literals): SettlementBlock {
  const at = start(node, 0);
  const items: SettlementItem[] = [];
  for (const item of nodesOf(node, 'settlementItem')) {
    if (spanOf(item) === undefined) continue;
    const iAt = start(item, at);
    const range = lit.nodeRange(item, iAt);
    if (tokenAt(item, 'Kw_invoicing')) {
      const days = tokenAt(item, 'dueDays');
      const unit = nodeAt(item, 'dueUnit');
      items.push({
        kind: 'invoicing',
        period: lit.name(nodeAt(item, 'period'), iAt),
        ...(days !== undefined ? { dueDays: lit.number(days, iAt) } : {}),
        ...(spanOf(unit) !== undefined ? { dueUnit: lit.name(unit, iAt) } : {}),
        range,
      });
    } else if (tokenAt(item, 'Kw_netting')) {
      items.push({ kind: 'netting', mode: lit.name(nodeAt(item, 'netting'), iAt), range });
    } else if (tokenAt(item, 'Kw_within')) {
      // `dispute within 30 days` / `dispute answer within 15 days` (before the tolerance: all start with `dispute`)
      const answer = tokenAt(item, 'Kw_answer') !== undefined;
      const unit = nodeAt(item, answer ? 'answerUnit' : 'disputeUnit');
      items.push({
        kind: answer ? 'disputeAnswer' : 'disputeWithin',
        days: lit.number(tokenAt(item, answer ? 'answerDays' : 'disputeDays'), iAt),
        ...(spanOf(unit) !== undefined ? { unit: lit.name(unit, iAt) } : {}),
        range,
      });
    } else if (tokenAt(item, 'Kw_dispute')) {
      const thresholds: (PercentLit | MoneyLit)[] = [];
      for (const t of nodesOf(item, 'tolerance')) {
        if (spanOf(t) === undefined) continue;
        const pct = tokenAt(t, 'Percent');
        thresholds.push(pct !== undefined ? lit.percent(pct, iAt) : lit.money(nodeAt(t, 'money'), iAt));
      }
      items.push({ kind: 'disputeTolerance', thresholds, range });
    } else if (tokenAt(item, 'Kw_currency')) {
      const table = tokenAt(item, 'settlementTable');
      items.push({
        kind: 'currency',
        currency: lit.name(nodeAt(item, 'settlementCurrency'), iAt),
        ...(table !== undefined ? { table: lit.string(table, iAt) } : {}),
        range,
      });
    }
  }
  return { kind: 'settlement', items, range: lit.nodeRange(node, at) };
}
