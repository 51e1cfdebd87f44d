// Zones and prefixes. A service's number table is the prefixes of the zones it rates or
// bars, matched longest-prefix first; so within one service a prefix must name one zone.
import type { Name, PrefixLit, ServiceBlock } from '../../language/ast.js';
import { ANY_ZONE, type AgreementModel } from '../model.js';
import { at, type Sink } from '../sink.js';
import { originZones } from './unit-pricing.js';

/** Zone names a service rates or bars, first mention first, `any` included, no duplicates. */
export function serviceZones(s: ServiceBlock): string[] {
  // a Set keeps first-mention order and stays linear on services with thousands of rate lines
  const out = new Set<string>();
  const add = (n: Name | undefined) => {
    if (n?.text) out.add(n.text);
  };
  for (const item of s.items ?? []) {
    if (item.kind === 'rate' && !item.category) add(item.zone); // a category line names no zone
    else if (item.kind === 'bar') (item.zones ?? []).forEach(add);
  }
  return [...out];
}

export function isDigitPrefix(p: PrefixLit): boolean {
  return /^[0-9]+$/.test((p.text ?? '').replace(/\s+/g, '')) && /^[0-9]+$/.test(p.digits ?? '');
}

export function checkZones(m: AgreementModel, sink: Sink): void {
  for (const z of m.zones) {
    const seen = new Map<string, PrefixLit>();
    for (const p of z.prefixes ?? []) {
      if (!isDigitPrefix(p)) {
        sink.report('ICX3009', `Prefix ${p.text} must be digits only (groups separated by spaces, e.g. \`33 6\`).`, p.range);
        continue;
      }
      const first = seen.get(p.digits);
      if (first) {
        sink.report('ICX5007', `Prefix ${p.digits} is already listed in zone ${z.name?.text} (${at(m.uri, first.range)}); remove this copy.`, p.range);
      } else seen.set(p.digits, p);
    }
  }

  // origin zones (`rate Z origin O`, `surcharge origin O`) are used too: they match A-numbers
  const used = new Set([...m.services.flatMap(serviceZones), ...m.services.flatMap(originZones)]);
  for (const z of m.zones) {
    if (m.zoneByName.get(z.name?.text) !== z) continue; // a duplicate definition: reported by names.ts
    if (!used.has(z.name.text)) {
      sink.report('ICX5002', `Zone ${z.name.text} is neither rated nor barred by any service; add a rate or bar for it, or delete it.`, z.name.range);
    }
  }

  // One report per (prefix, zone pair), however many services use both zones.
  const reported = new Set<string>();
  for (const s of m.services) {
    const owner = new Map<string, { zone: string; lit: PrefixLit }>();
    for (const zn of serviceZones(s)) {
      if (zn === ANY_ZONE) continue;
      const z = m.zoneByName.get(zn);
      if (!z) continue;
      for (const p of z.prefixes ?? []) {
        if (!isDigitPrefix(p)) continue;
        const prev = owner.get(p.digits);
        if (!prev) {
          owner.set(p.digits, { zone: zn, lit: p });
        } else if (prev.zone !== zn) {
          const key = `${p.digits}|${prev.zone}|${zn}`;
          if (reported.has(key)) continue;
          reported.add(key);
          // Report at the later of the two in the source, citing the earlier one.
          const [early, late] =
            prev.lit.range.start.offset <= p.range.start.offset
              ? [{ zone: prev.zone, lit: prev.lit }, { zone: zn, lit: p }]
              : [{ zone: zn, lit: p }, { zone: prev.zone, lit: prev.lit }];
          sink.report(
            'ICX5001',
            `Prefix ${p.digits} is in zone ${late.zone} and in zone ${early.zone} (${at(m.uri, early.lit.range)}), both used by service ${s.name?.text}; ` +
              `a number must match one zone, so keep the prefix in one of them.`,
            late.lit.range,
          );
        }
      }
    }
  }
}
