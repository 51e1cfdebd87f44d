// `icx reconcile cdrs`: their CDR file against our rated records of one agreement and month,
// record by record, in SQL (cdr-sql.ts, cdr-match.ts); what each category of difference is
// worth under the agreement (cdr-price.ts, cdr-lines.ts); Findings (findings.ts) and, with an
// output folder, findings.json and evidence CSVs written all or none.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Decimal } from 'decimal.js';
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import type { UsageField } from '../../compiler/sql/index.js';
import { RateInputError } from '../errors.js';
import { monthBounds } from '../period/calendar.js';
import { queryJson, type Store } from '../store/store.js';
import { findingLines } from './cdr-lines.js';
import { MATCH_TABLES, matchCdrs } from './cdr-match.js';
import { buildIssues, withPrices } from './cdr-price.js';
import { readTheirFile } from './cdr-source.js';
import { DIMS_SQL, OUR_RUNS_SQL, oursSql } from './cdr-sql.js';
import { writeEvidence } from './cdr-evidence.js';
import { verdict } from './cdr-verdict.js';
import { FINDINGS_FORMAT, type CdrMatchSummary, type Findings } from './findings.js';
import { profileLaps } from '../profile.js';

export interface CdrReconcileOptions {
  plan: HashedAgreementPlan;
  /** YYYY-MM */
  period: string;
  /** their file, as it can be opened */
  file: string;
  /** their file as shown in messages and findings (default `file`) */
  display?: string;
  mapping?: Partial<Record<UsageField, string>>;
  /** IANA zone for their start times written without an offset */
  assumeTimezone?: string;
  /** ± start time tolerance, microseconds (default 2 s) */
  timeToleranceUs?: bigint;
  /** ± duration tolerance, microseconds (default 1 s) */
  durationToleranceUs?: bigint;
  /** services reconciled (default: the agreement's payable services) */
  services?: string[];
  /** write findings.json and the evidence CSVs here */
  outDir?: string;
}

export interface CdrReconcileResult {
  findings: Findings;
  /** files written into outDir */
  written: string[];
  /** said on stderr by the CLI: e.g. our records rated under another version of the agreement */
  warnings: string[];
}

const TEMP = ['cdr_theirs', 'cdr_ours', 'cdr_dims', 'cdr_issues', 'cdr_issue_rows', ...MATCH_TABLES];
const seconds = (us: bigint) => new Decimal(us.toString()).div(1_000_000).toFixed();

export async function reconcileCdrs(store: Store, o: CdrReconcileOptions): Promise<CdrReconcileResult> {
  const plan = o.plan.plan;
  const display = o.display ?? o.file;
  const tolUs = o.timeToleranceUs ?? 2_000_000n;
  const dtolUs = o.durationToleranceUs ?? 1_000_000n;
  const services = o.services ?? plan.services.filter((s) => s.direction === 'payable').map((s) => s.name);
  for (const s of services) {
    if (!plan.services.some((x) => x.name === s)) {
      throw new RateInputError(`--service ${s}: ${plan.id} has no such service (${plan.services.map((x) => x.name).join(', ')})`);
    }
  }
  if (services.length === 0) throw new RateInputError(`${plan.id} has no payable service to reconcile: name one with --service`);
  const { start, endExclusive } = monthBounds(o.period);
  const sha = sha256(o.file); // hashed while DuckDB works
  sha.catch(() => undefined);
  const c = store.connection;
  const lap = profileLaps();
  try {
    const file = await readTheirFile(store, o.file, display, o.mapping ?? {}, o.assumeTimezone ?? null);
    lap('their file');
    await c.run(DIMS_SQL, [plan.id, JSON.stringify(services)]);
    const period = [`${start} 00:00:00`, `${endExclusive} 00:00:00`];
    // several runs in the scope: the latest-run rule (a grouping of every record) applies
    const [dimRuns] = await queryJson(store, `SELECT count(DISTINCT run_id) AS n FROM cdr_dims`);
    const [runs] = Number(dimRuns!.n) > 1 ? await queryJson(store, OUR_RUNS_SQL, period) : [dimRuns];
    await c.run(oursSql(Number(runs!.n) > 1), period);
    const warnings = await versionWarnings(store, o.plan);
    lap('our records');
    const stats = await matchCdrs(store, tolUs, dtolUs, lap);
    const price = {
      plan: o.plan, defaultService: services.length === 1 ? services[0]! : null, file: display,
      lineBase: file.lineBase, present: file.present, durationToleranceUs: dtolUs,
    };
    await buildIssues(store, price);
    const [k] = await queryJson(
      store,
      `SELECT (SELECT count(*) FROM cdr_theirs) AS theirs, count(*) AS ours, CAST(coalesce(sum(amount), 0) AS VARCHAR) AS ours_amount FROM cdr_ours`,
    );
    if (Number(k!.ours) === 0) {
      warnings.push(`the store has no rated records of ${plan.id} (${services.join(', ')}) in ${o.period}: every record of theirs is unmatched`);
    }
    lap('issues');
    const tmp = o.outDir ? await makeTemp(o.outDir) : null;
    try {
      const lines = await withPrices(store, price, async () => {
        lap('priced');
        if (tmp) await writeEvidence(store, tmp);
        return findingLines(store, plan, tmp !== null);
      });
      lap('lines, evidence');
      const ours = new Decimal(String(k!.ours_amount));
      const difference = lines.reduce((d, l) => d.plus(l.difference), new Decimal(0));
      const theirs = ours.plus(difference);
      const cdrs: CdrMatchSummary = {
        theirRecords: Number(k!.theirs), ourRecords: Number(k!.ours), matchedById: stats.byId, matchedByTime: stats.byTime,
        services, timeToleranceSeconds: seconds(tolUs), durationToleranceSeconds: seconds(dtolUs),
        clockSkewSeconds: {
          median: stats.skewMedianUs === null ? null : seconds(stats.skewMedianUs),
          mean: stats.skewMeanUs === null ? null : seconds(stats.skewMeanUs),
        },
      };
      const findings: Findings = {
        format: FINDINGS_FORMAT, kind: 'cdrs', partner: plan.partner.name,
        agreement: { id: plan.id, version: plan.version, planHash: o.plan.hash },
        period: o.period, currency: plan.currency,
        source: { file: display, sha256: await sha, invoiceNumber: null, invoiceDate: null },
        totals: { theirs: theirs.toFixed(), ours: ours.toFixed(), difference: difference.toFixed() },
        ...verdict(plan, theirs, difference),
        lines,
        cdrs,
        // icx dispute open takes its deadlines from here
        disputeDeadlines: plan.settlement?.disputeDeadlines ?? null,
      };
      const written = tmp ? await publish(tmp, o.outDir!, findings) : [];
      return { findings, written, warnings };
    } finally {
      if (tmp) await rm(tmp, { recursive: true, force: true });
    }
  } finally {
    await c.run(`DROP VIEW IF EXISTS cdr_matched`).catch(() => undefined);
    for (const x of TEMP) await c.run(`DROP TABLE IF EXISTS ${x}`).catch(() => undefined);
  }
}

async function versionWarnings(store: Store, hp: HashedAgreementPlan): Promise<string[]> {
  const [other] = await queryJson(store, `SELECT count(*) AS n FROM cdr_dims WHERE plan_hash <> $1`, [hp.hash]);
  if (Number(other!.n) === 0) return [];
  const rows = await queryJson(
    store,
    `SELECT d.plan_hash, count(*) AS n FROM cdr_ours o JOIN cdr_dims d ON d.dk = o.dk WHERE d.plan_hash <> $1 GROUP BY ALL ORDER BY ALL`,
    [hp.hash],
  );
  return rows.map((r) => `${String(r.n)} of our records were rated under another version of ${hp.plan.id} (plan ${String(r.plan_hash).slice(0, 12)}…): their amounts are compared as rated`);
}

async function makeTemp(outDir: string): Promise<string> {
  await mkdir(outDir, { recursive: true });
  return mkdtemp(path.join(outDir, '.icx-reconcile-'));
}

/** findings.json beside the evidence in the temp folder, then every file renamed into place. */
async function publish(tmp: string, outDir: string, findings: Findings): Promise<string[]> {
  await writeFile(path.join(tmp, 'findings.json'), JSON.stringify(findings, null, 2) + '\n');
  const written: string[] = [];
  for (const n of (await readdir(tmp)).sort()) {
    await rename(path.join(tmp, n), path.join(outDir, n));
    written.push(path.join(outDir, n));
  }
  return written;
}

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file).on('data', (d) => h.update(d)).on('error', reject).on('end', () => resolve(h.digest('hex')));
  });
}
