// Why a re-rated line changed: which clauses of the agreement changed (the commercial diff of
// the plan the bill run stored and the plan now, compiler/diff) and which records moved (each
// record as billed — its latest version among the rating runs the bill counted — against its
// version in the re-rating run). Record transitions are aggregated in SQL; the few groups that
// come back are worded here.
import { diffAgreement, type Change } from '../../compiler/diff/index.js';
import type { AgreementPlan } from '../../compiler/plan.js';
import { queryJson, type Store } from '../store/store.js';
import type { Direction } from './corrections.js';
import type { InvoiceDocumentLine } from './invoice-document.js';
import { SCOPED_RATED_SQL } from './record-versions.js';

/** Records of one agreement, as billed ($4: the rating runs the bill counted) against the re-rating run ($5). */
export const RECORD_CHANGES_SQL = `WITH scoped AS (${SCOPED_RATED_SQL}),
billed AS (
  SELECT * FROM scoped WHERE list_contains(from_json($4::JSON, '["VARCHAR"]'), run_id)
  QUALIFY row_number() OVER (PARTITION BY service, record_id ORDER BY started_at DESC, run_id DESC) = 1
),
now AS (SELECT * FROM scoped WHERE run_id = $5)
SELECT coalesce(n.agreement_id, b.agreement_id) AS agreement_id, coalesce(n.direction, b.direction) AS direction,
       coalesce(n.service, b.service) AS service, coalesce(n.record_id, b.record_id) AS record_id,
       b.run_id AS billed_run, b.agreement_version AS billed_version, b.zone AS billed_zone, b.band AS billed_band,
       b.clause AS billed_clause, b.rate_source AS billed_source, CAST(b.amount AS VARCHAR) AS billed_amount,
       n.agreement_version AS new_version, n.zone AS new_zone, n.band AS new_band,
       n.clause AS new_clause, n.rate_source AS new_source, CAST(n.amount AS VARCHAR) AS new_amount,
       CAST(coalesce(n.amount, 0) - coalesce(b.amount, 0) AS VARCHAR) AS difference
FROM billed b FULL OUTER JOIN now n ON n.service = b.service AND n.record_id = b.record_id
WHERE b.run_id IS NULL OR n.run_id IS NULL OR b.amount <> n.amount OR b.zone <> n.zone OR b.band <> n.band
   OR b.clause IS DISTINCT FROM n.clause`;

const TRANSITIONS_SQL = `SELECT direction, service, billed_zone, billed_band, billed_clause, billed_source, new_zone, new_band,
       new_clause, new_source, count(*) AS records
FROM (${RECORD_CHANGES_SQL}) GROUP BY ALL ORDER BY ALL`;

interface Transition {
  direction: Direction;
  service: string;
  billed: { zone: string; band: string; clause: string | null; source: string | null } | null;
  now: { zone: string; band: string; clause: string | null; source: string | null } | null;
  records: number;
}

const dir = (d: unknown): Direction => (d === 'out' ? 'payable' : 'receivable');
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export async function recordTransitions(
  store: Store, agreementId: string, start: string, endExclusive: string, billedRuns: readonly string[], rerateRun: string,
): Promise<Transition[]> {
  const rows = await queryJson(store, TRANSITIONS_SQL, [
    JSON.stringify([agreementId]), `${start} 00:00:00`, `${endExclusive} 00:00:00`, JSON.stringify(billedRuns), rerateRun,
  ]);
  return rows.map((r) => ({
    direction: dir(r.direction),
    service: String(r.service),
    billed: r.billed_zone === null ? null : { zone: String(r.billed_zone), band: String(r.billed_band), clause: str(r.billed_clause), source: str(r.billed_source) },
    now: r.new_zone === null ? null : { zone: String(r.new_zone), band: String(r.new_band), clause: str(r.new_clause), source: str(r.new_source) },
    records: Number(r.records),
  }));
}

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
const clauseText = (c: { clause: string | null; source: string | null }) => `${c.clause ?? 'no clause'}${c.source ? ` (${c.source})` : ''}`;

/** The agreement's commercial changes between the plan billed and the plan now (none when either is unknown). */
export function planChanges(billed: AgreementPlan | undefined, now: AgreementPlan): Change[] {
  if (!billed) return [];
  const side = (p: AgreementPlan) => ({ plans: [p], decks: new Map() });
  return diffAgreement(side(billed), side(now), billed, now, null).filter((c) => c.op !== 'violation');
}

const PERIOD_KINDS = new Set(['tier', 'discount', 'commitment', 'minimum', 'maximum', 'settlement', 'fx']);

/** The reason of one difference line: the clause changes that touch it, then the records that moved. */
export function lineReason(direction: Direction, line: InvoiceDocumentLine, changes: readonly Change[], transitions: readonly Transition[]): string {
  const parts: string[] = [];
  const mine = changes.filter((c) => c.service === line.service);
  if (line.kind === 'usage') {
    const priced = mine.filter((c) => c.price ? (c.price.zone === line.zone || c.price.zone === 'any') && (c.price.band === null || c.price.band === line.band) : !PERIOD_KINDS.has(c.kind));
    parts.push(...priced.map((c) => c.text));
    const here = (s: Transition['billed']) => s !== null && s.zone === line.zone && s.band === line.band;
    for (const t of transitions.filter((t) => t.direction === direction && t.service === line.service && (here(t.billed) || here(t.now)))) {
      if (t.billed && t.now && here(t.billed) && here(t.now)) {
        parts.push(t.billed.clause === t.now.clause && t.billed.source === t.now.source
          ? `${plural(t.records, 'record')} re-priced by ${clauseText(t.now)}`
          : `${plural(t.records, 'record')} re-priced: ${clauseText(t.billed)} → ${clauseText(t.now)}`);
      } else if (t.billed && t.now && here(t.now)) {
        parts.push(`${plural(t.records, 'record')} moved here from ${t.billed.zone}${t.billed.band === 'any' ? '' : ` ${t.billed.band}`}`);
      } else if (t.billed && t.now) {
        parts.push(`${plural(t.records, 'record')} moved to ${t.now.zone}${t.now.band === 'any' ? '' : ` ${t.now.band}`}`);
      } else if (t.now) {
        parts.push(`${plural(t.records, 'record')} not billed before (late usage)`);
      } else {
        parts.push(`${plural(t.records, 'record')} no longer rated (now in suspense or outside the agreement)`);
      }
    }
  } else {
    parts.push(...mine.filter((c) => PERIOD_KINDS.has(c.kind)).map((c) => c.text));
    parts.push('recomputed from the re-rated usage of the period');
  }
  return parts.join('; ');
}

/** Columns of `<correction run>-records.csv`: each record whose charge changed, as billed and now. */
export const RECORD_CHANGE_COLUMNS = [
  'agreement_id', 'direction', 'service', 'record_id', 'billed_run', 'billed_version', 'billed_zone', 'billed_band', 'billed_clause',
  'billed_source', 'billed_amount', 'new_version', 'new_zone', 'new_band', 'new_clause', 'new_source', 'new_amount', 'difference',
] as const;

export type RecordChange = Record<(typeof RECORD_CHANGE_COLUMNS)[number], string | null>;

/** Every record of the agreements whose charge, zone, band or clause differs (record id order). */
export async function recordChanges(
  store: Store, agreements: readonly string[], start: string, endExclusive: string, billedRuns: readonly string[], rerateRun: string,
): Promise<RecordChange[]> {
  const rows = await queryJson(store, `${RECORD_CHANGES_SQL} ORDER BY 1, 3, 4`, [
    JSON.stringify(agreements), `${start} 00:00:00`, `${endExclusive} 00:00:00`, JSON.stringify(billedRuns), rerateRun,
  ]);
  return rows.map((r) => {
    const out = {} as RecordChange;
    for (const c of RECORD_CHANGE_COLUMNS) out[c] = c === 'direction' ? dir(r[c]) : str(r[c]);
    return out;
  });
}
