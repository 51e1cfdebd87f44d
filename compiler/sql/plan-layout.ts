// Lays a set of hashed agreement plans out as rows of the plan tables (plan-schema.ts).
// Pure: no I/O. Everything the rating SQL needs in integer form is computed here once,
// so the per-record SQL does integer arithmetic only.
import type { AgreementPlan, BandWindow, HashedAgreementPlan, RoundingMethod } from '../plan.js';
import { PLAN_TABLE_DEFS } from './plan-schema.js';
import { PlanLayoutError, PRICE_DECIMALS, toNano } from './money.js';
import { layoutPartnerKeys } from './plan-layout-partners.js';
import { FxLayout } from './plan-fx.js';
import { originRows, serviceColumns } from './plan-layout-unit-pricing.js';

export type Row = Record<string, string | number | boolean | null>;

/** The shape facts the generated SQL depends on (not the values). */
export interface PlanShape {
  /** distinct prefix lengths present, longest first: one equality join each */
  prefixLengths: number[];
  /** some trunk or partner key serves more than one agreement (or an id repeats): pick by validity */
  ambiguousAgreements: boolean;
  /** some agreement is found by partner code (plan_partner_keys has rows); absent = none */
  partnerKeys?: true;
  /** some service is priced in another currency than its agreement (fx); absent = assume so */
  hasFx?: boolean;
  /** distinct A-number prefix lengths of services with origin pricing (absent = none: no origin SQL) */
  originPrefixLengths?: number[];
  /** some service prices by roaming call category */
  hasCategories?: boolean;
}

export interface PlanLayout {
  tables: Record<string, Row[]>;
  shape: PlanShape;
}

export const OPEN_DATE = '9999-12-31';
export const OPEN_STEP = 2_147_483_647;
const MAX_PREFIX_DIGITS = 18;
/** printable ASCII except the quote characters: one code per band in the minute maps */
const BAND_CODES = [...Array(94).keys()].map((i) => String.fromCharCode(33 + i)).filter((c) => c !== "'" && c !== '"');
const ROUNDING: RoundingMethod[] = ['half-up', 'half-even', 'up', 'down'];

export function layoutPlans(plans: HashedAgreementPlan[]): PlanLayout {
  const t: Record<string, Row[]> = Object.fromEntries(PLAN_TABLE_DEFS.map((d) => [d.name, [] as Row[]]));
  const lengths = new Set<number>();
  const trunkOwners = new Map<string, number>();
  const ids = new Set<string>();
  let ambiguous = false;
  const partnerKeys = new Set<string>();
  const zoneIds = new Map<string, number>();
  const zoneIdx = (z: string) => zoneIds.get(z) ?? zoneIds.set(z, zoneIds.size).get(z)!;
  let svcIdx = 0;
  let nextZone = 0;
  let nextPrefix = 0;
  let rateIdx = 0;
  const fx = new FxLayout();
  let nextOriginPrefix = 0;
  const originLengths = new Set<number>();
  let hasCategories = false;

  plans.forEach(({ plan, hash }, agIdx) => {
    const where = `agreement ${plan.id}`;
    if (ids.has(plan.id)) ambiguous = true;
    ids.add(plan.id);
    t.plan_agreements!.push({
      ag_idx: agIdx, agreement_id: plan.id, version: plan.version, plan_hash: hash, currency: plan.currency,
      timezone: plan.timezone, tz_idx: zoneIdx(plan.timezone), valid_from: plan.validFrom, valid_to: plan.validTo ?? OPEN_DATE,
    });
    const trunks = new Set(plan.interconnects.flatMap((i) => i.trunks));
    for (const trunk of trunks) {
      if (trunkOwners.has(trunk)) ambiguous = true;
      trunkOwners.set(trunk, agIdx);
      t.plan_trunks!.push({ trunk, ag_idx: agIdx });
    }
    for (const day of new Set(plan.holidays)) t.plan_holidays!.push({ ag_idx: agIdx, day });
    const runs = dayRuns(plan);
    for (const w of runs) t.plan_band_windows!.push({ ag_idx: agIdx, ...w });
    const bandNames = [...new Set([
      ...plan.bands, ...runs.map((w) => String(w.band)), ...plan.services.flatMap((s) => s.rates.map((r) => r.band)),
    ])];
    if (bandNames.length > BAND_CODES.length) throw new PlanLayoutError(`${where}: more than ${BAND_CODES.length} time bands`);
    const bandCode = new Map(bandNames.map((band, i) => [band, BAND_CODES[i]!]));
    for (const [band, code] of bandCode) t.plan_bands!.push({ ag_idx: agIdx, code, band });
    fx.agreement(t, plan, agIdx);

    const keys = new Set<string>();
    if (layoutPartnerKeys(plan, agIdx, t.plan_partner_keys!, partnerKeys)) ambiguous = true;
    for (const s of plan.services) {
      const sw = `${where} service ${s.name}`;
      const direction = s.direction === 'payable' ? 'out' : 'in';
      const r = s.recordRounding;
      if (!ROUNDING.includes(r.method)) throw new PlanLayoutError(`${sw}: unknown rounding method ${r.method}`);
      if (!Number.isInteger(r.decimals) || r.decimals < 0 || r.decimals > PRICE_DECIMALS) {
        throw new PlanLayoutError(`${sw}: rounding to ${r.decimals} decimals is outside 0..${PRICE_DECIMALS}`);
      }
      const b = s.billing ?? { firstSeconds: 1, nextSeconds: 1, minimumSeconds: 0 };
      if (b.firstSeconds < 1 || b.nextSeconds < 1) throw new PlanLayoutError(`${sw}: billing increments must be at least 1 second`);
      const mul = 10n ** BigInt(PRICE_DECIMALS - r.decimals);
      t.plan_services!.push({
        svc_idx: svcIdx, ag_idx: agIdx, service: s.name, kind: s.kind, direction,
        first_s: b.firstSeconds, next_s: b.nextSeconds, min_s: b.minimumSeconds,
        connect_n60: s.connectFee === null ? '0' : (toNano(s.connectFee, `${sw} connect fee`) * 60n).toString(),
        max_n60: s.maximumPerCall === null ? null : (toNano(s.maximumPerCall, `${sw} maximum`) * 60n).toString(),
        zero_charged: s.zeroDurationCharged, split: s.boundaryRule === 'split',
        round_method: r.method, round_decimals: r.decimals,
        round_den: (60n * mul).toString(), round_mul: mul.toString(),
        ...serviceColumns(s, sw),
      });
      fx.service(t, plan, s, agIdx, svcIdx);
      if (s.byCategory) hasCategories = true;
      const svcRow = t.plan_services![t.plan_services!.length - 1]!;
      const key = `${s.kind}/${direction}`;
      if (!keys.has(key)) {
        keys.add(key);
        t.plan_service_keys!.push({ ag_idx: agIdx, kind: s.kind, direction, svc_idx: svcIdx });
      }

      const zoneIdx = new Map<string, number>();
      // A deck zone may have several tariffs (plan.ts): each is its own zone id, one name.
      const zoneOf = (zone: string, tariff?: string): number => {
        const zkey = tariff === undefined ? zone : `${zone}\u0000${tariff}`;
        let z = zoneIdx.get(zkey);
        if (z === undefined) {
          z = nextZone++;
          zoneIdx.set(zkey, z);
          t.plan_zones!.push({ zone_idx: z, svc_idx: svcIdx, zone });
        }
        return z;
      };
      const barred = new Set(s.barredZones);
      const seen = new Set<string>();
      for (const p of s.prefixes) {
        if (!/^\d*$/.test(p.prefix) || p.prefix.length > MAX_PREFIX_DIGITS) {
          throw new PlanLayoutError(`${sw}: prefix "${p.prefix}" must be at most ${MAX_PREFIX_DIGITS} digits`);
        }
        if (seen.has(p.prefix)) continue; // the compiler reports duplicates; first one wins here
        seen.add(p.prefix);
        lengths.add(p.prefix.length);
        t.plan_prefixes!.push({
          pfx_idx: nextPrefix++, svc_idx: svcIdx, plen: p.prefix.length,
          pkey: p.prefix === '' ? '0' : BigInt(p.prefix).toString(),
          prefix: p.prefix, zone_idx: zoneOf(p.zone, p.tariff), zone: p.zone, barred: barred.has(p.zone),
        });
      }

      const origin = originRows(s, svcIdx, zoneOf, nextOriginPrefix, sw);
      nextOriginPrefix += origin.rows.length;
      t.plan_origin_prefixes!.push(...origin.rows);
      svcRow.origin_none_idx = origin.noneIdx;
      for (const l of origin.lengths) originLengths.add(l);

      const lines = [...s.rates].sort((x, y) => cmp(x.zone, y.zone) || cmp(x.tariff ?? '', y.tariff ?? '') || cmp(x.origin ?? '', y.origin ?? '') || cmp(x.band, y.band) || cmp(x.effectiveFrom, y.effectiveFrom));
      lines.forEach((line, i) => {
        const prev = lines[i - 1];
        if (prev && prev.zone === line.zone && prev.tariff === line.tariff && (prev.origin ?? '') === (line.origin ?? '') && prev.band === line.band && (prev.effectiveTo ?? OPEN_DATE) > line.effectiveFrom) {
          // two lines in force on one date would rate a record twice
          throw new PlanLayoutError(`${sw}: rate lines ${prev.clause} and ${line.clause} overlap in time`);
        }
        const closed = line.closed === true;
        if (line.steps.length === 0 && !closed) throw new PlanLayoutError(`${sw}: rate line ${line.clause} has no price`);
        const steps = [...line.steps].sort((x, y) => x.fromSecond - y.fromSecond);
        const inc = line.increments;
        if (inc && (!Number.isInteger(inc.firstSeconds) || !Number.isInteger(inc.nextSeconds) || inc.firstSeconds < 1 || inc.nextSeconds < 1)) {
          throw new PlanLayoutError(`${sw}: rate line ${line.clause} has billing increments below 1 second`);
        }
        t.plan_rates!.push({
          rate_idx: rateIdx, svc_idx: svcIdx, zone_idx: zoneOf(line.zone, line.tariff), band_code: bandCode.get(line.band)!,
          zone: line.zone, band: line.band,
          eff_from: line.effectiveFrom, eff_to: line.effectiveTo ?? OPEN_DATE, clause: line.clause, source: line.source,
          n_steps: steps.length, price0_n: closed ? '0' : toNano(steps[0]!.price, `${sw} ${line.clause}`).toString(),
          first_s: inc?.firstSeconds ?? null, next_s: inc?.nextSeconds ?? null, closed,
          origin_idx: line.origin ? zoneOf(line.origin) : -1,
        });
        steps.forEach((st, k) => {
          t.plan_rate_steps!.push({
            rate_idx: rateIdx, step_no: k, from_s: st.fromSecond, to_s: st.toSecond ?? OPEN_STEP,
            price_n: toNano(st.price, `${sw} ${line.clause}`).toString(),
          });
        });
        rateIdx++;
      });
      svcIdx++;
    }
  });

  return {
    tables: t,
    shape: {
      prefixLengths: [...lengths].sort((a, b) => b - a), ambiguousAgreements: ambiguous,
      // the partner join costs a probe per record: only generated when some agreement needs it
      ...(t.plan_partner_keys!.length > 0 ? { partnerKeys: true as const } : {}),
      hasFx: t.plan_fx_services!.length > 0,
      ...(originLengths.size ? { originPrefixLengths: [...originLengths].sort((a, b) => b - a) } : {}),
      ...(hasCategories ? { hasCategories: true } : {}),
    },
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The 14 day profiles with adjacent windows of the same band merged into runs, so a
 * call that stays inside one run never needs the split path. A profile the plan
 * leaves empty falls back to the ordinary day (for a holiday), then to the first band.
 */
export function dayRuns(plan: AgreementPlan): Row[] {
  const out: Row[] = [];
  const byProfile = new Map<string, BandWindow[]>();
  for (const w of plan.bandWindows) {
    const k = `${w.holiday}/${w.isoDow}`;
    (byProfile.get(k) ?? byProfile.set(k, []).get(k)!).push(w);
  }
  const fallbackBand = plan.bands[0] ?? 'any';
  for (const holiday of [false, true]) {
    for (let dow = 1; dow <= 7; dow++) {
      let ws = byProfile.get(`${holiday}/${dow}`) ?? (holiday ? byProfile.get(`false/${dow}`) : undefined);
      ws = ws && ws.length ? [...ws].sort((a, b) => a.startMinute - b.startMinute) : [
        { holiday, isoDow: dow, startMinute: 0, endMinute: 1440, band: fallbackBand },
      ];
      let cur: { start_min: number; end_min: number; band: string } | null = null;
      for (const w of ws) {
        if (cur && cur.band === w.band && cur.end_min === w.startMinute) {
          cur.end_min = w.endMinute;
          continue;
        }
        if (cur) out.push({ holiday, iso_dow: dow, ...cur });
        cur = { start_min: w.startMinute, end_min: w.endMinute, band: w.band };
      }
      if (cur) out.push({ holiday, iso_dow: dow, ...cur });
    }
  }
  return out;
}
