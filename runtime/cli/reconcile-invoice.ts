// `icx reconcile invoice` (issue 7): not built yet.
import type { Command } from 'commander';
import { Failure } from './errors.js';

export function registerReconcileInvoice(reconcile: Command): void {
  reconcile
    .command('invoice')
    .description('not built yet')
    .action(() => {
      throw new Failure('icx reconcile invoice is not built yet');
    });
}
