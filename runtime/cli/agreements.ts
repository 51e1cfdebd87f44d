// Shared by every command that starts from .icx files: find them, read them, compile them,
// and print what the compiler said.
import { compile, type CompileResult } from '../../compiler/index.js';
import type { Diagnostic } from '../../language/diagnostic.js';
import { countBySeverity, plural, renderDiagnostic, type SourceLookup } from './diagnostics.js';
import { Failure } from './errors.js';
import { collectIcxFiles, readText, type InputFile } from './files.js';

export interface LoadedSources {
  files: (InputFile & { text: string })[];
  lookup: SourceLookup;
}

export async function loadSources(paths: readonly string[]): Promise<LoadedSources> {
  const found = await collectIcxFiles(paths);
  const files = await Promise.all(found.map(async (f) => ({ ...f, text: await readText(f) })));
  const byUri = new Map(files.map((f) => [f.uri, f]));
  return {
    files,
    lookup: {
      display: (uri) => byUri.get(uri)?.display ?? uri,
      text: (uri) => byUri.get(uri)?.text,
    },
  };
}

export function compileSources(src: LoadedSources): CompileResult {
  return compile(src.files.map((f) => ({ uri: f.uri, text: f.text })));
}

export function printDiagnostics(ds: readonly Diagnostic[], lookup: SourceLookup, stream: NodeJS.WritableStream = process.stderr): void {
  for (const d of ds) stream.write(renderDiagnostic(d, lookup) + '\n');
}

/**
 * Compiles for commands that need plans (compile, rate, traffic, test): warnings are shown,
 * errors abort the command with exit 1 after every diagnostic has been printed.
 */
export async function compileOrFail(paths: readonly string[]): Promise<{ src: LoadedSources; result: CompileResult }> {
  const src = await loadSources(paths);
  const result = compileSources(src);
  printDiagnostics(result.diagnostics, src.lookup);
  const { errors } = countBySeverity(result.diagnostics);
  if (errors > 0) throw new Failure(`${plural(errors, 'error')} in the agreements`);
  return { src, result };
}
