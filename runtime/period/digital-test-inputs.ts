// A period test's `kpi` and `retail` lines as the inputs of its digital-partner charges: the
// same tables periodCharges reads from `--retail` and `--kpi` files, filled from the test plan.
import type { AgreementTestPlan, HashedAgreementPlan } from '../../compiler/plan.js';
import type { Store } from '../store/store.js';
import type { DigitalInputs } from './digital-charges.js';
import { kpiKey, kpiName, type KpiTable } from './kpi-input.js';
import { PERIOD_RETAIL_DDL } from './retail-input.js';

export async function testDigitalInputs(store: Store, plans: readonly HashedAgreementPlan[], t: AgreementTestPlan): Promise<DigitalInputs> {
  const inputs = t.digitalInputs!;
  const month = t.period!.month;
  await store.connection.run(PERIOD_RETAIL_DDL);
  if (inputs.retail.length > 0) {
    const rows = inputs.retail.map((r, i) => ({
      file: r.source, line: i + 1, record_id: `test-retail-${i + 1}`, agreement: t.agreementId, agreement_id: t.agreementId,
      service: r.service, subscriber: r.subscriber, date: r.date, gross: r.gross, taxes: r.taxes, refunds: r.refunds,
      currency: plans.find((p) => p.plan.id === t.agreementId)?.plan.currency ?? null,
    }));
    await store.connection.run(
      `INSERT INTO period_retail BY NAME SELECT * FROM (SELECT unnest(from_json($1::JSON, '[{"file":"VARCHAR","line":"BIGINT","record_id":"VARCHAR","agreement":"VARCHAR","agreement_id":"VARCHAR","service":"VARCHAR","subscriber":"VARCHAR","date":"DATE","gross":"DECIMAL(38,9)","taxes":"DECIMAL(38,9)","refunds":"DECIMAL(38,9)","currency":"VARCHAR"}]'), recursive := true))`,
      [JSON.stringify(rows)],
    );
  }
  // a `kpi` line is the month's measurement for every SLA of the agreement that reads it
  const kpis: KpiTable = new Map();
  for (const hp of plans.filter((p) => p.plan.id === t.agreementId)) {
    for (const s of hp.plan.services) {
      for (const sla of s.digital?.slas ?? []) {
        const name = kpiName(sla.metric, sla.statistic);
        const k = inputs.kpis.find((x) => x.kpi === name);
        if (k) kpis.set(kpiKey(hp.plan.id, s.name, month, name), { value: k.value, source: k.source });
      }
    }
  }
  return { retail: inputs.retail.length > 0, kpis: inputs.kpis.length > 0 ? kpis : null };
}
