// `icx diff OLD NEW` / `icx diff REV1..REV2 [PATHS]` / `icx diff REV [PATHS]`: the commercial
// difference between two versions of the agreements (compiler/diff), optionally with its
// revenue/cost impact on a usage file (runtime/diff-impact.ts). Text, Markdown or JSON.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { compileSide, diffSides, type CompiledSide } from '../../../compiler/diff/index.js';
import type { UsageField } from '../../../compiler/sql/index.js';
import { isValidDate } from '../../../compiler/values.js';
import { countBySeverity, plural, renderDiagnostic } from '../diagnostics.js';
import { diskSide, gitSide, isRevision, type LoadedSide } from '../diff-sources.js';
import { renderJson, renderMarkdown, renderText, type DiffOutput } from '../diff-render.js';
import { Failure, UsageError } from '../errors.js';
import { requireFile } from '../files.js';
import { columnMap, timeZone } from '../options.js';

interface DiffCommandOptions {
  usage?: string[];
  format: 'text' | 'markdown' | 'json';
  json?: boolean;
  exitCode?: boolean;
  asOf?: string;
  map?: Partial<Record<UsageField, string>>;
  assumeTimezone?: string;
}

const FORMATS = ['text', 'markdown', 'json'];

function format(v: string): string {
  if (!FORMATS.includes(v)) throw new InvalidArgumentError(`expected one of ${FORMATS.join(', ')}`);
  return v;
}

function date(v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || !isValidDate(v)) throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  return v;
}

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('the commercial changes between two versions of the agreements (files, directories or git revisions)')
    .argument('<sides...>', 'OLD NEW (two .icx files or directories), REV1..REV2 [PATHS...], or REV [PATHS...] (REV against the working tree)')
    .option('--usage <files...>', 'rate this traffic under both versions and show the revenue/cost difference')
    .option('--format <format>', 'text, markdown (a pull-request comment) or json', format, 'text')
    .option('--json', 'the same as --format json')
    .option('--exit-code', 'exit 1 when there are commercial changes (or notice violations), 0 when none')
    .option('--as-of <date>', 'the date the change is announced: notice periods count from it when it is after the deck issue date', date)
    .option('--map <pairs>', 'usage column = source column (with --usage)', columnMap)
    .option('--assume-timezone <zone>', 'IANA zone for usage start times without an offset (with --usage)', timeZone)
    .action(async (args: string[], opts: DiffCommandOptions) => {
      const usage: string[] = [];
      for (const u of opts.usage ?? []) usage.push(await requireFile(u, '--usage'));
      const [oldSide, newSide] = await loadSides(args);
      const o = compiled(oldSide, 'old');
      const n = compiled(newSide, 'new');
      const report = diffSides(o.side, n.side, opts.asOf ? { asOf: opts.asOf } : {});
      let impact: DiffOutput['impact'] = null;
      if (usage.length) {
        const { rateImpact } = await import('../../diff-impact.js');
        const sources = usage.map((p) => ({ path: p, ...(opts.map ? { mapping: opts.map } : {}) }));
        impact = { usage: opts.usage!, ...(await rateImpact(o.hashed, n.hashed, sources, opts.assumeTimezone ? { assumeTimezone: opts.assumeTimezone } : {})) };
      }
      const out: DiffOutput = { old: oldSide.label, new: newSide.label, report, impact };
      const fmt = opts.json ? 'json' : opts.format;
      process.stdout.write(fmt === 'json' ? renderJson(out) : fmt === 'markdown' ? renderMarkdown(out) : renderText(out));
      if (opts.exitCode && report.changes.length > 0) process.exitCode = 1;
    });
}

/**
 * Which form the arguments take: `A..B` (git revisions; `A..` is A..HEAD as in git), two
 * existing paths, or one revision (against the files on the disk). A path wins over a
 * revision of the same name.
 */
async function loadSides(args: string[]): Promise<[LoadedSide, LoadedSide]> {
  const first = args[0]!;
  if (first.includes('..') && !existsSync(first)) {
    if (first.includes('...')) throw new UsageError(`${first}: use REV1..REV2 (two dots): the diff compares the two revisions themselves`);
    const [a, b] = first.split('..') as [string, string];
    if (!a) throw new UsageError(`${first}: name the old revision (e.g. main..HEAD)`);
    const to = b || 'HEAD';
    const paths = args.length > 1 ? args.slice(1) : ['.'];
    return [gitSide(a, paths, [a, to]), gitSide(to, paths, [a, to])];
  }
  if (args.length === 2 && existsSync(args[0]!) && existsSync(args[1]!)) {
    return [await diskSide([args[0]!], args[0]!), await diskSide([args[1]!], args[1]!)];
  }
  // `icx diff main HEAD`: two revisions written apart mean main..HEAD
  if (args.length === 2 && !existsSync(args[0]!) && !existsSync(args[1]!) && isRevision(args[0]!) && isRevision(args[1]!)) {
    return [gitSide(args[0]!, ['.'], args), gitSide(args[1]!, ['.'], args)];
  }
  if (!existsSync(first) && isRevision(first)) {
    const paths = args.length > 1 ? args.slice(1) : ['.'];
    return [gitSide(first, paths, [first]), await diskSide(paths, 'working tree')];
  }
  if (args.length === 2) {
    const missing = args.find((a) => !existsSync(a))!;
    throw new UsageError(`${missing}: no such file or directory`);
  }
  throw new UsageError(`${first}: give OLD NEW (two .icx files or directories), REV1..REV2 [PATHS...] or REV [PATHS...]`);
}

/** A side that does not compile stops the diff: every error is printed, named by the side's file (or revision:file). */
function compiled(s: LoadedSide, which: 'old' | 'new'): CompiledSide {
  const c = compileSide(s.files, s.host);
  const errors = c.diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors) process.stderr.write(renderDiagnostic(d, s.lookup) + '\n');
  if (countBySeverity(errors).errors > 0) {
    throw new Failure(`the ${which} side (${s.label}) does not compile: ${plural(errors.length, 'error')}`);
  }
  return c;
}
