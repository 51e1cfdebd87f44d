// `icx dispute open|list|show|acknowledge|resolve` (runtime/dispute/): disputes of partners'
// invoices, opened from a reconciliation's findings.json, with their lines, evidence, claim,
// deadlines from the agreement and history; `open` and `show --out` write the dispute document
// (PDF, the lines as CSV, the evidence CSVs). The store must exist (--db is never created here).
import type { Command } from 'commander';
import path from 'node:path';
import { Failure, UsageError } from '../errors.js';
import { requireFile, requireWritableDir } from '../files.js';
import { isIsoDate } from '../../dispute/dates.js';
import { renderDisputeList, renderDisputeShow, renderOpened } from '../dispute-text.js';

interface DbOption { db: string }

async function withStore<T>(db: string, fn: (store: import('../../store/store.js').Store) => Promise<T>): Promise<T> {
  // disputes live in an existing store: a typo in --db must not create an empty one
  await requireFile(db, '--db');
  const { openStore } = await import('../../index.js');
  const store = await openStore(path.resolve(db));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** A bad value or input file is exit 2 (UsageError); a refused action stays exit 1. */
async function inputErrorsAreUsage(fn: () => Promise<void>): Promise<void> {
  const { DisputeInputError } = await import('../../dispute/errors.js');
  try {
    await fn();
  } catch (e) {
    if (e instanceof DisputeInputError) throw new UsageError(e.message);
    throw e;
  }
}

function date(v: string, what: string): string {
  if (!isIsoDate(v)) throw new UsageError(`${what} ${JSON.stringify(v)} is not a date; write it as YYYY-MM-DD`);
  return v;
}

interface OpenOptions extends DbOption {
  out?: string;
  raised?: string;
  force?: boolean;
  late?: boolean;
  reason?: string;
  agreements?: string[];
  invoiceDate?: string;
  invoiceNumber?: string;
}

/** The agreement's deadlines and parties: from --agreements (compiled, hash checked) or findings.json. */
async function agreementTerms(read: import('../../dispute/findings-read.js').ReadFindings, paths: string[] | undefined) {
  const f = read.findings;
  if (paths === undefined) {
    if (f.disputeDeadlines === undefined) {
      throw new UsageError(`${read.file} does not say the agreement's dispute deadlines (disputeDeadlines); give the agreements: --agreements agreements/`);
    }
    return { rules: f.disputeDeadlines, parties: null };
  }
  const { compileOrFail } = await import('../agreements.js');
  const { result } = await compileOrFail(paths);
  const hp = result.compiled.plans.find(({ plan }) => plan.id === f.agreement.id && plan.version === f.agreement.version);
  if (!hp) throw new Failure(`${read.file} names agreement ${f.agreement.id} version ${f.agreement.version}, which is not in ${paths.join(', ')}`);
  const want = f.agreement.planHash.replace(/^sha256:/, '');
  if (hp.hash !== want) {
    throw new Failure(
      `${f.agreement.id} version ${f.agreement.version} compiles to plan ${hp.hash.slice(0, 12)}… but ${read.file} was made with plan ${want.slice(0, 12)}…: ` +
        'reconcile again with these agreements, or give the agreements the findings were made with',
    );
  }
  const party = (p: typeof hp.plan.us) => ({ name: p.name, legalName: p.legalName, vat: p.vat ?? null, address: p.address ?? null });
  return { rules: hp.plan.settlement?.disputeDeadlines ?? null, parties: { us: party(hp.plan.us), partner: party(hp.plan.partner) } };
}

async function open(findingsPath: string, opts: OpenOptions): Promise<void> {
  if (opts.raised !== undefined) date(opts.raised, '--raised');
  if (opts.reason !== undefined && !opts.late) throw new UsageError('--reason goes with --late (a dispute raised after the deadline)');
  if (opts.late && !opts.reason?.trim()) throw new UsageError('--late needs --reason "why the dispute is raised after the deadline"');
  await requireFile(findingsPath, 'findings');
  if (opts.out) await requireWritableDir(opts.out, '--out');
  await requireFile(opts.db, '--db');
  const { readFindings } = await import('../../dispute/findings-read.js');
  const read = await readFindings(findingsPath);
  const terms = await agreementTerms(read, opts.agreements);
  const { openDispute } = await import('../../dispute/open.js');
  const { disputeDocument } = await import('../../dispute/document.js');
  const { disputeFiles, writeDisputeFiles } = await import('../../dispute/files.js');
  await withStore(opts.db, async (store) => {
    let files: Awaited<ReturnType<typeof disputeFiles>> = [];
    const opened = await openDispute(store, read, {
      rules: terms.rules, parties: terms.parties,
      ...(opts.raised ? { raised: opts.raised } : {}), ...(opts.invoiceDate ? { invoiceDate: opts.invoiceDate } : {}),
      ...(opts.invoiceNumber ? { invoiceNumber: opts.invoiceNumber } : {}), ...(opts.force ? { force: true } : {}),
      ...(opts.late ? { late: { reason: opts.reason ?? '' } } : {}),
      // the document is rendered inside the transaction: a rendering failure opens nothing
      beforeCommit: async (o) => {
        if (opts.out) files = await disputeFiles(await disputeDocument(store, o.dispute.id));
      },
    });
    const written = opts.out ? await writeDisputeFiles(files, path.resolve(opts.out)) : [];
    process.stdout.write(renderOpened(opened.dispute, opened.lines, written));
  });
}

interface ListOptions extends DbOption { status?: string; partner?: string; json?: boolean; asOf?: string }

async function list(opts: ListOptions): Promise<void> {
  const { STATUSES, listDisputes } = await import('../../dispute/list.js');
  if (opts.status !== undefined && !(STATUSES as readonly string[]).includes(opts.status)) {
    throw new UsageError(`--status ${opts.status}: use one of ${STATUSES.join(', ')}`);
  }
  const today = opts.asOf !== undefined ? date(opts.asOf, '--as-of') : new Date().toISOString().slice(0, 10);
  await withStore(opts.db, async (store) => {
    const rows = await listDisputes(store, today, {
      ...(opts.status ? { status: opts.status as (typeof STATUSES)[number] } : {}), ...(opts.partner ? { partner: opts.partner } : {}),
    });
    process.stdout.write(opts.json ? JSON.stringify(rows, null, 2) + '\n' : renderDisputeList(rows, today));
  });
}

interface ShowOptions extends DbOption { json?: boolean; out?: string; asOf?: string }

async function show(id: string, opts: ShowOptions): Promise<void> {
  if (opts.out) await requireWritableDir(opts.out, '--out');
  const { disputeDocument } = await import('../../dispute/document.js');
  const { disputeFiles, writeDisputeFiles } = await import('../../dispute/files.js');
  const { overdueOf } = await import('../../dispute/list.js');
  await withStore(opts.db, async (store) => {
    const doc = await disputeDocument(store, id);
    const written = opts.out ? await writeDisputeFiles(await disputeFiles(doc), path.resolve(opts.out)) : [];
    const today = opts.asOf !== undefined ? date(opts.asOf, '--as-of') : new Date().toISOString().slice(0, 10);
    if (opts.json) {
      // evidence content stays in the files (show --out): the JSON names them with their sha256
      const evidence = doc.evidence.map(({ content: _c, ...e }) => e);
      process.stdout.write(JSON.stringify({ ...doc, evidence, ...overdueOf(doc.dispute, today), written }, null, 2) + '\n');
      return;
    }
    process.stdout.write(renderDisputeShow(doc, overdueOf(doc.dispute, today), written));
  });
}

interface StepOptions extends DbOption { credit?: string; reject?: boolean; note?: string }

async function step(id: string, which: 'acknowledge' | 'resolve', opts: StepOptions): Promise<void> {
  const { stepDispute } = await import('../../dispute/transitions.js');
  let s: 'acknowledge' | 'resolve' | 'reject' = which;
  if (which === 'resolve') {
    if (opts.reject && opts.credit !== undefined) throw new UsageError('give --credit AMOUNT or --reject, not both');
    if (!opts.reject && opts.credit === undefined) throw new UsageError('icx dispute resolve needs --credit AMOUNT (the partner credited it) or --reject --note "..." (the partner refused)');
    if (opts.reject) s = 'reject';
  }
  await withStore(opts.db, async (store) => {
    const d = await stepDispute(store, id, s, { ...(opts.credit !== undefined ? { credit: opts.credit } : {}), ...(opts.note !== undefined ? { note: opts.note } : {}) });
    const what = d.status === 'resolved-credit' ? `resolved with a credit of ${d.credited} ${d.currency} (claimed ${d.claimed} ${d.currency})` : d.status;
    process.stdout.write(`dispute ${d.id}: ${what}\n`);
  });
}

export function registerDispute(program: Command): void {
  const dispute = program
    .command('dispute')
    .description("disputes of partners' invoices: open from findings.json, list, show, acknowledge, resolve");
  const db = (c: Command) => c.option('--db <file>', 'the DuckDB store (must exist)', 'icx.duckdb');
  db(dispute.command('open')
    .description('open a dispute from a reconciliation (icx reconcile … --out DIR writes DIR/findings.json)')
    .argument('<findings>', 'findings.json of icx reconcile invoice|cdrs')
    .option('--out <dir>', 'write the dispute document here: <id>.pdf, <id>-lines.csv, <id>-evidence-*.csv')
    .option('--raised <YYYY-MM-DD>', "the date the dispute is raised (default: today's UTC date)")
    .option('--agreements <paths...>', "the agreements: the dispute deadlines and parties come from the compiled plan")
    .option('--invoice-date <YYYY-MM-DD>', "the partner's invoice date, when findings.json has none")
    .option('--invoice-number <number>', "the partner's invoice number, when findings.json has none")
    .option('--force', 'dispute findings whose verdict is accept (within tolerance)')
    .option('--late', 'open after the deadline to raise (needs --reason; recorded)')
    .option('--reason <text>', 'why the dispute is raised late'))
    .action((findings: string, opts: OpenOptions) => inputErrorsAreUsage(() => open(findings, opts)));
  db(dispute.command('list')
    .description('disputes with their status, claim and deadlines; overdue: open past the answer-due date')
    .option('--status <status>', 'only disputes in this status: open, acknowledged, resolved-credit, rejected')
    .option('--partner <name>', "only this partner's disputes")
    .option('--as-of <YYYY-MM-DD>', "the day overdue is judged on (default: today's UTC date)")
    .option('--json', 'print the disputes as JSON'))
    .action((opts: ListOptions) => inputErrorsAreUsage(() => list(opts)));
  db(dispute.command('show')
    .description('one dispute: its lines, evidence and history')
    .argument('<id>', 'the dispute id, e.g. D-ORANGE-2026-03-001')
    .option('--json', 'print it as JSON')
    .option('--as-of <YYYY-MM-DD>', "the day overdue is judged on (default: today's UTC date)")
    .option('--out <dir>', 'write the dispute document here (PDF, lines CSV, evidence CSVs)'))
    .action((id: string, opts: ShowOptions) => inputErrorsAreUsage(() => show(id, opts)));
  db(dispute.command('acknowledge')
    .description('the partner acknowledged the dispute (open → acknowledged)')
    .argument('<id>', 'the dispute id')
    .option('--note <text>', 'recorded in the history'))
    .action((id: string, opts: StepOptions) => inputErrorsAreUsage(() => step(id, 'acknowledge', opts)));
  db(dispute.command('resolve')
    .description('the partner answered: --credit AMOUNT (resolved with a credit) or --reject --note "..." (rejected)')
    .argument('<id>', 'the dispute id')
    .option('--credit <amount>', 'the amount the partner credits (exact, at most the claim)')
    .option('--reject', 'the partner rejected the dispute (needs --note)')
    .option('--note <text>', 'recorded in the history'))
    .action((id: string, opts: StepOptions) => inputErrorsAreUsage(() => step(id, 'resolve', opts)));
}
