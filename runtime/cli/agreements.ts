// Shared by every command that starts from .icx files: find them, read them, compile them,
// and print what the compiler said.
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { compile, type CompileHost, type CompileResult } from '../../compiler/index.js';
import type { Diagnostic } from '../../language/diagnostic.js';
import { countBySeverity, plural, renderDiagnostic, type SourceLookup } from './diagnostics.js';
import { Failure } from './errors.js';
import { collectIcxFiles, displayPath, readText, type InputFile } from './files.js';

export interface LoadedSources {
  files: (InputFile & { text: string })[];
  lookup: SourceLookup;
  /** reads the files agreements refer to (decks, FX tables), inside the agreements root */
  host: CompileHost;
  /** `uri:sha256` of every agreement file and every file the compile read through the host, uri order */
  hashes(): string[];
}

export async function loadSources(paths: readonly string[]): Promise<LoadedSources> {
  const found = await collectIcxFiles(paths);
  const files = await Promise.all(found.map(async (f) => ({ ...f, text: await readText(f) })));
  const byUri = new Map(files.map((f) => [f.uri, f]));
  const root = agreementsRoot(files[0]!);
  const read = new Map<string, string | undefined>();
  const host = rootedHost(root, read);
  return {
    files,
    host,
    hashes: () => {
      const texts = new Map<string, string>(files.map((f) => [f.uri, f.text]));
      for (const [uri, text] of read) if (text !== undefined) texts.set(uri, text);
      return [...texts.keys()].sort().map((uri) => `${uri}:${createHash('sha256').update(texts.get(uri)!).digest('hex')}`);
    },
    lookup: {
      display: (uri) => byUri.get(uri)?.display ?? displayPath(path.join(root, uri)),
      text: (uri) => byUri.get(uri)?.text ?? host.readFile(uri),
    },
  };
}

export function compileSources(src: LoadedSources): CompileResult {
  return compile(src.files.map((f) => ({ uri: f.uri, text: f.text })), src.host);
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

/** The directory every uri is relative to: the common root of the paths given. */
function agreementsRoot(f: InputFile): string {
  return f.abs.slice(0, f.abs.length - f.uri.length);
}

/**
 * Reads referenced files under `root`. The compiler has already refused paths that climb
 * out; a symbolic link that leads out of the root is refused here (read as missing).
 */
function rootedHost(root: string, cache: Map<string, string | undefined>): CompileHost {
  let realRoot: string | undefined;
  return {
    readFile(uri) {
      if (cache.has(uri)) return cache.get(uri);
      let text: string | undefined;
      try {
        realRoot ??= realpathSync(root);
        const real = realpathSync(path.join(root, uri));
        if (real === realRoot || real.startsWith(realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep)) text = readFileSync(real, 'utf8');
      } catch {
        text = undefined;
      }
      cache.set(uri, text);
      return text;
    },
  };
}
