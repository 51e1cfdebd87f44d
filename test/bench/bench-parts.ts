// Parts of `npm run bench` besides rating itself (issue 9): (c) the period step of a bill run
// over the rated store, (d) compile times of the agreement set and of the 200,000-line deck.
import { periodAggregateSql, PERIOD_RUNS_SQL } from '../../compiler/sql/index.js';
import { compile } from '../../compiler/index.js';
import { compileSources, loadSources } from '../../runtime/cli/agreements.js';
import { openStore, queryJson } from '../../runtime/index.js';
import { benchDeck } from './deck-csv.js';

/**
 * (c) What a bill run's period step runs for every agreement with period terms: the runs in
 * scope, then the per-service, zone and month aggregate of its rated records of the month
 * (runtime/period/run.ts), here for every agreement the store has rated records of.
 */
export async function periodStep(storePath: string, month: string): Promise<{ agreements: number; rows: number; records: number }> {
  const store = await openStore(storePath);
  try {
    const ids = await queryJson(store, `SELECT DISTINCT agreement_id FROM rated_dims ORDER BY 1`);
    const [y, m] = month.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    let rows = 0;
    let records = 0;
    for (const { agreement_id: id } of ids) {
      const params = [String(id), `${month}-01 00:00:00`, `${next}-01 00:00:00`, null, null];
      const [runs] = await queryJson(store, PERIOD_RUNS_SQL, params);
      const agg = await queryJson(store, periodAggregateSql(Number(runs?.runs ?? 0) > 1), params);
      rows += agg.length;
      records += agg.reduce((s, r) => s + Number(r.records), 0);
    }
    return { agreements: ids.length, rows, records };
  } finally {
    await store.close();
  }
}

/** (d1) The repository's agreement set (agreements/, with its decks and FX tables) compiled. */
export async function compileAgreementSet(dir = 'agreements'): Promise<{ files: number; plans: number; errors: number }> {
  const src = await loadSources([dir]);
  const r = compileSources(src);
  return { files: src.files.length, plans: r.compiled.plans.length, errors: r.diagnostics.filter((d) => d.severity === 'error').length };
}

/** (d2) The 200,000-line A–Z deck (test/bench/deck-csv.ts) referenced by one agreement, compiled. */
export function deckCompiler(): { lines: number; run: () => void } {
  const b = benchDeck();
  return {
    lines: b.csvLines,
    run: () => {
      const r = compile([{ uri: 'deck.icx', text: b.deckAgreement }], { readFile: (u) => (u === 'deck.csv' ? b.csv : undefined) });
      if (r.diagnostics.some((d) => d.severity === 'error') || r.compiled.plans.length !== 1) throw new Error('the bench deck does not compile');
    },
  };
}
