// `icx reconcile cdrs AGREEMENTS... THEIR-CDRS --partner P --period YYYY-MM`: their CDR file
// matched record by record to our rated records of the partner's agreement in the month
// (runtime/reconcile/cdr-reconcile.ts). Prints the summary (or Findings with --json), writes
// findings.json and evidence CSVs with --out. Exit 0 when the difference is within the
// agreement's dispute tolerance (accept), 1 when it is beyond (dispute), 2 for bad input.
import { InvalidArgumentError, type Command } from 'commander';
import path from 'node:path';
import type { UsageField } from '../../compiler/sql/index.js';
import { monthBounds } from '../period/calendar.js';
import { compileOrFail } from './agreements.js';
import { UsageError } from './errors.js';
import { displayPath, requireFile, requireWritableDir } from './files.js';
import { columnMap, month, timeZone } from './options.js';
import { EXIT_DISPUTE } from './reconcile-invoice.js';

interface CdrOptions {
  partner: string;
  period: string;
  db: string;
  agreement?: string;
  map?: Partial<Record<UsageField, string>>;
  assumeTimezone?: string;
  timeTolerance: bigint;
  durationTolerance: bigint;
  service?: string[];
  out?: string;
  json?: boolean;
  exitCode?: boolean;
}

/** `2s`, `1.5s`, `500ms`, `2` (seconds) → microseconds, exactly. */
export function tolerance(value: string): bigint {
  const m = /^\s*(\d+)(?:\.(\d{1,6}))?\s*(s|ms)?\s*$/.exec(value);
  if (!m) throw new InvalidArgumentError('expected a duration such as 2s, 1.5s or 500ms');
  const us = BigInt(m[1]!) * 1_000_000n + BigInt((m[2] ?? '').padEnd(6, '0'));
  if (m[3] === 'ms') {
    if (us % 1000n !== 0n) throw new InvalidArgumentError('milliseconds to at most 3 decimals');
    return us / 1000n;
  }
  return us;
}

export function registerReconcileCdrs(reconcile: Command): void {
  reconcile
    .command('cdrs')
    .description("match the partner's CDRs to our rated records; report the differences and their worth under the agreement")
    .argument('<paths...>', '.icx files or directories with the agreements, then their CDR file (.csv, .csv.gz, .parquet, .json)')
    .requiredOption('--partner <name>', 'the partner whose CDRs these are')
    .requiredOption('--period <YYYY-MM>', 'the month reconciled (local dates of the agreement)', month)
    .option('--db <file>', 'the DuckDB store with our rated records', 'icx.duckdb')
    .option('--agreement <id>', "the partner's agreement (needed when several are valid in the month)")
    .option('--map <pairs>', 'usage column = column of their file, e.g. record_id=CallId,b_number=Called', columnMap)
    .option('--assume-timezone <zone>', 'IANA zone for their start times written without an offset', timeZone)
    .option('--time-tolerance <d>', 'start times match within ± this (e.g. 2s, 500ms)', tolerance, 2_000_000n)
    .option('--duration-tolerance <d>', 'durations agree within ± this (e.g. 1s)', tolerance, 1_000_000n)
    .option('--service <name>', "a service reconciled, repeatable (default: the agreement's payable services)", (v: string, prev: string[] = []) => [...prev, v])
    .option('--out <dir>', 'write findings.json and evidence CSVs (one per category) here')
    .option('--json', 'print the findings as JSON')
    .option('--exit-code', `exit ${EXIT_DISPUTE} when the verdict is dispute (default: 0 either way)`)
    .action(async (args: string[], opts: CdrOptions) => {
      if (args.length < 2) throw new UsageError('icx reconcile cdrs needs the agreements and then their CDR file, e.g. icx reconcile cdrs agreements/ their-cdrs.csv --partner ORANGE --period 2026-03');
      const file = await requireFile(args[args.length - 1]!, 'CDR file');
      await requireFile(opts.db, '--db');
      if (opts.out) await requireWritableDir(opts.out, '--out');
      const { result } = await compileOrFail(args.slice(0, -1));
      const { start, end } = monthBounds(opts.period);
      const valid = result.compiled.plans
        .filter(({ plan }) => plan.partner.name === opts.partner)
        .filter(({ plan }) => plan.validFrom <= end && (plan.validTo === null || plan.validTo >= start));
      const chosen = opts.agreement ? valid.filter((p) => p.plan.id === opts.agreement) : valid;
      if (chosen.length === 0) {
        throw new UsageError(opts.agreement
          ? `no agreement ${opts.agreement} with partner ${opts.partner} is valid in ${opts.period}${valid.length ? ` (valid: ${valid.map((p) => p.plan.id).join(', ')})` : ''}`
          : `no agreement with partner ${opts.partner} is valid in ${opts.period}`);
      }
      if (chosen.length > 1) {
        throw new UsageError(`${chosen.length} agreements with partner ${opts.partner} are valid in ${opts.period} (${chosen.map((p) => p.plan.id).join(', ')}): choose one with --agreement`);
      }
      const { openStore } = await import('../index.js');
      const { reconcileCdrs } = await import('../reconcile/cdr-reconcile.js');
      const { renderCdrFindings } = await import('../reconcile/cdr-text.js');
      const store = await openStore(path.resolve(opts.db));
      try {
        const res = await reconcileCdrs(store, {
          plan: chosen[0]!, period: opts.period, file, display: displayPath(file),
          ...(opts.map ? { mapping: opts.map } : {}),
          ...(opts.assumeTimezone ? { assumeTimezone: opts.assumeTimezone } : {}),
          timeToleranceUs: opts.timeTolerance, durationToleranceUs: opts.durationTolerance,
          ...(opts.service ? { services: opts.service } : {}),
          ...(opts.out ? { outDir: path.resolve(opts.out) } : {}),
        });
        for (const w of res.warnings) process.stderr.write(`icx: warning: ${w}\n`);
        if (opts.json) process.stdout.write(JSON.stringify(res.findings, null, 2) + '\n');
        else {
          process.stdout.write(renderCdrFindings(res.findings) + '\n');
          if (opts.out) process.stdout.write(`\nwritten: ${res.written.map((w) => path.join(opts.out!, path.basename(w))).join(', ')}\n`);
        }
        // as icx reconcile invoice: the report is the result; --exit-code lets CI act on a dispute
        if (opts.exitCode && res.findings.verdict === 'dispute') process.exitCode = EXIT_DISPUTE;
      } finally {
        await store.close();
      }
    });
}


