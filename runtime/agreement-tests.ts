// runAgreementTests(): the `test` blocks of agreements, rated in one set-based run through
// the same rating SQL as real usage. Each test becomes a usage row with its agreement and
// service pre-assigned; a start time without offset is local time in the agreement's zone.
// The run is rolled back afterwards: tests never leave anything in the store.
import { Decimal } from 'decimal.js';
import type { AgreementTestPlan, CompiledSet } from '../compiler/plan.js';
import type { InlineUsageRow } from './ingest/ingest.js';
import { rateWith } from './rate.js';
import { queryJson, type Store } from './store/store.js';
import { periodCharges } from './period/run.js';
import { testDigitalInputs } from './period/digital-test-inputs.js';
import { comparePeriod, periodPrefix, periodRows, type PeriodActual } from './period/tests.js';

export interface TestActual {
  rated: boolean;
  amount: string | null;
  currency: string | null;
  zone: string | null;
  band: string | null;
  billedSeconds: number | null;
  clause: string | null;
  suspenseReason: string | null;
  suspenseDetail: string | null;
  /** before FX, in the service's price currency (= amount, currency when not converted) */
  originalAmount?: string | null;
  originalCurrency?: string | null;
  /** period tests: their records, rated amounts and charge lines */
  period?: PeriodActual;
  // For the rating trace of a failed test (runtime/cli/test-report/trace.ts), as the rating run
  // produced them (rated view columns); absent on suspense records.
  /** `<uri>:<line>` of the rate clause(s) that priced the record (' + '-joined for split/surcharged calls) */
  rateSource?: string | null;
  /** sms messages, events; null for voice and data */
  units?: number | null;
  /** data: the volume charged */
  billedBytes?: number | null;
  /** 1 original currency = fxRate currency; null when not converted */
  fxRate?: string | null;
  /** period tests: the first record of each usage line (identical records rate alike), for the trace */
  records?: { usageLine: number; count: number; actual: TestActual }[];
}

export interface TestResult {
  agreementId: string;
  title: string;
  source: string;
  passed: boolean;
  expect: AgreementTestPlan['expect'];
  actual: TestActual | null;
  /** why it failed, one line per mismatch; empty when passed */
  failures: string[];
}

export async function runAgreementTests(store: Store, compiled: CompiledSet): Promise<TestResult[]> {
  if (!compiled.tests.length) return [];
  const plans = new Map(compiled.plans.map((p) => [p.plan.id, p.plan]));
  const rows: InlineUsageRow[] = [];
  const zones: (string | null)[] = [];
  compiled.tests.forEach((t, i) => {
    const plan = plans.get(t.agreementId);
    if (t.period) {
      const more = periodRows(t, i, plan);
      rows.push(...more);
      for (const _ of more) zones.push(plan?.timezone ?? null);
      return;
    }
    const svc = plan?.services.find((s) => s.name === t.usage.service);
    rows.push({
      record_id: `test-${i}`,
      agreement: t.agreementId,
      service: t.usage.service,
      kind: svc?.kind ?? null,
      direction: svc ? (svc.direction === 'payable' ? 'out' : 'in') : null,
      a_number: t.usage.aNumber,
      b_number: t.usage.bNumber,
      start_time: t.usage.startTime,
      duration_s: t.usage.durationSeconds,
      units: t.usage.units,
      bytes: t.usage.bytes ?? null,
      category: t.usage.category ?? null,
    });
    zones.push(plan?.timezone ?? null);
  });

  const actuals = await rateWith(
    store,
    { plans: compiled.plans, usage: [{ rows, name: 'agreement tests', assumeTimezones: zones }],
      runId: `agreement-tests-${process.pid}-${Date.now()}`, progress: false },
    false,
    async (res) => {
      const rated = await queryJson(
        store,
        `SELECT record_id, CAST(amount AS VARCHAR) AS amount, currency, zone, band, billed_seconds, clause,
                CAST(original_amount AS VARCHAR) AS original_amount, original_currency,
                strftime(local_start, '%Y-%m') AS local_month,
                rate_source, units, billed_bytes, CAST(fx_rate AS VARCHAR) AS fx_rate
         FROM rated WHERE run_id = $1`,
        [res.runId],
      );
      const susp = await queryJson(store, `SELECT record_id, reason, detail FROM suspense WHERE run_id = $1`, [res.runId]);
      const m = new Map<string, TestActual>();
      for (const r of rated) {
        m.set(String(r.record_id), {
          rated: true, amount: String(r.amount), currency: String(r.currency), zone: String(r.zone),
          band: r.band === null ? null : String(r.band),
          billedSeconds: r.billed_seconds === null ? null : Number(r.billed_seconds),
          clause: String(r.clause), suspenseReason: null, suspenseDetail: null,
          originalAmount: String(r.original_amount), originalCurrency: String(r.original_currency),
          rateSource: r.rate_source === null ? null : String(r.rate_source),
          units: r.units === null ? null : Number(r.units),
          billedBytes: r.billed_bytes === null ? null : Number(r.billed_bytes),
          fxRate: r.fx_rate === null ? null : String(r.fx_rate),
        });
      }
      for (const r of susp) {
        m.set(String(r.record_id), {
          rated: false, amount: null, currency: null, zone: null, band: null, billedSeconds: null, clause: null,
          suspenseReason: String(r.reason), suspenseDetail: String(r.detail),
        });
      }
      // Period tests: their own records' totals and charge lines (the run is still open).
      for (const [i, t] of compiled.tests.entries()) {
        if (!t.period) continue;
        const prefix = periodPrefix(i);
        const mine = rated.filter((r) => String(r.record_id).startsWith(prefix));
        const susp_ = susp.filter((r) => String(r.record_id).startsWith(prefix));
        const hp = compiled.plans.filter((p) => p.plan.id === t.agreementId);
        const digital = t.digitalInputs ? await testDigitalInputs(store, hp, t) : undefined;
        const charges = await periodCharges(store, hp, t.period.month, { runId: res.runId, recordPrefix: prefix, ...(digital ? { digital } : {}) });
        const period: PeriodActual = {
          records: mine.length + susp_.length,
          rated: mine.length,
          // the month's invoice: records whose local start falls in the test month
          ratedAmount: mine.filter((r) => String(r.local_month) === t.period!.month).reduce((a, r) => a.plus(String(r.amount)), new Decimal(0)).toFixed(),
          currency: mine.length ? String(mine[0]!.currency) : null,
          suspenseReasons: susp_.map((r) => String(r.reason)),
          charges,
        };
        const records = t.period.usages.flatMap((u, line) => {
          const first = m.get(`${prefix}${line + 1}-1`);
          return first ? [{ usageLine: line + 1, count: u.count, actual: first }] : [];
        });
        m.set(`period-${i}`, {
          rated: period.rated > 0, amount: period.ratedAmount, currency: period.currency, zone: null, band: null, billedSeconds: null,
          clause: null, suspenseReason: period.suspenseReasons[0] ?? null, suspenseDetail: null, period, records,
        });
      }
      return m;
    },
  );

  return compiled.tests.map((t, i) => {
    const actual = actuals.get(t.period ? `period-${i}` : `test-${i}`) ?? null;
    const failures = t.period
      ? actual?.period ? comparePeriod(t, actual.period) : ['the test records came out neither rated nor in suspense']
      : compare(t, actual);
    return { agreementId: t.agreementId, title: t.title, source: t.source, passed: failures.length === 0, expect: t.expect, actual, failures };
  });
}

function compare(t: AgreementTestPlan, a: TestActual | null): string[] {
  if (!a) return ['the test record came out neither rated nor in suspense'];
  const e = t.expect;
  if (e.kind === 'suspense') {
    if (a.rated) return [`expected suspense ${e.reason}, but it was rated ${a.amount} ${a.currency}`];
    return a.suspenseReason === e.reason ? [] : [`expected suspense ${e.reason}, got ${a.suspenseReason} (${a.suspenseDetail})`];
  }
  if (e.kind !== 'amount') return [`expect ${e.kind} needs a period test: add \`period YYYY-MM\` to the test`];
  if (!a.rated) return [`expected ${e.amount} ${e.currency}, but it went to suspense ${a.suspenseReason}: ${a.suspenseDetail}`];
  const f: string[] = [];
  if (!new Decimal(a.amount!).eq(new Decimal(e.amount))) f.push(`amount: expected ${e.amount}, got ${trim(a.amount!)}`);
  if (a.currency !== e.currency) f.push(`currency: expected ${e.currency}, got ${a.currency}`);
  if (e.zone !== null && a.zone !== e.zone) f.push(`zone: expected ${e.zone}, got ${a.zone}`);
  if (e.band !== null && a.band !== e.band) f.push(`band: expected ${e.band}, got ${a.band}`);
  if (e.billedSeconds !== null && a.billedSeconds !== e.billedSeconds) {
    f.push(`billed seconds: expected ${e.billedSeconds}, got ${a.billedSeconds}`);
  }
  if (e.original && a.originalAmount != null) {
    const same = new Decimal(a.originalAmount).eq(new Decimal(e.original.amount)) && a.originalCurrency === e.original.currency;
    if (!same) f.push(`original amount: expected ${e.original.amount} ${e.original.currency}, got ${trim(a.originalAmount)} ${a.originalCurrency}`);
  }
  return f;
}

/** "0.024600000" → "0.0246" for messages. */
function trim(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
