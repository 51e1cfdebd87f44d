// `npm run bench:lsp`: a 10,000-line agreement open in the server's workspace model; edits, then
// the re-check the server runs after each (whole-workspace compile from the incremental parse +
// conversion of the diagnostics), against a full `icx check`-style compile measured in the same
// run. Medians of several runs; every run edits the text anew.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compile } from '../../compiler/index.js';
import { format, parse } from '../../language/index.js';
import { diagnosticsByUri } from '../../lsp/features/diagnostics.js';
import { semanticTokens } from '../../lsp/features/semantic-tokens.js';
import { documentSymbols } from '../../lsp/features/symbols.js';
import { Workspace } from '../../lsp/workspace.js';
import { parseCounts } from '../../lsp/features/ast-cache.js';
import { foldingRanges } from '../../lsp/features/folding.js';

const ZONES = 4_990;

function agreement(): string {
  const lines = [
    'agreement BIG-2026 "a 10,000-line agreement" {',
    '  version 1',
    '  parties {',
    '    us       ACME-UK',
    '    partner  BIGCO',
    '  }',
    '  currency EUR',
    '  valid 2026-01-01 ..',
    '  timezone Europe/Paris',
    '',
    '  zones {',
  ];
  for (let i = 0; i < ZONES; i++) lines.push(`    z${i}  ${100000 + i}`);
  lines.push('  }', '', '  service voice-out voice payable {', '    billing 60/60');
  for (let i = 0; i < ZONES; i++) lines.push(`    rate z${i} 0.${String(1000 + (i % 9000)).padStart(4, '0')} EUR/min`);
  lines.push('  }', '}');
  return lines.join('\n') + '\n';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => void, runs: number): number {
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

const text = agreement();
const dir = mkdtempSync(path.join(tmpdir(), 'icx-lsp-bench-'));
try {
  writeFileSync(path.join(dir, 'big.icx'), text);
  const ws = new Workspace(dir);
  ws.cacheDisk = true;
  const first = ws.compile();
  const errors = first.result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`the bench agreement does not compile: ${errors[0]!.message}`);
  console.log(`agreement: ${text.split('\n').length - 1} lines, ${text.length} chars, ${ZONES} zones and rate lines`);
  const runs = 15;

  // Baseline, measured in this run: what `icx check` does (parse from scratch, check, lower, hash).
  const files = [{ uri: 'big.icx', text }];
  const checkMs = time(() => compile(files), runs);
  const parseMs = time(() => parse(text, 'big.icx'), runs);
  console.log(`baseline: full compile as \`icx check\` does it: ${checkMs.toFixed(1)} ms (of which a full parse ${parseMs.toFixed(1)} ms)`);

  // The server's re-check after an edit (debounce aside): every run a different text, so nothing
  // is a cache hit; the workspace re-parses from its previous parse (language/incremental.ts).
  let n = 0;
  const recheck = (edit: (i: number) => string) => () => {
    n++;
    ws.open.set('big.icx', { text: edit(n), version: n });
    const { result } = ws.compile();
    diagnosticsByUri(result.diagnostics);
  };
  const priceAt = text.indexOf(`rate z${ZONES / 2} `) + `rate z${ZONES / 2} 0.123`.length;
  const priceEdit = (i: number) => text.slice(0, priceAt) + String(i % 10) + text.slice(priceAt + 1);
  const serviceEnd = text.lastIndexOf('  }\n}');
  const newLine = (i: number) => `${text.slice(0, serviceEnd)}    rate z${i % ZONES} 0.0${i % 10}00 EUR/min\n${text.slice(serviceEnd)}`;
  const broken = (i: number) => `${text.slice(0, serviceEnd)}    rate z${i % ZONES} 0.0${i % 10}00 EUR/\n${text.slice(serviceEnd)}`;
  const report = (what: string, ms: number) =>
    console.log(`  ${what.padEnd(58)} ${ms.toFixed(1).padStart(7)} ms  (${(ms / checkMs).toFixed(2)}× the baseline)`);
  console.log(`re-check after an edit (median of ${runs}; target < 100 ms):`);
  for (const [what, edit] of [
    ['a price digit changed in the middle', priceEdit],
    ['a new rate line at the end of the service', newLine],
    ['a rate line left half-written (a syntax error)', broken],
  ] as const) {
    const before = { ...parseCounts };
    recheck(edit)(); // from the unedited text
    report(what, time(recheck(edit), runs));
    if (parseCounts.full !== before.full) throw new Error(`${what}: expected incremental re-parses only, got ${parseCounts.full - before.full} full`);
  }
  // an edit that is in no item (the agreement's header line) takes a full parse
  const idAt = text.indexOf('BIG-2026') + 'BIG-202'.length;
  const header = (i: number) => text.slice(0, idAt) + String(i % 10) + text.slice(idAt + 1);
  const fullBefore = parseCounts.full;
  report('the agreement id changed (a full parse)', time(recheck(header), runs));
  if (parseCounts.full === fullBefore) throw new Error('expected full parses for an edit of the agreement header');

  // each request on a fresh text after the previous one (what the first request after an edit costs)
  let m = 0;
  const fresh = () => priceEdit(++m);
  console.log(`requests after an edit (median of 5):`);
  console.log(`  semantic tokens: ${time(() => semanticTokens(fresh(), 'big.icx'), 5).toFixed(1)} ms`);
  console.log(`  document symbols: ${time(() => documentSymbols(fresh(), 'big.icx'), 5).toFixed(1)} ms`);
  console.log(`  folding ranges: ${time(() => foldingRanges(fresh(), 'big.icx'), 5).toFixed(1)} ms`);
  console.log(`  formatting (parses in full): ${time(() => format(fresh(), 'big.icx'), 5).toFixed(1)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
