// CST → AST for traffic tests (ast-traffic-tests.ts). Total on recovered CSTs like the others.
import type { CstNode } from 'chevrotain';
import type { TrafficExpect, TrafficTest } from './ast.js';
import type { Literals } from './ast-literals.js';
import { buildPeriodExpect, buildTestPeriod } from './ast-builder-period.js';
import { nodeAt, nodesOf, spanOf, startOf as start, tokenAt, tokensOf } from './cst-util.js';

export function buildTrafficTests(cst: CstNode | undefined, lit: Literals): TrafficTest[] {
  return nodesOf(cst, 'trafficTest')
    .filter((n) => spanOf(n) !== undefined)
    .map((n) => buildTrafficTest(n, lit));
}

function buildTrafficTest(node: CstNode, lit: Literals): TrafficTest {
  const at = start(node, 0);
  const period = buildTestPeriod(nodeAt(node, 'testPeriod'), lit);
  return {
    kind: 'trafficTest',
    title: lit.string(tokenAt(node, 'String'), at),
    agreement: lit.name(nodeAt(node, 'agreement'), at),
    traffic: nodesOf(node, 'trafficSource')
      .filter((n) => spanOf(n) !== undefined)
      .map((n) => lit.string(tokenAt(n, 'String'), start(n, at))),
    ...(period ? { period } : {}),
    expects: nodesOf(node, 'trafficExpect')
      .filter((n) => spanOf(n) !== undefined)
      .map((n) => buildExpect(n, lit))
      .filter((e): e is TrafficExpect => e !== undefined),
    range: lit.nodeRange(node, at),
  };
}

function buildExpect(node: CstNode, lit: Literals): TrafficExpect | undefined {
  const at = start(node, 0);
  const range = lit.nodeRange(node, at);
  if (tokenAt(node, 'Kw_count') !== undefined) {
    const rated = tokenAt(node, 'rated');
    const suspense = tokenAt(node, 'suspense');
    return {
      kind: 'count', count: lit.number(tokenAt(node, 'count'), at),
      ...(rated ? { rated: lit.number(rated, at) } : {}),
      ...(suspense ? { suspense: lit.number(suspense, at) } : {}),
      range,
    };
  }
  if (tokenAt(node, 'Kw_charge') !== undefined) {
    const e = buildPeriodExpect(node, lit);
    return e?.kind === 'charge' ? { ...e, kind: 'charge' } : undefined;
  }
  if (tokensOf(node, 'Kw_suspense').length > 0) {
    return { kind: 'suspense', reason: lit.name(nodeAt(node, 'reason'), at), count: lit.number(tokenAt(node, 'reasonCount'), at), range };
  }
  const money = nodeAt(node, 'money');
  if (spanOf(money) === undefined) return undefined;
  const service = nodeAt(node, 'service');
  const zone = nodeAt(node, 'zone');
  const band = nodeAt(node, 'band');
  return {
    kind: 'amount',
    total: tokenAt(node, 'Kw_total') !== undefined,
    ...(spanOf(service) ? { service: lit.name(service, at) } : {}),
    ...(spanOf(zone) ? { zone: lit.name(zone, at) } : {}),
    ...(spanOf(band) ? { band: lit.name(band, at) } : {}),
    amount: lit.money(money, at),
    range,
  };
}
