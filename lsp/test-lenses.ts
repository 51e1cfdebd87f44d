// Code lenses above test blocks, and the server command that runs them: `icx.server.runTest`
// runs the CLI as a subprocess (lsp/test-runner.ts; the server never imports runtime/ or DuckDB)
// and keeps each outcome with the file text it ran on, so an edited file offers to run again
// instead of showing an outdated ✓.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeLens, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { codeLens, RUN_TEST_SERVER_COMMAND, type TestOutcome } from './features/code-lens.js';
import type { FeatureContext } from './features/context.js';
import { runFileTests } from './test-runner.js';

export interface TestLensEnv {
  /** the server's handler wrapper: an exception is logged and the fallback returned */
  safe<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R): (...args: A) => R;
  requestContext(lspUri: string): FeatureContext | undefined;
  documents: TextDocuments<TextDocument>;
  /** whether the client refreshes code lenses on request (known after initialize) */
  lensRefresh(): boolean;
  /** the workspace root of a file:// uri, when it is in one */
  rootOf(lspUri: string): string | undefined;
}

export function registerTestLenses(connection: Connection, env: TestLensEnv): void {
  const { safe, requestContext, documents } = env;
  /** last `icx test` outcome per file:// uri and test title, with the file text it ran on */
  const testOutcomes = new Map<string, { text: string; results: Map<string, TestOutcome> }>();
  connection.onCodeLens(
    safe('codeLens', [] as CodeLens[], (p) => {
      const ctx = requestContext(p.textDocument.uri);
      if (!ctx) return [];
      const ran = testOutcomes.get(p.textDocument.uri);
      const outcomes = ran?.text === ctx.text ? ran.results : undefined;
      return codeLens(ctx, (title) => outcomes?.get(title), p.textDocument.uri).map((l): CodeLens => ({
        range: { start: ctx.positions.positionAt(l.offset), end: ctx.positions.positionAt(l.end) },
        command: { title: l.title, command: l.command, arguments: l.args },
      }));
    }),
  );
  /** window/showMessage is a notification: nothing to await, nothing to reject (1 error, 2 warning) */
  const showMessage = (type: 1 | 2, message: string) => {
    try {
      void connection.sendNotification('window/showMessage', { type, message });
    } catch {
      /* the connection may be gone */
    }
  };
  connection.onExecuteCommand(
    safe('executeCommand', Promise.resolve(null as unknown), async (p) => {
      if (p.command !== RUN_TEST_SERVER_COMMAND) return null;
      const [uri, title] = (p.arguments ?? []) as unknown[];
      if (typeof uri !== 'string' || !uri.startsWith('file:')) return { error: 'icx.server.runTest needs a file:// uri' };
      const file = fileURLToPath(uri);
      // the CLI reads the file on disk: an unsaved editor text is not what it tests
      let disk: string | undefined;
      try {
        disk = readFileSync(file, 'utf8');
      } catch {
        disk = undefined;
      }
      const open = documents.get(uri)?.getText();
      if (open !== undefined && disk !== undefined && open !== disk) showMessage(2, `icx test runs the saved ${path.basename(file)}: save it to test your changes`);
      let outcome: Awaited<ReturnType<typeof runFileTests>>;
      try {
        outcome = await runFileTests(file, env.rootOf(uri) ?? path.dirname(file));
      } catch (e) {
        outcome = { error: `icx test could not run: ${e instanceof Error ? e.message : String(e)}` };
      }
      if ('error' in outcome) {
        showMessage(1, outcome.error);
        return { error: outcome.error };
      }
      if (disk !== undefined) testOutcomes.set(uri, { text: disk, results: outcome.results });
      if (env.lensRefresh()) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
      const mine = typeof title === 'string' ? outcome.results.get(title) : undefined;
      if (typeof title === 'string' && mine === undefined) showMessage(2, `icx test did not report a test named "${title}" in ${path.basename(file)}`);
      return { title: typeof title === 'string' ? title : null, outcome: mine ?? null, results: Object.fromEntries(outcome.results) };
    }),
  );
}
