// Inbound traffic outside the agreement (issue 7: "traffic a partner sends us on trunks the
// agreement does not list, or of a kind it does not cover, is reported, not silently rated").
// What rating does today (docs/internal-contracts.md "Finding the agreement"):
//   - a record on a trunk no agreement lists → suspense `no-agreement` (never rated);
//   - a record of a kind/direction the agreement has no service for → suspense `no-service`;
//   - BUT a record pre-assigned to the agreement (usage field `agreement`) on a trunk the
//     agreement does not list is RATED (the field overrides trunk matching), and a record of a
//     kind the agreement has a service for, on a trunk whose interconnect does not carry that
//     kind (`traffic voice`), is RATED too: rating does not read `interconnect … traffic`.
// This report lists all four for one partner and month, inbound records (direction `in`) only,
// each record counted once, in its latest run. It changes no rating.
import { Decimal } from 'decimal.js';
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { monthBounds } from '../period/calendar.js';
import { queryJson, type Store } from '../store/store.js';

export type TrafficIssue =
  /** rated: pre-assigned to the agreement, on a trunk it does not list (or on none) */
  | 'unlisted-trunk'
  /** rated: a kind the trunk's interconnect does not carry */
  | 'kind-not-carried'
  /** suspense no-service: a kind (for direction in) the agreement has no service for */
  | 'kind-not-covered'
  /** suspense no-agreement on a trunk no agreement lists (any partner: the record does not say whose) */
  | 'unknown-trunk';

export interface TrafficGroup {
  issue: TrafficIssue;
  /** rated or suspense */
  status: 'rated' | 'suspense';
  agreementId: string | null;
  trunk: string | null;
  kind: string | null;
  records: number;
  /** rated groups: Σ amount rated (exact); suspense: null */
  amount: string | null;
  /** up to 10 record ids, sorted */
  sample: string[];
  explanation: string;
}

export interface TrafficCheck {
  partner: string;
  period: string;
  agreements: string[];
  groups: TrafficGroup[];
}

// inbound rated rows of the agreements, in the month (local), latest run per record
const RATED_SQL = `WITH scoped AS (
  SELECT r.run_id, r.record_id, d.agreement_id, d.kind, d.service, r.trunk, r.amount, x.started_at
  FROM rated_rows r JOIN rated_dims d ON d.run_id = r.run_id AND d.dim = r.dim JOIN rating_runs x ON x.run_id = r.run_id
  WHERE list_contains(from_json($1::JSON, '["VARCHAR"]'), d.agreement_id) AND d.direction = 'in'
    AND r.local_start >= CAST($2 AS TIMESTAMP) AND r.local_start < CAST($3 AS TIMESTAMP)
), keep AS (SELECT record_id, arg_max(run_id, started_at) AS keep_run FROM scoped GROUP BY record_id)
SELECT s.agreement_id, s.trunk, s.kind, count(*) AS records, CAST(sum(s.amount) AS VARCHAR) AS amount,
       list(s.record_id ORDER BY s.record_id)[1:10] AS sample
FROM scoped s JOIN keep k ON k.record_id = s.record_id AND k.keep_run = s.run_id
GROUP BY ALL ORDER BY ALL`;

// inbound suspense rows of the month by the date written at the start of start_time (a suspended
// record may have no agreement, so no time zone: the rule of icx report traffic); no-service of
// the agreements, and no-agreement on unknown trunks
const SUSPENSE_SQL = `WITH scoped AS (
  SELECT s.run_id, s.record_id, s.reason, s.agreement_id, s.trunk, s.kind, x.started_at
  FROM suspense s JOIN rating_runs x ON x.run_id = s.run_id
  WHERE lower(trim(s.direction)) = 'in'
    AND regexp_extract(trim(s.start_time), '^([0-9]{4}-[0-9]{2}-[0-9]{2})([T ]|$)', 1) >= left($2, 10)
    AND regexp_extract(trim(s.start_time), '^([0-9]{4}-[0-9]{2}-[0-9]{2})([T ]|$)', 1) < left($3, 10)
    AND ((s.reason = 'no-service' AND list_contains(from_json($1::JSON, '["VARCHAR"]'), s.agreement_id))
      OR (s.reason = 'no-agreement' AND coalesce(trim(s.trunk), '') <> '' AND coalesce(trim(s.agreement), '') = ''))
), keep AS (SELECT record_id, arg_max(run_id, started_at) AS keep_run FROM scoped GROUP BY record_id)
SELECT s.reason, s.agreement_id, s.trunk, s.kind, count(*) AS records, list(s.record_id ORDER BY s.record_id)[1:10] AS sample
FROM scoped s JOIN keep k ON k.record_id = s.record_id AND k.keep_run = s.run_id
GROUP BY ALL ORDER BY ALL`;

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const sample = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);

export async function checkInboundTraffic(store: Store, plans: readonly HashedAgreementPlan[], partner: string, period: string): Promise<TrafficCheck> {
  const { start, end, endExclusive } = monthBounds(period);
  const mine = plans.filter(({ plan }) => plan.partner.name === partner && plan.validFrom <= end && (plan.validTo === null || plan.validTo >= start));
  const ids = mine.map((h) => h.plan.id);
  const params = [JSON.stringify(ids), `${start} 00:00:00`, `${endExclusive} 00:00:00`];
  const groups: TrafficGroup[] = [];
  for (const r of await queryJson(store, RATED_SQL, params)) {
    const plan = mine.find((h) => h.plan.id === r.agreement_id)!.plan;
    const trunk = str(r.trunk);
    const kind = String(r.kind);
    const listed = plan.interconnects.flatMap((i) => i.trunks);
    const base = { status: 'rated' as const, agreementId: plan.id, trunk, kind, records: Number(r.records), amount: new Decimal(String(r.amount)).toFixed(), sample: sample(r.sample) };
    if (listed.length > 0 && (trunk === null || !listed.includes(trunk))) {
      groups.push({
        ...base, issue: 'unlisted-trunk',
        explanation: `rated under ${plan.id} (pre-assigned) though ${trunk === null ? 'it names no trunk' : `trunk ${trunk} is not one of its trunks`} (${listed.join(', ')})`,
      });
      continue;
    }
    const ic = plan.interconnects.find((i) => trunk !== null && i.trunks.includes(trunk));
    if (ic && ic.traffic.length > 0 && !ic.traffic.includes(kind as never)) {
      groups.push({
        ...base, issue: 'kind-not-carried',
        explanation: `rated under ${plan.id} though interconnect ${ic.name} (trunk ${trunk}) carries ${ic.traffic.join(' ')} only, not ${kind}`,
      });
    }
  }
  for (const r of await queryJson(store, SUSPENSE_SQL, params)) {
    const base = { status: 'suspense' as const, agreementId: str(r.agreement_id), trunk: str(r.trunk), kind: str(r.kind), records: Number(r.records), amount: null, sample: sample(r.sample) };
    if (r.reason === 'no-service') {
      groups.push({ ...base, issue: 'kind-not-covered', explanation: `suspense no-service: ${String(r.agreement_id)} has no inbound ${String(r.kind)} service` });
    } else {
      groups.push({
        ...base, issue: 'unknown-trunk',
        explanation: `suspense no-agreement: no agreement lists trunk ${String(r.trunk)} (the records do not say which partner sent them; any partner's)`,
      });
    }
  }
  // by issue (in the order of TrafficIssue), then agreement, trunk and kind
  const rank: TrafficIssue[] = ['unlisted-trunk', 'kind-not-carried', 'kind-not-covered', 'unknown-trunk'];
  const cmp = (a: string | null, b: string | null) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);
  groups.sort((a, b) => rank.indexOf(a.issue) - rank.indexOf(b.issue) || cmp(a.agreementId, b.agreementId) || cmp(a.trunk, b.trunk) || cmp(a.kind, b.kind));
  return { partner, period, agreements: ids, groups };
}

export function trafficReport(c: TrafficCheck): string {
  const head = `inbound traffic outside the agreement: ${c.partner}, ${c.period} (${c.agreements.join(', ') || 'no agreement valid in the month'})`;
  if (c.groups.length === 0) return `${head}\nnone: every inbound record of the month is on a listed trunk, of a kind its interconnect carries and the agreement covers\n`;
  const lines = c.groups.map((g) => `- ${g.issue} (${g.status}): ${g.records} record${g.records === 1 ? '' : 's'}${g.amount !== null ? `, ${g.amount} rated` : ''}; ${g.explanation}; e.g. ${g.sample.join(', ')}`);
  return [head, ...lines].join('\n') + '\n';
}
