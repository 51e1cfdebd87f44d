// `icx lsp --stdio`: the language server's process entry. bin/icx.js starts this file directly
// (not runtime/cli/main.ts), so the server never loads the runtime or DuckDB.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write('Usage: icx lsp --stdio\n\nStart the icx language server, speaking LSP over stdin/stdout.\n');
  process.exit(0);
}
if (!args.includes('--stdio')) {
  process.stderr.write('icx: lsp: only --stdio is supported (run `icx lsp --stdio`)\n');
  process.exit(2);
}

// stdout carries the protocol: anything printed by mistake would corrupt it, so send it to stderr.
console.log = (...a: unknown[]) => process.stderr.write(a.map(String).join(' ') + '\n');
process.on('uncaughtException', (e) => process.stderr.write(`icx lsp: uncaught: ${e.stack ?? e.message}\n`));
process.on('unhandledRejection', (e) => process.stderr.write(`icx lsp: unhandled rejection: ${String(e)}\n`));

const connection = createConnection(ProposedFeatures.all);
startServer(connection);
connection.listen();
