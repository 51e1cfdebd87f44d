// `icx lcr simulate`: past traffic re-costed under the routes `icx lcr` computes, against the
// routes it actually took. Everything is priced by rating itself, in a private in-memory store:
//   1. run `actual`: the usage as given (its trunks pick the suppliers it really went to);
//   2. each outbound voice call rated by a supplier service is routed as `icx lcr` would have
//      routed it at its start (routes-over-time.ts: the table of that instant, the number's
//      longest route prefix, the first choice);
//   3. run `routed`: those calls again, pre-assigned to the chosen supplier's agreement and
//      service (the usage contract's `agreement`/`service` columns), so the re-costing applies
//      the same increments, bands, splits, FX and rounding as billing would;
//   4. both costs per call, summed per actual → routed route and converted into the table currency.
// No call is lost: every input record is counted once, as simulated, kept on its route (no route,
// or the chosen supplier could not price it: its suspense reason), outside the scope, or in the
// actual run's suspense.
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { sqlIdent } from '../../compiler/sql/index.js';
import type { UsageSource } from '../ingest/ingest.js';
import { profileLaps } from '../profile.js';
import { rate } from '../rate.js';
import { exec, openStore, queryJson, type Store } from '../store/store.js';
import { LcrError } from './errors.js';
import { lcrTable } from './index.js';
import { RoutesOverTime, type TimelessOptions } from './routes-over-time.js';
import { aggregate, type SimulationResult } from './simulate-result.js';
import { isSupplierService } from './suppliers.js';

export type { SimulationGroup, SimulationResult } from './simulate-result.js';

export interface SimulateOptions extends Omit<TimelessOptions, 'currency'> {
  currency?: string;
  usage: UsageSource[];
  assumeTimezone?: string;
  /** group the report by supplier (default) or by supplier zone */
  by?: 'supplier' | 'zone';
  /** calls routed per page, by input position (default 1,000,000): bounds memory */
  pageSize?: number;
}

const ACTUAL = 'actual';
const ROUTED = 'routed';
/** calls routed per page (by input position) */
const PAGE = 1_000_000;

export async function simulate(plans: HashedAgreementPlan[], o: SimulateOptions): Promise<SimulationResult> {
  const store = await openStore(':memory:');
  try {
    return await simulateIn(store, plans, o);
  } finally {
    await store.close();
  }
}

async function simulateIn(store: Store, plans: HashedAgreementPlan[], o: SimulateOptions): Promise<SimulationResult> {
  const lap = profileLaps();
  const tz = o.assumeTimezone !== undefined ? { assumeTimezone: o.assumeTimezone } : {};
  const actual = await rate(store, { plans, usage: o.usage, runId: ACTUAL, storeUsage: true, progress: false, ...tz });

  lap('rate as given');
  const suppliers = plans.flatMap(({ plan }) => plan.services.filter(isSupplierService).map((s) => ({ a: plan.id, s: s.name })));
  await exec(
    store,
    `CREATE TEMP TABLE sim_calls AS
     SELECT r.seq, epoch_ms(r.start_time) // 60000 AS minute, r.b_number
     FROM rated r SEMI JOIN (SELECT unnest(from_json($1::VARCHAR, '[{"a":"VARCHAR","s":"VARCHAR"}]'), recursive := true)) sup
       ON sup.a = r.agreement_id AND sup.s = r.service
     WHERE r.run_id = $2 AND r.kind = 'voice' AND r.direction = 'out'`,
    [JSON.stringify(suppliers), ACTUAL],
  );
  const [span] = await queryJson(store, `SELECT count(*) AS n, min(seq) AS lo, max(seq) AS hi, min(minute) AS first FROM sim_calls`);
  if (Number(span!.n) === 0) {
    throw new LcrError(`none of the ${actual.inCount} usage records is an outbound voice call rated by a supplier's termination service: nothing to simulate`, 'usage');
  }
  const currency = o.currency ?? lcrTable(plans, { ...o, at: new Date(Number(span!.first) * 60_000) }).set.currency;
  const routes = new RoutesOverTime(plans, { ...o, currency });
  await exec(store, `CREATE TABLE sim_scope (seq BIGINT, outcome VARCHAR, agreement VARCHAR, service VARCHAR, route_prefix VARCHAR)`);
  const appender = await store.connection.createAppender('sim_scope');
  // a page of calls at a time: memory stays bounded whatever the size of the traffic
  const page = BigInt(o.pageSize ?? PAGE);
  for (let lo = BigInt(String(span!.lo)); lo <= BigInt(String(span!.hi)); lo += page) {
    const reader = await store.connection.runAndReadAll(`SELECT seq, minute, b_number FROM sim_calls WHERE seq >= $1 AND seq < $2`, [lo, lo + page]);
    const [seqs, minutes, numbers] = reader.getColumnsJS() as [bigint[], bigint[], (string | null)[]];
    for (let i = 0; i < (seqs?.length ?? 0); i++) {
      const route = routes.at(Number(minutes[i])).lookup(numbers[i] ?? '');
      const first = route?.offers[0];
      appender.appendBigInt(seqs[i]!);
      appender.appendVarchar(first ? 'routed' : route ? 'no-offer' : 'no-route');
      if (first) {
        appender.appendVarchar(first.supplier.agreement);
        appender.appendVarchar(first.supplier.service.name);
      } else {
        appender.appendNull();
        appender.appendNull();
      }
      if (route) appender.appendVarchar(route.prefix);
      else appender.appendNull();
      appender.endRow();
    }
  }
  appender.closeSync();
  lap(`route (${routes.tables} tables)`);

  // the calls to re-cost, as stored by run `actual`, pre-assigned to their chosen route (read by
  // ingest's StoredUsageSource, which keeps each record's file and line)
  const fields = (await queryJson(store, `SELECT column_name FROM (DESCRIBE usage) WHERE column_name NOT IN ('run_id', 'seq', 'source_file', 'source_line')`)).map((r) => String(r.column_name));
  const pick = (f: string) => (f === 'agreement' ? 'c.agreement AS agreement' : f === 'service' ? 'c.service AS service' : `u.${sqlIdent(f)}`);
  await exec(
    store,
    `CREATE TEMP TABLE rerate_input AS
     SELECT u.run_id AS orig_run, u.seq AS orig_seq, u.record_id AS rated_record_id, false AS missing,
            u.source_file, u.source_line, $1::VARCHAR AS assume_tz, ${fields.map(pick).join(', ')}
     FROM usage u JOIN sim_scope c ON c.seq = u.seq AND c.outcome = 'routed'
     WHERE u.run_id = $2`,
    [o.assumeTimezone ?? null, ACTUAL],
  );
  const files = (await queryJson(store, `SELECT DISTINCT source_file FROM rerate_input ORDER BY source_file`)).map((r) => String(r.source_file));
  lap('calls to re-cost');
  const routed = await rate(store, { plans, usage: files.map((name) => ({ stored: 'rerate_input' as const, name })), runId: ROUTED, progress: false, ...tz });
  if (!routed.balanced || !actual.balanced) throw new LcrError('a simulation rating run did not balance (in ≠ rated + suspense): nothing is reported');

  lap('rate on the routes');
  const result = await aggregate(store, plans, {
    currency, fx: o.fx ?? [], callSeconds: o.callSeconds, actual, by: o.by ?? 'supplier', tables: routes.built.map((r) => r.table),
  });
  lap('sum and convert');
  return result;
}

