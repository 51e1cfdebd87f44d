// An in-process LSP client for tests: the server runs on a pair of in-memory streams and is
// driven through real JSON-RPC (vscode-jsonrpc), as an editor would.
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { startServer, type ServerHandle } from '../../lsp/server.js';

export interface TestClient {
  rpc: MessageConnection;
  server: ServerHandle;
  published: PublishDiagnosticsParams[];
  /** resolves with the first publication (from now on, or already seen after `since`) matching */
  waitFor(pred: (p: PublishDiagnosticsParams) => boolean, since?: number, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  logs: string[];
  close(): void;
}

export async function startClient(rootUri: string, opts: { debounceMs?: number; watch?: boolean } = {}): Promise<TestClient> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const connection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  const server = startServer(connection, { debounceMs: opts.debounceMs ?? 20 });
  connection.listen();
  const rpc = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const published: PublishDiagnosticsParams[] = [];
  const logs: string[] = [];
  const waiters: { pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  rpc.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (const w of [...waiters]) if (w.pred(p)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(p);
    }
  });
  rpc.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  rpc.onRequest('client/registerCapability', () => null);
  rpc.listen();
  await rpc.sendRequest('initialize', {
    processId: null,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'ws' }],
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: opts.watch ?? true } } },
  });
  await rpc.sendNotification('initialized', {});
  return {
    rpc,
    server,
    published,
    logs,
    waitFor(pred, since = published.length, timeoutMs = 5000) {
      const seen = published.slice(since).find(pred);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no matching publishDiagnostics within ${timeoutMs} ms; got ${JSON.stringify(published.slice(since).map((p) => [p.uri, p.version, p.diagnostics.length]))}`)), timeoutMs);
        waiters.push({ pred, resolve: (p) => { clearTimeout(t); resolve(p); } });
      });
    },
    close() {
      rpc.dispose();
      connection.dispose();
      toServer.end();
      // toClient stays open: a publication the server is still writing lands in its buffer. Ending it
      // failed that write, and the library then logged the failure on the disposed connection,
      // which is an unhandled rejection (seen once in CI)
    },
  };
}
