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
import { ingestSources } from '../ingest/ingest.js';
import { monthBounds } from '../period/calendar.js';
import { queryJson, type Store } from '../store/store.js';
import { findingLines } from './cdr-lines.js';
import { matchCdrs } from './cdr-match.js';
import { ISSUES_SQL, withPrices } from './cdr-price.js';
import { OURS_SQL, THEIRS_SQL } from './cdr-sql.js';
import { writeEvidence } from './cdr-evidence.js';
import { verdict } from './cdr-verdict.js';
import { FINDINGS_FORMAT, type CdrMatchSummary, type Findings } from './findings.js';

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

const TEMP = ['cdr_theirs', 'cdr_ours', 'cdr_pairs', 'cdr_contested', 'cdr_issues', 'run_raw'];
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
  try {
    await ingestSources(store, [{ path: o.file, ...(o.mapping ? { mapping: o.mapping } : {}) }]);
    await c.run(THEIRS_SQL, [o.assumeTimezone ?? null]);
    await refuseBadRows(store, display);
    await c.run(OURS_SQL, [plan.id, `${start} 00:00:00`, `${endExclusive} 00:00:00`, JSON.stringify(services)]);
    const warnings = await versionWarnings(store, o.plan);
    const stats = await matchCdrs(store, tolUs, dtolUs);
    await c.run(ISSUES_SQL, [dtolUs]);
    const [k] = await queryJson(
      store,
      `SELECT (SELECT count(*) FROM cdr_theirs) AS theirs, (SELECT count(*) FROM cdr_ours) AS ours,
              (SELECT CAST(coalesce(sum(amount), 0) AS VARCHAR) FROM cdr_ours) AS ours_amount,
              (SELECT CAST(median(sdt) AS BIGINT) FROM cdr_pairs) AS skew_median,
              (SELECT CAST(round(avg(sdt)) AS BIGINT) FROM cdr_pairs) AS skew_mean`,
    );
    const single = services.length === 1 ? services[0]! : null;
    const tmp = o.outDir ? await makeTemp(o.outDir) : null;
    try {
      const lines = await withPrices(store, { plan: o.plan, defaultService: single, assumeTimezone: o.assumeTimezone ?? null, file: display }, async () => {
        if (tmp) await writeEvidence(store, tmp);
        return findingLines(store, plan, dtolUs, tmp !== null);
      });
      const ours = new Decimal(String(k!.ours_amount));
      const difference = lines.reduce((d, l) => d.plus(l.difference), new Decimal(0));
      const theirs = ours.plus(difference);
      const cdrs: CdrMatchSummary = {
        theirRecords: Number(k!.theirs), ourRecords: Number(k!.ours), matchedById: stats.byId, matchedByTime: stats.byTime,
        services, timeToleranceSeconds: seconds(tolUs), durationToleranceSeconds: seconds(dtolUs),
        clockSkewSeconds: {
          median: k!.skew_median === null ? null : seconds(BigInt(String(k!.skew_median))),
          mean: k!.skew_mean === null ? null : seconds(BigInt(String(k!.skew_mean))),
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
      };
      const written = tmp ? await publish(tmp, o.outDir!, findings) : [];
      return { findings, written, warnings };
    } finally {
      if (tmp) await rm(tmp, { recursive: true, force: true });
    }
  } finally {
    for (const t of TEMP) await c.run(`DROP TABLE IF EXISTS ${t}`).catch(() => undefined);
  }
}

/** Their rows that cannot be matched fail the command, naming file, line and field. */
async function refuseBadRows(store: Store, display: string): Promise<void> {
  const bad = await queryJson(store, `SELECT line, reason, count(*) OVER () AS n FROM cdr_theirs WHERE reason IS NOT NULL ORDER BY line LIMIT 5`);
  if (bad.length === 0) return;
  const n = Number(bad[0]!.n);
  const shown = bad.map((b) => `${display}:${String(b.line)}: ${String(b.reason)}`).join('\n');
  throw new RateInputError(`${n} record${n === 1 ? '' : 's'} of ${display} cannot be reconciled; nothing was written\n${shown}${n > bad.length ? `\n… (first ${bad.length} shown)` : ''}`);
}

async function versionWarnings(store: Store, hp: HashedAgreementPlan): Promise<string[]> {
  const rows = await queryJson(store, `SELECT plan_hash, count(*) AS n FROM cdr_ours WHERE plan_hash <> $1 GROUP BY ALL ORDER BY ALL`, [hp.hash]);
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
