// Starts the packaged extension in code-server and a headless Chromium on it (playwright-core).
// Everything comes from test/code-server/install.sh, which writes .cache/code-server/paths.json;
// playwright-core is loaded from there, not from the project's dependencies, so the few of its
// types this file uses are declared below. Debugging: ICX_KEEP_CODE_SERVER_TMP=1 keeps the temp
// folder (code-server's logs are in user-data/logs/), ICX_TRACE=1 logs the LSP traffic there and
// runs code-server with --log trace, ICX_CODE_SERVER_LOG=1 prints code-server's output at the end.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');
export const artifacts = join(root, 'test', 'code-server', 'artifacts');
const cache = process.env.ICX_CODE_SERVER_CACHE ?? join(root, '.cache', 'code-server');

export interface Tools {
  node: string;
  codeServer: string;
  playwrightCore: string;
  chromium: string;
}

/** The installed tools, or why the test cannot run (for its skip message). */
export function findTools(): { tools: Tools } | { missing: string } {
  if (!process.env.ICX_VSIX && !existsSync(join(root, 'vscode-extension', 'node_modules', '@vscode', 'vsce'))) {
    return { missing: 'vscode-extension/node_modules is not installed (npm install --prefix vscode-extension), so the .vsix cannot be built' };
  }
  const file = join(cache, 'paths.json');
  if (!existsSync(file)) return { missing: `${file} does not exist (run bash test/code-server/install.sh)` };
  const tools = JSON.parse(readFileSync(file, 'utf8')) as Tools;
  for (const [what, path] of Object.entries(tools)) {
    if (typeof path === 'string' && !existsSync(path)) return { missing: `${what} (${path}) is not installed (run bash test/code-server/install.sh)` };
  }
  return { tools };
}

// --- the part of playwright-core's API used here ------------------------------------------
export interface Box { x: number; y: number; width: number; height: number }
export interface Locator {
  first(): Locator;
  last(): Locator;
  nth(i: number): Locator;
  filter(o: { hasText: string | RegExp }): Locator;
  locator(selector: string): Locator;
  count(): Promise<number>;
  click(o?: { timeout?: number }): Promise<void>;
  hover(o?: { timeout?: number }): Promise<void>;
  waitFor(o?: { state?: 'attached' | 'visible' | 'hidden' | 'detached'; timeout?: number }): Promise<void>;
  boundingBox(): Promise<Box | null>;
  innerText(): Promise<string>;
  getAttribute(name: string): Promise<string | null>;
  allInnerTexts(): Promise<string[]>;
  scrollIntoViewIfNeeded(): Promise<void>;
}
export interface Page {
  goto(url: string, o?: { timeout?: number; waitUntil?: 'load' | 'domcontentloaded' }): Promise<unknown>;
  locator(selector: string): Locator;
  keyboard: { press(key: string): Promise<void>; type(text: string, o?: { delay?: number }): Promise<void> };
  mouse: { move(x: number, y: number, o?: { steps?: number }): Promise<void> };
  screenshot(o: { path: string; clip?: Box }): Promise<Buffer>;
  waitForTimeout(ms: number): Promise<void>;
  setDefaultTimeout(ms: number): void;
  on(event: 'console', fn: (m: { type(): string; text(): string }) => void): void;
}
interface Browser {
  newPage(o: { viewport: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}
interface Chromium {
  launch(o: { executablePath: string; headless: boolean; args: string[]; timeout?: number }): Promise<Browser>;
}

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

export interface Session {
  page: Page;
  /** the workspace folder: a copy of agreements/ with node_modules/icx → this repository */
  workspace: string;
  /** code-server's output so far (for failure messages) */
  log(): string;
  close(): Promise<void>;
}

const userSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'editor.minimap.enabled': false,
  'editor.hover.delay': 300,
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'files.autoSave': 'off',
  'git.enabled': false,
  ...(process.env.ICX_TRACE ? { 'icx.trace.server': 'messages' } : {}),
};

/**
 * Installs `vsix` into a fresh code-server (its own user data and extensions folders), starts it
 * on a free port with a scratch workspace, and opens it in headless Chromium.
 */
export async function startSession(tools: Tools, vsix: string): Promise<Session> {
  const tmp = mkdtempSync(join(tmpdir(), 'icx-code-server-'));
  const userData = join(tmp, 'user-data');
  const extensions = join(tmp, 'extensions');
  const workspace = join(tmp, 'agreements');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  // How a user's agreements repository looks: the agreements, and icx installed as a dependency.
  cpSync(join(root, 'agreements'), workspace, { recursive: true });
  mkdirSync(join(workspace, 'node_modules'));
  symlinkSync(root, join(workspace, 'node_modules', 'icx'), 'dir');

  const cs = (args: string[]) => [tools.codeServer, '--user-data-dir', userData, '--extensions-dir', extensions, ...args];
  const install = spawnSync(tools.node, cs(['--install-extension', vsix]), { encoding: 'utf8', timeout: 120_000 });
  if (install.status !== 0) throw new Error(`code-server --install-extension failed: ${install.stdout}${install.stderr}`);

  const port = await freePort();
  let output = '';
  const server: ChildProcess = spawn(
    tools.node,
    cs(['--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened', ...(process.env.ICX_TRACE ? ['--log', 'trace'] : []), '--bind-addr', `127.0.0.1:${port}`, workspace]),
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PATH: `${join(tools.node, '..')}:${process.env.PATH ?? ''}` } },
  );
  server.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  server.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  const stopServer = () => {
    if (server.exitCode === null) server.kill('SIGTERM');
  };
  let browser: Browser | undefined;
  try {
    await waitFor(() => output.includes('HTTP server listening'), 60_000, () => `code-server did not start:\n${output}`);
    const { chromium } = createRequire(import.meta.url)(tools.playwrightCore) as { chromium: Chromium };
    // Without the background-networking flags Chromium tries the network (closed here) and stalls.
    // playwright gives each launch a fresh profile of its own (a temp user-data-dir).
    browser = await chromium.launch({
      executablePath: tools.chromium,
      headless: true,
      timeout: 60_000,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(60_000);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`, { timeout: 90_000, waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    return {
      page,
      workspace,
      log: () => output,
      close: async () => {
        await browser!.close().catch(() => undefined);
        stopServer();
        if (!process.env.ICX_KEEP_CODE_SERVER_TMP) rmSync(tmp, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await browser?.close().catch(() => undefined);
    stopServer();
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

async function waitFor(ok: () => boolean, ms: number, why: () => string): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(why());
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Opens a workspace file through Quick Open (Ctrl+P), as a person would. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.locator('.monaco-workbench').click();
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await page.keyboard.type(name);
  await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tab.active`).filter({ hasText: name }).waitFor();
}

/** Puts the cursor at a 1-based line and column with Go to Line (Ctrl+G). */
export async function goTo(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** A screenshot of the whole window, or of `clip`, into artifacts/NAME.png; returns the path. */
export async function shot(page: Page, name: string, clip?: Box): Promise<string> {
  mkdirSync(artifacts, { recursive: true });
  const path = join(artifacts, `${name}.png`);
  await page.screenshot({ path, ...(clip ? { clip } : {}) });
  return path;
}
