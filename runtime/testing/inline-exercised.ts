// What the inline `test` blocks exercise, for `icx test --coverage`: their records rated once
// more, the same way runAgreementTests rates them (the same rows, agreement and service
// pre-assigned, local times in the agreement's zone), in a run that is rolled back; period tests
// also compute their charge lines, whose clause sources exercise tiers, discounts, commitments and
// period fees. Kept apart from runAgreementTests so coverage costs nothing when not asked for.
import type { CompiledSet } from '../../compiler/plan.js';
import type { InlineUsageRow } from '../ingest/ingest.js';
import { testDigitalInputs } from '../period/digital-test-inputs.js';
import { periodCharges } from '../period/run.js';
import { periodPrefix, periodRows } from '../period/tests.js';
import { rateWith } from '../rate.js';
import { queryJson, type Store } from '../store/store.js';
import type { Exercised } from './traffic-tests.js';

export async function inlineTestsExercised(store: Store, compiled: CompiledSet): Promise<Exercised> {
  const none: Exercised = { rated: [], barred: [], chargeSources: [] };
  if (compiled.tests.length === 0) return none;
  const plans = new Map(compiled.plans.map((p) => [p.plan.id, p.plan]));
  const rows: InlineUsageRow[] = [];
  const zones: (string | null)[] = [];
  compiled.tests.forEach((t, i) => {
    const plan = plans.get(t.agreementId);
    const mine: InlineUsageRow[] = [];
    if (t.period) mine.push(...periodRows(t, i, plan));
    else {
      const svc = plan?.services.find((s) => s.name === t.usage.service);
      mine.push({
        record_id: `test-${i}`, agreement: t.agreementId, service: t.usage.service, kind: svc?.kind ?? null,
        direction: svc ? (svc.direction === 'payable' ? 'out' : 'in') : null,
        a_number: t.usage.aNumber, b_number: t.usage.bNumber, start_time: t.usage.startTime, duration_s: t.usage.durationSeconds,
        units: t.usage.units, bytes: t.usage.bytes ?? null, category: t.usage.category ?? null,
      });
    }
    rows.push(...mine);
    for (const _ of mine) zones.push(plan?.timezone ?? null);
  });
  return rateWith(
    store,
    { plans: compiled.plans, usage: [{ rows, name: 'agreement tests (coverage)', assumeTimezones: zones }], runId: `coverage-${process.pid}-${Date.now()}`, progress: false },
    false,
    async (res) => {
      const rated = await queryJson(store, `SELECT DISTINCT agreement_id, service, zone, band, clause, rate_source FROM rated WHERE run_id = $1`, [res.runId]);
      const barred = await queryJson(store, `SELECT DISTINCT agreement_id, reason, detail FROM suspense WHERE run_id = $1 AND reason IN ('barred', 'closed') AND agreement_id IS NOT NULL`, [res.runId]);
      const chargeSources: Exercised['chargeSources'] = [];
      for (const [i, t] of compiled.tests.entries()) {
        if (!t.period) continue;
        const hp = compiled.plans.filter((p) => p.plan.id === t.agreementId);
        const digital = t.digitalInputs ? await testDigitalInputs(store, hp, t) : undefined;
        const lines = await periodCharges(store, hp, t.period.month, { runId: res.runId, recordPrefix: periodPrefix(i), ...(digital ? { digital } : {}) });
        for (const l of lines) chargeSources.push({ agreementId: l.agreementId, source: l.clauseSource });
      }
      return {
        rated: rated.map((r) => ({
          agreementId: String(r.agreement_id), service: String(r.service), zone: String(r.zone), band: r.band === null ? null : String(r.band),
          clause: r.clause === null ? null : String(r.clause), rateSource: r.rate_source === null ? null : String(r.rate_source),
        })),
        barred: barred.map((r) => ({ agreementId: String(r.agreement_id), reason: String(r.reason), detail: String(r.detail) })),
        chargeSources,
      };
    },
  );
}
