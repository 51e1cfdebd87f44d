// The seed corpus of the agreement fuzzer: every file of agreements/ (the example agreements, their
// test files, and the decks, FX tables and traffic files they read), held in memory so the fuzzer
// compiles with a host over them (decks and FX tables are checked too) and never touches the disk
// after start.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CompileHost, SourceFile } from '../../compiler/index.js';

export const REPO = path.resolve(import.meta.dirname, '../..');
const ROOT = path.join(REPO, 'agreements');

function walk(dir: string, out: string[]): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full, out);
    else if (e.isFile()) out.push(full);
  }
  return out;
}

/** Every file under agreements/, by uri relative to it (`/`-separated), in path order. */
export const CORPUS_FILES: ReadonlyMap<string, string> = new Map(
  walk(ROOT, [])
    .sort()
    .map((f) => [path.relative(ROOT, f).split(path.sep).join('/'), readFileSync(f, 'utf8')] as const),
);

/** The agreement files (*.icx) of the corpus: the seeds the mutators start from. */
export const SEEDS: readonly SourceFile[] = [...CORPUS_FILES].filter(([uri]) => uri.endsWith('.icx')).map(([uri, text]) => ({ uri, text }));

/** Reads the corpus's files (decks, FX tables, traffic) by uri, as the CLI's host reads the agreements root. */
export const CORPUS_HOST: CompileHost = { readFile: (uri) => CORPUS_FILES.get(uri) };
