// The server's view of one workspace folder: which .icx files it holds (found on disk by the
// same rules as the CLI, plus open documents), the latest text of each (an open document wins
// over the disk), and a CompileHost reading decks and FX tables from open documents or disk
// inside the root. No LSP types here: the server maps file:// URIs to these root-relative uris.
import { lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { compile, type CompileHost, type CompileResult } from '../compiler/index.js';
import { parseIncrementally } from './features/ast-cache.js';
import type { SourceText } from './features/context.js';

export interface OpenDocument {
  text: string;
  version: number;
}

const SKIP_DIRS = new Set(['node_modules']);

export class Workspace {
  /** open documents of this folder, by compiler uri */
  readonly open = new Map<string, OpenDocument>();
  private icxOnDisk: string[] | undefined;
  /** disk texts read since the last invalidation (undefined = missing or refused) */
  private readonly diskCache = new Map<string, string | undefined>();
  private realRoot: string | undefined;
  /** whether disk reads may be cached (only when the client tells us about file changes) */
  cacheDisk = false;
  /** false for a folder made for a document outside every workspace folder: only open documents count */
  scanDisk = true;

  constructor(readonly root: string) {}

  /** The compiler uri of an absolute path, or undefined when it is outside the root. */
  uriOf(abs: string): string | undefined {
    const rel = path.relative(this.root, abs);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return rel.split(path.sep).join('/');
  }

  absOf(uri: string): string {
    return path.join(this.root, ...uri.split('/'));
  }

  /** Forget what was read from disk (a watched file changed, or the client cannot tell us). */
  invalidate(rescan: boolean): void {
    this.diskCache.clear();
    if (rescan) this.icxOnDisk = undefined;
  }

  /** Every .icx of the workspace, latest text, in the CLI's order (sorted paths). */
  files(): SourceText[] {
    this.icxOnDisk ??= this.scanDisk ? this.scan() : [];
    const uris = new Set(this.icxOnDisk);
    for (const uri of this.open.keys()) if (uri.endsWith('.icx')) uris.add(uri);
    const out: SourceText[] = [];
    for (const uri of [...uris].sort(byPath)) {
      const text = this.text(uri);
      if (text !== undefined) out.push({ uri, text });
    }
    return out;
  }

  /** The latest text of a file of the workspace: the open document, else the disk. */
  text(uri: string): string | undefined {
    const doc = this.open.get(uri);
    if (doc) return doc.text;
    if (this.cacheDisk && this.diskCache.has(uri)) return this.diskCache.get(uri);
    const text = this.readDisk(uri);
    if (this.cacheDisk) this.diskCache.set(uri, text);
    return text;
  }

  readonly host: CompileHost = { readFile: (uri) => this.text(uri) };

  /** Diagnostics of every file (no plans: the server reads none), each file re-parsed from its
   *  last parse where language/incremental.ts can, and from scratch otherwise. */
  compile(): { files: SourceText[]; result: CompileResult } {
    const files = this.files();
    return { files, result: compile(files, this.host, { parse: parseIncrementally, diagnosticsOnly: true }) };
  }

  /** Reads under the root; a symbolic link leading out of it reads as missing (as the CLI). */
  private readDisk(uri: string): string | undefined {
    try {
      this.realRoot ??= realpathSync(this.root);
      const real = realpathSync(this.absOf(uri));
      const inside = real === this.realRoot || real.startsWith(this.realRoot.endsWith(path.sep) ? this.realRoot : this.realRoot + path.sep);
      return inside ? readFileSync(real, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  }

  /** runtime/cli/files.ts's walk, without its errors: a bad link is skipped, not fatal. */
  private scan(): string[] {
    const out: string[] = [];
    let realRoot: string;
    try {
      realRoot = realpathSync(this.root);
    } catch {
      return out;
    }
    const walk = (dir: string): void => {
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (e.name.startsWith('.')) continue;
        const full = path.join(dir, e.name);
        let isDir = e.isDirectory();
        let isFile = e.isFile();
        if (e.isSymbolicLink()) {
          try {
            const target = realpathSync(full);
            if (target !== realRoot && !target.startsWith(realRoot + path.sep)) continue;
            const st = lstatSync(target);
            if (st.isDirectory()) continue; // walked through its real path
            isDir = false;
            isFile = st.isFile();
          } catch {
            continue;
          }
        }
        if (isDir && !SKIP_DIRS.has(e.name)) walk(full);
        else if (isFile && e.name.endsWith('.icx')) {
          const uri = this.uriOf(full);
          if (uri !== undefined) out.push(uri);
        }
      }
    };
    walk(this.root);
    return out;
  }
}

/** The CLI sorts absolute paths as strings; under one root that is the order of the uris with the OS separator. */
function byPath(a: string, b: string): number {
  const x = a.split('/').join(path.sep);
  const y = b.split('/').join(path.sep);
  return x < y ? -1 : x > y ? 1 : 0;
}
