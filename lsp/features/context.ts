// What every language feature receives: pure data, no connection, no I/O. The server (lsp/server.ts)
// builds it from its documents; tests build it from snippets. Uris here are the compiler's (relative
// to the workspace root, `/`-separated); the server maps them to and from LSP `file://` URIs.
import type { CompileHost, CompileResult } from '../../compiler/index.js';
import type { DocumentPositions } from '../positions.js';

export interface SourceText {
  uri: string;
  text: string;
}

export interface FeatureContext {
  /** the document the request is about */
  uri: string;
  text: string;
  positions: DocumentPositions;
  /** every .icx file of the workspace, latest text (an open document wins over the disk) */
  files: readonly SourceText[];
  /** the last compile of the whole workspace (it may be of a slightly older version while typing) */
  compiled: CompileResult;
  /** reads referenced files (decks, FX tables) inside the workspace root */
  host: CompileHost;
}

/** A place in a file of the workspace, by compiler uri and offsets (end exclusive). */
export interface Place {
  uri: string;
  start: number;
  end: number;
}
