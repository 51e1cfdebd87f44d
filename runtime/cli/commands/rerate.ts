// `icx rerate`: the records of an issued period rated again with the agreements as they are now
// (and late usage files), compared with what was billed; the differences are written to --out as
// a draft correction run of credit and debit notes (runtime/billing/rerate.ts), with the records
// that changed in `<run>-records.csv`. Approve and issue it with `icx bill approve|issue`.
import type { Command } from 'commander';
import path from 'node:path';
import { compileOrFail } from '../agreements.js';
import { documentTable } from '../bill-table.js';
import { Failure } from '../errors.js';
import { requireFile } from '../files.js';
import { columnMap, month, timeZone } from '../options.js';
import { readPeriodInputs, type PeriodInputFlags } from '../period-inputs.js';

interface RerateCliOptions extends PeriodInputFlags {
  period: string;
  db: string;
}

export function registerRerate(program: Command): void {
  program
    .command('rerate')
    .description('re-rate an issued month with the agreements as they are now; credit and debit notes for the differences')
    .argument('<paths...>', '.icx files or directories with the agreements (as they are now)')
    .requiredOption('--period <YYYY-MM>', 'the issued month to re-rate', month)
    .requiredOption('--out <dir>', 'directory for the notes (<draft id>.json, .csv, .html, .pdf) and <run>-records.csv')
    .option('--partner <name>', "re-rate only this partner's agreements")
    .option('--usage <files...>', 'late usage files: records not billed yet, or sent again (they replace the stored copy)')
    .option('--db <file>', 'the DuckDB store', 'icx.duckdb')
    .option('--map <pairs>', 'usage column = source column (with --usage)', columnMap)
    .option('--assume-timezone <zone>', 'IANA zone for start times without an offset in the late files', timeZone)
    .option('--retail <files...>', 'retail revenue CSV files (revenue shares, commissions)')
    .option('--kpi <files...>', 'KPI CSV files (SLA credits)')
    .option('--issue-date <YYYY-MM-DD>', "the notes' issue date (default: today)")
    .action(async (paths: string[], opts: RerateCliOptions) => {
      const inputs = await readPeriodInputs(opts);
      const { src, result } = await compileOrFail(paths);
      const plans = result.compiled.plans;
      if (plans.length === 0) throw new Failure('no agreement to re-rate with');
      const { openStore } = await import('../../index.js');
      const { rerate } = await import('../../billing/rerate.js');
      const { RECORD_CHANGE_COLUMNS } = await import('../../billing/rerate-reasons.js');
      const { documentBaseName, rowsCsv, writeInvoiceFiles } = await import('../../billing/write.js');
      // a re-rating corrects what a store billed: never create an empty store by asking
      await requireFile(opts.db, '--db');
      const store = await openStore(path.resolve(opts.db));
      try {
        const res = await rerate(store, {
          plans, period: opts.period, sourceHashes: src.hashes(), ...inputs,
        });
        const docs = res.corrections.flatMap((c) => c.documents);
        const extra = res.corrections.map((c) => ({ name: `${c.runId}-records.csv`, text: rowsCsv(RECORD_CHANGE_COLUMNS, c.records) }));
        if (docs.length) await writeInvoiceFiles(docs, path.resolve(opts.out), [], extra);
        const r = res.rating;
        process.stdout.write(
          `re-rated: in ${r.inCount} = rated ${r.ratedCount} + suspense ${r.suspenseCount} (run ${r.runId}; ` +
            `${res.stored} stored record${res.stored === 1 ? '' : 's'}, ${r.inCount - res.stored} from late files)\n\n`,
        );
        if (docs.length) process.stdout.write(`${documentTable(docs, docs.map(documentBaseName))}\n\n`);
        for (const c of res.corrections) {
          process.stdout.write(
            `correction ${c.runId} of ${c.corrects}: draft, ${c.documents.length} note${c.documents.length === 1 ? '' : 's'}, ` +
              `${c.records.length} record${c.records.length === 1 ? '' : 's'} changed (${path.join(opts.out, `${c.runId}-records.csv`)}); ` +
              `issue it with icx bill approve ${c.runId} && icx bill issue ${c.runId} --out DIR\n`,
          );
        }
        for (const u of res.unchanged) process.stdout.write(`${u}: no differences; it stands as issued\n`);
      } finally {
        await store.close();
      }
    });
}
