// The agreement fuzzer, CI-sized: a fixed seed and a case count that keeps this file well under a
// minute on the CI machine (2 shared cores). `npm run fuzz -- --runs N --seed S` runs the same cases
// at any size (test/fuzz/run.ts). The properties are in properties.ts, the generators in grammar.ts
// (grammar-aware agreements) and mutate.ts (mutated example agreements).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzInput, runCase } from './case.js';
import { CORPUS_HOST, SEEDS } from './corpus.js';
import { randomAgreementFile } from './grammar.js';
import { mutatedSeed } from './mutate.js';
import { checkCompile, checkFormat, checkLsp } from './properties.js';

/** Change it to explore other cases; a failure prints the seed and path to replay it. */
const SEED = 20261126;

describe('agreement fuzzing', () => {
  it('random and mutated agreements hold every property', () => {
    fc.assert(fc.property(fuzzInput, (input) => runCase(input)), { numRuns: 80, seed: SEED });
  }, 120_000);

  it('the generators reach past the parser: most generated files parse, some compile clean', () => {
    // A generator that only ever produced syntax errors would test the parser's recovery alone.
    let parsed = 0;
    let plans = 0;
    for (const text of fc.sample(randomAgreementFile, { numRuns: 60, seed: SEED })) {
      const { cli } = checkCompile([{ uri: 'fuzz/generated.icx', text }], CORPUS_HOST);
      if (!cli.diagnostics.some((d) => d.code.startsWith('ICX1'))) parsed++;
    }
    const partners = SEEDS.filter((s) => s.uri === 'partners.icx');
    for (const file of fc.sample(mutatedSeed, { numRuns: 60, seed: SEED })) {
      const { cli } = checkCompile([...partners.filter((p) => p.uri !== file.uri), file], CORPUS_HOST);
      plans += cli.compiled.plans.length;
    }
    expect(parsed).toBeGreaterThan(30);
    expect(plans).toBeGreaterThanOrEqual(3);
  }, 120_000);
});

describe('enormous and deeply nested files', () => {
  const orange = SEEDS.find((s) => s.uri === 'acme-orange-fr.icx')!.text;
  // Each within a generous bound on a shared machine; what matters is that none is quadratic.
  const cases: [string, string, number][] = [
    ['100,000 opening braces', '{'.repeat(100_000), 20_000],
    ['1,000 nested agreement headers', 'agreement A {\n'.repeat(1_000), 20_000],
    ['a 1,000,000-character string', `agreement A "${'x'.repeat(1_000_000)}" {\n}\n`, 20_000],
    ['a 100,000-digit number', orange.replace('0.0123', `0.${'1'.repeat(100_000)}`), 20_000],
    ['a 100,000-digit version', orange.replace('version 3', `version ${'9'.repeat(100_000)}`), 20_000],
    ['5,000 zones', orange.replace('  zones {\n', `  zones {\n${Array.from({ length: 5000 }, (_, i) => `    Z${i}  ${100000 + i}\n`).join('')}`), 30_000],
  ];
  it.each(cases)('%s: no throw, every property holds', (_name, text, ms) => {
    const file = { uri: 'big.icx', text };
    const { lsp } = checkCompile([file], CORPUS_HOST, { compileMs: ms });
    checkFormat(file, CORPUS_HOST);
    checkLsp([file], file.uri, [0, text.length >> 1, text.length], CORPUS_HOST, lsp);
  }, 120_000);
});
