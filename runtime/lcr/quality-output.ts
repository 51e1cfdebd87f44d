// Measured quality in the outputs of `icx lcr --store`: `suppliers[].quality` in the JSON
// document and a clause of the summary line. Kept apart from output.ts (the route table's own
// formats): the JSON document is extended after it is rendered, only when quality was measured.
import type { Route } from './build.js';
import { qualityExclusions } from './quality.js';
import type { SupplierSet } from './suppliers.js';

/** Adds `quality` (the measured figures, runtime/lcr/quality.ts QualityReport) to each supplier of a routesJson document. */
export function withQualityJson(json: string, set: SupplierSet): string {
  if (!set.suppliers.some((s) => s.quality)) return json;
  const doc = JSON.parse(json) as { suppliers: { agreement: string; service: string }[] };
  doc.suppliers = doc.suppliers.map((x) => {
    const s = set.suppliers.find((y) => y.agreement === x.agreement && y.service.name === x.service);
    return s?.quality ? { ...x, quality: s.quality.report } : x;
  });
  return JSON.stringify(doc, null, 2) + '\n';
}

/** `; measured quality: ALPHA ASR 62.5% ACD 84.0 s over 120 attempts 2026-02-13..2026-03-14, …; 3 routes excluded by measured quality` */
export function qualitySummary(set: SupplierSet, routes: readonly Route[]): string {
  const measured = set.suppliers.filter((s) => s.quality);
  if (measured.length === 0) return '';
  // a partner with several agreements among the suppliers is named with the agreement
  const twice = new Set(measured.map((s) => s.name).filter((n, i, all) => all.indexOf(n) !== i));
  const parts = measured.map((s) => {
    const q = s.quality!.report;
    const figs = q.attempts === 0 ? 'no attempts' : `ASR ${q.asr}%${q.acd !== null ? ` ACD ${q.acd} s` : ''} over ${q.attempts} attempts`;
    return `${s.name}${twice.has(s.name) ? ` (${s.agreement})` : ''} ${figs}${q.judgedOn === 'stated' ? ' (too few: stated targets used)' : ''}`;
  });
  const windows = [...new Set(measured.map((s) => s.quality!.report.window))];
  const n = qualityExclusions(routes);
  return `; measured quality ${windows.join(', ')}: ${parts.join(', ')}${n ? `; ${n} routes excluded by measured quality` : ''}`;
}
