// `icx lcr simulate AGREEMENTS --usage FILE…`: past traffic re-costed under the routes `icx lcr`
// computes (runtime/lcr/simulate.ts), against the routes it took. Prints a table per actual →
// simulated route, or --json, or writes --out report.csv|report.json (whole or not at all).
import path from 'node:path';
import type { SellLookup } from '../lcr/build.js';
import type { LcrOptions } from '../lcr/index.js';
import type { SimulationGroup, SimulationResult } from '../lcr/simulate.js';
import { compileOrFail } from './agreements.js';
import type { LcrCliOptions } from './commands/lcr.js';
import { UsageError } from './errors.js';
import { requireFile, requireWritableDir } from './files.js';
import { renderTable } from './table.js';
import { writeFileAtomic } from './write-atomic.js';

type Timeless = (opts: LcrCliOptions) => Promise<Omit<LcrOptions, 'at'> & { sell?: (currency: string) => SellLookup }>;

export async function runSimulate(paths: string[], opts: LcrCliOptions, timeless: Timeless): Promise<void> {
  if (paths.length === 0) throw new UsageError('icx lcr simulate needs the agreements, e.g. icx lcr simulate agreements/ --usage traffic.parquet');
  if (opts.usage === undefined) throw new UsageError('icx lcr simulate needs --usage FILE… (the past traffic to re-cost)');
  if (opts.at !== undefined || opts.from !== undefined || opts.to !== undefined || opts.band !== undefined) {
    throw new UsageError('icx lcr simulate routes each call at its own start time and band: --at, --from, --to and --band do not apply');
  }
  if (opts.store !== undefined) {
    throw new UsageError('icx lcr simulate does not read --store: measured quality and commitment use change over the traffic it replays; give --min-asr/--min-acd (stated targets) or --commitment-used instead');
  }
  const usage = [];
  for (const u of opts.usage) usage.push(await requireFile(u, '--usage'));
  if (opts.out !== undefined) await requireWritableDir(path.dirname(path.resolve(opts.out)), '--out', opts.out);
  const options = await timeless(opts);
  const { result } = await compileOrFail(paths);
  // loaded on use: the other lcr commands never load DuckDB's native module
  const { simulate } = await import('../lcr/simulate.js');
  const sim = await simulate(result.compiled.plans, {
    ...options,
    usage: usage.map((p) => ({ path: p, ...(opts.map ? { mapping: opts.map } : {}) })),
    ...(opts.assumeTimezone !== undefined ? { assumeTimezone: opts.assumeTimezone } : {}),
    ...(opts.by !== undefined ? { by: opts.by } : {}),
  });
  for (const n of sim.notes) process.stderr.write(`icx: note: ${n}\n`);
  if (opts.out !== undefined) {
    await writeFileAtomic(path.resolve(opts.out), /\.json$/i.test(opts.out) ? simulationJson(sim) : simulationCsv(sim));
    process.stdout.write(`${summary(sim)}\nwrote ${opts.out}\n`);
  } else if (opts.json) {
    process.stdout.write(simulationJson(sim));
  } else {
    process.stdout.write(`${simulationTable(sim)}\n${summary(sim)}\n`);
  }
}

const who = (s: SimulationGroup['actual']) => `${s.supplier} (${s.agreement})`;
const status = (g: SimulationGroup) => (g.status === 'kept' ? `kept: ${g.reason}` : g.status);

export function simulationTable(sim: SimulationResult): string {
  const z = sim.by === 'zone';
  const rows = sim.groups.map((g) => [who(g.actual), ...(z ? [g.actual.zone ?? ''] : []), who(g.routed), ...(z ? [g.routed.zone ?? ''] : []),
    status(g), String(g.calls), g.minutes, g.actualCost, g.routedCost, g.savings]);
  const head = ['route used', ...(z ? ['zone'] : []), 'least-cost route', ...(z ? ['zone'] : []), 'status', 'calls', 'minutes', `cost (${sim.currency})`, `simulated (${sim.currency})`, 'savings'];
  const first = z ? 5 : 3;
  return renderTable(head, rows, new Set([first, first + 1, first + 2, first + 3, first + 4]));
}

export function summary(sim: SimulationResult): string {
  const r = sim.records;
  const t = sim.totals;
  const reasons = (xs: { reason: string; records: number }[]) => (xs.length ? ` (${xs.map((x) => `${x.reason} ${x.records}`).join(', ')})` : '');
  return [
    `${t.calls} calls: cost ${t.actualCost} ${sim.currency} on the routes used, ${t.routedCost} ${sim.currency} on the least-cost routes: ` +
      `savings ${t.savings} ${sim.currency}${t.savingsPercent !== null ? ` (${t.savingsPercent}%)` : ''}`,
    `records: ${r.in} in = ${r.simulated} simulated + ${r.kept} kept on their route${reasons(sim.keptByReason)} + ${r.outside} not outbound voice to a supplier + ${r.suspense} in suspense${reasons(sim.suspenseByReason)}`,
    `routed as icx lcr ranks a ${sim.callSeconds} s call at each call's start (${sim.tables} route table${sim.tables === 1 ? '' : 's'}); costs from rating each call on both routes`,
  ].join('\n');
}

export const SIMULATION_CSV_COLUMNS = [
  'supplier', 'agreement', 'zone', 'routed_supplier', 'routed_agreement', 'routed_zone', 'status', 'reason', 'calls', 'minutes', 'cost', 'routed_cost', 'savings', 'currency',
] as const;

export function simulationCsv(sim: SimulationResult): string {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = sim.groups.map((g) =>
    [g.actual.supplier, g.actual.agreement, g.actual.zone ?? '', g.routed.supplier, g.routed.agreement, g.routed.zone ?? '', g.status, g.reason ?? '', String(g.calls), g.minutes, g.actualCost, g.routedCost, g.savings, sim.currency]
      .map(cell).join(','));
  return [SIMULATION_CSV_COLUMNS.join(','), ...lines].join('\n') + '\n';
}

export function simulationJson(sim: SimulationResult): string {
  return JSON.stringify(sim, null, 2) + '\n';
}
