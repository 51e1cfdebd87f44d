// `icx reconcile invoice|cdrs`: the partner's invoice or CDRs checked against our own rating of
// the same traffic (runtime/reconcile/). Each subcommand lives in its own file.
import type { Command } from 'commander';
import { registerReconcileCdrs } from '../reconcile-cdrs.js';
import { registerReconcileInvoice } from '../reconcile-invoice.js';
import { registerReconcileTraffic } from '../reconcile-traffic.js';

export function registerReconcile(program: Command): void {
  const reconcile = program
    .command('reconcile')
    .description("check a partner's invoice (reconcile invoice) or CDRs (reconcile cdrs) against our rating");
  registerReconcileInvoice(reconcile);
  registerReconcileCdrs(reconcile);
  registerReconcileTraffic(reconcile);
}
