// CST → AST for the digital-partner terms of a service: pooled data, revenue share,
// commission and SLA credits (GRAMMAR.md "Digital-partner terms").
import type { CstNode } from 'chevrotain';
import type { CommissionDecl, PoolDecl, RevenueShareDecl, ServiceItem, SlaDecl, TestInput } from './ast.js';
import type { Literals } from './ast-literals.js';
import { nodeAt, spanOf, startOf, tokenAt } from './cst-util.js';

export function buildDigitalItem(node: CstNode, lit: Literals): ServiceItem | undefined {
  const at = startOf(node, 0);
  const range = lit.nodeRange(node, at);
  switch (node.name) {
    case 'poolDecl': {
      const item: PoolDecl = {
        kind: 'pool',
        allowance: lit.quantity(nodeAt(node, 'allowance'), at),
        overage: lit.price(nodeAt(node, 'overage'), at),
        range,
      };
      return item;
    }
    case 'revenueShareDecl': {
      const to = nodeAt(node, 'to');
      const item: RevenueShareDecl = {
        kind: 'revenueShare',
        share: lit.percent(tokenAt(node, 'Percent'), at),
        ...(spanOf(to) ? { to: lit.name(to, at) } : {}),
        range,
      };
      return item;
    }
    case 'commissionDecl': {
      const plus = tokenAt(node, 'Percent');
      const basis = nodeAt(node, 'basis');
      const item: CommissionDecl = {
        kind: 'commission',
        price: lit.price(nodeAt(node, 'price'), at),
        ...(plus ? { plus: lit.percent(plus, at) } : {}),
        ...(spanOf(basis) ? { basis: lit.name(basis, at) } : {}),
        range,
      };
      return item;
    }
    case 'slaDecl': {
      const target = tokenAt(node, 'target');
      const statistic = nodeAt(node, 'statistic');
      const period = nodeAt(node, 'period');
      const step = tokenAt(node, 'step');
      const cap = tokenAt(node, 'cap');
      const item: SlaDecl = {
        kind: 'sla',
        metric: lit.name(nodeAt(node, 'metric'), at),
        ...(spanOf(statistic) ? { statistic: lit.name(statistic, at) } : {}),
        op: tokenAt(node, 'LessEq') ? '<=' : '>=',
        target: target?.tokenType.name === 'Duration' ? lit.duration(target, at) : lit.percent(target, at),
        ...(spanOf(period) ? { period: lit.name(period, at) } : {}),
        credit: lit.percent(tokenAt(node, 'credit'), at),
        ...(step ? { step: lit.percent(step, at) } : {}),
        ...(cap ? { cap: lit.percent(cap, at) } : {}),
        range,
      };
      return item;
    }
    default:
      return undefined;
  }
}

/** `kpi NAME VALUE` or `retail SERVICE SUBSCRIBER DATE gross N taxes N refunds N` in a test. */
export function buildTestInput(node: CstNode, lit: Literals): TestInput {
  const at = startOf(node, 0);
  const range = lit.nodeRange(node, at);
  if (tokenAt(node, 'Kw_kpi') !== undefined) {
    const v = tokenAt(node, 'kpiValue');
    return { kind: 'kpi', name: lit.name(nodeAt(node, 'kpiName'), at), value: v?.tokenType.name === 'Duration' ? lit.duration(v, at) : lit.percent(v, at), range };
  }
  return {
    kind: 'retail',
    service: lit.name(nodeAt(node, 'service'), at),
    subscriber: lit.nameFromToken(tokenAt(node, 'subscriber'), at),
    date: lit.date(tokenAt(node, 'Date'), at),
    gross: lit.number(tokenAt(node, 'gross'), at),
    taxes: lit.number(tokenAt(node, 'taxes'), at),
    refunds: lit.number(tokenAt(node, 'refunds'), at),
    range,
  };
}
