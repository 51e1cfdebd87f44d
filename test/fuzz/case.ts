// One fuzz case: a file (generated, or a mutated example with the seed it came from) put through
// every property of properties.ts, alone and beside the other example agreements (so that cross-file
// checks, partner declarations and traffic tests see it). Shared by fuzz.test.ts and run.ts.
import fc from 'fast-check';
import type { SourceFile } from '../../compiler/index.js';
import { CORPUS_HOST, SEEDS } from './corpus.js';
import { randomAgreementFile } from './grammar.js';
import { applyMutation, mutatedSeed, mutation, type Mutation } from './mutate.js';
import { checkCompile, checkFormat, checkIncremental, checkLsp, DEFAULT_LIMITS, type Limits } from './properties.js';

export interface FuzzInput {
  /** where it came from: `grammar`, or `mutation` of the seed of that uri */
  source: 'grammar' | 'mutation';
  file: SourceFile;
  /** cursor positions for the language-server features, as fractions of the text's length */
  cursors: number[];
  /** an edit typed into the file: the server's incremental parse of the result must equal a fresh parse */
  edit: Mutation;
}

const cursors = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 });

export const fuzzInput: fc.Arbitrary<FuzzInput> = fc.oneof(
  fc.tuple(randomAgreementFile, cursors, mutation).map(([text, cs, edit]) => ({ source: 'grammar' as const, file: { uri: 'fuzz/generated.icx', text }, cursors: cs, edit })),
  fc.tuple(mutatedSeed, cursors, mutation).map(([file, cs, edit]) => ({ source: 'mutation' as const, file, cursors: cs, edit })),
);

/** The example agreements except the one `file` replaces (a mutation keeps its seed's uri). */
const others = (file: SourceFile) => SEEDS.filter((s) => s.uri !== file.uri);

/** Every property on one input; throws a FuzzFailure on the first that does not hold. */
export function runCase(input: FuzzInput, limits: Limits = DEFAULT_LIMITS): void {
  const { file } = input;
  checkCompile([file], CORPUS_HOST, limits);
  const { lsp } = checkCompile([...others(file), file], CORPUS_HOST, limits);
  checkFormat(file, CORPUS_HOST);
  const seed = SEEDS.find((s) => s.uri === file.uri);
  if (seed) checkIncremental(file.uri, seed.text, file.text);
  checkIncremental(file.uri, file.text, applyMutation(file.text, input.edit));
  const offsets = input.cursors.map((c) => Math.floor(c * file.text.length));
  checkLsp([...others(file), file], file.uri, offsets, CORPUS_HOST, lsp);
}
