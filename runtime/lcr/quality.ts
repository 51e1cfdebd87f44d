// Quality floors judged on MEASURED traffic (`icx lcr --store`): ASR and ACD of the supplier's
// rated outbound voice records over a window (runtime/lcr/quality-measure.ts reads them), per
// zone where the zone has enough attempts, else supplier-wide; a supplier with too few attempts
// altogether is judged on the targets its agreement states (suppliers.ts qualityProblem), and a
// note says so. Pure: counts in, decisions and texts out.
//
// The rule of the traffic report (docs/usage.md "Traffic report"): a rated voice record whose
// duration as given is 0 is an unanswered attempt, any other an answered call.
//   ASR = answered / attempts × 100;  ACD = answered seconds (as given) / answered calls.
// The floors are compared exactly, without dividing: ASR < floor ⇔ answered × 100 < floor ×
// attempts; ACD < floor ⇔ answered seconds < floor × answered. Shown: ASR in percent and ACD in
// seconds, each half-up to 1 decimal (a display figure only).
import type { Route } from './build.js';
import { D } from './call-cost.js';
import type { QualityFloor } from './suppliers.js';

export interface QualityCounts {
  attempts: number;
  answered: number;
  /** the answered calls' durations as given, summed: an exact decimal string */
  answeredSeconds: string;
}

export interface SupplierMeasure {
  /** the window, local dates of the agreement's time zone, both inclusive */
  from: string;
  to: string;
  total: QualityCounts;
  /** per zone of the service (zones without traffic are absent) */
  zones: ReadonlyMap<string, QualityCounts>;
}

export interface MeasuredQuality {
  /** measureKey(agreement, service) → its measured traffic */
  bySupplier: ReadonlyMap<string, SupplierMeasure>;
  /** a zone (or a supplier) with fewer attempts is not judged on its own figure */
  minAttempts: number;
}

export const measureKey = (agreement: string, service: string) => `${agreement}\u0000${service}`;

/** The measured figures as shown (JSON `quality`, the summary). */
export interface QualityFigures {
  attempts: number;
  answered: number;
  /** percent, half-up to 1 decimal; null without attempts */
  asr: string | null;
  /** seconds, half-up to 1 decimal; null without answered calls */
  acd: string | null;
}

export interface QualityReport extends QualityFigures {
  /** `FROM..TO`, local dates, inclusive */
  window: string;
  /** what the floors were judged on: the measured figures, the stated targets (too few attempts), or no floor given */
  judgedOn: 'measured' | 'stated' | 'no floor';
  /** zones with traffic: `zone` = judged on its own figure, `supplier` = too few attempts, the supplier-wide one */
  zones: (QualityFigures & { zone: string; judgedOn: 'zone' | 'supplier'; excluded?: string })[];
}

export interface SupplierQuality {
  report: QualityReport;
  /** why this zone of the supplier is excluded by measured quality, or null */
  zoneProblem(zone: string): string | null;
}

export function figures(c: QualityCounts): QualityFigures {
  return {
    attempts: c.attempts,
    answered: c.answered,
    asr: c.attempts > 0 ? new D(c.answered).times(100).div(c.attempts).toDecimalPlaces(1, D.ROUND_HALF_UP).toFixed(1) : null,
    acd: c.answered > 0 ? new D(c.answeredSeconds).div(c.answered).toDecimalPlaces(1, D.ROUND_HALF_UP).toFixed(1) : null,
  };
}

/** Why measured counts fail the floor (ASR first, then ACD), or null. `where`: ` to ZONE` or ''. */
export function measuredProblem(c: QualityCounts, floor: QualityFloor, where: string, window: string): string | null {
  const f = figures(c);
  if (floor.asr !== undefined && new D(c.answered).times(100).lt(new D(floor.asr).times(c.attempts))) {
    return `quality: measured ASR ${f.asr}% over ${c.attempts} attempts${where} ${window}, below the floor ${floor.asr}%`;
  }
  if (floor.acd !== undefined) {
    if (c.answered === 0) return `quality: no answered call over ${c.attempts} attempts${where} ${window}: no ACD to meet the floor ${floor.acd} s`;
    if (new D(c.answeredSeconds).lt(new D(floor.acd).times(c.answered))) {
      return `quality: measured ACD ${f.acd} s over ${c.answered} answered of ${c.attempts} attempts${where} ${window}, below the floor ${floor.acd} s`;
    }
  }
  return null;
}

const NONE: QualityCounts = { attempts: 0, answered: 0, answeredSeconds: '0' };

/**
 * The quality decision for one supplier (agreement, service) with measured traffic:
 * - fewer than minAttempts attempts in all → the stated targets decide (`stated()`), noted;
 * - else each zone with at least minAttempts attempts is judged on its own figure, every other
 *   zone on the supplier-wide one. The supplier is left out whole (`excluded`) when the
 *   supplier-wide figure fails and no zone passes on its own; else only its failing zones are
 *   (zoneProblem, applied to the route table by excludeByQuality).
 */
export function judgeQuality(
  agreement: string, service: string, measured: MeasuredQuality, floor: QualityFloor | undefined,
  stated: () => string | null, notes: string[],
): { excluded: string | null; quality: SupplierQuality } {
  const m = measured.bySupplier.get(measureKey(agreement, service));
  const total = m?.total ?? NONE;
  const window = m ? `${m.from}..${m.to}` : '';
  const min = measured.minAttempts;
  const hasFloor = floor !== undefined && (floor.asr !== undefined || floor.acd !== undefined);
  const zones: QualityReport['zones'] = [];
  const report: QualityReport = { window, judgedOn: 'no floor', ...figures(total), zones };
  const enough = total.attempts >= min;
  const zoneFail = new Map<string, string>();
  let wide: string | null = null;
  for (const [zone, c] of [...(m?.zones ?? new Map<string, QualityCounts>())].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const own = enough && c.attempts >= min;
    zones.push({ zone, judgedOn: own ? 'zone' : 'supplier', ...figures(c) });
    if (own && hasFloor) {
      const p = measuredProblem(c, floor!, ` to ${zone}`, window);
      if (p) {
        zoneFail.set(zone, p);
        zones[zones.length - 1]!.excluded = p;
      }
    }
  }
  if (!hasFloor) return { excluded: null, quality: { report, zoneProblem: () => null } };
  if (!enough) {
    report.judgedOn = 'stated';
    notes.push(`${agreement} (${service}): ${total.attempts} attempt${total.attempts === 1 ? '' : 's'} measured ${window} (fewer than --min-attempts ${min}): quality judged on the agreement's stated targets`);
    const s = stated();
    return { excluded: s === null ? null : `${s} (only ${total.attempts} attempt${total.attempts === 1 ? '' : 's'} measured ${window})`, quality: { report, zoneProblem: () => null } };
  }
  report.judgedOn = 'measured';
  wide = measuredProblem(total, floor!, '', window);
  const ownPass = zones.some((z) => z.judgedOn === 'zone' && z.excluded === undefined);
  if (wide !== null && !ownPass) return { excluded: wide, quality: { report, zoneProblem: () => wide } };
  for (const z of zones) if (z.judgedOn === 'supplier' && wide !== null) z.excluded = wide;
  const zoneProblem = (zone: string): string | null => {
    const own = m?.zones.get(zone);
    if (own !== undefined && own.attempts >= min) return zoneFail.get(zone) ?? null;
    return wide;
  };
  return { excluded: null, quality: { report, zoneProblem } };
}

/**
 * Moves the offers of zones that measured quality excludes into the prefix's excluded list
 * (with the measured reason). The remaining offers keep their order: the ranking is unchanged.
 */
export function excludeByQuality(routes: Route[]): Route[] {
  for (const r of routes) {
    if (!r.offers.some((o) => o.supplier.quality)) continue;
    const kept = [];
    for (const o of r.offers) {
      const why = o.supplier.quality?.zoneProblem(o.zone) ?? null;
      if (why === null) kept.push(o);
      else r.excluded.push({ supplier: o.supplier, matched: o.matched, zone: o.zone, reason: why });
    }
    r.offers = kept;
  }
  return routes;
}

/** Routes whose offers measured quality removed (for the summary). */
export function qualityExclusions(routes: readonly Route[]): number {
  let n = 0;
  for (const r of routes) n += r.excluded.filter((x) => x.reason.startsWith('quality: ')).length;
  return n;
}
