// What a failure to open or write the store means, in one line a user can act on. DuckDB's own
// messages name the file but read like bugs ("IO Error: Could not set lock on file …",
// "TransactionContext Error: Failed to commit: …"); the CLI would report them as internal errors.
import { access, constants, stat } from 'node:fs/promises';
import path from 'node:path';

/** DuckDB's lock conflict: another process holds the store file open for writing. */
const LOCK = /Could not set lock on file "([^"]+)": Conflicting lock is held in (.*?) \(PID (\d+)\)/;

/**
 * The one-line reason a store could not be opened, or null when the error is not one we know.
 * A second icx on the same store fails at once (DuckDB allows one writing process per file):
 * waiting would hold a bill run hostage to an unrelated long rating run, and the first run is
 * never affected.
 */
export function openFailure(storePath: string, e: unknown): string | null {
  const message = String((e as Error)?.message ?? e);
  const lock = LOCK.exec(message);
  if (lock) {
    return `store ${storePath} is in use by another process (pid ${lock[3]}, ${lock[2]}): ` +
      `one icx at a time per store; wait for it to finish, or use another --db`;
  }
  const io = ioFault(message);
  if (io) return `cannot open store ${storePath}${io.file && io.file !== storePath ? ` (${io.file})` : ''}: ${io.reason}`;
  return null;
}

/** "FILE: reason" of an I/O error message (DuckDB's or Node's), e.g. "x.duckdb.wal: No space left on device". */
export function ioReason(message: string): string | null {
  const io = ioFault(message);
  return io ? `${io.file ? `${io.file}: ` : ''}${io.reason}` : null;
}

/** The file and the OS reason inside a DuckDB or Node I/O error message; null when it is not one. */
export function ioFault(message: string): { file: string | null; reason: string } | null {
  // Node's fs errors: "ENOSPC: no space left on device, write" or "EACCES: …, open '/x/y'"
  const node = /^(ENOSPC|EDQUOT|EROFS|EACCES|EPERM|EFBIG|EIO)\b[^,]*, \w+(?: '([^']+)')?/.exec(message);
  if (node) return { file: node[2] ?? null, reason: NODE_REASONS[node[1]!]! };
  const m = /(No space left on device|Disk quota exceeded|Read-only file system|Permission denied|File too large)/i.exec(message);
  if (m) return { file: /file "([^"]+)"/.exec(message)?.[1] ?? null, reason: m[1]! };
  return null;
}

const NODE_REASONS: Record<string, string> = {
  ENOSPC: 'No space left on device', EDQUOT: 'Disk quota exceeded', EROFS: 'Read-only file system',
  EACCES: 'Permission denied', EPERM: 'Operation not permitted', EFBIG: 'File too large', EIO: 'Input/output error',
};

/**
 * Before any work: the store file and its folder must be writable (DuckDB writes `<store>.wal`
 * beside the file at every commit). Otherwise a run would rate everything and fail at its commit.
 * Returns the reason, or null when writable (or when the folder does not exist: DuckDB says so).
 */
export async function notWritable(storePath: string): Promise<string | null> {
  const dir = path.dirname(path.resolve(storePath));
  const fileExists = await stat(storePath).then(() => true, () => false);
  for (const [p, what] of [...(fileExists ? [[storePath, 'the file'] as const] : []), [dir, 'its folder'] as const]) {
    try {
      await access(p, constants.W_OK);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      const reason = code === 'EROFS' ? 'is on a read-only file system' : 'is not writable';
      return `store ${storePath} cannot be written: ${what}${p === dir ? ` ${dir}` : ''} ${reason}; ` +
        `icx writes the store (and ${path.basename(storePath)}.wal beside it) on every run`;
    }
  }
  return null;
}
