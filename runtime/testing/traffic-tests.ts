// runTrafficTests(): the traffic tests of a compiled set (`test "…" for AGREEMENT { traffic "FILE" … }`).
// Each test rates its usage file with every plan of the set, as `icx rate` would (trunks and
// partner codes pick the agreement), through the same ingest (same validation, same errors naming
// the file) in a run that is rolled back afterwards. Totals are summed in DuckDB over DECIMAL
// amounts, invoice line by invoice line (agreement × service × zone × band), each line rounded by
// the service's `rounding … per invoice line` when it states one, so an expectation reads like the
// invoice. Every expectation line is one test result, at its own line.
import { Decimal } from 'decimal.js';
import type { CompiledSet, HashedAgreementPlan, TrafficExpectPlan, TrafficTestPlan } from '../../compiler/plan.js';
import type { TestActual, TestResult } from '../agreement-tests.js';
import type { ChargeLine } from '../period/lines.js';
import { periodCharges } from '../period/run.js';
import { rateWith } from '../rate.js';
import { queryJson, type JsonRow, type Store } from '../store/store.js';

/** What the rated and suspended records of a test exercised (for coverage.ts). */
export interface Exercised {
  rated: { agreementId: string; service: string; zone: string; band: string | null; clause: string | null; rateSource: string | null }[];
  /** `barred` and `closed` suspense records: a bar, a zone, a closed deck line (its detail names them) */
  barred: { agreementId: string; reason: string; detail: string }[];
  /** `<uri>:<line>` of the clauses of period charge lines */
  chargeSources: { agreementId: string; source: string }[];
}

export interface TrafficRun {
  results: TestResult[];
  exercised: Exercised;
}

/**
 * The agreement's suspense records ($2): those the rating tied to it, and those whose own
 * `agreement` field names it (pre-assigned by mediation) but that failed before the agreement was
 * looked up (a malformed start or volume). A malformed record found by trunk stays nobody's: which
 * agreement a trunk means depends on the date.
 */
const MINE = `(agreement_id = $2 OR (agreement_id IS NULL AND trim(agreement) = $2))`;

/** Records shown under a failed amount: the rating trace of the records involved. */
const TRACE_LIMIT = 10;

/** `path(uri)`: the file of a uri relative to the agreements root, as the process can open it. */
export async function runTrafficTests(store: Store, compiled: CompiledSet, path: (uri: string) => string): Promise<TrafficRun> {
  const results: TestResult[] = [];
  const exercised: Exercised = { rated: [], barred: [], chargeSources: [] };
  for (const [i, t] of (compiled.trafficTests ?? []).entries()) {
    const run = await runOne(store, compiled.plans, t, path(t.traffic), `traffic-test-${i}-${process.pid}-${Date.now()}`);
    results.push(...run.results);
    exercised.rated.push(...run.exercised.rated);
    exercised.barred.push(...run.exercised.barred);
    exercised.chargeSources.push(...run.exercised.chargeSources);
  }
  return { results, exercised };
}

async function runOne(store: Store, plans: HashedAgreementPlan[], t: TrafficTestPlan, file: string, runId: string): Promise<TrafficRun> {
  return rateWith(store, { plans, usage: [{ path: file }], runId, progress: false }, false, async (res) => {
    const id = t.agreementId;
    const [counts] = await queryJson(
      store,
      `SELECT (SELECT count(*) FROM rated WHERE run_id = $1 AND agreement_id = $2) AS rated,
              (SELECT count(*) FROM suspense WHERE run_id = $1 AND ${MINE}) AS suspense`,
      [res.runId, id],
    );
    const reasons = await queryJson(store, `SELECT reason, count(*) AS n FROM suspense WHERE run_id = $1 AND ${MINE} GROUP BY reason ORDER BY reason`, [res.runId, id]);
    const hp = plans.find((p) => p.plan.id === id)!;
    await buildLines(store, res.runId, hp);
    // `period`: the month's charge lines of the agreement over this run's records (as `icx rate --period`)
    const charges = t.period ? await periodCharges(store, [hp], t.period, { runId: res.runId }) : [];
    const rated = Number(counts!.rated);
    const suspense = Number(counts!.suspense);
    const byReason = new Map(reasons.map((r) => [String(r.reason), Number(r.n)]));
    const reasonText = reasons.map((r) => `${r.reason} ${r.n}`).join(', ') || 'none';
    const results: TestResult[] = [];
    for (const e of t.expects) {
      let failures: string[];
      let got: { amount: string; currency: string };
      if (e.kind === 'count') {
        failures = [];
        if (rated + suspense !== e.count) failures.push(`records of ${id}: expected ${e.count}, got ${rated + suspense} (rated ${rated}, suspense ${suspense}: ${reasonText})`);
        if (e.rated !== null && rated !== e.rated) failures.push(`rated: expected ${e.rated}, got ${rated}`);
        if (e.suspense !== null && suspense !== e.suspense) failures.push(`suspense: expected ${e.suspense}, got ${suspense} (${reasonText})`);
        if (failures.length) failures.push(...(await suspenseTrace(store, res.runId, id)));
        got = { amount: String(rated + suspense), currency: 'records' };
      } else if (e.kind === 'suspense') {
        const n = byReason.get(e.reason) ?? 0;
        failures = n === e.count ? [] : [`suspense ${e.reason}: expected ${e.count} records, got ${n} (all reasons: ${reasonText})`];
        if (failures.length) failures.push(...(await suspenseTrace(store, res.runId, id)));
        got = { amount: String(n), currency: 'records' };
      } else if (e.kind === 'charge') {
        const match = charges.filter((l) => l.construct === e.construct && l.subject === e.subject && (e.tier === null || l.tier === e.tier));
        // a handful of lines, each already rounded: an exact decimal sum, as period tests compare them
        const sum = match.reduce((x, l) => x.plus(l.amount), new Decimal(0)).toFixed();
        failures = new Decimal(sum).eq(e.amount) ? [] : [`${what(e)}: expected ${e.amount} ${e.currency}, got ${sum} ${e.currency}`, ...chargeTrace(charges)];
        got = { amount: sum, currency: e.currency };
      } else {
        const [row] = await queryJson(
          store,
          `SELECT CAST(coalesce(sum(line_amount), 0) AS VARCHAR) AS amount, count(*) AS lines FROM traffic_test_lines
           WHERE ($1::VARCHAR IS NULL OR service = $1) AND ($2::VARCHAR IS NULL OR zone = $2) AND ($3::VARCHAR IS NULL OR band = $3)`,
          [e.service, e.zone, e.band],
        );
        const amount = String(row!.amount);
        failures = new Decimal(amount).eq(e.amount) ? [] : [`${what(e)}: expected ${e.amount} ${e.currency}, got ${trim(amount)} ${e.currency}`];
        if (failures.length) failures.push(...(await lineTrace(store, e)), ...(await ratedTrace(store, res.runId, id, e)));
        got = { amount, currency: e.currency };
      }
      results.push(result(t, e, failures, got));
    }
    const exercised = await observe(store, res.runId);
    exercised.chargeSources.push(...charges.map((l) => ({ agreementId: l.agreementId, source: l.clauseSource })));
    return { results, exercised };
  });
}

/**
 * TEMP table traffic_test_lines: the agreement's invoice lines of the run, summed in DECIMAL and
 * rounded in SQL by the service's invoice-line rule (half-up, half-even, up, down at N places):
 * n = sum × 10^N, rounded to a whole number, × 10^-N. The rules are bound parameters.
 */
async function buildLines(store: Store, runId: string, hp: HashedAgreementPlan): Promise<void> {
  const rules = hp.plan.services.filter((s) => s.invoiceLineRounding !== null);
  const params: (string | null)[] = [runId, hp.plan.id];
  const values = rules.map((s) => {
    const r = s.invoiceLineRounding!;
    params.push(s.name, r.method, `1${'0'.repeat(r.decimals)}`, r.decimals === 0 ? '1' : `0.${'0'.repeat(r.decimals - 1)}1`);
    const n = params.length;
    return `($${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
  });
  const ruleSql = values.length
    ? `SELECT * FROM (VALUES ${values.join(', ')}) v(service, method, scale, unit)`
    : `SELECT NULL::VARCHAR AS service, NULL::VARCHAR AS method, NULL::VARCHAR AS scale, NULL::VARCHAR AS unit WHERE false`;
  await store.connection.run(`DROP TABLE IF EXISTS traffic_test_lines`);
  await store.connection.run(
    `CREATE TEMP TABLE traffic_test_lines AS
     WITH lines AS (
       SELECT service, zone, band, count(*) AS records, CAST(sum(amount) AS DECIMAL(38, 9)) AS amount
       FROM rated WHERE run_id = $1 AND agreement_id = $2 GROUP BY service, zone, band),
     rules AS (${ruleSql}),
     scaled AS (
       SELECT l.*, r.method, CAST(r.unit AS DECIMAL(38, 9)) AS unit,
              l.amount * CAST(r.scale AS DECIMAL(38, 0)) AS n
       FROM lines l LEFT JOIN rules r ON r.service = l.service)
     SELECT service, zone, band, records, amount, method,
       CASE method
         WHEN 'down' THEN CAST(trunc(n) AS DECIMAL(38, 0)) * unit
         WHEN 'up' THEN CAST(ceil(n) AS DECIMAL(38, 0)) * unit
         WHEN 'half-up' THEN CAST(floor(n + 0.5) AS DECIMAL(38, 0)) * unit
         WHEN 'half-even' THEN CAST(CASE WHEN n - floor(n) = 0.5 THEN floor(n) + floor(n) % 2 ELSE floor(n + 0.5) END AS DECIMAL(38, 0)) * unit
         ELSE amount
       END AS line_amount
     FROM scaled`,
    params,
  );
}

/** The invoice lines behind a failed amount. */
async function lineTrace(store: Store, e: Extract<TrafficExpectPlan, { kind: 'amount' }>): Promise<string[]> {
  const rows = await queryJson(
    store,
    `SELECT service, zone, band, records, CAST(amount AS VARCHAR) AS amount, CAST(line_amount AS VARCHAR) AS line_amount, method
     FROM traffic_test_lines WHERE ($1::VARCHAR IS NULL OR service = $1) AND ($2::VARCHAR IS NULL OR zone = $2) AND ($3::VARCHAR IS NULL OR band = $3)
     ORDER BY service, zone, band`,
    [e.service, e.zone, e.band],
  );
  if (rows.length === 0) return ['  no rated record of the agreement matches'];
  return rows.map((r) => `  invoice line ${r.service} ${r.zone} ${r.band ?? '-'}: ${r.records} records, ${trim(String(r.amount))}${r.method ? ` → ${trim(String(r.line_amount))} (${r.method} per invoice line)` : ''}`);
}

/** The rated records behind a failed amount: zone, band, billed quantity, clause, amount. */
async function ratedTrace(store: Store, runId: string, id: string, e: Extract<TrafficExpectPlan, { kind: 'amount' }>): Promise<string[]> {
  const rows = await queryJson(
    store,
    `SELECT record_id, source_line, zone, band, billed_seconds, units, billed_bytes, clause, CAST(amount AS VARCHAR) AS amount
     FROM rated WHERE run_id = $1 AND agreement_id = $2
       AND ($3::VARCHAR IS NULL OR service = $3) AND ($4::VARCHAR IS NULL OR zone = $4) AND ($5::VARCHAR IS NULL OR band = $5)
     ORDER BY source_line LIMIT ${TRACE_LIMIT + 1}`,
    [runId, id, e.service, e.zone, e.band],
  );
  return traceLines(rows, (r) => {
    const qty = r.billed_seconds !== null ? `billed ${r.billed_seconds}s` : r.billed_bytes !== null ? `billed ${r.billed_bytes} bytes` : `units ${r.units}`;
    return `  line ${r.source_line} ${r.record_id}: zone ${r.zone}, band ${r.band ?? '-'}, ${qty}, ${r.clause} → ${trim(String(r.amount))}`;
  });
}

/** The agreement's suspense records behind a failed count: line, reason, detail. */
async function suspenseTrace(store: Store, runId: string, id: string): Promise<string[]> {
  const rows = await queryJson(store, `SELECT source_line, reason, detail FROM suspense WHERE run_id = $1 AND ${MINE} ORDER BY source_line LIMIT ${TRACE_LIMIT + 1}`, [runId, id]);
  return traceLines(rows, (r) => `  line ${r.source_line}: ${r.reason}: ${r.detail}`);
}

/** Every charge line of the period, with its explanation. */
function chargeTrace(charges: ChargeLine[]): string[] {
  if (charges.length === 0) return ['  no charge line in the period'];
  return charges.map((l) => `  charge ${l.construct} ${l.subject}${l.tier !== null ? ` tier ${l.tier}` : ''}: ${l.amount} ${l.currency} (${l.explanation})`);
}

function traceLines(rows: JsonRow[], line: (r: JsonRow) => string): string[] {
  const out = rows.slice(0, TRACE_LIMIT).map(line);
  if (rows.length > TRACE_LIMIT) out.push(`  … (first ${TRACE_LIMIT} shown)`);
  return out;
}

/** What the run's records exercised, every agreement (coverage counts them all). */
async function observe(store: Store, runId: string): Promise<Exercised> {
  const rated = await queryJson(store, `SELECT DISTINCT agreement_id, service, zone, band, clause, rate_source FROM rated WHERE run_id = $1`, [runId]);
  const barred = await queryJson(store, `SELECT DISTINCT agreement_id, reason, detail FROM suspense WHERE run_id = $1 AND reason IN ('barred', 'closed') AND agreement_id IS NOT NULL`, [runId]);
  return {
    rated: rated.map((r) => ({
      agreementId: String(r.agreement_id), service: String(r.service), zone: String(r.zone), band: r.band === null ? null : String(r.band),
      clause: r.clause === null ? null : String(r.clause), rateSource: r.rate_source === null ? null : String(r.rate_source),
    })),
    barred: barred.map((r) => ({ agreementId: String(r.agreement_id), reason: String(r.reason), detail: String(r.detail) })),
    chargeSources: [],
  };
}

function what(e: TrafficExpectPlan): string {
  if (e.kind === 'count') return 'records';
  if (e.kind === 'suspense') return `suspense ${e.reason}`;
  if (e.kind === 'charge') return `charge ${e.construct} ${e.subject}${e.tier !== null ? ` tier ${e.tier}` : ''}`;
  const parts = [e.service && `service ${e.service}`, e.zone && `zone ${e.zone}`, e.band && `band ${e.band}`].filter(Boolean);
  return parts.length ? parts.join(' ') : 'total';
}

function result(t: TrafficTestPlan, e: TrafficExpectPlan, failures: string[], got: { amount: string; currency: string }): TestResult {
  const expected = e.kind === 'amount' || e.kind === 'charge' ? { amount: e.amount, currency: e.currency } : { amount: String(e.count), currency: 'records' };
  const actual: TestActual = {
    rated: true, amount: got.amount, currency: got.currency, zone: null, band: null, billedSeconds: null, clause: null,
    suspenseReason: null, suspenseDetail: null,
  };
  return {
    agreementId: t.agreementId,
    title: `${t.title}: ${what(e)}`,
    // the expectation's own line, so editors and annotations point at it
    source: e.source,
    passed: failures.length === 0,
    // the shape every reporter knows: a named total (`charge traffic <what> <amount> <currency>`)
    expect: { kind: 'charge', construct: 'traffic', subject: what(e), tier: null, ...expected },
    actual,
    failures,
  };
}

function trim(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
