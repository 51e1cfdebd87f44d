// Finding and reading agreement files. Directories are walked for *.icx; a symlink is only
// followed when it stays inside the directory it was found under, so a checked-out repo
// cannot make icx read (or fmt rewrite) files elsewhere on the machine.
import { access, constants, lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './errors.js';

export interface InputFile {
  /** absolute path */
  abs: string;
  /** path to print: relative to the working directory when inside it */
  display: string;
  /** the compiler's uri: relative to the common root of the given paths, `/`-separated */
  uri: string;
}

const SKIP_DIRS = new Set(['node_modules']);

export function displayPath(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

/** stat, with the path named as the user wrote it in the message. */
async function statOrUsage(abs: string, shown: string) {
  try {
    return await stat(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${shown}: no such file or directory`);
    if (code === 'EACCES') throw new UsageError(`${shown}: permission denied`);
    throw new UsageError(`${shown}: cannot read (${code ?? String(e)})`);
  }
}

/** Expands the given paths into agreement files, sorted, without duplicates. */
export async function collectIcxFiles(paths: readonly string[]): Promise<InputFile[]> {
  if (paths.length === 0) throw new UsageError('no agreement files given');
  const found: string[] = [];
  const roots: string[] = [];
  for (const p of paths) {
    const abs = path.resolve(p);
    const st = await statOrUsage(abs, p);
    if (st.isDirectory()) {
      roots.push(abs);
      const realRoot = await realpath(abs);
      await walk(abs, realRoot, found);
    } else if (st.isFile()) {
      roots.push(path.dirname(abs));
      found.push(abs);
    } else {
      throw new UsageError(`${p}: not a file or directory`);
    }
  }
  const unique = [...new Set(found)].sort();
  if (unique.length === 0) throw new UsageError(`no .icx files found in ${paths.join(', ')}`);
  const root = commonDir(roots);
  return unique.map((abs) => ({ abs, display: displayPath(abs), uri: path.relative(root, abs).split(path.sep).join('/') }));
}

async function walk(dir: string, realRoot: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      let target: string;
      try {
        target = await realpath(full);
      } catch {
        throw new UsageError(`${displayPath(full)}: broken symbolic link`);
      }
      if (target !== realRoot && !target.startsWith(realRoot + path.sep)) {
        throw new UsageError(`${displayPath(full)}: refusing a symbolic link that points outside ${displayPath(realRoot)}`);
      }
      const st = await lstat(target);
      isDir = st.isDirectory();
      isFile = st.isFile();
      // A link to a directory inside the root is already walked through its real path.
      if (isDir) continue;
    }
    if (isDir && !SKIP_DIRS.has(e.name)) await walk(full, realRoot, out);
    else if (isFile && e.name.endsWith('.icx')) out.push(full);
  }
}

function commonDir(dirs: readonly string[]): string {
  let common = dirs[0]!;
  for (const d of dirs.slice(1)) {
    while (common !== d && !d.startsWith(common.endsWith(path.sep) ? common : common + path.sep)) {
      const up = path.dirname(common);
      if (up === common) break;
      common = up;
    }
  }
  return common;
}

export async function readText(file: InputFile): Promise<string> {
  try {
    return await readFile(file.abs, 'utf8');
  } catch (e) {
    throw new UsageError(`${file.display}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/** Checks that a single input file (usage, agreement) exists and is a file. */
export async function requireFile(p: string, what: string): Promise<string> {
  const abs = path.resolve(p);
  const st = await statOrUsage(abs, `${what} ${p}`);
  if (!st.isFile()) throw new UsageError(`${what} ${p}: not a file`);
  return abs;
}

/**
 * Checks, before any work, that an output directory can be created or written: a typo in
 * --out should cost nothing, not fail after a long rating run.
 */
export async function requireWritableDir(dir: string, what: string, shown: string = dir): Promise<void> {
  let probe = path.resolve(dir);
  for (;;) {
    try {
      const st = await stat(probe);
      if (!st.isDirectory()) throw new UsageError(`${what} ${shown}: ${displayPath(probe)} is not a directory`);
      await access(probe, constants.W_OK).catch(() => {
        throw new UsageError(`${what} ${shown}: ${displayPath(probe)} is not writable`);
      });
      return;
    } catch (e) {
      if (e instanceof UsageError) throw e;
      const parent = path.dirname(probe);
      if (parent === probe) throw new UsageError(`${what} ${shown}: no existing parent directory`);
      probe = parent;
    }
  }
}
