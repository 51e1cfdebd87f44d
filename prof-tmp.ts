import { readFileSync } from 'node:fs';
import { compile } from './compiler/index.js';
import { openStore } from './runtime/index.js';
import { reconcileCdrs } from './runtime/reconcile/cdr-reconcile.js';
const { compiled } = compile([{ uri: 'a.icx', text: readFileSync('agreements/acme-orange-fr.icx', 'utf8') }]);
const store = await openStore('/tmp/rexp/bench.duckdb');
for (let i = 0; i < 2; i++) {
  const t = performance.now();
  const r = await reconcileCdrs(store, { plan: compiled.plans[0]!, period: '2026-03', file: '/tmp/rexp/theirs.parquet' });
  console.log('total', ((performance.now() - t) / 1000).toFixed(2), r.findings.cdrs!.matchedById, r.findings.cdrs!.matchedByTime);
}
await store.close();
