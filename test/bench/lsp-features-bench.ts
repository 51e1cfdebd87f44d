// Completion on a 10,000-line agreement: median over repeated requests at the end of the file
// (a `rate ` line being typed), with the text unchanged between requests (the index cache hits)
// and with a fresh edit each time (the index is rebuilt). Run: npx tsx test/bench/lsp-features-bench.ts
import { readFileSync } from 'node:fs';
import { completion } from '../../lsp/features/completion.js';
import { contextFor } from '../../lsp/test-support/context.js';

const base = readFileSync('agreements/acme-orange-fr.icx', 'utf8');
const zones = Array.from({ length: 4000 }, (_, i) => `    Z${i}  ${1000 + i}`).join('\n');
const rates = Array.from({ length: 5900 }, (_, i) => `    rate Z${i % 4000}  0.0${100 + (i % 800)} EUR/min`).join('\n');
const big = `agreement BIG {\n  currency EUR\n  zones {\n${zones}\n  }\n  service v voice payable {\n    billing 60/60\n${rates}\n    rate `;
console.log(`lines: ${big.split('\n').length}`);
const ctx = contextFor(big, [{ uri: 'orange.icx', text: base }], 'big.icx');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cached: number[] = [];
for (let i = 0; i < 21; i++) {
  const t = performance.now();
  const items = completion(ctx, big.length);
  cached.push(performance.now() - t);
  if (i === 0 && items.length < 4000) throw new Error(`expected the 4000 zones, got ${items.length}`);
}
const fresh: number[] = [];
for (let i = 0; i < 11; i++) {
  const text = `${big}Z${i}`;
  const c = { ...ctx, text, files: ctx.files.map((f) => (f.uri === 'big.icx' ? { uri: f.uri, text } : f)) };
  const t = performance.now();
  completion(c, text.length);
  fresh.push(performance.now() - t);
}
console.log(`completion, index cached: median ${median(cached).toFixed(1)} ms (first ${cached[0]!.toFixed(1)} ms)`);
console.log(`completion, text edited each time: median ${median(fresh).toFixed(1)} ms`);
