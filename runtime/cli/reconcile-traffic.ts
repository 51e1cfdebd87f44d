// `icx reconcile traffic AGREEMENTS... --partner P --period YYYY-MM [--db] [--json] [--exit-code]`:
// the partner's inbound traffic of the month that is outside its agreement — on trunks the
// agreement does not list, of kinds its interconnect does not carry or it has no service for
// (runtime/reconcile/traffic-check.ts). Exit 0; with --exit-code, 3 when anything is found.
import type { Command } from 'commander';
import path from 'node:path';
import { compileOrFail } from './agreements.js';
import { Failure, UsageError } from './errors.js';
import { requireFile } from './files.js';
import { month } from './options.js';
import { EXIT_DISPUTE } from './reconcile-invoice.js';

interface Opts {
  partner?: string;
  period?: string;
  db: string;
  json?: boolean;
  exitCode?: boolean;
}

export function registerReconcileTraffic(reconcile: Command): void {
  reconcile
    .command('traffic')
    .description("a partner's inbound traffic outside its agreement: unlisted trunks, kinds not carried or not covered")
    .argument('<paths...>', '.icx files or directories with the agreements')
    .option('--partner <name>', 'the partner (required)')
    .option('--period <YYYY-MM>', 'the month (required)', month)
    .option('--db <file>', 'the DuckDB store with the rated traffic', 'icx.duckdb')
    .option('--json', 'print the groups as JSON')
    .option('--exit-code', `exit ${EXIT_DISPUTE} when any inbound traffic is outside the agreement`)
    .action(async (paths: string[], opts: Opts) => {
      if (!opts.partner) throw new UsageError('icx reconcile traffic needs --partner NAME');
      if (!opts.period) throw new UsageError('icx reconcile traffic needs --period YYYY-MM');
      await requireFile(opts.db, '--db');
      const { result } = await compileOrFail(paths);
      const plans = result.compiled.plans;
      if (!plans.some((h) => h.plan.partner.name === opts.partner)) {
        throw new Failure(`no agreement with partner ${opts.partner} (partners: ${[...new Set(plans.map((h) => h.plan.partner.name))].sort().join(', ')})`);
      }
      const { checkInboundTraffic, trafficReport } = await import('../reconcile/traffic-check.js');
      const { openStore } = await import('../index.js');
      const store = await openStore(path.resolve(opts.db));
      try {
        const check = await checkInboundTraffic(store, plans, opts.partner, opts.period);
        process.stdout.write(opts.json ? JSON.stringify(check, null, 2) + '\n' : trafficReport(check));
        if (opts.exitCode && check.groups.length > 0) process.exitCode = EXIT_DISPUTE;
      } finally {
        await store.close();
      }
    });
}
