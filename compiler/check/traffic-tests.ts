// Traffic tests (`test "…" for AGREEMENT { traffic "FILE" expect … }`): checked once every file is
// parsed and every agreement lowered, because a test usually sits in its own *.test.icx file and
// names an agreement of another file. Names in expectations are checked against the agreement's
// plan (deck destinations are zones too); an agreement with errors has no plan, and its own
// diagnostics already say why, so its tests are checked for the agreement id and the path only.
import type { TrafficTest } from '../../language/ast.js';
import { resolveReference, type CompileHost } from '../host.js';
import type { AgreementModel } from '../model.js';
import type { AgreementPlan, TrafficExpectPlan, TrafficTestPlan } from '../plan.js';
import { at, Sink } from '../sink.js';
import { CHARGE_CONSTRUCTS } from './charge-constructs.js';
import { SUSPENSE_REASONS } from './tests.js';

export interface TrafficTestSource {
  uri: string;
  test: TrafficTest;
}

export interface KnownAgreement {
  model: AgreementModel;
  /** absent when the agreement has errors (or in a checks-only compile) */
  plan?: AgreementPlan;
}

const USAGE_FILE = /\.((csv|tsv|txt)(\.gz)?|parquet|json|ndjson|jsonl)$/i;
const WHOLE = /^\d+$/;

/** Reports into one Sink per test file; returns the plans of the tests without errors. */
export function checkTrafficTests(
  sources: readonly TrafficTestSource[], agreements: ReadonlyMap<string, KnownAgreement>, host: CompileHost,
): { plans: TrafficTestPlan[]; sinks: Sink[] } {
  const plans: TrafficTestPlan[] = [];
  const sinks: Sink[] = [];
  for (const { uri, test } of sources) {
    const sink = new Sink(uri);
    sinks.push(sink);
    const plan = checkOne(uri, test, agreements, host, sink);
    if (plan !== undefined && !sink.hasErrors()) plans.push(plan);
  }
  return { plans, sinks };
}

function checkOne(uri: string, t: TrafficTest, agreements: ReadonlyMap<string, KnownAgreement>, host: CompileHost, sink: Sink): TrafficTestPlan | undefined {
  const known = agreements.get(t.agreement.text);
  if (known === undefined) {
    const ids = [...agreements.keys()].sort();
    sink.report('ICX2801', `No agreement ${t.agreement.text} among the files compiled${ids.length ? ` (known: ${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ', …' : ''})` : ''}; compile the test with its agreements (\`icx test agreements/\`).`, t.agreement.range);
  }
  if (t.traffic.length !== 1) {
    const where = t.traffic[1]?.range ?? t.title.range;
    sink.report('ICX2804', t.traffic.length === 0 ? 'A traffic test needs one `traffic "FILE"` line: the sample usage it rates.' : 'A traffic test rates one file: one `traffic` line (split the test, or join the files).', where);
  }
  let trafficUri: string | undefined;
  const written = t.traffic[0];
  if (written !== undefined) {
    const r = resolveReference(uri, written.value);
    if ('error' in r) sink.report('ICX2803', `Traffic file refused: ${r.error}.`, written.range);
    else if (!USAGE_FILE.test(r.uri)) sink.report('ICX2802', `"${written.value}" is not a usage file: use .csv (or .csv.gz), .parquet or .json/.ndjson (docs/usage.md).`, written.range);
    else if (host.readFile(r.uri) === undefined) sink.report('ICX2802', `Traffic file "${written.value}" not found (looked for ${r.uri} in the agreements root).`, written.range);
    else trafficUri = r.uri;
  }
  if (t.expects.length === 0) sink.report('ICX2812', 'A traffic test without an `expect` line checks nothing: expect a count, a suspense reason or a total.', t.title.range);

  const plan = known?.plan;
  const expects: TrafficExpectPlan[] = [];
  for (const e of t.expects) {
    const source = at(uri, e.range);
    if (e.kind === 'count') {
      const nums = [e.count, e.rated, e.suspense].filter((n) => n !== undefined);
      const bad = nums.find((n) => !WHOLE.test(n.value));
      if (bad) { sink.report('ICX2811', `A record count is a whole number, not ${bad.text}.`, bad.range); continue; }
      if (e.rated && e.suspense && BigInt(e.rated.value) + BigInt(e.suspense.value) !== BigInt(e.count.value)) {
        sink.report('ICX2811', `rated ${e.rated.text} + suspense ${e.suspense.text} ≠ ${e.count.text}: every record comes out rated or in suspense.`, e.range);
        continue;
      }
      expects.push({ kind: 'count', count: Number(e.count.value), rated: e.rated ? Number(e.rated.value) : null, suspense: e.suspense ? Number(e.suspense.value) : null, source });
    } else if (e.kind === 'suspense') {
      if (!SUSPENSE_REASONS.includes(e.reason.text)) {
        sink.report('ICX2808', `Unknown suspense reason ${e.reason.text}; use one of: ${SUSPENSE_REASONS.join(', ')}.`, e.reason.range);
        continue;
      }
      if (!WHOLE.test(e.count.value)) { sink.report('ICX2811', `A record count is a whole number, not ${e.count.text}.`, e.count.range); continue; }
      expects.push({ kind: 'suspense', reason: e.reason.text, count: Number(e.count.value), source });
    } else if (e.kind === 'charge') {
      if (t.period === undefined) { sink.report('ICX2813', 'A charge is computed per period: add `period YYYY-MM` to the test.', e.range); continue; }
      if (!CHARGE_CONSTRUCTS.includes(e.construct.text)) {
        sink.report('ICX2814', `Unknown charge ${e.construct.text}; expect one of: ${CHARGE_CONSTRUCTS.join(', ')}.`, e.construct.range);
        continue;
      }
      if (plan !== undefined && e.amount.currency.text !== plan.currency) {
        sink.report('ICX2810', `Amounts of ${plan.id} are in ${plan.currency}, not ${e.amount.currency.text} (charge lines are in the agreement currency).`, e.amount.currency.range);
        continue;
      }
      if (e.tier !== undefined && !WHOLE.test(e.tier.value)) { sink.report('ICX2811', `A tier is a whole number, not ${e.tier.text}.`, e.tier.range); continue; }
      expects.push({ kind: 'charge', construct: e.construct.text, subject: e.subject.text, tier: e.tier ? Number(e.tier.value) : null, amount: e.amount.amount.value, currency: e.amount.currency.text, source });
    } else {
      if (!e.total && !e.service && !e.zone && !e.band) {
        sink.report('ICX2809', 'Say what this amount totals: `expect total …`, or name a service, zone and/or band.', e.amount.range);
        continue;
      }
      if ((e.total && (e.service || e.zone || e.band))) {
        sink.report('ICX2809', '`expect total` is the whole agreement: drop the service, zone or band, or the word `total`.', e.range);
        continue;
      }
      if (plan !== undefined && !checkNames(e, plan, sink)) continue;
      if (plan !== undefined && e.amount.currency.text !== plan.currency) {
        sink.report('ICX2810', `Amounts of ${plan.id} are in ${plan.currency}, not ${e.amount.currency.text} (invoice lines are in the agreement currency).`, e.amount.currency.range);
        continue;
      }
      expects.push({ kind: 'amount', service: e.service?.text ?? null, zone: e.zone?.text ?? null, band: e.band?.text ?? null, amount: e.amount.amount.value, currency: e.amount.currency.text, source });
    }
  }
  if (plan === undefined || trafficUri === undefined || written === undefined) return undefined;
  return {
    agreementId: plan.id, title: t.title.value, source: at(uri, t.range), traffic: trafficUri, trafficWritten: written.value,
    currency: plan.currency, ...(t.period ? { period: t.period.text } : {}), expects,
  };
}

/** Service, zone and band names of an amount expectation, against the plan; false when one is unknown. */
function checkNames(e: Extract<TrafficTest['expects'][number], { kind: 'amount' }>, plan: AgreementPlan, sink: Sink): boolean {
  let ok = true;
  const service = e.service ? plan.services.find((s) => s.name === e.service!.text) : undefined;
  if (e.service && !service) {
    sink.report('ICX2805', `${plan.id} has no service ${e.service.text} (services: ${plan.services.map((s) => s.name).join(', ')}).`, e.service.range);
    ok = false;
  }
  if (e.zone) {
    const zones = new Set((service ? [service] : plan.services).flatMap((s) => [...s.prefixes.map((p) => p.zone), ...s.rates.map((r) => r.zone)]));
    if (!zones.has(e.zone.text)) {
      sink.report('ICX2806', `${service ? `Service ${service.name}` : plan.id} rates no zone ${e.zone.text} (zones: ${[...zones].sort().join(', ')}).`, e.zone.range);
      ok = false;
    }
  }
  if (e.band && !plan.bands.includes(e.band.text)) {
    sink.report('ICX2807', `${plan.id} has no time band ${e.band.text} (bands: ${plan.bands.join(', ')}).`, e.band.range);
    ok = false;
  }
  return ok;
}
