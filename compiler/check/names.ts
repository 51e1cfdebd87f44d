// Name resolution: required and once-only declarations, duplicate names, and every
// reference (zone, band, service, holiday calendar) resolved against its definitions.
import type { Name, Node } from '../../language/ast.js';
import { isDeckDestination } from '../deck/load.js';
import { ANY_ZONE, type AgreementModel } from '../model.js';
import { at, rangeFrom, type Sink } from '../sink.js';

export function checkNames(m: AgreementModel, sink: Sink): void {
  checkRequired(m, sink);
  checkOnce(m, sink);
  checkDuplicateNames(m, sink);
  checkReferences(m, sink);
  checkServiceKeys(m, sink);
}

function checkRequired(m: AgreementModel, sink: Sink): void {
  const id = m.ast.id;
  const missing: string[] = [];
  if (m.us.length === 0) missing.push('`us` party (inside `parties { us NAME "Legal name" }`)');
  if (m.partner.length === 0) missing.push('`partner` party (inside `parties { partner NAME "Legal name" type interconnect }`)');
  if (m.currencies.length === 0) missing.push('`currency` (e.g. `currency EUR`)');
  if (m.valids.length === 0) missing.push('`valid` dates (e.g. `valid 2026-01-01 .. 2026-12-31`)');
  if (m.timezones.length === 0) missing.push('`timezone` (an IANA zone, e.g. `timezone Europe/Paris`)');
  for (const what of missing) {
    sink.report('ICX3005', `Agreement ${id?.text ?? ''} declares no ${what}; add it.`, id?.range ?? m.ast.range);
  }
}

function checkOnce(m: AgreementModel, sink: Sink): void {
  const once: [string, Node[]][] = [
    ['version', m.versions],
    ['parties', m.partiesBlocks],
    ['currency', m.currencies],
    ['valid', m.valids],
    ['timezone', m.timezones],
    ['timebands', m.timebands],
    ['us party', m.us],
    ['partner party', m.partner],
  ];
  for (const [what, nodes] of once) {
    for (const n of nodes.slice(1)) {
      sink.report(
        'ICX3006',
        `\`${what}\` is already declared at ${at(m.uri, nodes[0]!.range)}; keep one and delete this one.`,
        n.range,
      );
    }
  }
}

/** Reports every later definition of a name already defined in the same namespace. */
export function reportDuplicates(
  what: string,
  names: (Name | undefined)[],
  sink: Sink,
  uri: string,
  reserved: string[] = [],
): void {
  const seen = new Map<string, Name>();
  for (const n of names) {
    if (!n?.text) continue;
    if (reserved.includes(n.text)) {
      sink.report('ICX2001', `\`${n.text}\` is built in and cannot be defined as a ${what}; choose another name.`, n.range);
      continue;
    }
    const first = seen.get(n.text);
    if (first) {
      sink.report(
        'ICX2001',
        `The ${what} ${n.text} is already defined at ${at(uri, first.range)}; rename or remove one of them.`,
        n.range,
      );
    } else seen.set(n.text, n);
  }
}

function checkDuplicateNames(m: AgreementModel, sink: Sink): void {
  reportDuplicates('zone', m.zones.map((z) => z.name), sink, m.uri, [ANY_ZONE]);
  reportDuplicates('time band', (m.timebands[0]?.bands ?? []).map((b) => b.name), sink, m.uri);
  reportDuplicates('service', m.services.map((s) => s.name), sink, m.uri);
  reportDuplicates('holiday calendar', m.holidays.map((h) => h.name), sink, m.uri);
  reportDuplicates('interconnect', m.interconnects.map((i) => i.name), sink, m.uri);
  // Test titles name the test in reports, so two tests with one title could not be told apart.
  const titles = m.tests.map((t) =>
    t.title ? ({ text: t.title.value, range: t.title.range } satisfies Name) : undefined,
  );
  reportDuplicates('test', titles, sink, m.uri);
  // A trunk listed twice inside one agreement is a typo (across agreements: ICX2007).
  const trunks = m.interconnects.flatMap((i) => i.trunks ?? []);
  reportDuplicates('trunk', trunks, sink, m.uri);
}

function checkReferences(m: AgreementModel, sink: Sink): void {
  const zoneNames = [...m.zoneByName.keys()];
  const unknownZone = (n: Name | undefined) => {
    if (!n?.text || n.text === ANY_ZONE || m.zoneByName.has(n.text)) return;
    sink.report(
      'ICX2002',
      `Unknown zone ${n.text}; define it in \`zones { ... }\` or use one of: ${[ANY_ZONE, ...zoneNames].join(', ')}.`,
      n.range,
    );
  };
  const unknownBand = (n: Name | undefined) => {
    if (!n?.text || m.bandNames.includes(n.text)) return;
    const hint =
      m.timebands.length === 0
        ? 'this agreement declares no time bands; remove the band name or add a `timebands` block'
        : `define it in \`timebands\` or use one of: ${m.bandNames.join(', ')}`;
    sink.report('ICX2003', `Unknown time band ${n.text}; ${hint}.`, n.range);
  };
  const unknownHoliday = (n: Name | undefined) => {
    if (!n?.text || m.holidayByName.has(n.text)) return;
    sink.report(
      'ICX2005',
      `Unknown holiday calendar ${n.text}; declare it with \`holidays ${n.text} { 2026-01-01 ... }\`.`,
      n.range,
    );
  };

  for (const b of m.timebands.flatMap((t) => t.bands ?? [])) {
    unknownHoliday(b.exceptHolidays);
    unknownHoliday(b.onHolidays);
  }
  for (const s of m.services) {
    for (const item of s.items ?? []) {
      if (item.kind === 'rate') {
        unknownZone(item.zone);
        for (const p of item.prices ?? []) unknownBand(p.band);
      } else if (item.kind === 'bar') {
        for (const z of item.zones ?? []) unknownZone(z);
      }
    }
  }
  for (const t of m.tests) {
    const svc = t.usage?.service;
    if (svc?.text && !m.serviceByName.has(svc.text)) {
      sink.report(
        'ICX2004',
        `Unknown service ${svc.text}; use one of: ${[...m.serviceByName.keys()].join(', ') || '(none declared)'}.`,
        svc.range,
      );
    }
    if (t.expect?.kind === 'amount') {
      // a destination of the service's rate deck is a zone too (compiler/deck/)
      // a service priced by call category rates each record in its category's zone
      const categories = (m.serviceByName.get(svc?.text ?? '')?.items ?? []).flatMap((i) => (i.kind === 'rate' && i.category ? [i.category.text] : []));
      if (!isDeckDestination(svc?.text ? m.serviceByName.get(svc.text) : undefined, t.expect.zone?.text) && !categories.includes(t.expect.zone?.text ?? '')) unknownZone(t.expect.zone);
      unknownBand(t.expect.band);
    }
  }
}

/** Records are matched to a service by kind and direction, so that pair must be unique. */
function checkServiceKeys(m: AgreementModel, sink: Sink): void {
  const seen = new Map<string, { name: string; range: Node['range'] }>();
  for (const s of m.services) {
    const kind = s.serviceKind?.text;
    const dir = s.direction?.text;
    if (!kind || !dir) continue;
    const key = `${kind} ${dir}`;
    const first = seen.get(key);
    // A second service of the same name is already a duplicate (ICX2001): one error is enough.
    if (first && first.name !== s.name?.text) {
      sink.report(
        'ICX2008',
        `Service ${s.name?.text} is a second ${key} service (${first.name} at ${at(m.uri, first.range)}); ` +
          `usage is matched to a service by kind and direction, so merge their rates into one service.`,
        s.name?.range ?? rangeFrom(s.range.start, 7),
      );
    } else seen.set(key, { name: s.name?.text ?? '', range: s.name?.range ?? s.range });
  }
}
