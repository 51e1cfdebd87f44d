// Our side of a partner's invoice: the lines of the bill run's `statement` for the agreement and
// month (runtime/billing/usage-lines.ts for the rated usage, latest run per record; period charges
// by runtime/period/run.ts), computed afresh from the store — never a stored bill run, which may
// be older than the latest rating. Plus, per usage line, the actual seconds of its calls (so a
// per-call vs per-line rounding of minutes can be named) and the records behind a line (evidence).
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { LATEST, usageLines } from '../billing/usage-lines.js';
import { monthBounds } from '../period/calendar.js';
import { periodCharges } from '../period/run.js';
import { queryJson, type Store } from '../store/store.js';

export interface OurLine {
  direction: 'payable' | 'receivable';
  service: string;
  zone: string | null;
  band: string | null;
  construct: string | null;
  records: number | null;
  quantity: string | null;
  unit: string | null;
  /** the one rate of the line's records; null when several prices made it */
  rate: string | null;
  amount: string;
  /** voice: Σ actual seconds (before billing increments) of the line's records */
  actualSeconds: string | null;
  description: string;
}

// the agreement's rated records of the month, each in its latest run (as usage-lines.ts counts them)
const SECONDS_SQL = `${LATEST}
SELECT service, zone, band, CAST(coalesce(sum(ceil(duration_s)), 0) AS VARCHAR) AS actual_seconds
FROM latest GROUP BY ALL`;

const EVIDENCE_SQL = `${LATEST}
SELECT record_id, CAST(start_time AS VARCHAR) AS start_time, CAST(local_start AS VARCHAR) AS local_start,
       trunk, a_number, b_number, CAST(duration_s AS VARCHAR) AS duration_s, CAST(billed_seconds AS VARCHAR) AS billed_seconds,
       CAST(units AS VARCHAR) AS units, clause, CAST(amount AS VARCHAR) AS amount, run_id
FROM latest
WHERE service = $4 AND ($5::VARCHAR IS NULL OR zone = $5) AND ($6::VARCHAR IS NULL OR band = $6)
ORDER BY start_time, record_id`;

export interface EvidenceRecord {
  record_id: string | null;
  start_time: string;
  local_start: string;
  trunk: string | null;
  a_number: string | null;
  b_number: string | null;
  duration_s: string | null;
  billed_seconds: string | null;
  units: string | null;
  clause: string | null;
  amount: string;
  run_id: string;
}

function params(hp: HashedAgreementPlan, period: string): string[] {
  const { start, endExclusive } = monthBounds(period);
  return [hp.plan.id, `${start} 00:00:00`, `${endExclusive} 00:00:00`];
}

/** Every line of the agreement's documents for the month, both directions (the caller picks). */
export async function ourLines(store: Store, hp: HashedAgreementPlan, period: string): Promise<OurLine[]> {
  const { start, endExclusive } = monthBounds(period);
  const usage = await usageLines(store, hp, start, endExclusive);
  const seconds = new Map(
    (await queryJson(store, SECONDS_SQL, params(hp, period))).map((r) => [`${String(r.service)}\u0000${String(r.zone)}\u0000${String(r.band)}`, String(r.actual_seconds)]),
  );
  const out: OurLine[] = usage.lines.map((l) => {
    const svc = hp.plan.services.find((s) => s.name === l.service);
    return {
      direction: l.direction, service: l.service, zone: l.zone, band: l.band, construct: null,
      records: l.records, quantity: l.quantity, unit: l.unit, rate: l.rate, amount: l.amount,
      actualSeconds: svc?.kind === 'voice' ? (seconds.get(`${l.service}\u0000${l.zone}\u0000${l.band}`) ?? null) : null,
      description: l.description,
    };
  });
  const charges = await periodCharges(store, [hp], period);
  for (const c of charges) {
    if (c.agreementId !== hp.plan.id) continue;
    out.push({
      direction: c.direction, service: c.service, zone: null, band: null, construct: c.construct,
      records: null, quantity: c.basisQuantity, unit: c.basisUnit, rate: c.price ?? c.percent, amount: c.amount,
      actualSeconds: null, description: c.explanation,
    });
  }
  return out;
}

/** The records behind a usage line (zone/band null = all of the service's zones/bands). */
export async function evidenceRecords(
  store: Store, hp: HashedAgreementPlan, period: string, line: { service: string; zone: string | null; band: string | null },
): Promise<EvidenceRecord[]> {
  const rows = await queryJson(store, EVIDENCE_SQL, [...params(hp, period), line.service, line.zone, line.band]);
  return rows as unknown as EvidenceRecord[];
}
