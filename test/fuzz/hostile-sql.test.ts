// Names and strings from agreements and usage reach SQL only as bound parameters (or through
// compiler/sql/sql-string.ts for file paths): rating with SQL-shaped values stores them verbatim,
// and the store's tables are all still there afterwards. Through the library (the same rate() as
// `icx rate`) and through the CLI, with quotes in the agreements folder, the usage file and the
// output folder's names.
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../compiler/index.js';
import { agreement, voice } from '../support/agreement-snippets.js';
import { rateRecords } from '../support/rate-snippet.js';
import { icx, STACK_LINE, tempDir } from '../cli/run-cli.js';

const DROP = "Côte d'Ivoire'); DROP TABLE rated; --";
const NUL = 'nul\u0000inside "quoted"; \u0007bell';
// deck destinations become the zone of each rated record: the CSV quotes them ("" is a quote)
const DECK = `prefix,destination,rate,effective_date\n336,"${DROP}",0.0600,2026-01-01\n337,"${NUL.replaceAll('"', '""')}",0.0600,2026-01-01\n`;
const DECK_URI = "it's/decks; DROP TABLE usage/voice's.csv";
const TEXT = agreement({ id: 'EVIL-1', trunks: 'TGD1' }, `  service term voice payable {\n    billing 60/60\n    rates from deck "decks; DROP TABLE usage/voice's.csv"\n  }`)
  .replace(/ {2}zones \{[^}]*\}\n/, '')
  .replace('"rating conformance EVIL-1"', `"x'); DROP TABLE rated; -- \\"quoted\\""`);

describe('values shaped like SQL are stored verbatim (bound parameters)', () => {
  it('deck destinations, file names and record ids with quotes, semicolons, NUL and control characters', async () => {
    const r = compile([{ uri: "it's/a.icx", text: TEXT }], { readFile: (u) => (u === DECK_URI ? DECK : undefined) });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const ids = ["r'1; DROP TABLE rated; --", 'r\u00002', 'r"3'];
    const out = await rateRecords(r.compiled.plans, [
      voice({ trunk: 'TGD1', duration_s: '60', record_id: ids[0]! }),
      voice({ trunk: 'TGD1', duration_s: '60', record_id: ids[1]!, b_number: '33712345678' }),
      voice({ trunk: 'TGD1', duration_s: '60', record_id: ids[2]!, b_number: '441632960999' }),
    ]);
    // in = rated + suspense: 3 = 2 + 1 (441… is in no deck prefix: no-zone)
    expect(out.rated.length + out.suspense.length).toBe(3);
    expect(out.rated.map((x) => x.record_id)).toEqual(ids.slice(0, 2));
    expect(out.suspense.map((x) => [x.record_id, x.reason])).toEqual([[ids[2], 'no-zone']]);
    // 60 s at 60/60 = 1 min × 0.0600 EUR/min = 0.06, six decimals by default
    expect(out.rated.map((x) => x.amount)).toEqual(['0.060000', '0.060000']);
    expect(out.rated.map((x) => x.zone)).toEqual([DROP, NUL]);
    expect(out.rated[0]!.clause).toBe(`term/${DROP}/peak/2026-01-01`);
    expect(out.rated.map((x) => x.rate_source)).toEqual([`${DECK_URI}:2`, `${DECK_URI}:3`]);
  });
});

describe('the CLI with quotes in every path it hands to DuckDB', () => {
  let dir: string;
  let cleanup: () => void;
  const AG = "agreements it's; DROP TABLE rated";
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    mkdirSync(path.join(dir, AG, 'decks; DROP TABLE usage'), { recursive: true });
    writeFileSync(path.join(dir, AG, 'a.icx'), TEXT);
    writeFileSync(path.join(dir, AG, 'decks; DROP TABLE usage', "voice's.csv"), DECK);
    writeFileSync(
      path.join(dir, "usage '); DROP TABLE rated; --.csv"),
      'record_id,trunk,direction,kind,a_number,b_number,start_time,duration_s\n' +
        `"r'1; DROP TABLE rated",TGD1,out,voice,441632960001,33612345678,2026-03-02T09:00:00Z,60\n`,
    );
  });
  afterAll(() => cleanup());

  it('rates, and the store holds the names verbatim', async () => {
    const out = path.join(dir, "out '; DROP TABLE x");
    const db = path.join(dir, "store 'x.duckdb");
    const r = icx(['rate', AG, '--usage', "usage '); DROP TABLE rated; --.csv", '--out', out, '--db', db], dir);
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(r.code).toBe(0);
    const instance = await DuckDBInstance.create(db);
    const c = await instance.connect();
    try {
      const rows = (await c.runAndReadAll('SELECT record_id, zone, amount::VARCHAR AS amount, rate_source FROM rated')).getRowObjectsJS();
      // one record: 60 s at 60/60 × 0.0600 EUR/min = 0.06 (the store keeps 9 decimals)
      expect(rows).toEqual([{ record_id: "r'1; DROP TABLE rated", zone: DROP, amount: '0.060000000', rate_source: "decks; DROP TABLE usage/voice's.csv:2" }]);
      const tables = (await c.runAndReadAll("SELECT table_name FROM information_schema.tables WHERE table_name IN ('rated', 'usage', 'suspense')")).getRowObjectsJS();
      expect(tables.length).toBeGreaterThanOrEqual(2);
    } finally {
      c.closeSync();
      instance.closeSync();
    }
  });
});
