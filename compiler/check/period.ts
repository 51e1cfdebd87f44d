// Checks of period charges: tier ladders, discounts, commitments, minimum fees and caps per
// period, recurring fees, and the period parts of tests (runtime/period/README.md).
import type {
  CommitmentBlock, DiscountBlock, Name, PriceLit, RateDecl, ServiceBlock, ServiceItem, TestBlock, TierLine, TierStyleDecl,
} from '../../language/ast.js';
import { Decimal } from 'decimal.js';
import type { AgreementModel } from '../model.js';
import { rangeFrom, type Sink } from '../sink.js';
import { isRecurringRate, PERIOD_UNITS, singular, TIER_STYLES } from '../lower/period.js';
import { isCurrency } from './currencies.js';
import { slaSubjects } from './digital-subjects.js';

/** The charge constructs `expect charge` may name (runtime/period/lines.ts). Other modules add theirs. */
import { CHARGE_CONSTRUCTS } from './charge-constructs.js';

export { CHARGE_CONSTRUCTS };

const DATA_UNITS = ['KB', 'MB', 'GB', 'TB'];

/** One-per-service keys for units.ts's "declared twice" check: a cap per call and per month may both be stated. */
export function periodOnceKey(item: ServiceItem): string | undefined {
  if (item.kind === 'maximum' && item.period) return 'maximum per period';
  if (item.kind === 'minimum') return item.period ? 'minimum per period' : 'minimum per unit';
  return undefined;
}

export function checkPeriod(m: AgreementModel, sink: Sink): void {
  for (const s of m.services) checkServicePeriod(m, s, sink);
  const names = new Map<string, Name>();
  for (const item of m.ast.items ?? []) {
    if (item.kind === 'discount') {
      checkDiscount(m, item, sink);
      if (item.name?.text) {
        if (names.has(item.name.text)) sink.report('ICX2402', `Another discount is already called ${item.name.text}; give each discount its own name.`, item.name.range);
        names.set(item.name.text, item.name);
      }
    }
    if (item.kind === 'commitment') checkCommitment(m, item, sink);
  }
  for (const t of m.tests) checkPeriodTest(m, t, sink);
}

function checkPeriodWord(p: Name | undefined, sink: Sink): void {
  if (p?.text && !(PERIOD_UNITS as readonly string[]).includes(p.text)) {
    sink.report('ICX3401', `Unknown period ${p.text}; periods are calendar ${PERIOD_UNITS.join(', ')} (in the agreement's time zone).`, p.range);
  }
}

function checkStyle(s: TierStyleDecl | undefined, where: Name | undefined, whereRange: ServiceBlock['range'], sink: Sink): void {
  if (!s) {
    sink.report('ICX3402', 'State the period and how tiers apply, e.g. `per month, incremental` (each tier\'s volume at its own rate) or `per month, retroactive` (the whole volume at the tier reached).', where?.range ?? rangeFrom(whereRange.start, 8));
    return;
  }
  checkPeriodWord(s.period, sink);
  if (!s.style) {
    sink.report('ICX3402', `Say how tiers apply: \`per ${s.period?.text || 'month'}, incremental\` (each tier's volume at its own rate) or \`per ${s.period?.text || 'month'}, retroactive\` (the whole volume at the tier reached).`, s.range);
  } else if (!(TIER_STYLES as readonly string[]).includes(s.style.text)) {
    sink.report('ICX3402', `Unknown tier style ${s.style.text}; write incremental or retroactive.`, s.style.range);
  }
}

/** What a tier bound of this service may count: its volume unit(s), or (discounts) the agreement currency. */
function allowedUnits(m: AgreementModel, s: ServiceBlock, amountAllowed: boolean): { units: string[]; say: string } {
  const kind = s.serviceKind?.text;
  const priced = priceUnit(s);
  const units = kind === 'voice' ? ['min'] : kind === 'sms' ? ['msg'] : kind === 'data' ? DATA_UNITS : priced ? [priced] : [];
  const say = kind === 'voice' ? 'minutes (min)' : kind === 'sms' ? 'messages (msg)' : kind === 'data' ? 'MB or GB' : priced ? `its unit (${priced})` : 'its unit';
  return amountAllowed && m.currency ? { units: [...units, m.currency], say: `${say} or an amount in ${m.currency}` } : { units, say };
}

/** The per-unit of a service's record prices or tier prices (event: `call` in EUR/call). */
function priceUnit(s: ServiceBlock): string | undefined {
  for (const i of s.items ?? []) {
    if (i.kind === 'rate' && !isRecurringRate(i)) return i.prices?.[0]?.steps?.[0]?.price?.per?.text;
    if (i.kind === 'tier' && i.price) return i.price.per?.text;
  }
  return undefined;
}

function checkTiers(m: AgreementModel, s: ServiceBlock | undefined, tiers: TierLine[], want: 'percent' | 'price', sink: Sink, blockRange: ServiceBlock['range']): void {
  if (tiers.length === 0) {
    sink.report('ICX5405', want === 'percent' ? 'This discount has no tiers; add e.g. `tier 0 .. 1_000_000 min 0%` and `tier 1_000_000 .. 8%`.' : 'A tiered service needs tier lines, e.g. `tier 0 .. 1_000_000 calls 0.0040 EUR/call`.', rangeFrom(blockRange.start, want === 'percent' ? 8 : 6)); // `discount` / `tiered`
    return;
  }
  const allowed = s ? allowedUnits(m, s, want === 'percent') : undefined;
  const seenUnits = new Set<string>();
  let expectedFrom = new Decimal(0);
  tiers.forEach((t, i) => {
    const last = i === tiers.length - 1;
    const from = safe(t.from?.value);
    if (from !== null && !from.eq(expectedFrom)) {
      const what = i === 0 ? 'The first tier must start at 0' : from.gt(expectedFrom) ? `Tiers leave a gap: this tier starts at ${t.from.text} but the previous one ends at ${tiers[i - 1]!.to?.text}` : `Tiers overlap: this tier starts at ${t.from.text} but the previous one ends at ${tiers[i - 1]!.to?.text}`;
      sink.report('ICX5401', `${what}; each tier starts where the previous ends (lower bound inclusive, upper exclusive).`, t.from.range);
    }
    const to = t.to ? safe(t.to.value) : null;
    if (t.to && to !== null && from !== null && to.lte(from)) {
      sink.report('ICX5402', `A tier must end above where it starts (${t.from.text} .. ${t.to.text}).`, t.to.range);
    }
    if (!last && !t.to) sink.report('ICX5403', 'Only the last tier is open-ended; give this tier an upper bound.', rangeFrom(t.range.start, 4));
    if (last && t.to) sink.report('ICX5403', `The last tier must be open-ended so every volume has a tier: write \`tier ${t.from.text} .. <${want}>\`.`, t.to.range);
    if (to !== null) expectedFrom = to;
    for (const u of [t.fromUnit, t.toUnit]) {
      if (!u?.text) continue;
      seenUnits.add(u.text === m.currency ? u.text : singular(u.text));
      if (allowed && !allowed.units.some((a) => a === u.text || a === singular(u.text))) {
        sink.report('ICX3403', `Tiers of ${s!.serviceKind?.text} service ${s!.name?.text} count ${allowed.say}, not ${u.text}.`, u.range);
      }
    }
    if (want === 'price' && t.percent) sink.report('ICX3404', `A tiered service prices each tier; write a price such as 0.0030 EUR/${priceUnit(s!) ?? 'unit'}, not ${t.percent.text}.`, t.percent.range);
    if (want === 'percent' && t.price) sink.report('ICX3404', `A discount tier is a percentage of the rated amount (e.g. 8%), not a price.`, t.price.range);
    if (t.price) checkTierPrice(m, s, t.price, sink);
    const firstPer = tiers.find((x) => x.price)?.price?.per?.text;
    if (t.price?.per?.text && firstPer && t.price.per.text !== firstPer) {
      sink.report('ICX3403', `Every tier prices the same unit; this one is per ${t.price.per.text}, the first per ${firstPer}.`, t.price.per.range);
    }
  });
  if (seenUnits.size > 1) sink.report('ICX3403', `All tiers count in one unit; these use ${[...seenUnits].join(' and ')}.`, tiers[tiers.length - 1]!.range);
}

/** A period price or amount in a known currency other than the agreement's → ICX3002. */
function checkSettlementCurrency(m: AgreementModel, code: Name | undefined, what: 'price' | 'amount', sink: Sink): void {
  if (code?.text && m.currency && code.text !== m.currency && isCurrency(code.text)) {
    sink.report('ICX3002', `This ${what} is in ${code.text} but the agreement is settled in ${m.currency}; write it in ${m.currency}.`, code.range);
  }
}

function checkTierPrice(m: AgreementModel, s: ServiceBlock | undefined, p: PriceLit, sink: Sink): void {
  checkSettlementCurrency(m, p.currency, 'price', sink);
  const want = s?.serviceKind?.text === 'voice' ? 'min' : s?.serviceKind?.text === 'sms' ? 'msg' : undefined;
  if (want && p.per?.text && p.per.text !== want) sink.report('ICX3403', `${s!.serviceKind.text} service ${s!.name.text} is priced per ${want}, not per ${p.per.text}.`, p.per.range);
}

function safe(v: string | undefined): Decimal | null {
  try {
    return v ? new Decimal(v) : null;
  } catch {
    return null;
  }
}

function checkServicePeriod(m: AgreementModel, s: ServiceBlock, sink: Sink): void {
  const items = s.items ?? [];
  const tiered = items.find((i) => i.kind === 'tiered');
  const tiers = items.filter((i): i is TierLine => i.kind === 'tier');
  if (tiered && tiered.kind === 'tiered') {
    checkStyle(tiered.style, undefined, tiered.range, sink);
    checkTiers(m, s, tiers, 'price', sink, tiered.range);
    for (const r of items.filter((i): i is RateDecl => i.kind === 'rate' && !isRecurringRate(i))) {
      sink.report('ICX5404', `Service ${s.name?.text} is tiered: its prices are the tier lines. Remove this rate line (or the \`tiered\` line).`, rangeFrom(r.range.start, 4));
    }
  } else if (tiers.length) {
    sink.report('ICX5404', 'Tier lines in a service need a `tiered per month, incremental` (or retroactive) line saying how they apply.', rangeFrom(tiers[0]!.range.start, 4));
  }
  for (const i of items) {
    if (i.kind === 'minimum' || (i.kind === 'maximum' && i.period)) {
      if (i.kind === 'minimum' && i.period) checkPeriodWord(i.period, sink);
      if (i.kind === 'maximum') checkPeriodWord(i.period, sink);
      if (i.kind === 'minimum' && i.perPeriod) checkPeriodWord(i.perPeriod, sink);
      checkSettlementCurrency(m, i.amount?.currency, 'amount', sink);
    }
    if (i.kind === 'rate') checkRecurring(s, i, sink);
  }
}

function checkRecurring(s: ServiceBlock, r: RateDecl, sink: Sink): void {
  const p = r.prices?.[0]?.steps?.[0]?.price;
  if (!isRecurringRate(r)) {
    if (r.proration) sink.report('ICX3405', 'Proration applies to a recurring fee (a price per month, e.g. `rate 12_000 EUR/month not prorated`); remove it here.', r.proration.range);
    return;
  }
  if (p?.per.text !== 'month') {
    sink.report('ICX3406', `Recurring fees are monthly: write the fee per month (e.g. ${p?.currency?.text ?? 'EUR'}/month), not per ${p?.per.text}.`, p!.per.range);
  }
  if (!r.proration) {
    sink.report('ICX3405', `State how a part month of service ${s.name?.text} is charged: add \`not prorated\` (the whole fee for any month in force) or \`prorated by day\` to this line.`, rangeFrom(r.range.start, 4));
  } else if (r.proration.by && r.proration.by.text !== 'day') {
    sink.report('ICX3405', `Fees are prorated by day; write \`prorated by day\`, not by ${r.proration.by.text}.`, r.proration.by.range);
  }
}

function checkDiscount(m: AgreementModel, d: DiscountBlock, sink: Sink): void {
  const s = d.service?.text ? m.serviceByName.get(d.service.text) : undefined;
  if (d.service?.text && !s) sink.report('ICX2004', `Unknown service ${d.service.text}; the discount applies to a service of this agreement.`, d.service.range);
  if (d.zone?.text && !m.zoneByName.has(d.zone.text)) sink.report('ICX2002', `Unknown zone ${d.zone.text}.`, d.zone.range);
  checkStyle(d.style, d.name ?? d.service, d.range, sink);
  checkTiers(m, s, d.tiers ?? [], 'percent', sink, d.range);
  for (const t of d.tiers ?? []) {
    const pct = safe(t.percent?.value);
    if (t.percent && pct !== null && pct.gt(100)) sink.report('ICX3404', `A discount of more than 100% (${t.percent.text}) is not a discount.`, t.percent.range);
  }
}

function checkCommitment(m: AgreementModel, c: CommitmentBlock, sink: Sink): void {
  const s = c.service?.text ? m.serviceByName.get(c.service.text) : undefined;
  if (c.service?.text && !s) sink.report('ICX2004', `Unknown service ${c.service.text}; the commitment is on a service of this agreement.`, c.service.range);
  if (c.commits.length === 0) {
    sink.report('ICX5406', 'Say who commits to what, e.g. `ACME commits 250_000 EUR per quarter` or `ORANGE commits 1_000_000 min per month`.', rangeFrom(c.range.start, 10));
    return;
  }
  for (const extra of c.commits.slice(1)) sink.report('ICX5406', 'One commitment per block; move this line to a commitment block of its own.', extra.range);
  const line = c.commits[0]!;
  const parties = [...m.us, ...m.partner].map((p) => p.name?.text).filter(Boolean);
  if (line.party?.text && !parties.includes(line.party.text)) {
    sink.report('ICX2401', `${line.party.text} is not a party of this agreement; the one who commits is ${parties.join(' or ')}.`, line.party.range);
  }
  checkPeriodWord(line.period, sink);
  const spend = line.unit?.text === m.currency;
  const price = c.shortfall.find((x) => x.price)?.price;
  if (!spend && s) {
    const allowed = allowedUnits(m, s, false);
    if (line.unit?.text && !allowed.units.some((a) => a === line.unit.text || a === singular(line.unit.text))) {
      sink.report('ICX3403', `Commit an amount in ${m.currency ?? 'the agreement currency'} or a volume of ${s.name.text} in ${allowed.say}, not ${line.unit.text}.`, line.unit.range);
    } else if (!price) {
      sink.report('ICX3407', `A volume commitment states the price of each unit short: add \`shortfall at 0.0100 ${m.currency ?? 'EUR'}/${line.unit?.text ?? 'min'}\`.`, line.range);
    }
  }
  if (spend && price) sink.report('ICX3407', 'A spend commitment\'s shortfall is the amount short; a shortfall price applies to volume commitments only.', price.range);
  if (price) checkTierPrice(m, s, price, sink);
  for (const x of c.shortfall) {
    if (!x.invoicedAt) continue;
    const [end, of] = x.invoicedAt.words;
    if (end?.text !== 'end' || of?.text !== 'of') {
      sink.report('ICX3408', 'Write `shortfall invoiced at the end of the <period>`.', x.range);
    } else if (x.invoicedAt.period?.text && x.invoicedAt.period.text !== line.period?.text) {
      sink.report('ICX3408', `The commitment is per ${line.period?.text}; its shortfall is invoiced at the end of the ${line.period?.text}, not the ${x.invoicedAt.period.text}.`, x.invoicedAt.period.range);
    }
  }
}

function checkPeriodTest(m: AgreementModel, t: TestBlock, sink: Sink): void {
  const usages = t.usages ?? (t.usage ? [t.usage] : []);
  const expects = t.expects ?? (t.expect ? [t.expect] : []);
  const isPeriodTest = t.period !== undefined || usages.length > 1 || expects.length > 1 || usages.some((u) => u.count);
  for (const u of usages) {
    if (u.count && !/^[1-9][0-9]*$/.test(u.count.value ?? '')) sink.report('ICX6403', `count is a whole number of records of at least 1, not ${u.count.text}.`, u.count.range);
    if (u.count && Number(u.count.value) > 100_000) sink.report('ICX6403', 'Keep tests fast: at most 100_000 records per usage line (use longer calls or more units instead).', u.count.range);
    // the first usage line is checked by checks/tests.ts
    if (u === usages[0]) continue;
    const svc = u.service?.text ? m.serviceByName.get(u.service.text) : undefined;
    if (u.service?.text && !svc) sink.report('ICX2004', `Unknown service ${u.service.text}.`, u.service.range);
    if (svc?.serviceKind?.text === 'voice' && !u.duration) sink.report('ICX6001', `Service ${svc.name.text} is voice; say how long the call lasted with \`for <duration>\`.`, u.range);
  }
  const subjects = new Set([...m.services.map((s) => s.name?.text), ...(m.ast.items ?? []).flatMap((i) => (i.kind === 'discount' && i.name ? [i.name.text] : [])), ...slaSubjects(m)]);
  for (const e of expects) {
    if (isPeriodTest && e.kind === 'amount') {
      for (const extra of [e.zone, e.band, e.billed]) {
        if (extra) sink.report('ICX6404', 'In a period test `expect AMOUNT` is the sum of all its records; zone, band and billed apply to a single-record test, so move this to a test of its own.', extra.range);
      }
    }
    if (e.kind === 'charge' && e.subject?.text && !subjects.has(e.subject.text)) {
      sink.report('ICX6405', `No service or discount is called ${e.subject.text}; a charge's subject is the discount's name, or the service.`, e.subject.range);
    }
    if (e.kind !== 'charge' && e.kind !== 'total') continue;
    if (!isPeriodTest) sink.report('ICX6402', `\`expect ${e.kind}\` needs the period to compute: add \`period YYYY-MM\` as the first line of the test.`, e.range);
    if (e.kind === 'charge' && e.construct?.text && !CHARGE_CONSTRUCTS.includes(e.construct.text)) {
      sink.report('ICX6401', `Unknown charge ${e.construct.text}; expect one of: ${CHARGE_CONSTRUCTS.join(', ')}.`, e.construct.range);
    }
    if (e.amount?.currency?.text && m.currency && e.amount.currency.text !== m.currency && isCurrency(e.amount.currency.text)) {
      sink.report('ICX3002', `This amount is in ${e.amount.currency.text} but the agreement is settled in ${m.currency}; write it in ${m.currency}.`, e.amount.currency.range);
    }
  }
}
