// The icx VS Code client. It starts the bundled language server (server/main.js, built from
// lsp/main.ts) over stdio and adds four commands. It imports no project code: the CLI needs
// DuckDB (a native module esbuild cannot bundle), so the commands that rate or compile run the
// workspace's own `npx icx`.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { runIcx } from './run-icx.js';
import { GIT_HEAD_SCHEME, GitHeadContentProvider, headUri } from './git-head.js';

/** The server's executeCommand that re-checks every agreement of the workspace, if it offers one.
 *  Not `icx.checkWorkspace`: the client registers the server's commands as VS Code commands, and
 *  the two ids would collide. */
const SERVER_CHECK_COMMAND = 'icx.server.checkWorkspace';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('icx');
  context.subscriptions.push(output);
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(GIT_HEAD_SCHEME, new GitHeadContentProvider()),
    vscode.commands.registerCommand('icx.checkWorkspace', checkWorkspace),
    vscode.commands.registerCommand('icx.runTests', runTests),
    vscode.commands.registerCommand('icx.runTest', runTest),
    vscode.commands.registerCommand('icx.showPlan', showPlan),
    vscode.commands.registerCommand('icx.diffAgainstHead', diffAgainstHead),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('icx.server.path')) {
        const choice = await vscode.window.showInformationMessage('icx: the language server path changed.', 'Restart server');
        if (choice === 'Restart server') await restartClient(context);
      }
    }),
  );
  await startClient(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function serverModule(context: vscode.ExtensionContext): string {
  const configured = vscode.workspace.getConfiguration('icx').get<string>('server.path', '').trim();
  if (configured === '') return context.asAbsolutePath(path.join('server', 'main.js'));
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  return path.isAbsolute(configured) || folder === undefined ? configured : path.join(folder, configured);
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const module = serverModule(context);
  // `module` + stdio: the client forks VS Code's own node on the script and appends `--stdio`.
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const config = vscode.workspace.getConfiguration('icx');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'icx' },
      { scheme: 'untitled', language: 'icx' },
    ],
    // Decks and FX tables are CSV files an agreement reads: their changes re-check the agreements.
    synchronize: {
      configurationSection: 'icx',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.icx'),
        vscode.workspace.createFileSystemWatcher('**/*.csv'),
      ],
    },
    initializationOptions: { debounceMs: config.get<number>('check.debounceMs', 300) },
    outputChannelName: 'icx Language Server',
  };
  // The id `icx` makes the client read `icx.trace.server` by itself.
  client = new LanguageClient('icx', 'icx Language Server', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (e) {
    void vscode.window.showErrorMessage(`icx: the language server did not start (${module}): ${String(e)}`);
  }
}

async function restartClient(context: vscode.ExtensionContext): Promise<void> {
  await client?.stop();
  await startClient(context);
}

function workspaceFolderFor(uri: vscode.Uri | undefined): vscode.WorkspaceFolder | undefined {
  return (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
}

/** Asks the server to check every agreement if it offers that command; otherwise opens every
 *  `.icx` file of the workspace (in the background), which makes the server publish its diagnostics. */
async function checkWorkspace(): Promise<void> {
  const offered = client?.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
  if (client !== undefined && offered.includes(SERVER_CHECK_COMMAND)) {
    await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_CHECK_COMMAND, arguments: [] });
  } else {
    const files = await vscode.workspace.findFiles('**/*.icx', '**/node_modules/**');
    await Promise.all(files.map((f) => vscode.workspace.openTextDocument(f)));
  }
  await vscode.commands.executeCommand('workbench.actions.view.problems');
}

/** The code lens above a `test` block: the server runs the file's tests (`icx test --json`) and
 *  refreshes the lenses to ✓ / ✗; it shows its own message when it cannot run the CLI. */
async function runTest(uri?: string, title?: string): Promise<void> {
  if (client === undefined || typeof uri !== 'string') return;
  try {
    await client.sendRequest(ExecuteCommandRequest.type, { command: 'icx.server.runTest', arguments: [uri, title] });
  } catch (e) {
    void vscode.window.showErrorMessage(`icx: running the test failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** `npx icx test .` in a terminal: the CLI (DuckDB) is the workspace's, not the extension's. */
async function runTests(): Promise<void> {
  const folder = workspaceFolderFor(vscode.window.activeTextEditor?.document.uri);
  if (folder === undefined) {
    void vscode.window.showErrorMessage('icx: open a folder to run its agreement tests.');
    return;
  }
  const terminal = vscode.window.createTerminal({ name: 'icx test', cwd: folder.uri.fsPath });
  terminal.show();
  terminal.sendText('npx icx test .');
}

function activeIcxDocument(): vscode.TextDocument | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc === undefined || doc.languageId !== 'icx' || doc.uri.scheme !== 'file') {
    void vscode.window.showErrorMessage('icx: open a saved .icx file first.');
    return undefined;
  }
  return doc;
}

/** `npx icx compile <file> --json`, opened as an untitled JSON document. */
async function showPlan(): Promise<void> {
  const doc = activeIcxDocument();
  if (doc === undefined) return;
  if (doc.isDirty) await doc.save();
  const cwd = workspaceFolderFor(doc.uri)?.uri.fsPath ?? path.dirname(doc.uri.fsPath);
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'icx: compiling the plan…' },
    () => runIcx(['compile', doc.uri.fsPath, '--json'], cwd),
  );
  if (result.code !== 0 || result.stdout.trim() === '') {
    output.appendLine(`$ npx icx compile ${doc.uri.fsPath} --json  (exit ${result.code})`);
    output.append(result.stderr || result.stdout);
    output.show(true);
    void vscode.window.showErrorMessage(`icx compile failed (exit ${result.code}); see the icx output.`);
    return;
  }
  const plan = await vscode.workspace.openTextDocument({ language: 'json', content: result.stdout });
  await vscode.window.showTextDocument(plan, { preview: false, viewColumn: vscode.ViewColumn.Beside });
}

/** VS Code's diff of the file at git HEAD (left) against the editor (right). */
async function diffAgainstHead(uri?: vscode.Uri): Promise<void> {
  const target = uri ?? activeIcxDocument()?.uri;
  if (target === undefined) return;
  const title = `${path.basename(target.fsPath)} (HEAD) ↔ working tree`;
  await vscode.commands.executeCommand('vscode.diff', headUri(target), target, title);
}
