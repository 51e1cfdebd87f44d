// CST → AST for services and tests (see ast-builder.ts for the rest of the agreement).
import type { CstNode } from 'chevrotain';
import type { BandPrice, Name, PriceStep, RateDecl, RoundingMethod, ServiceBlock, ServiceItem, TestBlock, TestExpect, TestUsage } from './ast.js';
import { SERVICE_KINDS } from './ast.js';
import type { Literals } from './ast-literals.js';
import { nodeAt, nodesOf, onlyChildNode, spanOf, tokenAt, tokensOf, startOf as start } from './cst-util.js';
import { buildDigitalItem, buildTestInput } from './ast-builder-digital.js';
import { buildMinimum, buildPeriodExpect, buildTestPeriod, buildTiered, buildTierLine } from './ast-builder-period.js';

export function buildService(node: CstNode, lit: Literals): ServiceBlock {
  const at = start(node, 0);
  const kindTok = SERVICE_KINDS.map((k) => tokenAt(node, `Kw_${k}`)).find((t) => t !== undefined);
  const dirTok = tokenAt(node, 'Kw_payable') ?? tokenAt(node, 'Kw_receivable');
  const items: ServiceItem[] = [];
  for (const itemNode of nodesOf(node, 'serviceItem')) {
    const item = buildServiceItem(onlyChildNode(itemNode), lit);
    if (item !== undefined) items.push(item);
  }
  return {
    kind: 'service',
    name: lit.name(nodeAt(node, 'name'), at),
    serviceKind: lit.nameFromToken(kindTok, at),
    direction: lit.nameFromToken(dirTok, at),
    items,
    range: lit.nodeRange(node, at),
  };
}

const ROUNDING: Record<string, RoundingMethod> = { Kw_half_up: 'half-up', Kw_half_even: 'half-even', Kw_up: 'up', Kw_down: 'down' };

/** One `serviceItem`'s node (its only child); exported for the incremental re-parse. */
export function buildServiceItem(node: CstNode | undefined, lit: Literals): ServiceItem | undefined {
  const span = spanOf(node);
  if (node === undefined || span === undefined) return undefined;
  const at = span[0];
  const range = lit.nodeRange(node, at);
  switch (node.name) {
    case 'billingDecl': {
      const minimum = tokenAt(node, 'Duration');
      const volumeUnit = tokenAt(node, 'volumeUnit');
      return {
        kind: 'billing',
        first: lit.number(tokenAt(node, 'first'), at),
        next: lit.number(tokenAt(node, 'next'), at),
        ...(minimum ? { minimum: lit.duration(minimum, at) } : {}),
        ...(volumeUnit ? { volume: { amount: lit.number(tokenAt(node, 'first'), at), unit: lit.nameFromToken(volumeUnit, at) } } : {}),
        range,
      };
    }
    case 'surchargeDecl':
      return {
        kind: 'surcharge',
        outside: tokenAt(node, 'Kw_outside') !== undefined,
        zone: lit.name(nodeAt(node, 'zone'), at),
        price: lit.price(nodeAt(node, 'price'), at),
        range,
      };
    case 'connectFeeDecl':
      return { kind: 'connectFee', fee: lit.money(nodeAt(node, 'money'), at), range };
    case 'zeroDurationDecl':
      return { kind: 'zeroDuration', charged: tokenAt(node, 'Kw_charged') !== undefined, range };
    case 'boundaryDecl':
      return { kind: 'boundary', rule: tokenAt(node, 'Kw_split') !== undefined ? 'split' : 'start-band', range };
    case 'rateDecl':
      return buildRate(node, lit);
    case 'barDecl':
      return { kind: 'bar', zones: nodesOf(node, 'name').filter((n) => spanOf(n)).map((n) => lit.name(n, at)), range };
    case 'maximumDecl': {
      const period = nodeAt(node, 'period');
      return { kind: 'maximum', amount: lit.money(nodeAt(node, 'money'), at), ...(spanOf(period) ? { period: lit.name(period, at) } : {}), range };
    }
    case 'tieredDecl':
      return buildTiered(node, lit);
    case 'tierLine':
      return buildTierLine(node, lit);
    case 'minimumDecl':
      return buildMinimum(node, lit);
    case 'roundingDecl': {
      const methodKey = Object.keys(ROUNDING).find((k) => tokenAt(node, k) !== undefined);
      return {
        kind: 'rounding',
        method: ROUNDING[methodKey ?? 'Kw_half_up']!,
        decimals: lit.number(tokenAt(node, 'Number'), at),
        scope: tokenAt(node, 'Kw_invoice') !== undefined ? 'invoice-line' : 'record',
        range,
      };
    }
    case 'deckDecl': {
      const issued = tokenAt(node, 'Date');
      return { kind: 'deck', path: lit.string(tokenAt(node, 'String'), at), ...(issued ? { issued: lit.date(issued, at) } : {}), range };
    }
    case 'noticeDecl':
      return { kind: 'notice', days: lit.number(tokenAt(node, 'Number'), at), range };
    case 'poolDecl':
    case 'revenueShareDecl':
    case 'commissionDecl':
    case 'slaDecl':
      return buildDigitalItem(node, lit);
    default:
      return undefined;
  }
}

function buildRate(node: CstNode, lit: Literals): RateDecl {
  const at = start(node, 0);
  const prices: BandPrice[] = [];
  for (const bp of nodesOf(node, 'bandPrice')) {
    if (spanOf(bp) === undefined) continue;
    const bpAt = start(bp, at);
    const band = nodeAt(bp, 'band');
    const steps = buildSteps(nodeAt(bp, 'priceSpec'), lit, bpAt);
    prices.push({ ...(spanOf(band) ? { band: lit.name(band, bpAt) } : {}), steps, range: lit.nodeRange(bp, bpAt) });
  }
  const from = tokenAt(node, 'Date');
  const origin = nodeAt(node, 'origin');
  const category = nodeAt(node, 'category');
  const active = nodeAt(node, 'activeUnits');
  const notTok = tokenAt(node, 'Kw_not');
  const proratedTok = tokenAt(node, 'Kw_prorated');
  const by = nodeAt(node, 'prorateBy');
  const prorationStart = notTok ?? proratedTok;
  const proration = prorationStart === undefined ? undefined : {
    prorated: notTok === undefined,
    ...(spanOf(by) ? { by: lit.name(by, at) } : {}),
    range: lit.lines.range(prorationStart.startOffset, spanOf(by)?.[1] ?? (proratedTok!.startOffset + proratedTok!.image.length)),
  };
  return {
    kind: 'rate',
    ...(proration ? { proration } : {}),
    zone: spanOf(nodeAt(node, 'zone')) !== undefined || prices.length === 0 ? lit.name(nodeAt(node, 'zone'), at) : impliedAnyZone(prices[0]!),
    prices,
    ...(from ? { from: lit.date(from, at) } : {}),
    ...(spanOf(origin) ? { origin: lit.name(origin, at) } : {}),
    ...(spanOf(category) ? { category: lit.name(category, at) } : {}),
    ...(spanOf(active) ? { activeUnits: lit.name(active, at) } : {}),
    range: lit.nodeRange(node, at),
  };
}

/** `first 60s P next 30s Q then R` → steps [60s P] [30s Q] [R]; a flat price is one step. */
function buildSteps(spec: CstNode | undefined, lit: Literals, fallback: number): PriceStep[] {
  const prices = nodesOf(spec, 'price').filter((p) => spanOf(p) !== undefined);
  const durations = tokensOf(spec, 'Duration');
  if (tokenAt(spec, 'Kw_first') === undefined) {
    return prices.slice(0, 1).map((p) => {
      const price = lit.price(p, fallback);
      return { price, range: price.range };
    });
  }
  return prices.map((p, i) => {
    const price = lit.price(p, fallback);
    const length = durations[i];
    // A step with a length runs from its duration to its price; the `then` step is the price alone.
    if (length !== undefined && i < prices.length - 1) {
      return { length: lit.duration(length, fallback), price, range: lit.lines.range(length.startOffset, price.range.end.offset) };
    }
    return { price, range: price.range };
  });
}

export function buildTest(node: CstNode, lit: Literals): TestBlock {
  const at = start(node, 0);
  const block: TestBlock = { kind: 'test', title: lit.string(tokenAt(node, 'String'), at), range: lit.nodeRange(node, at) };
  const usage = nodeAt(node, 'testUsage');
  if (spanOf(usage) !== undefined) block.usage = buildUsage(usage!, lit);
  const expect = nodeAt(node, 'testExpect');
  if (spanOf(expect) !== undefined) {
    const e = buildExpect(expect!, lit);
    if (e !== undefined) block.expect = e;
  }
  // Period tests: several usage lines and expectations, and the period (runtime/period/README.md).
  // Set only when there are several, so single-usage tests keep their AST shape.
  const usages = nodesOf(node, 'testUsage').filter((n) => spanOf(n) !== undefined).map((n) => buildUsage(n, lit));
  const expects = nodesOf(node, 'testExpect').filter((n) => spanOf(n) !== undefined)
    .map((n) => buildExpect(n, lit)).filter((e): e is TestExpect => e !== undefined);
  if (usages.length > 1) block.usages = usages;
  if (expects.length > 1) block.expects = expects;
  const period = buildTestPeriod(nodeAt(node, 'testPeriod'), lit);
  if (period !== undefined) block.period = period;
  const inputs = nodesOf(node, 'testInput').filter((n) => spanOf(n) !== undefined).map((n) => buildTestInput(n, lit));
  if (inputs.length > 0) block.inputs = inputs;
  return block;
}

function buildUsage(node: CstNode, lit: Literals): TestUsage {
  const at = start(node, 0);
  const aNumber = tokenAt(node, 'aNumber');
  const duration = tokenAt(node, 'Duration');
  const units = tokenAt(node, 'units');
  const bNumber = tokenAt(node, 'bNumber');
  const bytes = tokenAt(node, 'bytes');
  const category = nodeAt(node, 'category');
  return {
    service: lit.name(nodeAt(node, 'service'), at),
    ...(aNumber ? { aNumber: lit.number(aNumber, at) } : {}),
    ...(bNumber ? { bNumber: lit.number(bNumber, at) } : {}),
    ...(bytes ? { bytes: lit.number(bytes, at) } : {}),
    ...(spanOf(category) ? { category: lit.name(category, at) } : {}),
    at: lit.dateTime(tokenAt(node, 'DateTime'), at),
    ...(duration ? { duration: lit.duration(duration, at) } : {}),
    ...(units ? { units: lit.number(units, at) } : {}),
    ...(tokenAt(node, 'count') ? { count: lit.number(tokenAt(node, 'count'), at) } : {}),
    range: lit.nodeRange(node, at),
  };
}

function buildExpect(node: CstNode, lit: Literals): TestExpect | undefined {
  const at = start(node, 0);
  const range = lit.nodeRange(node, at);
  if (tokenAt(node, 'Kw_suspense') !== undefined) {
    return { kind: 'suspense', reason: lit.name(nodeAt(node, 'reason'), at), range };
  }
  const periodExpect = buildPeriodExpect(node, lit);
  if (periodExpect !== undefined) return periodExpect;
  const money = nodeAt(node, 'money');
  if (spanOf(money) === undefined) return undefined;
  const original = nodeAt(node, 'original');
  const zone = nodeAt(node, 'zone');
  const band = nodeAt(node, 'band');
  const billed = tokenAt(node, 'Duration');
  return {
    kind: 'amount',
    amount: lit.money(money, at),
    ...(spanOf(original) ? { original: lit.money(original, at) } : {}),
    ...(spanOf(zone) ? { zone: lit.name(zone, at) } : {}),
    ...(spanOf(band) ? { band: lit.name(band, at) } : {}),
    ...(billed ? { billed: lit.duration(billed, at) } : {}),
    range,
  };
}

/** `rate 0.0009 EUR/MB` is `rate any 0.0009 EUR/MB`; the implied name sits, empty, where the price starts. */
function impliedAnyZone(first: BandPrice): Name {
  const p = first.range.start;
  return { text: 'any', range: { start: p, end: p } };
}
