// One fuzz case: a file (generated, or a mutated example with the seed it came from) put through
// every property of properties.ts, alone and beside the other example agreements (so that cross-file
// checks, partner declarations and traffic tests see it). Shared by fuzz.test.ts and run.ts.
import fc from 'fast-check';
import type { CompileHost, SourceFile } from '../../compiler/index.js';
import { forgetParse, parseIncrementally } from '../../lsp/features/ast-cache.js';
import { CORPUS_FILES, CORPUS_HOST, SEEDS } from './corpus.js';
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
  /** compiled beside every example agreement (cross-file checks, partners, traffic tests), or alone */
  withCorpus: boolean;
  /** a deck or FX table of agreements/, damaged, read in place of the real one (then with the corpus) */
  data?: SourceFile;
}

const cursors = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 });

/** The files agreements read by path (decks, FX tables), each with one to four mutations. */
const DATA = [...CORPUS_FILES].filter(([uri]) => uri.startsWith('decks/') || uri.startsWith('fx/')).map(([uri, text]) => ({ uri, text }));
const mutatedData: fc.Arbitrary<SourceFile> = fc
  .tuple(fc.constantFrom(...DATA), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([d, ms]) => ({ uri: d.uri, text: ms.reduce(applyMutation, d.text) }));

export const fuzzInput: fc.Arbitrary<FuzzInput> = fc.oneof(
  fc.tuple(randomAgreementFile, cursors, mutation, fc.boolean()).map(([text, cs, edit, withCorpus]) => ({ source: 'grammar' as const, file: { uri: 'fuzz/generated.icx', text }, cursors: cs, edit, withCorpus })),
  fc.tuple(mutatedSeed, cursors, mutation, fc.boolean()).map(([file, cs, edit, withCorpus]) => ({ source: 'mutation' as const, file, cursors: cs, edit, withCorpus })),
  fc.tuple(mutatedSeed, cursors, mutation, mutatedData).map(([file, cs, edit, data]) => ({ source: 'mutation' as const, file, cursors: cs, edit, withCorpus: true, data })),
);

/** The corpus host, with a damaged data file in place of the real one. */
const hostFor = (data: SourceFile | undefined): CompileHost => (data ? { readFile: (uri) => (uri === data.uri ? data.text : CORPUS_HOST.readFile(uri)) } : CORPUS_HOST);

const PARTNERS = SEEDS.filter((s) => s.uri === 'partners.icx');

/** The example agreements except the one `file` replaces (a mutation keeps its seed's uri). */
const others = (file: SourceFile) => SEEDS.filter((s) => s.uri !== file.uri);

/** Every property on one input; throws a FuzzFailure on the first that does not hold. */
export function runCase(input: FuzzInput, limits: Limits = DEFAULT_LIMITS): void {
  const { file } = input;
  const seed = SEEDS.find((s) => s.uri === file.uri);
  const edited = applyMutation(file.text, input.edit);
  // The server parses the file incrementally from its previous text: from the seed (a mutation)
  // or from the edited text (generated). Known state at the start, none left behind: a case's
  // outcome depends on its input alone, so that a failure replays.
  forgetParse(file.uri);
  parseIncrementally(seed?.text ?? edited, file.uri);
  const host = hostFor(input.data);
  try {
    // alone: with the partner declarations the examples name (without them every example fails its parties check)
    const workspace = input.withCorpus ? [...others(file), file] : [...PARTNERS.filter((p) => p.uri !== file.uri), file];
    if (input.withCorpus) checkCompile([file], host, limits);
    const { lsp } = checkCompile(workspace, host, limits);
    checkFormat(file, host);
    if (seed) checkIncremental(file.uri, seed.text, file.text);
    checkIncremental(file.uri, file.text, edited);
    const offsets = input.cursors.map((c) => Math.floor(c * file.text.length));
    checkLsp(workspace, file.uri, offsets, host, lsp);
  } finally {
    forgetParse(file.uri);
    if (seed) parseIncrementally(seed.text, seed.uri);
  }
}
