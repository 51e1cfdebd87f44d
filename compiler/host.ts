// How the compiler reads the files an agreement refers to (rate decks, FX tables, shared
// definitions) without doing I/O itself: the caller (CLI, tests, language server) hands in a
// host. Paths written in agreements are relative to the agreement's own file and must stay
// inside the agreements root; resolveReference decides that before the host is asked.
import path from 'node:path/posix';

export interface CompileHost {
  /**
   * The text of a file, by uri relative to the agreements root (`/`-separated, never
   * starting with `..`); undefined when it does not exist or cannot be read.
   */
  readFile(uri: string): string | undefined;
}

/** A host that knows no files: every reference is reported as missing. */
export const NO_FILES: CompileHost = { readFile: () => undefined };

export type ResolvedReference = { uri: string } | { error: string };

/**
 * The uri of `written` (as it appears in the agreement at `fromUri`), or why it is refused:
 * absolute paths, and paths that climb out of the agreements root.
 */
export function resolveReference(fromUri: string, written: string): ResolvedReference {
  if (written.length === 0) return { error: 'the path is empty' };
  // a NUL or an escape sequence is never part of a real file name, and must not reach a terminal
  if (/[\u0000-\u001f\u007f]/.test(written)) return { error: `the path holds a control character (${JSON.stringify(written).slice(1, -1).replace(/[\u0000-\u001f\u007f]/g, '?')})` };
  if (written.includes('\\')) return { error: `write paths with '/', not '\\': "${written}"` };
  if (written.startsWith('/')) return { error: `"${written}" is absolute; write a path relative to the agreement file` };
  const joined = path.normalize(path.join(path.dirname(fromUri), written));
  if (joined === '..' || joined.startsWith('../')) return { error: `"${written}" points outside the agreements root` };
  return { uri: joined };
}
