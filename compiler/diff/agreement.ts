// One agreement compared on both sides: its own terms (validity, currency, time zone,
// parties, time bands, holidays, interconnects, settlement, fx), its discounts and
// commitments, then each service. Pure.
import type { AgreementPlan, BandWindow, PartyPlan } from '../plan.js';
import { cmp } from './prices.js';
import { diffService } from './services.js';
import type { DiffSide } from './side.js';
import { Changes, comparable, range, show } from './terms.js';
import type { Change } from './types.js';

const validity = (p: AgreementPlan) => `${p.validFrom}..${p.validTo ?? 'open'}`;

export function diffAgreement(oldSide: DiffSide, newSide: DiffSide, o: AgreementPlan, n: AgreementPlan, asOf: string | null): Change[] {
  const c = new Changes(n.id, null);
  c.term('validity', 'validity', validity(o), validity(n));
  c.term('currency', 'currency', o.currency, n.currency);
  c.term('timezone', 'time zone', o.timezone, n.timezone);
  parties(c, 'us', o.us, n.us);
  parties(c, 'partner', o.partner, n.partner);
  c.term('party', 'partner type', o.partner.type, n.partner.type);
  const holidays = (p: AgreementPlan) => new Set(p.holidays);
  for (const d of [...new Set([...o.holidays, ...n.holidays])].sort()) {
    c.flag('holiday', `holiday ${d}`, holidays(o).has(d), holidays(n).has(d));
  }
  bands(c, o, n);
  c.keyed('interconnect', (k) => `interconnect ${k}`, o.interconnects, n.interconnects, (i) => i.name,
    (i) => `trunks ${i.trunks.join(' ')}; traffic ${i.traffic.join(' ')}${i.site ? `; site ${i.site}` : ''}` +
      (i.quality.length ? `; ${i.quality.map((q) => `${q.metric} ${q.op} ${q.value}${q.unit}`).join(', ')}` : ''));
  const tolerance = (t: NonNullable<AgreementPlan['settlement']>['disputeTolerance']) =>
    t === null ? null : [t.percent !== null ? `${t.percent}%` : '', t.amount !== null ? `${t.amount} ${t.currency ?? ''}`.trim() : ''].filter(Boolean).join(' or ');
  const settle = (p: AgreementPlan) => ({
    invoicing: p.settlement?.invoicing ?? null, 'due days': show(p.settlement?.dueDays ?? null), netting: p.settlement?.netting ?? null,
    'dispute tolerance': tolerance(p.settlement?.disputeTolerance ?? null),
    currency: p.settlement?.currency ? `${p.settlement.currency.code}${p.settlement.currency.table ? ` from ${p.settlement.currency.table}` : ''}` : null,
    'dispute deadlines': p.settlement?.disputeDeadlines
      ? [p.settlement.disputeDeadlines.raiseDays !== null ? `raise within ${p.settlement.disputeDeadlines.raiseDays} days` : '',
        p.settlement.disputeDeadlines.answerDays !== null ? `answer within ${p.settlement.disputeDeadlines.answerDays} days` : ''].filter(Boolean).join(', ')
      : null,
  });
  const [so, sn] = [settle(o), settle(n)];
  for (const k of Object.keys(so) as (keyof typeof so)[]) c.term('settlement', `settlement ${k}`, so[k], sn[k]);
  c.keyed('fx', (k) => `fx ${k}`, o.fx ?? [], n.fx ?? [], (f) => `${f.from}→${f.to}`, (f) => `${f.rule} from ${f.table}`);
  fxRates(c, o, n);
  const out = [...c.list];

  const start = o.validFrom > n.validFrom ? o.validFrom : n.validFrom;
  const names = [...new Set([...o.services.map((s) => s.name), ...n.services.map((s) => s.name)])].sort(cmp);
  for (const name of names) {
    const os = o.services.find((s) => s.name === name);
    const ns = n.services.find((s) => s.name === name);
    const sc = new Changes(n.id, name);
    if (!os || !ns) {
      const s = (os ?? ns)!;
      sc.term('service', `service ${name}`, os ? `${s.kind} ${s.direction}` : null, ns ? `${s.kind} ${s.direction}` : null);
      out.push(...sc.list);
      continue;
    }
    // commitments and discounts name their service: shown under it
    sc.keyed('commitment', (k) => `commitment ${k}`, (o.commitments ?? []).filter((x) => x.service === name),
      (n.commitments ?? []).filter((x) => x.service === name), (x) => `by ${x.committedBy}, ${x.basis} per ${x.period}`,
      (x) => `${x.quantity} ${x.unit}${x.shortfallPrice ? `, shortfall ${x.shortfallPrice} ${n.currency}/${x.unit}` : ''}`);
    sc.keyed('discount', (k) => `discount ${k}`, (o.discounts ?? []).filter((x) => x.service === name),
      (n.discounts ?? []).filter((x) => x.service === name), (x) => x.name ?? (x.zone ? `on ${x.zone}` : 'on the service'),
      (x) => `${x.style} per ${x.period} on ${x.basis} (${x.unit}): ` + x.tiers.map((t) => `${range(t.from, t.to)} ${t.percent}%`).join('; '));
    out.push(...sc.list);
    const oldDeck = oldSide.decks.get(o.id)?.get(name);
    const newDeck = newSide.decks.get(n.id)?.get(name);
    out.push(...diffService({ oldPlan: o, newPlan: n, oldDeck, newDeck, start, asOf }, os, ns));
  }
  // commitments/discounts of a service that exists on one side only: with the agreement
  const both = new Set(names.filter((nm) => o.services.some((s) => s.name === nm) && n.services.some((s) => s.name === nm)));
  const orphan = (p: AgreementPlan) => [...(p.commitments ?? []), ...(p.discounts ?? [])].filter((x) => !both.has(x.service));
  const ac = new Changes(n.id, null);
  ac.keyed('term', (k) => k, orphan(o), orphan(n), (x) => `${'committedBy' in x ? 'commitment' : 'discount'} of ${x.service}`, (x) => show(x) ?? '');
  out.push(...ac.list);
  return out;
}

function parties(c: Changes, role: 'us' | 'partner', a: PartyPlan, b: PartyPlan): void {
  c.term('party', `${role}`, a.name, b.name);
  c.term('party', `${role} legal name`, a.legalName, b.legalName);
  c.term('party', `${role} TADIG codes`, (a.tadigCodes ?? (a.tadig ? [a.tadig] : [])).join(' ') || null, (b.tadigCodes ?? (b.tadig ? [b.tadig] : [])).join(' ') || null);
  c.term('party', `${role} carrier codes`, (a.carrierCodes ?? []).join(' ') || null, (b.carrierCodes ?? []).join(' ') || null);
  c.term('party', `${role} VAT`, a.vat ?? null, b.vat ?? null);
  c.term('party', `${role} address`, a.address ?? null, b.address ?? null);
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** A band's windows in the words of a `timebands` line: `mon-fri 08:00-20:00; holidays mon-sun 00:00-24:00`. */
export function describeBand(windows: BandWindow[], band: string): string | null {
  const parts: string[] = [];
  let ordinary = '';
  for (const holiday of [false, true]) {
    const perDay = DAYS.map((_, i) =>
      windows.filter((w) => w.band === band && w.holiday === holiday && w.isoDow === i + 1)
        .sort((x, y) => x.startMinute - y.startMinute).map((w) => `${hhmm(w.startMinute)}-${hhmm(w.endMinute)}`).join(','));
    const groups: string[] = [];
    for (let i = 0; i < 7; ) {
      let j = i;
      while (j + 1 < 7 && perDay[j + 1] === perDay[i]) j++;
      if (perDay[i]) groups.push(`${DAYS[i]}${j > i ? `-${DAYS[j]}` : ''} ${perDay[i]}`);
      i = j + 1;
    }
    const text = groups.join(', ');
    // holidays that follow the ordinary week (no `except holidays`) say nothing more
    if (holiday && text === ordinary) continue;
    if (!holiday) ordinary = text;
    if (text) parts.push((holiday ? 'holidays ' : '') + text);
  }
  return parts.length ? parts.join('; ') : null;
}

function bands(c: Changes, o: AgreementPlan, n: AgreementPlan): void {
  const names = [...new Set([...n.bands, ...o.bands])];
  for (const b of names) {
    const x = o.bands.includes(b) ? describeBand(o.bandWindows, b) ?? 'never' : null;
    const y = n.bands.includes(b) ? describeBand(n.bandWindows, b) ?? 'never' : null;
    c.term('band', `band ${b}`, x, y);
  }
}

function fxRates(c: Changes, o: AgreementPlan, n: AgreementPlan): void {
  for (const f of n.fx ?? []) {
    const g = (o.fx ?? []).find((x) => x.from === f.from && x.to === f.to);
    if (!g || comparable(g.rates) === comparable(f.rates)) continue;
    const before = new Map(g.rates.map((r) => [r.date, r.rate]));
    const changed = f.rates.filter((r) => before.get(r.date) !== r.rate).length + g.rates.filter((r) => !f.rates.some((x) => x.date === r.date)).length;
    c.list.push({
      agreement: n.id, service: null, kind: 'fx', op: 'changed', subject: `fx ${f.from}→${f.to} rates`, old: `${g.rates.length} dates`,
      new: `${f.rates.length} dates`, text: `fx ${f.from}→${f.to} rates: ${changed} date${changed === 1 ? '' : 's'} added or changed`,
    });
  }
}
