// `icx compile`: show what the compiler hands the runtime: the rating plan(s) with their
// hash, or with --sql the SQL text the runtime executes for them.
import type { Command } from 'commander';
import { compileOrFail } from '../agreements.js';
import { diagnosticsJson } from '../diagnostics.js';
import { sqlForPlans } from '../sql-text.js';

interface CompileOptions {
  sql?: boolean;
  json?: boolean;
}

export function registerCompile(program: Command): void {
  program
    .command('compile')
    .description('print the rating plan(s) of an agreement file as JSON, with their SHA-256 hash')
    .argument('<file>', 'an .icx file')
    .option('--sql', 'print the SQL the runtime runs for these plans instead')
    .option('--json', 'print one JSON document: plans, tests and diagnostics')
    .action(async (file: string, opts: CompileOptions) => {
      const { src, result } = await compileOrFail([file]);
      const { plans, tests } = result.compiled;
      if (opts.sql) {
        const sql = sqlForPlans(plans);
        process.stdout.write(opts.json ? JSON.stringify({ hashes: plans.map((p) => p.hash), sql }, null, 2) + '\n' : sql.endsWith('\n') ? sql : sql + '\n');
        return;
      }
      const doc = opts.json
        ? { plans, tests, diagnostics: diagnosticsJson(result.diagnostics, src.lookup) }
        : plans.map((p) => ({ id: p.plan.id, version: p.plan.version, hash: p.hash, plan: p.plan }));
      process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
    });
}
