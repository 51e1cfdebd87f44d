// `icx reconcile cdrs` (issue 7): not built yet.
import type { Command } from 'commander';
import { Failure } from './errors.js';

export function registerReconcileCdrs(reconcile: Command): void {
  reconcile
    .command('cdrs')
    .description('not built yet')
    .action(() => {
      throw new Failure('icx reconcile cdrs is not built yet');
    });
}
