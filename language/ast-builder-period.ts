// CST → AST for period charges: tier lines, tiered services, discounts, commitments, minimum
// fees, and the period parts of tests (see runtime/period/README.md).
import type { CstNode } from 'chevrotain';
import type {
  CommitmentBlock, CommitsLine, DiscountBlock, MinimumDecl, MoneyLit, ShortfallLine, TestExpect, TieredDecl, TierLine,
  TierStyleDecl, YearMonthLit,
} from './ast.js';
import type { Literals } from './ast-literals.js';
import { nodeAt, nodesOf, spanOf, tokenAt, startOf as start } from './cst-util.js';

function optName(lit: Literals, node: CstNode | undefined, at: number) {
  return spanOf(node) !== undefined ? lit.name(node, at) : undefined;
}

export function buildTierStyle(node: CstNode, lit: Literals): TierStyleDecl {
  const at = start(node, 0);
  const style = optName(lit, nodeAt(node, 'style'), at);
  return { kind: 'tierStyle', period: lit.name(nodeAt(node, 'period'), at), ...(style ? { style } : {}), range: lit.nodeRange(node, at) };
}

export function buildTiered(node: CstNode, lit: Literals): TieredDecl {
  const at = start(node, 0);
  return { kind: 'tiered', style: buildTierStyle(nodeAt(node, 'tierStyle') ?? node, lit), range: lit.nodeRange(node, at) };
}

export function buildTierLine(node: CstNode, lit: Literals): TierLine {
  const at = start(node, 0);
  const fromUnit = optName(lit, nodeAt(node, 'fromUnit'), at);
  const to = tokenAt(node, 'to');
  const toUnit = optName(lit, nodeAt(node, 'toUnit'), at);
  const percent = tokenAt(node, 'Percent');
  const price = nodeAt(node, 'price');
  return {
    kind: 'tier',
    from: lit.number(tokenAt(node, 'from'), at),
    ...(fromUnit ? { fromUnit } : {}),
    ...(to ? { to: lit.number(to, at) } : {}),
    ...(toUnit ? { toUnit } : {}),
    ...(percent ? { percent: lit.percent(percent, at) } : {}),
    ...(spanOf(price) ? { price: lit.price(price, at) } : {}),
    range: lit.nodeRange(node, at),
  };
}

export function buildMinimum(node: CstNode, lit: Literals): MinimumDecl {
  const at = start(node, 0);
  const period = optName(lit, nodeAt(node, 'period'), at);
  const per = optName(lit, nodeAt(node, 'per'), at);
  const perPeriod = optName(lit, nodeAt(node, 'perPeriod'), at);
  return {
    kind: 'minimum',
    amount: lit.money(nodeAt(node, 'money'), at),
    ...(period ? { period } : {}),
    ...(per ? { per } : {}),
    ...(perPeriod ? { perPeriod } : {}),
    range: lit.nodeRange(node, at),
  };
}

export function buildDiscount(node: CstNode, lit: Literals): DiscountBlock {
  const at = start(node, 0);
  const name = optName(lit, nodeAt(node, 'discountName'), at);
  const zone = optName(lit, nodeAt(node, 'zone'), at);
  const styleNode = nodesOf(node, 'tierStyle').find((n) => spanOf(n) !== undefined);
  return {
    kind: 'discount',
    ...(name ? { name } : {}),
    service: lit.name(nodeAt(node, 'service'), at),
    ...(zone ? { zone } : {}),
    ...(styleNode ? { style: buildTierStyle(styleNode, lit) } : {}),
    tiers: nodesOf(node, 'tierLine').filter((n) => spanOf(n) !== undefined).map((n) => buildTierLine(n, lit)),
    range: lit.nodeRange(node, at),
  };
}

export function buildCommitment(node: CstNode, lit: Literals): CommitmentBlock {
  const at = start(node, 0);
  const commits: CommitsLine[] = nodesOf(node, 'commitsLine').filter((n) => spanOf(n) !== undefined).map((n) => {
    const a = start(n, at);
    return {
      party: lit.name(nodeAt(n, 'party'), a),
      quantity: lit.number(tokenAt(n, 'Number'), a),
      unit: lit.name(nodeAt(n, 'unit'), a),
      period: lit.name(nodeAt(n, 'period'), a),
      range: lit.nodeRange(n, a),
    };
  });
  const shortfall: ShortfallLine[] = nodesOf(node, 'shortfallLine').filter((n) => spanOf(n) !== undefined).map((n) => {
    const a = start(n, at);
    const price = nodeAt(n, 'price');
    if (spanOf(price) !== undefined) return { price: lit.price(price, a), range: lit.nodeRange(n, a) };
    return {
      invoicedAt: {
        words: [lit.nameFromToken(tokenAt(n, 'endWord'), a), lit.nameFromToken(tokenAt(n, 'ofWord'), a)],
        period: lit.name(nodeAt(n, 'period'), a),
      },
      range: lit.nodeRange(n, a),
    };
  });
  return { kind: 'commitment', service: lit.name(nodeAt(node, 'service'), at), commits, shortfall, range: lit.nodeRange(node, at) };
}

export function buildTestPeriod(node: CstNode | undefined, lit: Literals): YearMonthLit | undefined {
  const t = tokenAt(node, 'YearMonth');
  if (t === undefined) return undefined;
  return { text: t.image, range: lit.tokenRange(t, t.startOffset) };
}

/** `-12.30 EUR`: the amount's value carries the sign. */
function signedMoney(node: CstNode | undefined, lit: Literals, fallback: number): MoneyLit {
  const m = lit.money(node, fallback);
  const minus = tokenAt(node, 'Minus');
  if (minus === undefined) return m;
  return {
    ...m,
    amount: { text: `-${m.amount.text}`, value: `-${m.amount.value}`, range: lit.lines.range(minus.startOffset, m.amount.range.end.offset) },
  };
}

/** The `charge` and `total` expectations; undefined for the other kinds. */
export function buildPeriodExpect(node: CstNode, lit: Literals): TestExpect | undefined {
  const at = start(node, 0);
  const range = lit.nodeRange(node, at);
  if (tokenAt(node, 'Kw_total') !== undefined) {
    return { kind: 'total', amount: signedMoney(nodeAt(node, 'signedMoney'), lit, at), range };
  }
  if (tokenAt(node, 'Kw_charge') === undefined) return undefined;
  const tier = tokenAt(node, 'tier');
  return {
    kind: 'charge',
    construct: lit.name(nodeAt(node, 'construct'), at),
    subject: lit.name(nodeAt(node, 'subject'), at),
    ...(tier ? { tier: lit.number(tier, at) } : {}),
    amount: signedMoney(nodeAt(node, 'signedMoney'), lit, at),
    range,
  };
}
