// The finding lines of a CDR reconciliation: one per category × service × zone × band (and, for
// duration disagreements, per sign of the difference), summed in DuckDB (DECIMAL) over the
// matched pairs and the priced issues (cdr-price.ts); the few rows that come back become
// lines with decimal.js. Amounts are exact sums of rated amounts (no invoice-line rounding).
import { Decimal } from 'decimal.js';
import type { AgreementPlan } from '../../compiler/plan.js';
import { queryJson, type JsonRow, type Store } from '../store/store.js';
import type { FindingCategory, FindingLine, FindingSide } from './findings.js';

/**
 * Matched records within the duration tolerance, accepted as we rated them: every record of
 * ours is matched, a duration disagreement or unmatched, so per dim the matched sums are ours
 * less the (few) priced issues of ours, without joining the millions of matches back.
 */
const MATCHED_SQL = `WITH tot AS (
  SELECT dk, count(*) AS n, sum(billed_seconds) AS bs, sum(units) AS u, sum(amount) AS amt FROM cdr_ours GROUP BY dk
), iss AS (
  SELECT dk, count(*) AS n, sum(our_billed_seconds) AS bs, sum(our_units) AS u, sum(our_amount) AS amt
  FROM cdr_priced WHERE oid IS NOT NULL GROUP BY dk
)
SELECT d.service, d.zone, d.band, sum(t.n - coalesce(i.n, 0)) AS n,
       CAST(sum(coalesce(t.bs, 0) - coalesce(i.bs, 0)) AS VARCHAR) AS bs, CAST(sum(coalesce(t.u, 0) - coalesce(i.u, 0)) AS VARCHAR) AS units,
       CAST(sum(t.amt - coalesce(i.amt, 0)) AS VARCHAR) AS amount
FROM tot t LEFT JOIN iss i ON i.dk = t.dk JOIN cdr_dims d ON d.dk = t.dk
GROUP BY ALL HAVING sum(t.n - coalesce(i.n, 0)) > 0 ORDER BY ALL`;

const ISSUES_SQL = `SELECT category,
       coalesce(service, p_service) AS service, coalesce(zone, p_zone) AS zone, coalesce(band, p_band) AS band,
       CASE WHEN category = 'duration' THEN sign(their_amount - our_amount) END AS sgn,
       p_reason, min(p_detail) AS p_detail, count(*) AS n,
       CAST(sum(our_billed_seconds) AS VARCHAR) AS our_bs, CAST(sum(our_units) AS VARCHAR) AS our_units,
       CAST(sum(our_amount) AS VARCHAR) AS our_amount,
       CAST(sum(p_billed_seconds) AS VARCHAR) AS their_bs, CAST(sum(p_units) AS VARCHAR) AS their_units,
       CAST(sum(their_amount) AS VARCHAR) AS their_amount
FROM cdr_priced GROUP BY ALL`;

const ORDER: FindingCategory[] = ['matched', 'duration', 'unmatched-theirs', 'duplicate-theirs', 'unmatched-ours'];

export const EVIDENCE_FILE: Partial<Record<FindingCategory, string>> = {
  duration: 'duration.csv',
  'unmatched-theirs': 'unmatched-theirs.csv',
  'duplicate-theirs': 'duplicate-theirs.csv',
  'unmatched-ours': 'unmatched-ours.csv',
};

const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
const dec = (v: unknown) => (v === null || v === undefined ? null : new Decimal(String(v)).toFixed());

function side(plan: AgreementPlan, service: string | null, n: number, bs: unknown, units: unknown, amount: unknown): FindingSide {
  const svc = plan.services.find((x) => x.name === service);
  let quantity: string | null = null;
  if (svc?.kind === 'voice' && bs !== null) quantity = new Decimal(String(bs)).div(60).toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed();
  else if (units !== null && units !== undefined) quantity = new Decimal(String(units)).toFixed();
  return { records: n, quantity, unit: svc?.unit ?? null, rate: null, amount: dec(amount) };
}

function subject(service: string | null, zone: string | null, band: string | null): string {
  return [service ?? 'not priced', zone, band && band !== 'any' ? band : null].filter(Boolean).join(' ');
}

export async function findingLines(store: Store, plan: AgreementPlan, withEvidence: boolean): Promise<FindingLine[]> {
  const ccy = plan.currency;
  const lines: FindingLine[] = [];
  for (const r of await queryJson(store, MATCHED_SQL)) {
    const ours = side(plan, s(r.service), Number(r.n), r.bs, r.units, r.amount);
    lines.push({
      category: 'matched', subject: subject(s(r.service), s(r.zone), s(r.band)), service: s(r.service), zone: s(r.zone), band: s(r.band),
      theirs: { ...ours }, ours, difference: '0', disputed: false,
      explanation: `${ours.records} records on both sides (durations within tolerance): accepted at our rating, ${ours.amount} ${ccy}`,
      evidence: null,
    });
  }
  for (const r of await queryJson(store, ISSUES_SQL)) lines.push(issueLine(plan, r, withEvidence));
  const rank = (l: FindingLine) => ORDER.indexOf(l.category);
  return lines.sort((a, b) => rank(a) - rank(b) || cmp(a.subject, b.subject) || cmp(a.explanation, b.explanation));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function issueLine(plan: AgreementPlan, r: JsonRow, withEvidence: boolean): FindingLine {
  const ccy = plan.currency;
  const category = String(r.category) as FindingCategory;
  const service = s(r.service);
  const n = Number(r.n);
  const evidence = withEvidence ? EVIDENCE_FILE[category] ?? null : null;
  const base = { category, subject: subject(service, s(r.zone), s(r.band)), service, zone: s(r.zone), band: s(r.band), evidence };
  const notPriced = r.p_reason !== null
    ? `; the agreement does not price them (${String(r.p_reason)}: ${String(r.p_detail)})`
    : '';
  if (category === 'unmatched-ours') {
    const ours = side(plan, service, n, r.our_bs, r.our_units, r.our_amount);
    return {
      ...base, theirs: null, ours, difference: new Decimal(ours.amount!).neg().toFixed(), disputed: false,
      explanation: `${n} of our records have no counterpart in their CDRs (${ours.amount} ${ccy} we rated that they do not bill)`,
    };
  }
  if (category === 'duration') {
    const ours = side(plan, service, n, r.our_bs, r.our_units, r.our_amount);
    const theirs = r.their_amount === null ? { records: n, quantity: null, unit: ours.unit, rate: null, amount: null }
      : side(plan, service, n, r.their_bs, r.their_units, r.their_amount);
    const diff = theirs.amount === null ? new Decimal(0) : new Decimal(theirs.amount).minus(ours.amount!);
    return {
      ...base, theirs, ours, difference: diff.toFixed(), disputed: diff.gt(0),
      explanation: `${n} matched records whose durations differ beyond tolerance: billed ${theirs.quantity ?? '?'} vs ${ours.quantity} ${ours.unit ?? ''}`.trimEnd() +
        `, ${theirs.amount ?? 'not priced'} vs ${ours.amount} ${ccy}` + notPriced,
    };
  }
  // their records: unmatched or a second copy of a matched call, priced as they wrote them
  const theirs = r.their_amount === null ? { records: n, quantity: null, unit: null, rate: null, amount: null }
    : side(plan, service, n, r.their_bs, r.their_units, r.their_amount);
  const what = category === 'duplicate-theirs' ? 'records repeat a call already matched (same call twice)' : 'of their records match none of ours';
  return {
    ...base, theirs, ours: null, difference: theirs.amount ?? '0', disputed: true,
    explanation: `${n} ${what}` + (theirs.amount !== null ? `: ${theirs.amount} ${ccy} under the agreement` : notPriced),
  };
}
