// Output format by file extension; apart from index.ts so the CLI can validate --out
// without loading DuckDB.
import path from 'node:path';

export type TrafficFormat = 'parquet' | 'csv' | 'json';

export function formatFromPath(file: string): TrafficFormat | null {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.parquet') return 'parquet';
  if (ext === '.csv') return 'csv';
  if (ext === '.json' || ext === '.ndjson' || ext === '.jsonl') return 'json';
  return null;
}
