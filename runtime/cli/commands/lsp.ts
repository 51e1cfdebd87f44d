// `icx lsp --stdio` is dispatched by bin/icx.js straight to lsp/main.ts, before this CLI (and
// DuckDB) loads. This stub only lists it in `icx --help`; it does not import lsp/.
import type { Command } from 'commander';
import { UsageError } from '../errors.js';

export function registerLsp(program: Command): void {
  program
    .command('lsp')
    .description('start the language server (LSP over stdin/stdout) for editors')
    .option('--stdio', 'speak LSP over stdin/stdout (the only transport)')
    .action(() => {
      throw new UsageError('start the language server through the icx launcher: `npx icx lsp --stdio`');
    });
}
