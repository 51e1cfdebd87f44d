// Checks of per-record pricing beyond voice and sms: data services (volume rounding unit,
// prices per KB/MB/GB), event services (one event unit), roaming call categories and origin
// pricing (origin-keyed rate lines, origin surcharges), and the test usage they need.
import type { Name, PriceLit, RateDecl, ServiceBlock, SurchargeDecl } from '../../language/ast.js';
import { ANY_ZONE, type AgreementModel } from '../model.js';
import { at, rangeFrom, type Sink } from '../sink.js';
import { CALL_CATEGORIES, VOLUME_UNIT_BYTES } from '../lower/unit-pricing.js';
import { CALL_ONLY_RULES, checkCurrency, checkPlaces, exceedsEngine } from './units.js';
import { isDigitPrefix } from './zones.js';

/** Units that name time, messages or volume: never the event of an event service. */
const NOT_EVENTS = new Set(['min', 's', 'sec', 'h', 'hour', 'msg', 'sms', 'B', 'KB', 'MB', 'GB', 'TB', 'byte', 'bytes']);

/** Zones a service matches A-numbers against: origins of rate lines and surcharges. */
export function originZones(s: ServiceBlock): string[] {
  const out = new Set<string>();
  for (const i of s.items ?? []) {
    if (i.kind === 'rate' && i.origin?.text) out.add(i.origin.text);
    if (i.kind === 'surcharge' && i.zone?.text) out.add(i.zone.text);
  }
  return [...out];
}

export function checkUnitPricing(m: AgreementModel, sink: Sink): void {
  for (const s of m.services) {
    const kind = s.serviceKind?.text;
    if (kind === 'data' || kind === 'event') checkPerRecordService(m, s, kind, sink);
    if (kind === 'voice' || kind === 'sms') {
      checkCategories(s, sink);
      checkOrigin(m, s, kind, sink);
    }
    if (kind === 'voice') {
      for (const i of s.items ?? []) {
        if (i.kind === 'billing' && i.volume) {
          sink.report('ICX3303', `Voice service ${s.name?.text} is billed by duration; write increments in seconds (e.g. \`billing 60/60\`), not a volume unit.`, i.range);
        }
      }
    }
  }
  checkTestUsage(m, sink);
}

function rates(s: ServiceBlock): RateDecl[] {
  return (s.items ?? []).filter((i): i is RateDecl => i.kind === 'rate');
}

function prices(s: ServiceBlock): PriceLit[] {
  return rates(s).flatMap((r) => (r.prices ?? []).flatMap((bp) => (bp.steps ?? []).map((st) => st.price).filter((p): p is PriceLit => !!p)));
}

function checkPerRecordService(m: AgreementModel, s: ServiceBlock, kind: 'data' | 'event', sink: Sink): void {
  const what = kind === 'data' ? `Data service ${s.name?.text} is priced per volume` : `Event service ${s.name?.text} is priced per event`;
  let volumeBilling = false;
  for (const i of s.items ?? []) {
    if (CALL_ONLY_RULES[i.kind] && !(i.kind === 'maximum' && i.period)) {
      sink.report('ICX3007', `${what}, so it cannot have ${CALL_ONLY_RULES[i.kind]} (a voice-only rule); remove this line.`, i.range);
    } else if (i.kind === 'billing') {
      if (kind === 'event') {
        sink.report('ICX3007', `${what}, so it has no billing increments; remove this line.`, i.range);
      } else if (!i.volume) {
        sink.report('ICX3303', `${what}: \`billing\` states the rounding unit of each record's volume, e.g. \`billing 1 KB\`, not seconds.`, i.range);
      } else {
        volumeBilling = true;
        if (!/^[1-9][0-9]*$/.test(i.volume.amount?.value ?? '')) {
          sink.report('ICX3301', `The rounding unit is a whole number of KB, MB or GB of at least 1 (e.g. \`billing 1 KB\`), not ${i.volume.amount?.text}.`, i.volume.amount.range);
        } else if (!Number.isSafeInteger(Number(i.volume.amount.value) * (VOLUME_UNIT_BYTES[i.volume.unit?.text] ?? 1) * 60)) {
          // the plan holds the unit in bytes (× 60 in the rating's arithmetic): beyond 2^53 not exactly
          sink.report('ICX3301', `The rounding unit ${i.volume.amount.text} ${i.volume.unit?.text ?? ''} is larger than icx can hold exactly; write a unit such as \`billing 1 KB\`.`, i.volume.amount.range);
        }
        if (VOLUME_UNIT_BYTES[i.volume.unit?.text] === undefined) {
          sink.report('ICX3301', `Unknown volume unit ${i.volume.unit?.text}; write KB, MB or GB (binary: 1 KB = 1,024 bytes).`, i.volume.unit.range);
        }
      }
    } else if (i.kind === 'bar') {
      sink.report('ICX5303', `${what} and matches no numbers, so it cannot bar zones; remove this line.`, i.range);
    } else if (i.kind === 'surcharge') {
      sink.report('ICX5303', `${what}; origin surcharges apply to voice and sms services only.`, i.range);
    } else if (i.kind === 'rate') {
      if (i.category) {
        sink.report('ICX5303', `${what}; call categories price voice and sms services only.`, rangeFrom(i.range.start, 4));
      } else if (i.zone?.text && i.zone.text !== ANY_ZONE) {
        sink.report('ICX5303', `${what} and its records have no B-number to match zone ${i.zone.text}; price it with \`rate any ...\` (or no zone).`, i.zone.range);
      }
      if (i.origin) sink.report('ICX5303', `${what}; origin pricing applies to voice and sms services only.`, i.origin.range);
      for (const bp of i.prices ?? []) {
        for (const st of bp.steps ?? []) {
          if (st.length) sink.report('ICX5304', `${what}, not by duration, so a rate has no steps; write one price per band.`, st.length.range);
        }
      }
    }
  }
  if (kind === 'data' && !volumeBilling && !(s.items ?? []).some((i) => i.kind === 'billing')) {
    sink.report(
      'ICX3005',
      `Data service ${s.name?.text} declares no rounding unit; money rules are never implicit, so add e.g. \`billing 1 KB\` (each session's volume is rounded up to whole KB).`,
      s.name?.range ?? rangeFrom(s.range.start, 7),
    );
  }
  let firstUnit: Name | undefined;
  for (const p of prices(s)) {
    // currency, engine limits and places: units.ts checks every rate price
    const per = p.per?.text;
    if (!per) continue;
    if (p.perPeriod) {
      sink.report('ICX3001', `${what}; a price per ${per}/${p.perPeriod.text} is a recurring fee, not a price per record.`, p.perPeriod.range);
      continue;
    }
    if (kind === 'data' && VOLUME_UNIT_BYTES[per] === undefined) {
      sink.report('ICX3001', `${what}; write the price per KB, MB or GB (e.g. \`0.0015 ${p.currency?.text ?? 'EUR'}/MB\`), not per ${per}.`, p.per.range);
      continue;
    }
    if (kind === 'event' && NOT_EVENTS.has(per)) {
      sink.report('ICX3001', `${what}; the unit names the event (e.g. \`${p.currency?.text ?? 'EUR'}/call\`, \`/activation\`, \`/request\`), not ${per}.`, p.per.range);
      continue;
    }
    if (firstUnit === undefined) firstUnit = p.per;
    else if (firstUnit.text !== per) {
      sink.report('ICX3302', `Service ${s.name?.text} already prices per ${firstUnit.text} (${at(m.uri, firstUnit.range)}); price every line per ${firstUnit.text}.`, p.per.range);
    }
  }
}

function checkCategories(s: ServiceBlock, sink: Sink): void {
  const rs = rates(s);
  const byCategory = rs.filter((r) => r.category);
  for (const r of byCategory) {
    if (r.category?.text && !CALL_CATEGORIES.includes(r.category.text)) {
      sink.report('ICX2301', `Unknown call category ${r.category.text}; use one of: ${CALL_CATEGORIES.join(', ')}.`, r.category.range);
    }
    if (r.origin) sink.report('ICX5302', 'A rate by call category has no origin; remove `origin ...` from this line.', r.origin.range);
  }
  if (byCategory.length === 0) return;
  for (const r of rs.filter((x) => !x.category)) {
    sink.report('ICX5302', `Service ${s.name?.text} prices by call category (\`rate calls ...\`), so it prices only by category; remove this zone rate or move it to another service.`, r.range);
  }
  for (const b of (s.items ?? []).filter((i) => i.kind === 'bar')) {
    sink.report('ICX5302', `Service ${s.name?.text} prices by call category and matches no zones, so it cannot bar one; remove this line.`, b.range);
  }
}

function checkOrigin(m: AgreementModel, s: ServiceBlock, kind: 'voice' | 'sms', sink: Sink): void {
  const known = (n: Name | undefined, what: string): boolean => {
    if (!n?.text) return false;
    if (n.text === ANY_ZONE) {
      sink.report('ICX5305', `Every A-number is in \`any\`; ${what === 'rate' ? 'write the plain line `rate ZONE ...` instead' : 'write the surcharge for a zone, e.g. `surcharge origin outside EU ...`'}.`, n.range);
      return false;
    }
    if (!m.zoneByName.has(n.text)) {
      sink.report('ICX2002', `Unknown zone ${n.text}; define it in \`zones { ... }\` (origin zones match the A-number).`, n.range);
      return false;
    }
    return true;
  };
  // prefix → origin zone of the rate lines: one A-number must select one origin-keyed line
  const owner = new Map<string, { zone: string; range: Name['range'] }>();
  const reported = new Set<string>();
  for (const r of rates(s)) {
    if (!r.origin || !known(r.origin, 'rate')) continue;
    for (const p of m.zoneByName.get(r.origin.text)?.prefixes ?? []) {
      if (!isDigitPrefix(p)) continue;
      const prev = owner.get(p.digits);
      if (!prev) owner.set(p.digits, { zone: r.origin.text, range: p.range });
      else if (prev.zone !== r.origin.text && !reported.has(p.digits)) {
        reported.add(p.digits);
        sink.report(
          'ICX5301',
          `Prefix ${p.digits} is in origin zones ${prev.zone} and ${r.origin.text}, both keying rates of service ${s.name?.text}; an A-number must select one line, so keep the prefix in one zone.`,
          r.origin.range,
        );
      }
    }
  }
  const seen = new Map<string, SurchargeDecl>();
  for (const x of (s.items ?? []).filter((i): i is SurchargeDecl => i.kind === 'surcharge')) {
    known(x.zone, 'surcharge');
    const key = `${x.outside}|${x.zone?.text}`;
    const first = seen.get(key);
    if (first) sink.report('ICX3006', `This surcharge is already stated at ${at(m.uri, first.range)}; keep one.`, x.range);
    else seen.set(key, x);
    const p = x.price;
    if (!p) continue;
    checkCurrency(m, p.currency, sink);
    const want = kind === 'voice' ? 'min' : 'msg';
    if (p.perPeriod || (p.per?.text && p.per.text !== want)) {
      sink.report('ICX3001', `A surcharge on ${kind} service ${s.name?.text} is per ${want}; write ${p.currency?.text ?? 'EUR'}/${want}.`, p.perPeriod?.range ?? p.per.range);
    }
    if (kind === 'sms') checkPlaces(s, p.amount, sink);
    else exceedsEngine(p.amount, sink);
  }
}

function checkTestUsage(m: AgreementModel, sink: Sink): void {
  for (const t of m.tests) {
    const u = t.usage;
    if (!u) continue;
    const svc = u.service?.text ? m.serviceByName.get(u.service.text) : undefined;
    const kind = svc?.serviceKind?.text;
    if (u.category?.text && !CALL_CATEGORIES.includes(u.category.text)) {
      sink.report('ICX2301', `Unknown call category ${u.category.text}; use one of: ${CALL_CATEGORIES.join(', ')}.`, u.category.range);
    }
    if (!kind) continue;
    if ((kind === 'voice' || kind === 'sms') && !u.bNumber) {
      sink.report('ICX6001', `Service ${svc!.name.text} is ${kind}; say which number was called with \`to <number>\`.`, u.range);
    }
    if (kind === 'data' && !u.bytes) {
      sink.report('ICX6001', `Service ${svc!.name.text} is data; say how much was used with \`bytes <n>\`, e.g. \`bytes 1_500_000\`.`, u.range);
    }
    // iot sessions carry a volume too: it fills the pool (charged per period)
    if (kind !== 'data' && kind !== 'iot' && u.bytes) {
      sink.report('ICX6001', '`bytes` is the volume of a data or iot session; remove it from this usage.', u.bytes.range);
    }
    if ((kind === 'data' || kind === 'event') && u.duration) {
      sink.report('ICX6001', `\`for <duration>\` applies to voice; a ${kind} usage ${kind === 'data' ? 'has `bytes <n>`' : 'counts events with `units <n>` (default 1)'}.`, u.duration.range);
    }
    if (kind === 'data' && u.units) {
      sink.report('ICX6001', '`units` counts messages or events; a data usage has `bytes <n>`.', u.units.range);
    }
    if (u.bytes && !/^[0-9]+$/.test(u.bytes.value ?? '')) {
      sink.report('ICX3007', `bytes is a whole number of bytes, not ${u.bytes.text}.`, u.bytes.range);
    }
    const e = t.expect;
    if (e?.kind === 'amount' && e.billed && (kind === 'data' || kind === 'event')) {
      sink.report('ICX6001', `\`billed\` is the charged duration of a call; a ${kind} usage has none, so remove it.`, e.billed.range);
    }
  }
}
