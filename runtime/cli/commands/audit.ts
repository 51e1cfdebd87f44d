// `icx audit`: the store's audit log (runtime/billing/audit.ts), oldest first — who ran, approved
// and issued which bill run, when, with the hashes of the plans and usage files it read.
import type { Command } from 'commander';
import path from 'node:path';
import { requireFile } from '../files.js';

interface AuditOptions {
  db: string;
  json?: boolean;
}

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('print the audit log of the store: bill runs, approvals and issued documents')
    .option('--db <file>', 'the store', 'icx.duckdb')
    .option('--json', 'print the entries as JSON')
    .action(async (opts: AuditOptions) => {
      // a log is read from an existing store only: never create an empty one by asking
      await requireFile(opts.db, '--db');
      const { openStore } = await import('../../index.js');
      const { readAudit } = await import('../../billing/audit.js');
      const store = await openStore(path.resolve(opts.db));
      try {
        const entries = await readAudit(store);
        if (opts.json) {
          process.stdout.write(JSON.stringify(entries, null, 2) + '\n');
          return;
        }
        for (const e of entries) {
          const d = e.details;
          const what = e.action === 'bill-issue' && Array.isArray(d['numbers']) ? ` numbers ${(d['numbers'] as string[]).join(', ') || 'none'}` : e.action === 'bill-run' || e.action === 'rerate' ? ` ${String(d['documents'])} documents` : '';
          process.stdout.write(`${String(e.seq).padStart(4)}  ${e.at}  ${e.actor}  ${e.action} ${e.subject}${what}\n`);
        }
        if (entries.length === 0) process.stdout.write('the audit log is empty\n');
      } finally {
        await store.close();
      }
    });
}
