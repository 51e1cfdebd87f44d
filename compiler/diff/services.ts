// One service compared on both sides: its pricing terms (billing, connect fee, caps,
// minimums, tiers, rounding...), its zones and bars, and its prices (rate lines, or the deck
// when both sides rate from one). Pure.
import type { AgreementPlan, ServicePlan, TieredPricingPlan, TierPlan } from '../plan.js';
import { diffServiceDecks } from './decks.js';
import { diffRates } from './prices.js';
import type { ServiceDeckInfo } from './side.js';
import { Changes, comparable, range, show } from './terms.js';
import { percentChange, sameValue } from './timeline.js';
import type { Change } from './types.js';

export interface ServiceSides {
  oldPlan: AgreementPlan;
  newPlan: AgreementPlan;
  oldDeck: ServiceDeckInfo | undefined;
  newDeck: ServiceDeckInfo | undefined;
  /** the later validity start of the two sides */
  start: string | null;
  asOf: string | null;
}

const billing = (b: ServicePlan['billing']) =>
  b === null ? null : `${b.firstSeconds}/${b.nextSeconds}${b.minimumSeconds > 0 ? ` minimum ${b.minimumSeconds} s` : ''}`;
const rounding = (r: ServicePlan['recordRounding'] | null) => (r === null ? null : `${r.method} ${r.decimals} decimals`);
const period = (p: { amount: string; period: string } | undefined, cur: string) => (p ? `${p.amount} ${cur} per ${p.period}` : null);

function tiered(c: Changes, a: TieredPricingPlan | undefined, b: TieredPricingPlan | undefined, cur: string): void {
  c.term('tier', 'tiered', a ? `per ${a.period}, ${a.style} (${a.unit})` : null, b ? `per ${b.period}, ${b.style} (${b.unit})` : null);
  const unit = b?.unit ?? a?.unit ?? '';
  const oldTiers = a?.tiers ?? [];
  const newTiers = b?.tiers ?? [];
  // a tier whose bounds stay: its price change, with the percentage; else the whole tier
  const same = (t: TierPlan) => oldTiers.find((x) => x.index === t.index && x.from === t.from && x.to === t.to && x.price !== null && t.price !== null);
  for (const t of newTiers) {
    const x = same(t);
    if (!x || sameValue(x.price, t.price)) continue;
    const pct = percentChange(x.price, t.price);
    c.list.push({
      agreement: c.agreement, service: c.service, kind: 'tier', op: 'changed', subject: `tier ${t.index} (${range(t.from, t.to, unit)})`,
      old: x.price, new: t.price, text: `tier ${t.index} (${range(t.from, t.to, unit)}) ${x.price} → ${t.price} ${cur}/${unit}${pct ? ` (${pct}%)` : ''}`,
    });
  }
  c.keyed('tier', (k) => `tier ${Number(k)}`, oldTiers.filter((t) => !newTiers.some((u) => same(u) === t)), newTiers.filter((t) => !same(t)),
    (t) => String(t.index).padStart(4, '0'), (t) => `${range(t.from, t.to, unit)} at ${t.price ?? '-'} ${cur}/${unit}`);
}

export function diffService(s: ServiceSides, o: ServicePlan, n: ServicePlan): Change[] {
  const agreement = s.newPlan.id;
  const c = new Changes(agreement, n.name);
  const cur = n.priceCurrency ?? s.newPlan.currency;
  const oldCur = o.priceCurrency ?? s.oldPlan.currency;
  c.term('term', 'kind', `${o.kind} ${o.direction}`, `${n.kind} ${n.direction}`);
  c.term('currency', 'price currency', oldCur, cur);
  c.term('billing', 'billing', billing(o.billing), billing(n.billing));
  c.term('connect-fee', 'connect fee', o.connectFee && `${o.connectFee} ${oldCur}`, n.connectFee && `${n.connectFee} ${cur}`);
  c.term('maximum', 'maximum per call', o.maximumPerCall && `${o.maximumPerCall} ${oldCur}`, n.maximumPerCall && `${n.maximumPerCall} ${cur}`);
  c.term('billing', 'zero-duration calls charged', String(o.zeroDurationCharged), String(n.zeroDurationCharged));
  c.term('billing', 'band boundary', o.boundaryRule, n.boundaryRule);
  c.term('billing', 'record rounding', rounding(o.recordRounding), rounding(n.recordRounding));
  c.term('billing', 'invoice line rounding', rounding(o.invoiceLineRounding), rounding(n.invoiceLineRounding));
  c.term('billing', 'volume unit bytes', show(o.volumeUnitBytes), show(n.volumeUnitBytes));
  c.term('billing', 'price unit bytes', show(o.priceUnitBytes), show(n.priceUnitBytes));
  c.term('term', 'priced by call category', show(o.byCategory ?? false), show(n.byCategory ?? false));
  c.term('minimum', 'minimum', period(o.minimumFee, s.oldPlan.currency), period(n.minimumFee, s.newPlan.currency));
  c.term('maximum', 'maximum', period(o.maximumPerPeriod, s.oldPlan.currency), period(n.maximumPerPeriod, s.newPlan.currency));
  c.term('minimum', 'minimum per unit', show(o.minimumPerUnit), show(n.minimumPerUnit));
  c.keyed('term', (k) => `recurring fee from ${k}`, o.recurringFees ?? [], n.recurringFees ?? [], (f) => f.effectiveFrom,
    (f) => `${f.amount} ${s.newPlan.currency}/${f.period}${f.prorated ? '' : ' not prorated'}${f.effectiveTo ? ` until ${f.effectiveTo}` : ''}`);
  tiered(c, o.tiered, n.tiered, s.newPlan.currency);
  if (comparable(o.digital ?? null) !== comparable(n.digital ?? null)) c.term('term', 'digital terms', show(o.digital) ?? 'none', show(n.digital) ?? 'none');

  const deckMode = s.oldDeck !== undefined && s.newDeck !== undefined;
  zones(c, o, n, deckMode);
  const bars = (x: ServicePlan) => new Set(x.barredZones);
  for (const z of [...new Set([...o.barredZones, ...n.barredZones])].sort()) {
    c.flag('bar', `bar ${z}`, bars(o).has(z), bars(n).has(z));
  }
  originPrefixes(c, o, n);
  surcharges(c, o, n, oldCur, cur);
  const out = [...c.list];
  const ctx = { agreement, service: n.name, currency: cur, unit: n.unit };
  if (deckMode) out.push(...diffServiceDecks({ ...ctx, asOf: s.asOf }, s.oldDeck!, s.newDeck!));
  else {
    if (s.oldDeck || s.newDeck) {
      const d = new Changes(agreement, n.name);
      d.term('deck', 'rates from deck', s.oldDeck?.uri ?? null, s.newDeck?.uri ?? null);
      out.push(...d.list);
    }
    out.push(...diffRates({ ...ctx, bands: s.newPlan.bands, start: s.start }, o, n));
  }
  return out;
}

/** Zones by their prefixes: new, removed, or gaining and losing prefixes. Deck destinations are the deck's to compare. */
function zones(c: Changes, o: ServicePlan, n: ServicePlan, deckMode: boolean): void {
  const byZone = (x: ServicePlan) => {
    const m = new Map<string, Set<string>>();
    const barred = new Set(x.barredZones);
    for (const p of x.prefixes) {
      if (deckMode && !barred.has(p.zone)) continue;
      let s = m.get(p.zone);
      if (!s) m.set(p.zone, (s = new Set()));
      s.add(p.prefix);
    }
    return m;
  };
  const a = byZone(o);
  const b = byZone(n);
  const list = (s: Set<string>) => [...s].sort().map((p) => (p === '' ? '(every number)' : p)).join(', ');
  for (const z of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(z);
    const y = b.get(z);
    if (!x || !y) {
      c.term('zone', `zone ${z}`, x ? list(x) : null, y ? list(y) : null);
      continue;
    }
    const gained = new Set([...y].filter((p) => !x.has(p)));
    const lost = new Set([...x].filter((p) => !y.has(p)));
    if (gained.size === 0 && lost.size === 0) continue;
    const parts = [gained.size ? `gains ${list(gained)}` : '', lost.size ? `loses ${list(lost)}` : ''].filter(Boolean);
    c.list.push({
      agreement: c.agreement, service: c.service, kind: 'zone', op: 'changed', subject: `zone ${z}`,
      old: list(x), new: list(y), text: `zone ${z} ${parts.join(', ')}`,
    });
  }
}

/** The A-number prefixes of origin pricing: which origin zone (and surcharges) each selects. */
function originPrefixes(c: Changes, o: ServicePlan, n: ServicePlan): void {
  const table = (x: ServicePlan) => new Map((x.origin?.prefixes ?? []).map((p) => [p.prefix, [p.rateZone ?? '', ...[...p.surcharges].sort()].join(' ')]));
  const a = table(o);
  const b = table(n);
  const what = (m: Map<string, string>, p: string) => {
    const [zone, ...sur] = m.get(p)!.split(' ');
    return `${p}${zone ? ` → ${zone}` : ''}${sur.filter(Boolean).length ? ` (${sur.filter(Boolean).join(', ')})` : ''}`;
  };
  const gained = [...b.keys()].filter((p) => !a.has(p)).sort();
  const lost = [...a.keys()].filter((p) => !b.has(p)).sort();
  const moved = [...b.keys()].filter((p) => a.has(p) && a.get(p) !== b.get(p)).sort();
  if (!gained.length && !lost.length && !moved.length) return;
  const parts = [
    gained.length ? `gain ${gained.map((p) => what(b, p)).join(', ')}` : '',
    lost.length ? `lose ${lost.join(', ')}` : '',
    moved.length ? `change ${moved.map((p) => `${what(a, p)} to ${what(b, p)}`).join(', ')}` : '',
  ].filter(Boolean);
  const all = (m: Map<string, string>) => [...m.keys()].sort().map((p) => what(m, p)).join(', ') || null;
  c.list.push({ agreement: c.agreement, service: c.service, kind: 'zone', op: 'changed', subject: 'origin prefixes', old: all(a), new: all(b), text: `origin prefixes ${parts.join('; ')}` });
}

function surcharges(c: Changes, o: ServicePlan, n: ServicePlan, oldCur: string, cur: string): void {
  const key = (x: { zone: string; outside: boolean }) => `origin ${x.outside ? 'outside ' : ''}${x.zone}`;
  const a = new Map((o.origin?.surcharges ?? []).map((x) => [key(x), x.price]));
  const b = new Map((n.origin?.surcharges ?? []).map((x) => [key(x), x.price]));
  for (const k of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(k) ?? null;
    const y = b.get(k) ?? null;
    if (x !== null && y !== null && sameValue(x, y)) continue;
    const subject = `surcharge ${k}`;
    const pct = percentChange(x, y);
    const text = x === null ? `${subject} ${y} ${cur}/${n.unit}` : y === null ? `${subject} ${x} ${oldCur}/${o.unit}`
      : `${subject} ${x} → ${y} ${cur}/${n.unit}${pct ? ` (${pct}%)` : ''}`;
    c.list.push({ agreement: c.agreement, service: c.service, kind: 'surcharge', op: x === null ? 'added' : y === null ? 'removed' : 'changed', subject, old: x, new: y, text });
  }
}
