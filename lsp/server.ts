// The language server: LSP requests and notifications → workspace model → language/ and
// compiler/. Everything LSP-specific (file:// URIs, versions, debouncing, publishing) is here;
// the features (lsp/features/*) are pure functions of texts and compile results.
//
// A change (typing, a file created or changed on disk) marks its workspace dirty; a compile
// of the whole workspace runs after DEBOUNCE_MS of quiet, then diagnostics are published for
// every file that has some (agreements, decks, FX tables) and cleared for files that became
// clean. A result computed from versions that are no longer the latest is dropped.
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import {
  CodeActionKind, DidChangeWatchedFilesNotification, FileChangeType, LSPErrorCodes, ResponseError, TextDocumentSyncKind, TextDocuments,
  type Connection, type InitializeParams, type InitializeResult, type Location, type TextEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompileResult } from '../compiler/index.js';
import { RUN_TEST_SERVER_COMMAND } from './features/code-lens.js';
import { completion } from './features/completion.js';
import type { FeatureContext, Place, SourceText } from './features/context.js';
import { diagnosticsByUri } from './features/diagnostics.js';
import { foldingRanges } from './features/folding.js';
import { formatDocument, formatRange } from './features/formatting.js';
import { hover } from './features/hover.js';
import { definition, references } from './features/navigation.js';
import { prepareRename, rename } from './features/rename.js';
import { LEGEND, semanticTokens } from './features/semantic-tokens.js';
import { documentSymbols, workspaceSymbols } from './features/symbols.js';
import { DocumentPositions } from './positions.js';
import { registerTestLenses } from './test-lenses.js';
import { registerAssists } from './assists.js';
import { Workspace } from './workspace.js';

export const DEBOUNCE_MS = 150;

export interface ServerOptions {
  debounceMs?: number;
}

interface WorkspaceState {
  ws: Workspace;
  dirty: boolean;
  last?: { files: SourceText[]; result: CompileResult; versions: Map<string, number>; ms: number };
  /** compiler uris that have diagnostics on the client now */
  published: Set<string>;
}

export interface ServerHandle {
  /** compiles every dirty workspace now and publishes (tests; the timer calls it too) */
  flush(): void;
  /** milliseconds of the last compile of each workspace root */
  compileTimes(): Map<string, number>;
}

export function startServer(connection: Connection, options: ServerOptions = {}): ServerHandle {
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  const documents = new TextDocuments(TextDocument);
  const states: WorkspaceState[] = [];
  /** workspaces made for documents outside every folder: only their open documents count */
  const loose = new Map<string, WorkspaceState>();
  let timer: NodeJS.Timeout | undefined;
  let watchesFiles = false;
  let lensRefresh = false;

  const log = (msg: string) => {
    try {
      connection.console.error(msg);
    } catch {
      /* the connection may be gone */
    }
  };

  /** Runs a handler; an exception is logged and the fallback returned: never a crashed server. */
  function safe<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R): (...args: A) => R {
    return (...args: A) => {
      try {
        return fn(...args);
      } catch (e) {
        log(`icx lsp: ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return fallback;
      }
    };
  }

  function addFolder(root: string): void {
    if (states.some((s) => s.ws.root === root)) return;
    const ws = new Workspace(root);
    ws.cacheDisk = watchesFiles;
    states.push({ ws, dirty: true, published: new Set() });
  }

  /** The workspace a file:// URI belongs to (the innermost folder), and its compiler uri. */
  function locate(lspUri: string, create: boolean): { state: WorkspaceState; uri: string } | undefined {
    let abs: string;
    try {
      if (!lspUri.startsWith('file:')) return undefined;
      abs = fileURLToPath(lspUri);
    } catch {
      return undefined;
    }
    let best: { state: WorkspaceState; uri: string } | undefined;
    for (const state of states) {
      const uri = state.ws.uriOf(abs);
      if (uri !== undefined && (!best || state.ws.root.length > best.state.ws.root.length)) best = { state, uri };
    }
    if (best) return best;
    const dir = path.dirname(abs);
    let state = loose.get(dir);
    if (!state && create) {
      const ws = new Workspace(dir);
      ws.scanDisk = false;
      ws.cacheDisk = watchesFiles;
      state = { ws, dirty: true, published: new Set() };
      loose.set(dir, state);
    }
    return state ? { state, uri: state.ws.uriOf(abs)! } : undefined;
  }

  const lspUriOf = (ws: Workspace, uri: string) => pathToFileURL(ws.absOf(uri)).href;

  function schedule(state: WorkspaceState): void {
    state.dirty = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(safe('compile', undefined, flush), debounceMs);
  }

  function compileState(state: WorkspaceState): NonNullable<WorkspaceState['last']> {
    const versions = new Map<string, number>();
    for (const [uri, doc] of state.ws.open) versions.set(uri, doc.version);
    const t0 = performance.now();
    const { files, result } = state.ws.compile();
    state.last = { files, result, versions, ms: performance.now() - t0 };
    state.dirty = false;
    return state.last;
  }

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    for (const state of [...states, ...loose.values()]) {
      if (!state.dirty) continue;
      const last = compileState(state);
      publish(state, last);
    }
  }

  function isStale(state: WorkspaceState, versions: Map<string, number>): boolean {
    for (const [uri, doc] of state.ws.open) if (versions.get(uri) !== doc.version) return true;
    for (const uri of versions.keys()) if (!state.ws.open.has(uri)) return true;
    return false;
  }

  function publish(state: WorkspaceState, last: NonNullable<WorkspaceState['last']>): void {
    // computed from texts that have changed since: the compile already scheduled will publish
    if (isStale(state, last.versions)) return;
    const groups = diagnosticsByUri(last.result.diagnostics);
    const unplaced = groups.get('');
    if (unplaced) for (const d of unplaced) log(`icx: ${d.code}: ${d.message}`);
    groups.delete('');
    const now = new Set(groups.keys());
    for (const uri of state.published) if (!now.has(uri)) groups.set(uri, []);
    for (const [uri, diagnostics] of groups) {
      const version = state.ws.open.get(uri)?.version;
      void connection.sendDiagnostics({ uri: lspUriOf(state.ws, uri), diagnostics, ...(version !== undefined ? { version } : {}) });
    }
    state.published = now;
  }

  function context(lspUri: string): FeatureContext | undefined {
    const at = locate(lspUri, false);
    const doc = documents.get(lspUri);
    if (!at) return undefined;
    const text = doc?.getText() ?? at.state.ws.text(at.uri);
    if (text === undefined) return undefined;
    const last = at.state.last ?? compileState(at.state);
    return { uri: at.uri, text, positions: new DocumentPositions(text), files: last.files, compiled: last.result, host: at.state.ws.host };
  }

  /** Places → LSP locations, converting offsets with the text of each place's own file. */
  function toLocations(ctx: FeatureContext, places: readonly Place[]): Location[] {
    const at = locate(lspUriFor(ctx), false);
    if (!at) return [];
    const positions = new Map<string, DocumentPositions | undefined>([[ctx.uri, ctx.positions]]);
    const out: Location[] = [];
    for (const p of places) {
      if (!positions.has(p.uri)) {
        const text = at.state.ws.text(p.uri);
        positions.set(p.uri, text === undefined ? undefined : new DocumentPositions(text));
      }
      const pos = positions.get(p.uri);
      if (pos) out.push({ uri: lspUriOf(at.state.ws, p.uri), range: pos.rangeOf(p.start, p.end) });
    }
    return out;
  }
  /** Edits at places → a WorkspaceEdit's `changes`, by LSP uri. */
  function editsByUri(ctx: FeatureContext, edits: readonly { place: Place; newText: string }[]): Record<string, TextEdit[]> {
    const changes: Record<string, TextEdit[]> = {};
    for (const e of edits) {
      const [loc] = toLocations(ctx, [e.place]);
      if (loc) (changes[loc.uri] ??= []).push({ range: loc.range, newText: e.newText });
    }
    return changes;
  }
  const ctxUris = new WeakMap<FeatureContext, string>();
  const lspUriFor = (ctx: FeatureContext) => ctxUris.get(ctx)!;
  function requestContext(lspUri: string): FeatureContext | undefined {
    const ctx = context(lspUri);
    if (ctx) ctxUris.set(ctx, lspUri);
    return ctx;
  }

  connection.onInitialize(
    safe('initialize', { capabilities: {} } as InitializeResult, (params: InitializeParams): InitializeResult => {
      watchesFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
      lensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
      const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : params.rootPath ? [pathToFileURL(params.rootPath).href] : []);
      for (const f of folders) {
        try {
          if (f.startsWith('file:')) addFolder(fileURLToPath(f));
        } catch (e) {
          log(`icx lsp: ignoring workspace folder ${f}: ${String(e)}`);
        }
      }
      return {
        capabilities: {
          textDocumentSync: TextDocumentSyncKind.Incremental,
          documentFormattingProvider: true,
          documentRangeFormattingProvider: true,
          documentSymbolProvider: true,
          workspaceSymbolProvider: true,
          foldingRangeProvider: true,
          semanticTokensProvider: { legend: LEGEND, full: true },
          completionProvider: { triggerCharacters: [' ', '/'] },
          hoverProvider: true,
          definitionProvider: true,
          referencesProvider: true,
          renameProvider: { prepareProvider: true },
          codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
          inlayHintProvider: true,
          codeLensProvider: { resolveProvider: false },
          executeCommandProvider: { commands: [RUN_TEST_SERVER_COMMAND] },
          workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        },
        serverInfo: { name: 'icx', version: '0.1.0' },
      };
    }),
  );

  connection.onInitialized(
    safe('initialized', undefined, () => {
      if (watchesFiles) {
        // decks and FX tables may have any extension: watch everything, recompile on any change
        void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] }).catch((e: unknown) => log(`icx lsp: cannot watch files: ${String(e)}`));
      }
      if (states.length > 0) schedule(states[0]!);
    }),
  );

  connection.onNotification('workspace/didChangeWorkspaceFolders', safe('workspaceFolders', undefined, (p: { event: { added: { uri: string }[]; removed: { uri: string }[] } }) => {
    for (const f of p.event.removed) {
      const i = states.findIndex((s) => f.uri.startsWith('file:') && s.ws.root === fileURLToPath(f.uri));
      if (i < 0) continue;
      const [gone] = states.splice(i, 1);
      for (const uri of gone!.published) void connection.sendDiagnostics({ uri: lspUriOf(gone!.ws, uri), diagnostics: [] });
    }
    for (const f of p.event.added) if (f.uri.startsWith('file:')) addFolder(fileURLToPath(f.uri));
    for (const s of states) schedule(s);
  }));

  const onText = safe('didChange', undefined, (doc: TextDocument) => {
    const at = locate(doc.uri, true);
    if (!at) return;
    at.state.ws.open.set(at.uri, { text: doc.getText(), version: doc.version });
    schedule(at.state);
  });
  documents.onDidOpen((e) => onText(e.document));
  documents.onDidChangeContent((e) => onText(e.document));
  documents.onDidClose(
    safe('didClose', undefined, (e: { document: TextDocument }) => {
      const at = locate(e.document.uri, false);
      if (!at) return;
      at.state.ws.open.delete(at.uri);
      at.state.ws.invalidate(false);
      schedule(at.state);
    }),
  );

  connection.onDidChangeWatchedFiles(
    safe('didChangeWatchedFiles', undefined, (p: { changes: { uri: string; type: FileChangeType }[] }) => {
      for (const c of p.changes) {
        let abs: string;
        try {
          abs = fileURLToPath(c.uri);
        } catch {
          continue;
        }
        for (const state of [...states, ...loose.values()]) {
          if (state.ws.uriOf(abs) === undefined) continue;
          state.ws.invalidate(c.type !== FileChangeType.Changed || abs.endsWith('.icx'));
          schedule(state);
        }
      }
    }),
  );

  connection.onDocumentFormatting(
    safe('formatting', [] as TextEdit[], (p) => {
      const ctx = requestContext(p.textDocument.uri);
      return ctx ? formatDocument(ctx.text, ctx.uri, ctx.positions) : [];
    }),
  );
  connection.onDocumentRangeFormatting(
    safe('rangeFormatting', [] as TextEdit[], (p) => {
      const ctx = requestContext(p.textDocument.uri);
      return ctx ? formatRange(ctx.text, ctx.uri, ctx.positions, p.range) : [];
    }),
  );
  connection.onDocumentSymbol(
    safe('documentSymbol', [], (p) => {
      const ctx = requestContext(p.textDocument.uri);
      return ctx && ctx.uri.endsWith('.icx') ? documentSymbols(ctx.text, ctx.uri) : [];
    }),
  );
  connection.onWorkspaceSymbol(
    safe('workspaceSymbol', [], (p) =>
      [...states, ...loose.values()].flatMap((state) => {
        const last = state.last ?? compileState(state);
        return workspaceSymbols(last.files, p.query, (uri) => lspUriOf(state.ws, uri));
      }),
    ),
  );
  connection.onFoldingRanges(
    safe('foldingRange', [], (p) => {
      const ctx = requestContext(p.textDocument.uri);
      return ctx && ctx.uri.endsWith('.icx') ? foldingRanges(ctx.text, ctx.uri) : [];
    }),
  );
  connection.languages.semanticTokens.on(
    safe('semanticTokens', { data: [] }, (p) => {
      const ctx = requestContext(p.textDocument.uri);
      return ctx && ctx.uri.endsWith('.icx') ? semanticTokens(ctx.text, ctx.uri) : { data: [] };
    }),
  );

  // ---- the features of lsp/features/{completion,hover,navigation,rename}.ts
  const offsetOf = (ctx: FeatureContext, p: { line: number; character: number }) => ctx.positions.offsetAt(p);
  connection.onCompletion(
    safe('completion', [], (p) => {
      const ctx = requestContext(p.textDocument.uri);
      return ctx ? completion(ctx, offsetOf(ctx, p.position)) : [];
    }),
  );
  connection.onHover(
    safe('hover', null, (p) => {
      const ctx = requestContext(p.textDocument.uri);
      return ctx ? hover(ctx, offsetOf(ctx, p.position)) : null;
    }),
  );
  connection.onDefinition(
    safe('definition', [] as Location[], (p) => {
      const ctx = requestContext(p.textDocument.uri);
      return ctx ? toLocations(ctx, definition(ctx, offsetOf(ctx, p.position))) : [];
    }),
  );
  connection.onReferences(
    safe('references', [] as Location[], (p) => {
      const ctx = requestContext(p.textDocument.uri);
      return ctx ? toLocations(ctx, references(ctx, offsetOf(ctx, p.position), p.context.includeDeclaration)) : [];
    }),
  );
  connection.onPrepareRename(
    safe('prepareRename', null, (p) => {
      const ctx = requestContext(p.textDocument.uri);
      const place = ctx ? prepareRename(ctx, offsetOf(ctx, p.position)) : null;
      return ctx && place ? (toLocations(ctx, [place])[0]?.range ?? null) : null;
    }),
  );
  connection.onRenameRequest(
    safe('rename', null, (p) => {
      const ctx = requestContext(p.textDocument.uri);
      if (!ctx) return null;
      const result = rename(ctx, offsetOf(ctx, p.position), p.newName);
      // a refused rename is an answer for the user, not a server failure
      if ('error' in result) return new ResponseError(LSPErrorCodes.RequestFailed, result.error);
      return { changes: editsByUri(ctx, result.edits) };
    }),
  );

  // quick fixes and inlay hints (lsp/assists.ts)
  registerAssists(connection, { safe, requestContext, editsByUri });

  // code lenses above test blocks, and `icx.server.runTest` that runs the CLI for them
  registerTestLenses(connection, {
    safe, requestContext, documents, lensRefresh: () => lensRefresh,
    rootOf: (uri) => locate(uri, false)?.state.ws.root,
  });

  documents.listen(connection);
  return {
    flush,
    compileTimes: () => new Map([...states, ...loose.values()].flatMap((s) => (s.last ? [[s.ws.root, s.last.ms] as const] : []))),
  };
}
