// The inputs `icx bill` and `icx rerate` share, checked before any work (a typo costs nothing)
// and turned into the options of a bill run or a re-rating (runtime/billing/run.ts PeriodRunOptions).
import type { UsageField } from '../../compiler/sql/index.js';
import type { PeriodRunOptions } from '../billing/run.js';
import { displayPath, requireFile, requireWritableDir } from './files.js';

export interface PeriodInputFlags {
  out: string;
  partner?: string;
  usage?: string[];
  map?: Partial<Record<UsageField, string>>;
  assumeTimezone?: string;
  retail?: string[];
  kpi?: string[];
  issueDate?: string;
}

export async function readPeriodInputs(opts: PeriodInputFlags): Promise<Omit<PeriodRunOptions, 'plans' | 'period'>> {
  const usage = [];
  for (const u of opts.usage ?? []) usage.push(await requireFile(u, '--usage'));
  // read by their path as shown: their names appear in explanations and messages
  const retail = [];
  for (const f of opts.retail ?? []) retail.push(displayPath(await requireFile(f, '--retail')));
  const kpi = [];
  for (const f of opts.kpi ?? []) kpi.push(displayPath(await requireFile(f, '--kpi')));
  await requireWritableDir(opts.out, '--out');
  return {
    ...(opts.partner ? { partner: opts.partner } : {}),
    usage: usage.map((p) => ({ path: displayPath(p), ...(opts.map ? { mapping: opts.map } : {}) })),
    ...(opts.assumeTimezone ? { assumeTimezone: opts.assumeTimezone } : {}),
    ...(opts.retail ? { retail } : {}),
    ...(opts.kpi ? { kpi } : {}),
    ...(opts.issueDate ? { issueDate: opts.issueDate } : {}),
  };
}
