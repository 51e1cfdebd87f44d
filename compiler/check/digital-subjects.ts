// The subjects of SLA charge lines (`sla-credit availability`, `sla-kpi-missing latency-p99`):
// the KPI each `sla` line reads, for `expect charge` in period tests. Apart from digital.ts so
// the period checks can import it without a cycle.
import type { AgreementModel } from '../model.js';

export function slaSubjects(m: AgreementModel): string[] {
  return m.services.flatMap((s) =>
    (s.items ?? []).flatMap((i) => (i.kind === 'sla' && i.metric?.text ? [i.statistic?.text ? `${i.metric.text}-${i.statistic.text}` : i.metric.text] : [])),
  );
}
