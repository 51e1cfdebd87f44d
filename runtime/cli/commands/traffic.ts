// `icx traffic`: deterministic sample usage for an agreement (runtime/traffic).
import type { Command } from 'commander';
import path from 'node:path';
import { lastDayOfMonth } from '../../../compiler/values.js';
import { formatFromPath } from '../../traffic/format.js';
import { compileOrFail } from '../agreements.js';
import { UsageError } from '../errors.js';
import { requireWritableDir } from '../files.js';
import { month, wholeNumber } from '../options.js';

interface TrafficCliOptions {
  records: number;
  month: string;
  seed: string;
  out: string;
  agreement?: string;
  json?: boolean;
}

export function registerTraffic(program: Command): void {
  program
    .command('traffic')
    .description('generate deterministic, real-looking sample usage records for an agreement')
    .argument('<agreement>', 'the .icx file of the agreement')
    .requiredOption('--records <n>', 'number of records', wholeNumber)
    .requiredOption('--month <YYYY-MM>', 'calendar month of the calls, in the agreement time zone', month)
    .option('--seed <seed>', 'seed: the same seed gives byte-identical output', '1')
    .requiredOption('--out <file>', 'output file: .parquet, .csv or .json (newline-delimited)')
    .option('--agreement <id>', 'which agreement, when the file holds several')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: TrafficCliOptions) => {
      if (!formatFromPath(opts.out)) throw new UsageError(`--out ${opts.out}: the file must end in .parquet, .csv or .json`);
      await requireWritableDir(path.dirname(opts.out), '--out', opts.out);
      const { result } = await compileOrFail([file]);
      const plans = result.compiled.plans;
      const chosen = opts.agreement ? plans.find((p) => p.plan.id === opts.agreement) : plans[0];
      if (!chosen) {
        throw new UsageError(opts.agreement ? `--agreement ${opts.agreement}: not in ${file} (it has ${plans.map((p) => p.plan.id).join(', ')})` : `${file}: no agreement`);
      }
      if (!opts.agreement && plans.length > 1) {
        throw new UsageError(`${file} holds ${plans.length} agreements (${plans.map((p) => p.plan.id).join(', ')}): choose one with --agreement`);
      }
      const plan = chosen.plan;
      const monthEnd = lastDayOfMonth(`${opts.month}-01`);
      if (opts.month + '-01' < plan.validFrom || (plan.validTo !== null && monthEnd > plan.validTo)) {
        process.stderr.write(`icx: warning: ${opts.month} is not wholly inside the validity of ${plan.id} (${plan.validFrom} .. ${plan.validTo ?? ''})\n`);
      }
      const { generateTraffic } = await import('../../traffic/index.js');
      const res = await generateTraffic(plan, { records: opts.records, month: opts.month, seed: opts.seed, out: opts.out });
      if (opts.json) {
        process.stdout.write(JSON.stringify({ agreement: plan.id, hash: chosen.hash, ...res }, null, 2) + '\n');
      } else {
        process.stdout.write(`${res.records} records for ${plan.id} (${opts.month}, seed ${opts.seed}) → ${opts.out} in ${res.seconds.toFixed(2)} s\n`);
      }
    });
}
