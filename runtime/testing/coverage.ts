// `icx test --coverage`: which items of each agreement (compiler/lower/coverage.ts: rate lines,
// zones, bands, bars, surcharges, tiers, discounts, commitments, period fees, digital terms) no
// test exercises, by the records and charge lines every test produced (docs/language.md
// "Coverage"). Percentages are of whole items, computed on integers: no money here.
import type { CoverageItemPlan } from '../../compiler/plan.js';
import type { Exercised } from './traffic-tests.js';

export interface AgreementCoverage {
  agreementId: string;
  items: number;
  covered: number;
  /** covered / items × 100, one decimal, as text ("75.0"); "100.0" for an agreement with no items */
  percent: string;
  uncovered: CoverageItemPlan[];
}

export interface CoverageReport {
  agreements: AgreementCoverage[];
  items: number;
  covered: number;
  percent: string;
}

/** `<uri>:<line>` sources in a rated record's rate_source (a surcharged or split record lists several). */
function sourcesOf(rateSource: string | null): string[] {
  return rateSource === null ? [] : rateSource.split(/[\s+,;]+/).filter((s) => /:\d+$/.test(s));
}

const BARRED_ZONE = /barred zone (\S+)/;
const ORIGIN_ZONE = /origin (?:outside )?([A-Za-z][A-Za-z0-9_-]*)/g;
const CITED_LINE = /[\w./-]+\.\w+:\d+/g;

export function computeCoverage(items: readonly CoverageItemPlan[], runs: readonly Exercised[]): CoverageReport {
  const key = (...parts: (string | null | undefined)[]) => parts.map((p) => p ?? '').join('\u0000');
  const sources = new Set<string>();
  const zones = new Set<string>();
  const bands = new Set<string>();
  const barred = new Set<string>();
  for (const run of runs) {
    for (const r of run.rated) {
      for (const s of sourcesOf(r.rateSource)) sources.add(key(r.agreementId, s));
      zones.add(key(r.agreementId, r.zone));
      // an origin zone is exercised by a record it (or its `outside`) priced: `… + svc/surcharge origin outside EU`
      for (const m of (r.clause ?? '').matchAll(ORIGIN_ZONE)) zones.add(key(r.agreementId, m[1]));
      if (r.band !== null) bands.add(key(r.agreementId, r.band));
    }
    for (const b of run.barred) {
      // a closed deck line is exercised by the call it sent to `closed` (the detail cites the line)
      if (b.reason === 'closed') for (const m of b.detail.matchAll(CITED_LINE)) sources.add(key(b.agreementId, m[0]));
      if (b.reason !== 'barred') continue;
      const zone = BARRED_ZONE.exec(b.detail)?.[1];
      if (zone !== undefined) { barred.add(key(b.agreementId, zone)); zones.add(key(b.agreementId, zone)); }
    }
    for (const c of run.chargeSources) sources.add(key(c.agreementId, c.source));
  }
  const exercised = (it: CoverageItemPlan): boolean => {
    switch (it.kind) {
      case 'zone': return zones.has(key(it.agreementId, it.match.zone));
      case 'band': return bands.has(key(it.agreementId, it.match.band));
      case 'bar': return barred.has(key(it.agreementId, it.match.zone));
      default: return sources.has(key(it.agreementId, it.source));
    }
  };
  const byAgreement = new Map<string, CoverageItemPlan[]>();
  for (const it of items) byAgreement.set(it.agreementId, [...(byAgreement.get(it.agreementId) ?? []), it]);
  const agreements = [...byAgreement.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([agreementId, list]) => {
    const uncovered = list.filter((it) => !exercised(it));
    return { agreementId, items: list.length, covered: list.length - uncovered.length, percent: percent(list.length - uncovered.length, list.length), uncovered };
  });
  const total = items.length;
  const covered = agreements.reduce((n, a) => n + a.covered, 0);
  return { agreements, items: total, covered, percent: percent(covered, total) };
}

/** covered/items in percent to one decimal, rounded down (a threshold is never met by rounding up). */
export function percent(covered: number, items: number): string {
  if (items === 0) return '100.0';
  const tenths = Math.floor((covered * 1000) / items);
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/** Below the threshold (a percent, decimal text): compared on integers, in tenths of a percent. */
export function belowThreshold(report: CoverageReport, threshold: number): boolean {
  return report.items > 0 && report.covered * 100 < threshold * report.items;
}

/** The text report: per agreement its percent and every uncovered item at file:line. */
export function renderCoverage(report: CoverageReport, display: (source: string) => string): string {
  const lines: string[] = ['', 'coverage (items no test exercises):'];
  for (const a of report.agreements) {
    lines.push(`  ${a.agreementId}  ${a.percent}%  (${a.covered} of ${a.items})`);
    for (const it of a.uncovered) lines.push(`    ${display(it.source)}  ${it.kind} ${it.label}`);
  }
  lines.push(`overall ${report.percent}%  (${report.covered} of ${report.items} items)`);
  return lines.join('\n') + '\n';
}
