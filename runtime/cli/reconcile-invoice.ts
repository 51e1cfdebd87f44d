// `icx reconcile invoice AGREEMENTS... INVOICE --partner P --period YYYY-MM`: the partner's
// invoice (CSV or JSON, docs/usage.md "Reconciling a partner's invoice") against our rating of
// the same month in the store (runtime/reconcile/invoice-*.ts). Prints the report, or the
// Findings with --json; --out DIR writes findings.json and the evidence CSVs. Exit 0 whether the
// verdict is accept or dispute (the report is the result); with --exit-code a dispute exits 3.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import path from 'node:path';
import { compileOrFail } from './agreements.js';
import { Failure, UsageError } from './errors.js';
import { displayPath, requireFile, requireWritableDir } from './files.js';
import { month } from './options.js';
import { INVOICE_FIELDS, type InvoiceColumnMap, type InvoiceField } from '../reconcile/invoice-input.js';

/** Exit code of a `dispute` verdict under --exit-code. */
export const EXIT_DISPUTE = 3;

interface Opts {
  partner?: string;
  period?: string;
  db: string;
  agreement?: string;
  map?: InvoiceColumnMap;
  invoiceNumber?: string;
  invoiceDate?: string;
  currency?: string;
  out?: string;
  json?: boolean;
  exitCode?: boolean;
}

/** `--map service=Destination,amount=Total`: invoice field = the partner's column (or JSON key). */
export function invoiceColumnMap(value: string, previous: InvoiceColumnMap = {}): InvoiceColumnMap {
  const out = { ...previous };
  for (const part of value.split(',')) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.+?)\s*$/.exec(part);
    if (!m) throw new InvalidArgumentError(`expected field=column pairs separated by commas, got '${part}'`);
    if (!(INVOICE_FIELDS as readonly string[]).includes(m[1]!)) throw new InvalidArgumentError(`unknown invoice field '${m[1]}' (one of: ${INVOICE_FIELDS.join(', ')})`);
    out[m[1] as InvoiceField] = m[2]!;
  }
  return out;
}

export function registerReconcileInvoice(reconcile: Command): void {
  reconcile
    .command('invoice')
    .description("check a partner's invoice (CSV or JSON) against our rating of the same month")
    .argument('<paths...>', '.icx files or directories with the agreements, then the invoice file (last)')
    .option('--partner <name>', 'the partner who sent the invoice (required)')
    .option('--period <YYYY-MM>', 'the month invoiced (required)', month)
    .option('--db <file>', 'the DuckDB store with the rated traffic', 'icx.duckdb')
    .option('--agreement <id>', 'the agreement, when the partner has several valid in the month')
    .option('--map <pairs>', "invoice field = the partner's column, e.g. service=Product,amount=Total", invoiceColumnMap)
    .option('--invoice-number <text>', "the invoice's number (CSV: else its invoice_number column)")
    .option('--invoice-date <YYYY-MM-DD>', "the invoice's date (CSV: else its invoice_date column)")
    .option('--currency <code>', "the invoice's currency (CSV: else its currency column; default the agreement's)")
    .option('--out <dir>', 'write findings.json and an evidence CSV per disputed line here')
    .option('--json', 'print the findings as JSON instead of the report')
    .option('--exit-code', `exit ${EXIT_DISPUTE} when the verdict is dispute (default: 0 either way)`)
    .action(async (paths: string[], opts: Opts) => {
      if (!opts.partner) throw new UsageError('icx reconcile invoice needs --partner NAME (who sent the invoice)');
      if (!opts.period) throw new UsageError('icx reconcile invoice needs --period YYYY-MM (the month invoiced)');
      if (paths.length < 2) throw new UsageError('icx reconcile invoice needs the agreements and then the invoice file, e.g. icx reconcile invoice agreements/ invoice.csv');
      const invoiceFile = displayPath(await requireFile(paths[paths.length - 1]!, 'invoice'));
      await requireFile(opts.db, '--db');
      if (opts.out) await requireWritableDir(opts.out, '--out');
      const { readPartnerInvoice, InvoiceInputError } = await import('../reconcile/invoice-input.js');
      const { reconcileInvoice, ReconcileError } = await import('../reconcile/invoice-run.js');
      let invoice;
      try {
        invoice = await readPartnerInvoice(invoiceFile, opts.map ?? {}, {
          ...(opts.invoiceNumber ? { invoiceNumber: opts.invoiceNumber } : {}),
          ...(opts.invoiceDate ? { invoiceDate: opts.invoiceDate } : {}),
          ...(opts.currency ? { currency: opts.currency } : {}),
        });
      } catch (e) {
        if (e instanceof InvoiceInputError) throw new Failure(e.message);
        throw e;
      }
      const { result } = await compileOrFail(paths.slice(0, -1));
      const { openStore } = await import('../index.js');
      const store = await openStore(path.resolve(opts.db));
      try {
        const run = { plans: result.compiled.plans, partner: opts.partner, period: opts.period, invoice, ...(opts.agreement ? { agreement: opts.agreement } : {}) };
        let findings;
        try {
          findings = await reconcileInvoice(store, run);
          if (opts.out) {
            const { writeFindings } = await import('../reconcile/invoice-write.js');
            const hp = result.compiled.plans.find((h) => h.plan.id === findings!.agreement.id)!;
            findings = await writeFindings(store, hp, findings, path.resolve(opts.out));
          }
        } catch (e) {
          if (e instanceof ReconcileError) throw new Failure(e.message);
          throw e;
        }
        // no usage line of ours at all: most likely the traffic was never rated into this store
        if (!findings.lines.some((l) => l.ours !== null && l.zone !== null)) {
          process.stderr.write(`icx: warning: ${opts.db} has no rated payable traffic of ${findings.agreement.id} in ${opts.period}; rate it first (icx rate or icx bill)\n`);
        }
        if (opts.json) process.stdout.write(JSON.stringify(findings, null, 2) + '\n');
        else {
          const { invoiceReport } = await import('../reconcile/invoice-report.js');
          process.stdout.write(invoiceReport(findings));
          if (opts.out) process.stdout.write(`findings in ${path.join(opts.out, 'findings.json')}\n`);
        }
        if (opts.exitCode && findings.verdict === 'dispute') process.exitCode = EXIT_DISPUTE;
      } finally {
        await store.close();
      }
    });
}
