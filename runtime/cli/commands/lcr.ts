// `icx lcr AGREEMENTS --at T`: the least-cost route table of the payable voice suppliers
// (runtime/lcr/): per destination prefix, the suppliers ranked by the cost of a typical call
// in one currency. Output: a readable table, or --json, or --out routes.csv|routes.json
// (written whole or not at all).
import { InvalidArgumentError, type Command } from 'commander';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readFxTable } from '../../../compiler/fx-table.js';
import { isFxCurrency } from '../../../compiler/check/fx-currencies.js';
import { parseCommitmentUsed } from '../../lcr/commitments.js';
import { LcrError } from '../../lcr/errors.js';
import { lcrTable, type LcrOptions } from '../../lcr/index.js';
import type { SellLookup } from '../../lcr/build.js';
import { diffRoutes } from '../../lcr/diff.js';
import type { HashedAgreementPlan } from '../../../compiler/plan.js';
import { parseAt } from '../../lcr/local-time.js';
import { routesCsv, routesJson, summarize, type TableMeta } from '../../lcr/output.js';
import { readSellTable } from '../../lcr/sell.js';
import { explicitWindow, type QualityWindow } from '../../lcr/quality-measure.js';
import { qualitySummary } from '../../lcr/quality-output.js';
import { readStoreInputs, type StoreInputOptions } from '../../lcr/quality-store.js';
import type { FxRow } from '../../lcr/suppliers.js';
import { compileOrFail } from '../agreements.js';
import { Failure, UsageError } from '../errors.js';
import { displayPath, requireWritableDir } from '../files.js';
import { columnMap, timeZone, wholeNumber } from '../options.js';
import type { UsageField } from '../../../compiler/sql/index.js';
import { runSimulate } from '../lcr-simulate.js';
import { renderTable } from '../table.js';
import { writeFileAtomic } from '../write-atomic.js';

export interface LcrCliOptions {
  at?: string;
  from?: string;
  to?: string;
  band?: string;
  currency?: string;
  callSeconds: number;
  out?: string;
  json?: boolean;
  maxSuppliers?: number;
  disable?: string[];
  sell?: string;
  fx?: string[];
  minAsr?: string;
  minAcd?: string;
  commitmentUsed?: string[];
  usage?: string[];
  assumeTimezone?: string;
  ranks?: number;
  by?: 'supplier' | 'zone';
  map?: Partial<Record<UsageField, string>>;
  store?: string;
  qualityWindow?: number;
  qualityFrom?: string;
  qualityTo?: string;
  minAttempts?: number;
}

/** --quality-window default: the 30 local days before --at. */
const QUALITY_DAYS = 30;
/** --min-attempts default: a zone or supplier with fewer attempts is not judged on its own ASR/ACD. */
const MIN_ATTEMPTS = 100;

/** Table output without --max-suppliers shows this many ranks per prefix. */
const TABLE_RANKS = 3;

function positive(value: string): number {
  const n = wholeNumber(value);
  if (n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

function decimal(value: string): string {
  if (!/^\d+(\.\d+)?$/.test(value)) throw new InvalidArgumentError('expected a plain decimal number, e.g. 45 or 90');
  return value;
}

function currency(value: string): string {
  if (!isFxCurrency(value)) throw new InvalidArgumentError('expected an ISO 4217 currency code, e.g. EUR');
  return value;
}

export function registerLcr(program: Command): void {
  program
    .command('lcr')
    .description('least-cost routing: rank the payable voice suppliers per destination prefix by the cost of a typical call')
    .argument('<agreements...>', '.icx files or directories; or diff AGREEMENTS --from T1 --to T2; or simulate AGREEMENTS --usage FILE…')
    // `lcr diff` is read from the first operand, as `bill approve`: a commander subcommand would
    // take the parent's options from its own arguments. So --at is checked by the action.
    .option('--at <datetime>', 'the instant to price at, YYYY-MM-DDTHH:MM (UTC unless it ends in Z or ±HH:MM) (required)')
    .option('--from <datetime>', 'lcr diff: the instant before')
    .option('--to <datetime>', 'lcr diff: the instant after')
    .option('--band <name>', 'price at this band (suppliers without it use their band of --at)')
    .option('--currency <code>', 'the table currency (default: the most common agreement currency of the suppliers)', currency)
    .option('--call-seconds <n>', 'the typical call length the ranking compares', positive, 120)
    .option('--out <file>', 'write the table to a .csv or .json file')
    .option('--json', 'print the table as JSON')
    .option('--max-suppliers <n>', `ranks kept per prefix (the printed table shows ${TABLE_RANKS} by default)`, positive)
    .option('--disable <supplier...>', 'leave out these suppliers (partner names or agreement ids)')
    .option('--sell <file.csv>', 'margin guard: our sell prices per minute, CSV prefix,price,currency')
    .option('--fx <table.csv...>', 'FX tables (date,from,to,rate) for currency pairs the agreements do not convert')
    .option('--min-asr <percent>', 'quality floor in percent: the measured ASR with --store, else the ASR target the supplier agreement must state', decimal)
    .option('--min-acd <seconds>', 'quality floor in seconds: the measured ACD with --store, else the ACD target the supplier agreement must state', decimal)
    .option('--ranks <n>', 'lcr diff: compare the first N ranks of each prefix, not only the first choice', positive)
    .option('--by <what>', 'lcr simulate: group the report by supplier (default) or zone', (v: string) => {
      if (v !== 'supplier' && v !== 'zone') throw new InvalidArgumentError('expected supplier or zone');
      return v;
    })
    .option('--usage <files...>', 'lcr simulate: the past traffic to re-cost (.csv, .csv.gz, .parquet, .json)')
    .option('--assume-timezone <zone>', 'lcr simulate: IANA zone for start times written without an offset', timeZone)
    .option('--map <pairs>', 'lcr simulate: usage column = source column, e.g. record_id=CallId,b_number=Called', columnMap)
    .option('--commitment-used <agreement=qty...>', 'what is used so far this period of our commitment to a supplier (spend in its currency, or minutes): an unmet one lowers its marginal cost')
    .option('--store <file>', 'an icx store (e.g. icx.duckdb), read only: measure ASR/ACD from its rated traffic and read what is used of our commitments')
    .option('--quality-window <days>', `with --store: measure quality over the DAYS local days before --at (default ${QUALITY_DAYS})`, positive)
    .option('--quality-from <date>', 'with --store: measure quality from this local date (YYYY-MM-DD, with --quality-to)')
    .option('--quality-to <date>', 'with --store: measure quality up to this local date, inclusive')
    .option('--min-attempts <n>', `with --store: attempts a zone (or supplier) needs to be judged on its own measured figure (default ${MIN_ATTEMPTS})`, positive)
    .action(async (paths: string[], opts: LcrCliOptions) => {
      if (opts.out !== undefined && !/\.(csv|json)$/i.test(opts.out)) throw new UsageError(`--out ${opts.out}: give a file ending in .csv or .json`);
      if (opts.out !== undefined && opts.json) throw new UsageError('choose one of --out and --json');
      try {
        if (opts.ranks !== undefined && paths[0] !== 'diff') throw new UsageError('--ranks is an option of icx lcr diff');
        if (paths[0] === 'simulate') return await runSimulate(paths.slice(1), opts, timelessOptions);
        if (opts.usage !== undefined || opts.assumeTimezone !== undefined || opts.by !== undefined || opts.map !== undefined) throw new UsageError('--usage, --assume-timezone, --map and --by are options of icx lcr simulate');
        if (paths[0] === 'diff') return await diff(paths.slice(1), opts);
        if (opts.at === undefined) throw new UsageError('icx lcr needs --at YYYY-MM-DDTHH:MM (the instant to price at)');
        const at = parseAt(opts.at);
        if (opts.out !== undefined) await requireWritableDir(path.dirname(path.resolve(opts.out)), '--out', opts.out);
        const { result } = await compileOrFail(paths);
        const t = await tableAt(result.compiled.plans, at, opts);
        const meta: TableMeta = { at: at.toISOString(), currency: t.set.currency, callSeconds: opts.callSeconds, ...(opts.maxSuppliers !== undefined ? { maxSuppliers: opts.maxSuppliers } : {}) };
        for (const n of t.set.notes) process.stderr.write(`icx: note: ${n}\n`);
        const sum = summarize(t.routes);
        const json = () => routesJson(t.routes, t.set, meta);
        const line = `${sum.prefixes} prefixes, ${t.set.suppliers.length} supplier${t.set.suppliers.length === 1 ? '' : 's'} in ${meta.currency} for a ${meta.callSeconds} s call at ${meta.at}` +
          `${sum.unrouted ? `; ${sum.unrouted} prefixes without a route` : ''}${sum.margin ? `; ${sum.margin} routes excluded by the margin guard` : ''}` +
          t.set.excluded.map((x) => `; ${x.name} (${x.agreement}) left out: ${x.reason}`).join('') + qualitySummary(t.set, t.routes);
        if (opts.out !== undefined) {
          await writeFileAtomic(path.resolve(opts.out), /\.json$/i.test(opts.out) ? json() : routesCsv(t.routes, meta));
          process.stdout.write(`${line}\nwrote ${opts.out}\n`);
        } else if (opts.json) {
          process.stdout.write(json());
        } else {
          process.stdout.write(table(t.routes, { ...meta, maxSuppliers: opts.maxSuppliers ?? TABLE_RANKS }) + `\n${line}\n`);
        }
      } catch (e) {
        if (e instanceof LcrError) throw e.kind === 'usage' ? new UsageError(e.message) : new Failure(e.message);
        throw e;
      }
    });
}

/** Every option of the command but the instant (fx, sell, quality…), as the route tables take them. */
async function timelessOptions(opts: LcrCliOptions): Promise<Omit<LcrOptions, 'at'> & { sell?: (currency: string) => SellLookup }> {
  const fx = await readFx(opts.fx ?? []);
  const sellText = opts.sell !== undefined ? await readInput(opts.sell, '--sell') : undefined;
  const quality = { ...(opts.minAsr !== undefined ? { asr: opts.minAsr } : {}), ...(opts.minAcd !== undefined ? { acd: opts.minAcd } : {}) };
  return {
    callSeconds: opts.callSeconds, fx,
    ...(opts.band !== undefined ? { band: opts.band } : {}),
    ...(opts.currency !== undefined ? { currency: opts.currency } : {}),
    ...(opts.disable !== undefined ? { disable: opts.disable } : {}),
    ...(Object.keys(quality).length ? { quality } : {}),
    ...(opts.commitmentUsed !== undefined ? { commitmentUsed: parseCommitmentUsed(opts.commitmentUsed) } : {}),
    ...(sellText !== undefined ? { sell: (cur: string) => readSellTable(sellText, displayPath(path.resolve(opts.sell!)), cur) } : {}),
  };
}

/** The route table at one instant, with every option of the command (fx, sell, quality…) and, with --store, what the store says at that instant. */
async function tableAt(plans: readonly HashedAgreementPlan[], at: Date, opts: LcrCliOptions) {
  const so = storeOptions(opts);
  const fromStore = so ? await readStoreInputs(plans, at, so) : undefined;
  const t = lcrTable(plans, {
    ...(await timelessOptions(opts)), at,
    ...(fromStore ? { measuredQuality: fromStore.measuredQuality, commitmentFromStore: fromStore.commitmentFromStore } : {}),
  });
  if (fromStore) t.set.notes.unshift(...fromStore.notes);
  return t;
}

/** --store and its window options, checked together; undefined without --store. */
function storeOptions(opts: LcrCliOptions): StoreInputOptions | undefined {
  const windowOpts = [['--quality-window', opts.qualityWindow], ['--quality-from', opts.qualityFrom], ['--quality-to', opts.qualityTo], ['--min-attempts', opts.minAttempts]] as const;
  if (opts.store === undefined) {
    const given = windowOpts.find(([, v]) => v !== undefined);
    if (given) throw new UsageError(`${given[0]} measures quality from rated traffic: give the store with --store FILE (e.g. --store icx.duckdb)`);
    return undefined;
  }
  if (opts.qualityWindow !== undefined && (opts.qualityFrom !== undefined || opts.qualityTo !== undefined)) throw new UsageError('choose one of --quality-window and --quality-from/--quality-to');
  if ((opts.qualityFrom === undefined) !== (opts.qualityTo === undefined)) throw new UsageError('--quality-from and --quality-to go together (local dates, both inclusive)');
  const window: QualityWindow = opts.qualityFrom !== undefined ? explicitWindow(opts.qualityFrom, opts.qualityTo!) : { days: opts.qualityWindow ?? QUALITY_DAYS };
  return {
    path: path.resolve(opts.store), shown: opts.store, window,
    windowGiven: opts.qualityWindow !== undefined || opts.qualityFrom !== undefined,
    floors: opts.minAsr !== undefined || opts.minAcd !== undefined,
    minAttempts: opts.minAttempts ?? MIN_ATTEMPTS,
  };
}

/** `icx lcr diff AGREEMENTS --from T1 --to T2 [--json]`: how the first choice of each prefix changes. */
async function diff(paths: string[], opts: LcrCliOptions): Promise<void> {
  if (paths.length === 0) throw new UsageError('icx lcr diff needs the agreements, e.g. icx lcr diff agreements/ --from 2026-03-14T10:00 --to 2026-03-16T10:00');
  if (opts.from === undefined || opts.to === undefined) throw new UsageError('icx lcr diff needs --from and --to (the two instants to compare)');
  if (opts.at !== undefined || opts.out !== undefined) throw new UsageError('icx lcr diff takes --from and --to, not --at or --out');
  if (opts.ranks !== undefined && opts.maxSuppliers !== undefined) throw new UsageError('icx lcr diff compares --ranks N; --max-suppliers does not apply');
  const [from, to] = [parseAt(opts.from), parseAt(opts.to)];
  const { result } = await compileOrFail(paths);
  const a = await tableAt(result.compiled.plans, from, opts);
  const b = await tableAt(result.compiled.plans, to, { ...opts, ...(opts.currency === undefined ? { currency: a.set.currency } : {}) });
  const ranks = opts.ranks ?? 1;
  const changes = diffRoutes(a.routes, b.routes, ranks);
  if (opts.json) {
    process.stdout.write(JSON.stringify({ from: from.toISOString(), to: to.toISOString(), currency: a.set.currency, callSeconds: opts.callSeconds, ranks, changes }, null, 2) + '\n');
    return;
  }
  const who = (c: (typeof changes)[number]['before']) => (c ? `${c.supplier} (${c.agreement}) ${c.zone}` : '(no route)');
  const list = (xs: (typeof changes)[number]['beforeRanks']) => (xs ?? []).map((x) => `${x.supplier} ${x.cost}`).join(' > ') || '(no route)';
  const rows = changes.map((c) => [c.prefix || '(any)', c.change, who(c.before), c.before?.cost ?? '', who(c.after), c.after?.cost ?? '', c.difference ?? '',
    ...(ranks > 1 ? [list(c.beforeRanks), list(c.afterRanks)] : [])]);
  const head = `${ranks > 1 ? `the first ${ranks} ranks` : 'first choices'} from ${from.toISOString()} to ${to.toISOString()}, ${a.set.currency} per ${opts.callSeconds} s call`;
  const columns = ['prefix', 'change', 'before', 'cost', 'after', 'cost', 'difference', ...(ranks > 1 ? ['ranks before', 'ranks after'] : [])];
  process.stdout.write(`${head}\n${rows.length ? renderTable(columns, rows, new Set([3, 5, 6])) : 'no route changes'}\n` +
    `${changes.length} prefix${changes.length === 1 ? '' : 'es'} changed (${changes.filter((c) => c.change === 'supplier').length} to another supplier)\n`);
}

function table(routes: ReturnType<typeof lcrTable>['routes'], m: TableMeta): string {
  const rows: string[][] = [];
  for (const r of routes) {
    r.offers.slice(0, m.maxSuppliers).forEach((o, i) => rows.push([
      r.prefix || '(any)', String(i + 1), o.supplier.name, o.supplier.agreement, o.zone, o.matched || '(any)', `${o.rate} ${o.supplier.priceCurrency}/min`,
      `${o.firstSeconds}/${o.nextSeconds}`, `${o.costText} ${m.currency}`, o.marginalText !== null ? `marginal ${o.marginalText}` : '']));
    for (const x of r.excluded) rows.push([r.prefix || '(any)', '-', x.supplier.name, x.supplier.agreement, x.zone, x.matched || '(any)', '', '', '', x.reason]);
  }
  return renderTable(['prefix', 'rank', 'supplier', 'agreement', 'zone', 'matched', 'rate', 'incr', `cost/${m.callSeconds}s`, 'note'], rows, new Set([1, 8]));
}

async function readInput(p: string, what: string): Promise<string> {
  try {
    return await readFile(path.resolve(p), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${what} ${p}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(e)})`}`);
  }
}

async function readFx(files: string[]): Promise<FxRow[]> {
  const rows: FxRow[] = [];
  for (const f of files) {
    const text = await readInput(f, '--fx');
    const shown = displayPath(path.resolve(f));
    const t = readFxTable(text);
    const p = t.problems[0];
    if (p) throw new UsageError(`${shown}:${p.range.start.line}:${p.range.start.column}: ${p.message}`);
    for (const r of t.rows) rows.push({ date: r.date, from: r.from, to: r.to, rate: r.rate, where: `${shown}:${r.line}` });
  }
  return rows;
}
