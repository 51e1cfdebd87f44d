// `icx report traffic`: the rated traffic of a month in the store as one self-contained HTML
// file (runtime/report/). Reads the store only; agreements, when given, name the partners.
import type { Command } from 'commander';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { compileOrFail } from '../agreements.js';
import { UsageError } from '../errors.js';
import { displayPath, requireFile, requireWritableDir } from '../files.js';
import { month } from '../options.js';
import { writeFileAtomic } from '../write-atomic.js';

interface TrafficReportCliOptions {
  period: string;
  partner?: string;
  db: string;
  out: string;
}

export function registerReport(program: Command): void {
  const report = program
    .command('report')
    .description('reports on the store: icx report traffic');
  report
    .command('traffic')
    .description('self-contained HTML report of the rated traffic of a month: volumes and amounts per partner, destination, band and day, ASR/ACD, suspense')
    .argument('[agreements...]', '.icx files or directories: name partners by the agreements (else agreement ids are shown)')
    .requiredOption('--period <YYYY-MM>', 'the month (by local start in each agreement\'s time zone)', month)
    .option('--partner <name>', 'only this partner (its name, with agreements given) or agreement id')
    .option('--db <file>', 'the DuckDB store (read; never created)', 'icx.duckdb')
    .requiredOption('--out <file.html>', 'the report file (written whole or not at all)')
    .action(async (paths: string[], opts: TrafficReportCliOptions) => {
      if (!/\.html?$/i.test(opts.out)) throw new UsageError(`--out ${opts.out}: the report is HTML, give a file ending in .html`);
      // a report reads an existing store: never create an empty one by asking
      const db = await requireFile(opts.db, '--db');
      await requireWritableDir(path.dirname(path.resolve(opts.out)), '--out', opts.out);
      const partnerNames = new Map<string, string>();
      if (paths.length) {
        const { result } = await compileOrFail(paths);
        for (const { plan } of result.compiled.plans) partnerNames.set(plan.id, plan.partner.name);
      }
      const { phaseProgress } = await import('../../progress.js');
      const { openStore } = await import('../../index.js');
      const { trafficReportData, ReportInputError } = await import('../../report/traffic-data.js');
      const { renderTrafficReport } = await import('../../report/traffic-html.js');
      const progress = phaseProgress(['aggregate', 'render', 'write']);
      const store = await openStore(db);
      try {
        progress.phase('aggregate');
        const data = await trafficReportData(store, {
          period: opts.period, partnerNames, ...(opts.partner !== undefined ? { partner: opts.partner } : {}),
        }).catch((e: unknown) => {
          throw e instanceof ReportInputError ? new UsageError(e.message) : e;
        });
        progress.phase('render');
        const html = await renderTrafficReport(data, { store: path.basename(db) });
        progress.phase('write');
        await mkdir(path.dirname(path.resolve(opts.out)), { recursive: true });
        await writeFileAtomic(path.resolve(opts.out), html);
        progress.stop();
        const rated = data.totals.reduce((n, t) => n + t.records, 0);
        const suspended = data.suspense.reduce((n, s) => n + s.records, 0);
        const who = data.partner ? ` of ${data.partner}` : '';
        if (data.empty) {
          process.stderr.write(`icx: warning: no rated traffic${who} in ${data.period} in ${displayPath(db)}: the report says so\n`);
        }
        process.stdout.write(`traffic report ${data.period}${who}: ${rated} rated record${rated === 1 ? '' : 's'}, ${suspended} in suspense → ${opts.out}\n`);
      } finally {
        progress.stop();
        await store.close();
      }
    });
}
