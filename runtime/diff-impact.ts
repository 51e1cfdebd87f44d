// The revenue/cost impact of a commercial diff: the same usage rated under the OLD and the
// NEW plans (two runs in one in-memory store, the same rate() as `icx rate`), then compared
// per agreement, service, zone and band. Sums and differences are DECIMAL in SQL and come
// back as exact strings; records rated on one side and in suspense on the other are listed
// with the reason (a run's seq is the record's position in the input, the same in both runs).
import type { HashedAgreementPlan } from '../compiler/plan.js';
import type { UsageSource } from './ingest/ingest.js';
import { rate } from './rate.js';
import { openStore, queryJson, type Store } from './store/store.js';

/** Records rated under both versions, grouped by where NEW rated them (and where OLD did, when that differs). */
export interface ImpactRow {
  agreement: string;
  partner: string;
  /** the records' direction: out (a cost to us, payable) or in (revenue, receivable) */
  direction: string;
  service: string;
  zone: string;
  band: string | null;
  currency: string;
  /** where OLD rated the same records, when not the same agreement/service/zone/band/currency; else null */
  was: { agreement: string; service: string; zone: string; band: string | null; currency: string } | null;
  records: number;
  /** exact decimal strings */
  oldAmount: string;
  newAmount: string;
  /** new − old; null when the two sides charge in different currencies */
  difference: string | null;
}

export interface MovedRow {
  /** `rated→suspense`: rated under OLD, in suspense under NEW; `suspense→rated` the other way */
  move: 'rated→suspense' | 'suspense→rated';
  agreement: string;
  service: string;
  zone: string;
  /** the suspense reason on the side that did not rate them */
  reason: string;
  records: number;
  /** what the rated side charged for them */
  amount: string;
  currency: string;
}

export interface ImpactTotal {
  direction: string;
  currency: string;
  oldAmount: string;
  newAmount: string;
  difference: string;
}

export interface PartnerTotal extends ImpactTotal {
  partner: string;
}

export interface Impact {
  records: number;
  old: { rated: number; suspense: number };
  new: { rated: number; suspense: number };
  /** records rated on both sides whose amount (or zone, band...) differs */
  rows: ImpactRow[];
  moved: MovedRow[];
  totals: ImpactTotal[];
  /** the same per partner (the agreements' partners) */
  partners: PartnerTotal[];
}

const GROUPED = `
  o AS (SELECT agreement_id, direction, service, zone, band, currency, count(*) AS n, sum(amount) AS amt
        FROM rated WHERE run_id = $1 GROUP BY ALL),
  w AS (SELECT agreement_id, direction, service, zone, band, currency, count(*) AS n, sum(amount) AS amt
        FROM rated WHERE run_id = $2 GROUP BY ALL),
  j AS (SELECT coalesce(o.agreement_id, w.agreement_id) AS agreement_id, coalesce(o.direction, w.direction) AS direction,
               coalesce(o.service, w.service) AS service, coalesce(o.zone, w.zone) AS zone, coalesce(o.band, w.band) AS band,
               coalesce(o.currency, w.currency) AS currency, coalesce(o.n, 0) AS old_n, coalesce(w.n, 0) AS new_n,
               o.amt AS old_amt, w.amt AS new_amt, coalesce(w.amt, 0) - coalesce(o.amt, 0) AS diff
        FROM o FULL OUTER JOIN w
          ON o.agreement_id = w.agreement_id AND o.direction = w.direction AND o.service = w.service AND o.zone = w.zone
         AND o.band IS NOT DISTINCT FROM w.band AND o.currency = w.currency)`;

async function compare(store: Store, partners: Map<string, string>): Promise<Pick<Impact, 'rows' | 'moved' | 'totals' | 'partners'>> {
  const runs = ['old', 'new'];
  // the same record (seq) rated on both sides: the price effect, where NEW rated it
  const rows = await queryJson(
    store,
    `SELECT n.agreement_id, n.direction, n.service, n.zone, n.band, n.currency,
            o.agreement_id AS o_agreement, o.service AS o_service, o.zone AS o_zone, o.band AS o_band, o.currency AS o_currency,
            count(*) AS n, CAST(sum(o.amount) AS VARCHAR) AS old_amt, CAST(sum(n.amount) AS VARCHAR) AS new_amt,
            CAST(CASE WHEN n.currency = o.currency THEN sum(n.amount) - sum(o.amount) END AS VARCHAR) AS diff
     FROM rated n JOIN rated o ON o.run_id = $1 AND o.seq = n.seq
     WHERE n.run_id = $2
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
     HAVING sum(n.amount) <> sum(o.amount) OR n.currency <> o.currency OR n.agreement_id <> o.agreement_id OR n.service <> o.service
         OR n.zone <> o.zone OR n.band IS DISTINCT FROM o.band
     ORDER BY n.agreement_id, n.direction, n.service, n.zone, n.band NULLS FIRST, n.currency, o_agreement, o_service, o_zone, o_band NULLS FIRST, o_currency`,
    runs,
  );
  const totals = await queryJson(
    store,
    `WITH ${GROUPED}
     SELECT direction, currency, CAST(coalesce(sum(old_amt), 0) AS VARCHAR) AS old_amt, CAST(coalesce(sum(new_amt), 0) AS VARCHAR) AS new_amt,
            CAST(sum(diff) AS VARCHAR) AS diff
     FROM j GROUP BY direction, currency ORDER BY direction, currency`,
    runs,
  );
  // the partner of each agreement comes from the plans, bound as one JSON parameter
  const byPartner = await queryJson(
    store,
    `WITH ${GROUPED},
       p AS (SELECT unnest(from_json($3::JSON, '[{"agreement":"VARCHAR","partner":"VARCHAR"}]'), recursive := true))
     SELECT p.partner, j.direction, j.currency, CAST(coalesce(sum(old_amt), 0) AS VARCHAR) AS old_amt,
            CAST(coalesce(sum(new_amt), 0) AS VARCHAR) AS new_amt, CAST(sum(diff) AS VARCHAR) AS diff
     FROM j JOIN p ON p.agreement = j.agreement_id GROUP BY ALL ORDER BY ALL`,
    [...runs, JSON.stringify([...partners].map(([agreement, partner]) => ({ agreement, partner })))],
  );
  const moved = await queryJson(
    store,
    `SELECT 'rated→suspense' AS move, r.agreement_id, r.service, r.zone, s.reason, count(*) AS n, CAST(sum(r.amount) AS VARCHAR) AS amt, r.currency
     FROM rated r JOIN suspense s ON s.run_id = $2 AND s.seq = r.seq WHERE r.run_id = $1 GROUP BY ALL
     UNION ALL
     SELECT 'suspense→rated' AS move, r.agreement_id, r.service, r.zone, s.reason, count(*) AS n, CAST(sum(r.amount) AS VARCHAR) AS amt, r.currency
     FROM rated r JOIN suspense s ON s.run_id = $1 AND s.seq = r.seq WHERE r.run_id = $2 GROUP BY ALL
     ORDER BY ALL`,
    runs,
  );
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    rows: rows.map((r) => {
      const same = r.o_agreement === r.agreement_id && r.o_service === r.service && r.o_zone === r.zone && r.o_band === r.band && r.o_currency === r.currency;
      return {
        agreement: String(r.agreement_id), partner: partners.get(String(r.agreement_id)) ?? '', direction: String(r.direction),
        service: String(r.service), zone: String(r.zone), band: str(r.band), currency: String(r.currency),
        was: same ? null : { agreement: String(r.o_agreement), service: String(r.o_service), zone: String(r.o_zone), band: str(r.o_band), currency: String(r.o_currency) },
        records: Number(r.n), oldAmount: String(r.old_amt), newAmount: String(r.new_amt), difference: str(r.diff),
      };
    }),
    totals: totals.map((r) => ({
      direction: String(r.direction), currency: String(r.currency), oldAmount: String(r.old_amt), newAmount: String(r.new_amt), difference: String(r.diff),
    })),
    partners: byPartner.map((r) => ({
      partner: String(r.partner), direction: String(r.direction), currency: String(r.currency),
      oldAmount: String(r.old_amt), newAmount: String(r.new_amt), difference: String(r.diff),
    })),
    moved: moved.map((r) => ({
      move: String(r.move) as MovedRow['move'], agreement: String(r.agreement_id), service: String(r.service), zone: String(r.zone),
      reason: String(r.reason), records: Number(r.n), amount: String(r.amt), currency: String(r.currency),
    })),
  };
}

/** Rates `usage` under both sets of plans (nothing is written anywhere) and compares the results. */
export async function rateImpact(
  oldPlans: HashedAgreementPlan[], newPlans: HashedAgreementPlan[], usage: UsageSource[], opts: { assumeTimezone?: string } = {},
): Promise<Impact> {
  const store = await openStore(':memory:');
  try {
    const common = { usage, progress: false, ...(opts.assumeTimezone ? { assumeTimezone: opts.assumeTimezone } : {}) };
    const o = await rate(store, { ...common, plans: oldPlans, runId: 'old' });
    const n = await rate(store, { ...common, plans: newPlans, runId: 'new' });
    const partners = new Map<string, string>();
    for (const p of [...oldPlans, ...newPlans]) partners.set(p.plan.id, p.plan.partner.name);
    return {
      records: n.inCount,
      old: { rated: o.ratedCount, suspense: o.suspenseCount },
      new: { rated: n.ratedCount, suspense: n.suspenseCount },
      ...(await compare(store, partners)),
    };
  } finally {
    await store.close();
  }
}
