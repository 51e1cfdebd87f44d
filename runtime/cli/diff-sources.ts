// The two sides of `icx diff`: agreement files read from the disk (files or directories) or
// from a git revision (`git ls-tree` / `git show REV:path`, through execFile with arguments
// as an array: no shell, no checkout). Each side gets a compile host over the same version,
// so the decks and FX tables an agreement refers to are read at that revision too.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CompileHost, SourceFile } from '../../compiler/index.js';
import { loadSources } from './agreements.js';
import type { SourceLookup } from './diagnostics.js';
import { UsageError } from './errors.js';

export interface LoadedSide {
  /** how the side is named in messages and headings: the path, the revision, or `working tree` */
  label: string;
  files: SourceFile[];
  host: CompileHost;
  lookup: SourceLookup;
}

export async function diskSide(paths: string[], label: string): Promise<LoadedSide> {
  const src = await loadSources(paths);
  return { label, files: src.files.map((f) => ({ uri: f.uri, text: f.text })), host: src.host, lookup: src.lookup };
}

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    return undefined;
  }
}

export function gitTopLevel(cwd: string = process.cwd()): string | undefined {
  return git(['rev-parse', '--show-toplevel'], cwd)?.trim();
}

/** Is `rev` a commit of the repository around the working directory? */
export function isRevision(rev: string): boolean {
  // `--end-of-options` keeps a revision that starts with `-` from being read as an option
  return !rev.startsWith('-') && git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], process.cwd()) !== undefined;
}

const posixRel = (from: string, to: string) => path.relative(from, to).split(path.sep).join('/');

/** The user's paths as `/`-separated paths from the top of the repository, with the folder each contributes as a root. */
export function repoPaths(top: string, paths: string[], revs: string[]): { rel: string; root: string }[] {
  return paths.map((p) => {
    const rel = posixRel(top, path.resolve(p));
    if (rel === '..' || rel.startsWith('../') || path.isAbsolute(rel)) throw new UsageError(`${p}: outside the git repository ${top}`);
    const abs = path.resolve(p);
    const isDir = existsSync(abs)
      ? statSync(abs).isDirectory()
      : revs.some((r) => git(['cat-file', '-t', `${r}:${rel || '.'}`], top)?.trim() === 'tree');
    return { rel, root: isDir ? rel : path.posix.dirname(rel) === '.' ? '' : path.posix.dirname(rel) };
  });
}

/** The common folder of roots, as collectIcxFiles computes it for files on the disk. */
function commonRoot(roots: string[]): string {
  let common = roots[0]!.split('/').filter(Boolean);
  for (const r of roots.slice(1)) {
    const parts = r.split('/').filter(Boolean);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join('/');
}

/** The agreement files of `paths` at revision `rev`; uris are relative to the same root as on the disk. */
export function gitSide(rev: string, paths: string[], revs: string[]): LoadedSide {
  const top = gitTopLevel();
  if (top === undefined) throw new UsageError('not inside a git repository (a revision range needs one)');
  if (!isRevision(rev)) throw new UsageError(`${rev}: not a git revision`);
  const wanted = repoPaths(top, paths, revs);
  const root = commonRoot(wanted.map((w) => w.root));
  const found = new Set<string>();
  for (const w of wanted) {
    const out = git(['ls-tree', '-r', '--name-only', '-z', '--end-of-options', rev, '--', w.rel || '.'], top) ?? '';
    for (const f of out.split('\0')) {
      if (!f.endsWith('.icx')) continue;
      const below = root === '' ? f : f.slice(root.length + 1);
      // as on the disk: hidden files and folders, and node_modules, are not agreements
      if (below.split('/').some((seg) => seg.startsWith('.') || seg === 'node_modules')) continue;
      found.add(f);
    }
  }
  const repoPath = (uri: string) => (root === '' ? uri : `${root}/${uri}`);
  const cache = new Map<string, string | undefined>();
  const read = (uri: string): string | undefined => {
    if (!cache.has(uri)) cache.set(uri, git(['show', '--end-of-options', `${rev}:${repoPath(uri)}`], top));
    return cache.get(uri);
  };
  const files: SourceFile[] = [];
  for (const f of [...found].sort()) {
    const uri = root === '' ? f : f.slice(root.length + 1);
    const text = read(uri);
    if (text === undefined) throw new UsageError(`${rev}:${f}: cannot read it from git`);
    files.push({ uri, text });
  }
  return {
    label: rev,
    files,
    host: { readFile: read },
    lookup: { display: (uri) => `${rev}:${repoPath(uri)}`, text: read },
  };
}
