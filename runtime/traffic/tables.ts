// Turns a rating plan into the small lookup tables the traffic SQL joins against.
// Every weighted choice is laid out as "slots" (a row repeated by weight) so the SQL can
// pick with one equality join on `hash(...) % slots` instead of a range join.
import type { AgreementPlan, ServiceKind } from '../../compiler/plan.js';
import { findUnmatchedPrefix } from './no-zone.js';

export interface ServiceRow {
  svc: number;
  service: string;
  kind: ServiceKind;
  direction: 'in' | 'out';
  nTrunks: number;
  nZoneSlots: number;
  /** a digit string that no prefix of the service matches; null when none exists or `any` is rated */
  noZonePrefix: string | null;
}

export interface TrafficTables {
  services: ServiceRow[];
  /** 100 slots: the kind mix and the split between services of one kind */
  serviceSlots: { slot: number; svc: number }[];
  trunks: { svc: number; idx: number; trunk: string }[];
  zoneSlots: { svc: number; slot: number; zoneIdx: number }[];
  zones: { svc: number; zoneIdx: number; zone: string; nPrefixes: number }[];
  prefixes: { svc: number; zoneIdx: number; idx: number; prefix: string }[];
}

/** Destinations used for a zone that matches everything (`any`): plausible international numbers. */
export const ANY_ZONE_DESTINATIONS = ['447', '4420', '336', '331', '4915', '4930', '3933', '346', '3531', '1212', '8613', '9198', '2348', '5511'];
/** Plausible calling-number prefixes (A-numbers). */
export const ORIGIN_PREFIXES = ['447', '4420', '4412', '336', '331', '4917', '3934', '346', '3531', '1646'];

/** Share of voice in the kind mix when the agreement has both voice and sms services. */
const VOICE_SHARE = 85;

/** Stable small integer from a name, so zone popularity varies but never with the seed. */
function nameWeight(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % 20;
}

export function buildTables(plan: AgreementPlan): TrafficTables {
  const services: ServiceRow[] = [];
  const trunks: TrafficTables['trunks'] = [];
  const zoneSlots: TrafficTables['zoneSlots'] = [];
  const zones: TrafficTables['zones'] = [];
  const prefixes: TrafficTables['prefixes'] = [];

  for (const s of plan.services) {
    // Only the trunks of interconnects that carry this kind; an interconnect that states no
    // traffic is taken to carry every kind.
    const svcTrunks = [
      ...new Set(plan.interconnects.filter((ic) => ic.traffic.length === 0 || ic.traffic.includes(s.kind)).flatMap((ic) => ic.trunks)),
    ];
    if (svcTrunks.length === 0 || s.prefixes.length === 0) continue;
    const svc = services.length;
    svcTrunks.forEach((trunk, idx) => trunks.push({ svc, idx, trunk }));

    const byZone = new Map<string, string[]>();
    for (const p of s.prefixes) {
      const list = byZone.get(p.zone) ?? [];
      list.push(p.prefix);
      byZone.set(p.zone, list);
    }
    const rated = new Set(s.rates.map((r) => r.zone));
    const barred = new Set(s.barredZones);
    let slot = 0;
    let zoneIdx = 0;
    let hasAny = false;
    for (const [zone, list] of byZone) {
      // The empty prefix (zone `any`) matches every number: expand it into real-looking destinations.
      const expanded = list.flatMap((p) => (p === '' ? ANY_ZONE_DESTINATIONS : [p]));
      if (list.includes('')) hasAny = true;
      const unique = [...new Set(expanded)];
      zones.push({ svc, zoneIdx, zone, nPrefixes: unique.length });
      unique.forEach((prefix, idx) => prefixes.push({ svc, zoneIdx, idx, prefix }));
      // Rated zones carry most traffic (popularity varies by zone); barred and unrated zones a trickle.
      const weight = barred.has(zone) || !rated.has(zone) ? 1 : 5 + nameWeight(zone);
      for (let k = 0; k < weight; k++) zoneSlots.push({ svc, slot: slot++, zoneIdx });
      zoneIdx++;
    }
    services.push({
      svc,
      service: s.name,
      kind: s.kind,
      direction: s.direction === 'payable' ? 'out' : 'in',
      nTrunks: svcTrunks.length,
      nZoneSlots: slot,
      noZonePrefix: hasAny ? null : findUnmatchedPrefix(s.prefixes.map((p) => p.prefix)),
    });
  }

  return { services, serviceSlots: serviceSlots(services), trunks, zoneSlots, zones, prefixes };
}

function serviceSlots(services: ServiceRow[]): { slot: number; svc: number }[] {
  const voice = services.filter((s) => s.kind === 'voice');
  const sms = services.filter((s) => s.kind === 'sms');
  const voiceSlots = voice.length === 0 ? 0 : sms.length === 0 ? 100 : VOICE_SHARE;
  const out: { slot: number; svc: number }[] = [];
  for (let slot = 0; slot < 100; slot++) {
    const group = slot < voiceSlots ? voice : sms;
    const k = slot < voiceSlots ? slot : slot - voiceSlots;
    out.push({ slot, svc: group[k % group.length]!.svc });
  }
  return out;
}
