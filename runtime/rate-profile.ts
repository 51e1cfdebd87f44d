// Where a rating run's time goes, without a profiler (docs/performance.md).
// ICX_PROFILE=1: each step's wall and CPU seconds (all threads) on stderr.
// ICX_PROFILE=analyze: each SQL step runs as EXPLAIN ANALYZE (which executes it) and DuckDB's
// operator profile is printed as one line per operator (seconds, rows, join condition).
import type { DuckDBValue } from '@duckdb/node-api';
import type { Store } from './store/store.js';

/** Runs `fn` (under ICX_PROFILE=analyze: `analyze` instead, when given) and reports its seconds. */
export async function profiled<T>(
  st: { name: string; sql?: string }, fn: () => Promise<T>, analyze?: () => Promise<string>,
): Promise<T> {
  const mode = process.env.ICX_PROFILE;
  if (mode !== '1' && mode !== 'analyze') return fn();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let value: T;
  if (mode === 'analyze' && analyze) {
    process.stderr.write(await analyze());
    value = undefined as T;
  } else value = await fn();
  const what = st.sql ? st.sql.replace(/\s+/g, ' ').slice(0, 48) : '';
  const cpu = process.cpuUsage(c0);
  const secs = (x: number) => x.toFixed(3).padStart(7);
  process.stderr.write(
    `icx-profile ${st.name.padEnd(15)} ${secs((performance.now() - t0) / 1000)} s  cpu ${secs((cpu.user + cpu.system) / 1e6)} s  ${what}\n`,
  );
  return value;
}

export async function explainAnalyze(store: Store, sql: string, params: DuckDBValue[] | undefined): Promise<string> {
  const res = await store.connection.runAndReadAll(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
  return profileTree(JSON.parse(String(res.getRows()[0]![1])) as ProfileNode);
}

interface ProfileNode {
  operator_type?: string;
  operator_timing?: number;
  operator_cardinality?: number;
  latency?: number;
  extra_info?: Record<string, unknown>;
  children?: ProfileNode[];
}

/** One line per operator: seconds, rows out, and its join condition or table (the key facts). */
function profileTree(root: ProfileNode): string {
  const lines = [`  total ${(root.latency ?? 0).toFixed(3)} s`];
  const walk = (n: ProfileNode, depth: number) => {
    if (n.operator_type && n.operator_type !== 'EXPLAIN_ANALYZE') {
      const x = n.extra_info ?? {};
      const info = [x['Join Type'], x['Conditions'], x['Table'], x['Function'], x['Aggregates'], x['Groups']]
        .filter((v) => v !== undefined).map((v) => String(v).replace(/\s+/g, ' ')).join(' | ').slice(0, 110);
      lines.push(`  ${(n.operator_timing ?? 0).toFixed(3).padStart(7)} s ${String(n.operator_cardinality ?? '').padStart(10)}  ${'  '.repeat(depth)}${n.operator_type} ${info}`);
    }
    for (const ch of n.children ?? []) walk(ch, n.operator_type && n.operator_type !== 'EXPLAIN_ANALYZE' ? depth + 1 : depth);
  };
  walk(root, 0);
  return lines.join('\n') + '\n';
}

