// The retail revenue input (`--retail FILE`): what end customers paid for a partner's
// service, per subscriber and local date, for revenue shares and commissions. Read with
// DuckDB's CSV reader (all text), validated line by line (compiler/sql/period-digital-sql.ts),
// attributed to an agreement, and kept in the TEMP table period_retail for the period run.
// Any bad line is a clear error naming file, line and field: a share is never computed on
// part of a file.
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { RETAIL_REQUIRED, retailCheckSql } from '../../compiler/sql/period-digital-sql.js';
import { RateInputError } from '../errors.js';
import { badInputFile, withInputCsv } from './input-csv.js';
import { convertRetailGroup } from './retail-fx.js';
import { queryJson, type Store } from '../store/store.js';

export const PERIOD_RETAIL_DDL = `CREATE OR REPLACE TEMP TABLE period_retail (
  file VARCHAR, line BIGINT, record_id VARCHAR, agreement VARCHAR, agreement_id VARCHAR, service VARCHAR,
  subscriber VARCHAR, date DATE, gross DECIMAL(38,9), taxes DECIMAL(38,9), refunds DECIMAL(38,9), currency VARCHAR,
  -- lines converted into the agreement currency (retail-fx.ts): as read, and the rate used
  original_currency VARCHAR, original_gross DECIMAL(38,9), original_taxes DECIMAL(38,9), original_refunds DECIMAL(38,9),
  fx_rate DECIMAL(18,9), fx_date DATE
)`;

/** How many problems one error message lists before "and N more". */
const SHOWN = 5;

/** Services that read retail revenue: a revenue share, a commission on first-month retail, or a
 *  subscription charged per active subscriber (a retail line makes its subscriber active). */
export function retailServices(plans: readonly HashedAgreementPlan[]): { agreementId: string; service: string; currency: string }[] {
  return plans.flatMap((hp) =>
    hp.plan.services
      .filter((s) => s.digital?.revenueShare || s.digital?.commission?.retailPercent || (s.kind === 'subscription' && (s.digital?.activeUnitFees.length ?? 0) > 0))
      .map((s) => ({ agreementId: hp.plan.id, service: s.name, currency: hp.plan.currency })),
  );
}

/** Reads every retail file into period_retail (empty table when none is given). */
export async function loadRetail(store: Store, files: readonly string[], plans: readonly HashedAgreementPlan[]): Promise<void> {
  const c = store.connection;
  await c.run(PERIOD_RETAIL_DDL);
  for (const file of files) await loadOne(store, file);
  await checkAcrossFiles(store);
  await attribute(store, plans);
}

async function loadOne(store: Store, file: string): Promise<void> {
  const c = store.connection;
  const listing = 'record_id, agreement (optional), service, subscriber, date, gross, taxes, refunds, currency';
  await withInputCsv(store, { file, what: 'retail', table: 'retail_file', required: RETAIL_REQUIRED, listing }, async ({ columns, byLower, extra }) => {
    try {
      // Columns are matched case-insensitively: alias them to lower case first.
      await c.run(`CREATE OR REPLACE TEMP TABLE retail_file AS SELECT ${columns.map((x) => `"${x.replace(/"/g, '""')}" AS "${x.toLowerCase().replace(/"/g, '""')}"`).join(', ')} FROM retail_file`);
      await c.run(retailCheckSql('retail_file', new Set(byLower.keys()), extra));
      const problems = await queryJson(store, `SELECT line, problem, count(*) OVER () AS n FROM retail_file_checked WHERE problem IS NOT NULL ORDER BY line LIMIT ${SHOWN}`);
      if (problems.length) throw problemError(file, problems);
      await c.run(
        `INSERT INTO period_retail (file, line, record_id, agreement, agreement_id, service, subscriber, date, gross, taxes, refunds, currency)
         SELECT $1, line, record_id, agreement, NULL, service, subscriber, date, gross, taxes, refunds, currency FROM retail_file_checked`,
        [file],
      );
    } finally {
      await c.run(`DROP TABLE IF EXISTS retail_file_checked`);
    }
  });
}

function problemError(file: string, rows: Record<string, unknown>[]): RateInputError {
  const problems = rows.map((r) => {
    const [field, message] = String(r.problem).split('\u0000');
    return { line: r.line, field: field!, message: message! };
  });
  return badInputFile('retail', file, problems, Number(rows[0]!.n));
}

/** The same record id in two files would count a sale twice. */
async function checkAcrossFiles(store: Store): Promise<void> {
  const dup = await queryJson(
    store,
    `SELECT a.file AS f1, a.line AS l1, b.file AS f2, b.line AS l2, a.record_id FROM period_retail a JOIN period_retail b
       ON a.record_id = b.record_id AND (a.file < b.file) ORDER BY b.file, b.line LIMIT 1`,
  );
  if (dup.length) {
    const d = dup[0]!;
    throw new RateInputError(`${d.f2}:${d.l2}: record_id: "${d.record_id}" is already in ${d.f1}:${d.l1}`);
  }
}

/**
 * Each (agreement, service) of the file must be a service with a revenue share or a
 * commission on retail, in the agreement's currency. A line without an agreement goes to the
 * one agreement with that service; two such agreements is an error (write the agreement).
 * Another currency is converted by the agreement's fx line for it (retail-fx.ts); without one,
 * or without a rate for a line's date, it is an error (never 1:1).
 */
async function attribute(store: Store, plans: readonly HashedAgreementPlan[]): Promise<void> {
  const targets = retailServices(plans);
  const groups = await queryJson(
    store,
    `SELECT agreement, service, currency, arg_min(file, file || ':' || lpad(CAST(line AS VARCHAR), 12, '0')) AS file,
            arg_min(line, file || ':' || lpad(CAST(line AS VARCHAR), 12, '0')) AS line
     FROM period_retail GROUP BY ALL ORDER BY file, line`,
  );
  for (const g of groups) {
    const where = `${g.file}:${g.line}`;
    const agreement = g.agreement === null ? null : String(g.agreement);
    const service = String(g.service);
    const found = targets.filter((t) => t.service === service && (agreement === null || t.agreementId === agreement));
    if (found.length === 0) {
      const named = agreement === null ? '' : ` of agreement ${agreement}`;
      throw new RateInputError(`${where}: service: no service ${service}${named} has a revenue share, a commission on retail or a fee per active subscriber (among the agreements given)`);
    }
    if (found.length > 1) {
      throw new RateInputError(`${where}: agreement: service ${service} is in ${found.map((f) => f.agreementId).join(' and ')}; write the agreement in the agreement column`);
    }
    const t = found[0]!;
    if (String(g.currency) !== t.currency) {
      const plan = plans.find((hp) => hp.plan.id === t.agreementId)!.plan;
      await convertRetailGroup(store, plan, { agreement, service, currency: String(g.currency), where });
    }
    await store.connection.run(
      `UPDATE period_retail SET agreement_id = $1 WHERE service = $2 AND agreement IS NOT DISTINCT FROM $3 AND currency = $4`,
      [t.agreementId, service, agreement, t.currency],
    );
  }
}
