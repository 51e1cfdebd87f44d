// Measured quality in the summary line of `icx lcr --store` (the JSON document carries it as
// `suppliers[].quality`, output.ts).
import type { Route } from './build.js';
import { qualityExclusions } from './quality.js';
import type { SupplierSet } from './suppliers.js';

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
