// `icx bill`: a bill run for one month (runtime/billing/run.ts), its documents written to --out
// as JSON and CSV; `icx bill approve RUN` freezes a draft; `icx bill issue RUN` numbers its
// invoices and writes them again under their numbers.
import type { Command } from 'commander';
import path from 'node:path';
import type { UsageField } from '../../../compiler/sql/index.js';
import { documentTable as table } from '../bill-table.js';
import { compileOrFail } from '../agreements.js';
import { Failure, UsageError } from '../errors.js';
import { requireFile, requireWritableDir } from '../files.js';
import { columnMap, month, timeZone } from '../options.js';
import { readPeriodInputs } from '../period-inputs.js';

interface BillOptions {
  period?: string;
  partner?: string;
  usage?: string[];
  out?: string;
  db: string;
  map?: Partial<Record<UsageField, string>>;
  assumeTimezone?: string;
  retail?: string[];
  kpi?: string[];
  issueDate?: string;
  service?: string;
  json?: boolean;
}

async function openDb(db: string) {
  const { openStore } = await import('../../index.js');
  return openStore(path.resolve(db));
}

/** `icx bill history RECORD [--service S] [--json] [--db]`: what each bill run charged for one record. */
async function history(rest: string[], opts: BillOptions): Promise<void> {
  if (rest.length !== 1) throw new UsageError('icx bill history needs one record id, e.g. icx bill history M-0001');
  await requireFile(opts.db, '--db');
  const { recordHistory } = await import('../../billing/record-versions.js');
  const store = await openDb(opts.db);
  try {
    const versions = await recordHistory(store, rest[0]!, opts.service);
    if (opts.json) {
      process.stdout.write(JSON.stringify(versions, null, 2) + '\n');
      return;
    }
    if (versions.length === 0) throw new Failure(`record ${rest[0]!}${opts.service ? ` (service ${opts.service})` : ''} is in no bill run of ${opts.db}`);
    for (const v of versions) {
      process.stdout.write(
        `${v.billRun} (${v.status})  ${v.agreementId} v${v.agreementVersion}  ${v.service} ${v.zone}${v.band === 'any' ? '' : ` ${v.band}`}  ` +
          `${v.amount} ${v.currency}  ${v.clause ?? ''}${v.rateSource ? ` (${v.rateSource})` : ''}  rating run ${v.ratingRun}\n`,
      );
    }
  } finally {
    await store.close();
  }
}

/** `icx bill approve RUN [--db]`, `icx bill issue RUN --out DIR [--db]`. */
async function runStep(step: 'approve' | 'issue', rest: string[], opts: BillOptions): Promise<void> {
  if (rest.length !== 1) throw new UsageError(`icx bill ${step} needs one bill run id, e.g. icx bill ${step} BR-2026-03`);
  const run = rest[0]!;
  if (opts.period || opts.usage || opts.partner) throw new UsageError(`icx bill ${step} takes the run id only (and --db${step === 'issue' ? ', --out' : ''})`);
  const { approveBillRun, issueBillRun } = await import('../../billing/run.js');
  if (step === 'issue') {
    if (!opts.out) throw new UsageError('icx bill issue needs --out DIR (where the numbered documents are written)');
    await requireWritableDir(opts.out, '--out');
  }
  const store = await openDb(opts.db);
  try {
    if (step === 'approve') {
      await approveBillRun(store, run);
      process.stdout.write(`bill run ${run}: approved\n`);
      return;
    }
    const { writeInvoiceFiles, documentBaseName } = await import('../../billing/write.js');
    const docs = await issueBillRun(store, run);
    // the settlement statements stored with the run, now naming the invoices by number
    const { runSettlements } = await import('../../billing/settlement-store.js');
    const { withNumbers, settlementLine } = await import('../../billing/settlement.js');
    const settled = withNumbers(await runSettlements(store, run), docs);
    await writeInvoiceFiles(docs, path.resolve(opts.out!), settled);
    const lines = settled.map((st) => `settlement ${settlementLine(st)}\n`).join('');
    process.stdout.write(`${table(docs, docs.map(documentBaseName))}\n\n${lines}${lines ? '\n' : ''}bill run ${run}: issued, ${docs.length} document${docs.length === 1 ? '' : 's'} in ${opts.out}\n`);
  } finally {
    await store.close();
  }
}

export function registerBill(program: Command): void {
  program
    .command('bill')
    .description('bill run for a month: invoices we issue and statements we expect (JSON + CSV); see also bill approve / bill issue')
    .argument('<paths...>', '.icx files or directories with the agreements; or approve RUN / issue RUN / history RECORD')
    // `bill approve RUN` and `bill issue RUN` are read from the first operand, not commander
    // subcommands: a parent's options (--db, --out) would be taken from the subcommand's
    // arguments, and its mandatory options demanded of them. So --period and --out are
    // checked by the action. (An agreements folder named approve or issue: write ./approve.)
    .option('--period <YYYY-MM>', 'the month to bill (required)', month)
    .option('--out <dir>', 'directory for the documents (<number or draft id>.json and .csv) (required)')
    .option('--partner <name>', 'bill only this partner')
    .option('--usage <files...>', 'usage files to rate first (as icx rate), in the same transaction')
    .option('--db <file>', 'the DuckDB store', 'icx.duckdb')
    .option('--map <pairs>', 'usage column = source column (with --usage)', columnMap)
    .option('--assume-timezone <zone>', 'IANA zone for usage start times without an offset', timeZone)
    .option('--retail <files...>', 'retail revenue CSV files (revenue shares, commissions)')
    .option('--kpi <files...>', 'KPI CSV files (SLA credits)')
    .option('--issue-date <YYYY-MM-DD>', "the documents' issue date (default: the period's last day)")
    .option('--service <name>', 'bill history: only this service of the record')
    .option('--json', 'bill history: print the versions as JSON')
    .action(async (paths: string[], opts: BillOptions) => {
      if (paths[0] === 'approve' || paths[0] === 'issue') return runStep(paths[0], paths.slice(1), opts);
      if (paths[0] === 'history') return history(paths.slice(1), opts);
      if (!opts.period) throw new UsageError('icx bill needs --period YYYY-MM (the month to bill)');
      if (!opts.out) throw new UsageError('icx bill needs --out DIR (where the documents are written)');
      const inputs = await readPeriodInputs({ ...opts, out: opts.out });
      const { src, result } = await compileOrFail(paths);
      const plans = result.compiled.plans;
      if (plans.length === 0) throw new Failure('no agreement to bill');
      const { billRun, billRunId } = await import('../../billing/run.js');
      const { writeInvoiceFiles, documentBaseName } = await import('../../billing/write.js');
      const { settleInRun } = await import('../../billing/settlement-store.js');
      const runId = billRunId(opts.period, opts.partner);
      let settled: Awaited<ReturnType<typeof settleInRun>> = [];
      const store = await openDb(opts.db);
      try {
        const res = await billRun(store, {
          plans, period: opts.period, sourceHashes: src.hashes(), ...inputs,
          // settlement statements computed and stored in the run's own transaction: a missing
          // settlement FX rate leaves the store as it was and writes no file
          inRun: async () => {
            settled = await settleInRun(store, runId, plans);
          },
        });
        const { settlementLine } = await import('../../billing/settlement.js');
        await writeInvoiceFiles(res.documents, path.resolve(opts.out), settled);
        if (res.rating) {
          const r = res.rating;
          process.stdout.write(`rated: in ${r.inCount} = rated ${r.ratedCount} + suspense ${r.suspenseCount} (run ${r.runId})\n`);
        }
        for (const a of res.alreadyRated) process.stdout.write(`already rated with these agreements: ${a.path} (run ${a.ratingRun}); not rated again\n`);
        if (res.rating || res.alreadyRated.length) process.stdout.write('\n');
        process.stdout.write(`${table(res.documents, res.documents.map(documentBaseName))}\n\n`);
        for (const st of settled) process.stdout.write(`settlement ${settlementLine(st)}\n`);
        if (settled.length > 0) process.stdout.write('\n');
        process.stdout.write(`bill run ${res.runId}: draft, ${res.documents.length} document${res.documents.length === 1 ? '' : 's'} in ${opts.out}\n`);
        // inbound records rated outside the agreement's interconnects are billed, but never silently
        const { checkInboundTraffic } = await import('../../reconcile/traffic-check.js');
        for (const partner of [...new Set(res.documents.map((d) => (d.kind === 'invoice' ? d.recipient.name : d.issuer.name)))].sort()) {
          const check = await checkInboundTraffic(store, plans, partner, opts.period);
          for (const g of check.groups.filter((x) => x.status === 'rated')) {
            process.stderr.write(
              `icx: warning: ${partner}: ${g.records} inbound record${g.records === 1 ? '' : 's'} ${g.explanation} ` +
                `(icx reconcile traffic --partner ${partner} --period ${opts.period})\n`,
            );
          }
        }
      } finally {
        await store.close();
      }
    });
}
