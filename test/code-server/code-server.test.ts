// The packaged extension (.vsix) as a user gets it: installed into code-server (VS Code in the
// browser), driven by headless Chromium through playwright-core, on a scratch copy of
// agreements/ that has icx as a dependency (node_modules/icx → this repository). One session
// plays the steps in order, as a person would: a typed mistake, its squiggle and Problems entry;
// completion that fixes it; a hover; a test run from its code lens, passing, then failing.
// Screenshots of every step go to test/code-server/artifacts/ (gitignored); the README's images
// come from there. Needs `bash test/code-server/install.sh`; skipped (with the reason) without it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTools, goTo, openFile, root, shot, startSession, type Box, type Locator, type Page, type Session } from './harness.js';

const found = findTools();
const skip = 'missing' in found ? found.missing : undefined;
if (skip) console.warn(`skipping the code-server end-to-end test: ${skip}`);

const FILE = 'acme-orange-fr.icx';
const original = readFileSync(join(root, 'agreements', FILE), 'utf8');
const lines = original.split('\n');
/** 1-based line of the first line containing `needle` */
const lineOf = (needle: string): number => {
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in ${FILE}`);
  return i + 1;
};
/** 1-based column of `needle` on that line */
const columnOf = (needle: string): number => lines[lineOf(needle) - 1]!.indexOf(needle) + 1;

const RATE = 'rate FR-FIXED   0.0045 EUR/min';
const TEST_TITLE = 'a call at 20:00 Paris time is off-peak';
const EXPECTATION = 'expect 0.0200 EUR zone FR-MOBILE band offpeak billed 120s';

/** Waits until `ok()` (polled), or fails with `what`. */
async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The editor area (and the panel below it, with `withPanel`): what the README images show. */
async function editorClip(page: Page, withPanel = false): Promise<Box> {
  const editor = (await page.locator('.part.editor').boundingBox())!;
  if (!withPanel) return editor;
  const panel = (await page.locator('.part.panel').boundingBox())!;
  // the Problems list is one row here: the panel's top 90 px show it
  return { x: editor.x, y: editor.y, width: editor.width, height: panel.y + 90 - editor.y };
}

/** The code lens shown above the line that contains `text`. */
async function lensAbove(page: Page, text: string): Promise<Locator> {
  const line = (await page.locator('.view-line').filter({ hasText: text }).first().boundingBox())!;
  const lenses = page.locator('.codelens-decoration');
  let best = -1;
  let bestY = -Infinity;
  for (let i = 0; i < (await lenses.count()); i++) {
    const b = await lenses.nth(i).boundingBox();
    if (b && b.y < line.y && b.y > bestY) [best, bestY] = [i, b.y];
  }
  if (best < 0) throw new Error(`no code lens above "${text}"`);
  return lenses.nth(best);
}

/** Clicks a lens's link once VS Code has settled it: a lens scrolled into view gets its current
 *  command ~0.5 s later (its link is re-rendered with a new id); a click before that runs the
 *  command of an outdated lens list, which VS Code reports as "Actual command not found". */
async function clickLens(page: Page, lens: Locator): Promise<void> {
  const link = lens.locator('a').first();
  let id = await link.getAttribute('id');
  let since = Date.now();
  while (Date.now() - since < 1500) {
    await page.waitForTimeout(250);
    const now = await link.getAttribute('id');
    if (now !== id) [id, since] = [now, Date.now()];
  }
  await link.click();
}

describe.skipIf(skip !== undefined)('the packaged extension in code-server, driven by headless Chromium', () => {
  let s: Session;
  let page: Page;
  const onDisk = () => readFileSync(join(s.workspace, FILE), 'utf8');

  beforeAll(async () => {
    if (!('tools' in found)) return;
    // The .vsix of the current sources (npm run vsix), unless one is given.
    let vsix = process.env.ICX_VSIX;
    if (!vsix) {
      const build = spawnSync('npm', ['run', 'vsix'], { cwd: root, encoding: 'utf8', timeout: 240_000 });
      if (build.status !== 0) throw new Error(`npm run vsix failed:\n${build.stdout}\n${build.stderr}`);
      const version = (JSON.parse(readFileSync(join(root, 'vscode-extension', 'package.json'), 'utf8')) as { version: string }).version;
      vsix = join(root, 'vscode-extension', `icx-${version}.vsix`);
    }
    s = await startSession(found.tools, vsix);
    page = s.page;
    await openFile(page, FILE);
    // The server has answered once its code lenses are in the editor (below the fold: attached).
    await page.locator('.codelens-decoration a').filter({ hasText: 'Run test' }).first().waitFor({ state: 'attached', timeout: 120_000 });
    await shot(page, '0-opened');
  }, 400_000);

  afterAll(async () => {
    if (s && process.env.ICX_CODE_SERVER_LOG) console.log(s.log());
    await s?.close();
  });

  it('shows a typed mistake as a squiggle and in Problems, with the code and message of icx check', async () => {
    // FR-FIXED → FR-FIXD on the rate line: an unknown zone
    const line = lineOf(RATE);
    const zoneColumn = columnOf(RATE) + 'rate '.length;
    await goTo(page, line, zoneColumn + 'FR-FIXED'.length);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('D');
    const squiggle = page.locator('.squiggly-error').first();
    await squiggle.waitFor({ state: 'attached' });

    // the squiggle is under the zone name
    const token = page.locator('.view-line').filter({ hasText: 'rate FR-FIXD' }).locator('span span').filter({ hasText: /^FR-FIXD$/ }).first();
    // the editor re-renders the line's spans as semantic tokens arrive: measure once both settle
    const aligned = async () => {
      const [sq, tok] = [await squiggle.boundingBox(), await token.boundingBox()];
      return sq !== null && tok !== null && Math.abs(sq.x - tok.x) < 3 && Math.abs(sq.x + sq.width - (tok.x + tok.width)) < 3;
    };
    await until('the squiggle lies under the zone name', aligned, 30_000);
    expect(await aligned()).toBe(true);

    // what `icx check` says of the same text, from the CLI
    const dir = mkdtempSync(join(tmpdir(), 'icx-cs-check-'));
    writeFileSync(join(dir, FILE), original.replace(RATE, RATE.replace('FR-FIXED', 'FR-FIXD')));
    const cli = spawnSync(process.execPath, [join(root, 'bin', 'icx.js'), 'check', join(dir, FILE)], { encoding: 'utf8' });
    const message = 'Unknown zone FR-FIXD; define it in `zones { ... }` or use one of: any, FR-MOBILE, FR-FIXED, FR-PREMIUM, EU.';
    expect(cli.stdout + cli.stderr).toContain(`${FILE}:${line}:${zoneColumn}: error ICX2002: ${message}`);

    // the Problems panel (Ctrl+Shift+M) shows that diagnostic: message, code, line and column
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'FR-FIXD' }).first();
    await row.waitFor();
    const text = (await row.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(message);
    expect(text).toContain('ICX2002');
    expect(text).toContain(`[Ln ${line}, Col ${zoneColumn}]`);
    await page.locator('.markers-panel .monaco-list-row').first().waitFor();
    expect(await page.locator('.markers-panel .monaco-list-row').count()).toBe(2); // the file's row and its one problem
    await shot(page, '1-diagnostic');
    await shot(page, 'readme-diagnostic', await editorClip(page, true));
  });

  it('completes zone names and the picked one is inserted', async () => {
    await page.keyboard.press('Control+1'); // back to the editor (the Problems panel took the focus)
    for (let i = 0; i < 'FIXD'.length; i++) await page.keyboard.press('Backspace'); // leaves `rate FR-`
    await page.keyboard.press('Control+Space');
    const rows = page.locator('.suggest-widget .monaco-list-row');
    await rows.first().waitFor();
    await until('the suggestions settle', async () => (await rows.count()) === 3, 10_000).catch(() => undefined);
    const labels = (await rows.allInnerTexts()).map((t) => t.split('\n')[0]!.trim()).sort();
    // the zones of this agreement that match `FR-` (zones { } declares FR-MOBILE, FR-FIXED, FR-PREMIUM, EU)
    expect(labels).toEqual(['FR-FIXED', 'FR-MOBILE', 'FR-PREMIUM']);
    await shot(page, '2-completion');
    await shot(page, 'readme-completion', await editorClip(page));
    await rows.filter({ hasText: 'FR-FIXED' }).first().click();
    await page.locator('.suggest-widget').waitFor({ state: 'hidden' });
    // the pick restored the original line: no squiggle left, and once saved the file is as before
    await page.locator('.squiggly-error').first().waitFor({ state: 'detached' });
    await page.keyboard.press('Control+S');
    await until('the file is saved', () => onDisk() === original);
    await until('Problems is empty', async () => (await page.locator('.markers-panel').innerText()).includes('No problems have been detected'), 30_000);
  });

  it('hovers a zone: its prefixes and the prices of the rate lines that use it', async () => {
    const token = page.locator('.view-line').filter({ hasText: 'rate FR-MOBILE' }).locator('span span').filter({ hasText: /^FR-MOBILE$/ }).first();
    await token.hover();
    const hover = page.locator('.monaco-hover').filter({ hasText: 'prefixes' }).first();
    await hover.waitFor();
    const text = (await hover.innerText()).replace(/\s+/g, ' ');
    // zones { FR-MOBILE 33 6, 33 7 } and `rate FR-MOBILE peak 0.0123 EUR/min offpeak 0.0100 EUR/min`
    expect(text).toContain('zone FR-MOBILE');
    expect(text).toContain('prefixes: 336, 337');
    expect(text).toContain('voice-termination peak 0.0123 EUR/min start');
    expect(text).toContain('voice-termination offpeak 0.0100 EUR/min start');
    await shot(page, '3-hover');
    await shot(page, 'readme-hover', await editorClip(page));
  });

  it('runs a test from its code lens: ✓ passed', async () => {
    await page.keyboard.press('Escape');
    await goTo(page, lineOf(TEST_TITLE), 3);
    const lens = await lensAbove(page, TEST_TITLE);
    expect(await lens.innerText()).toContain('Run test');
    await clickLens(page, lens);
    // the server runs node_modules/icx/bin/icx.js test FILE --json, then refreshes the lenses
    await until('the lens shows an outcome', async () => /passed|failed/.test(await (await lensAbove(page, TEST_TITLE)).innerText()), 120_000);
    expect((await (await lensAbove(page, TEST_TITLE)).innerText()).trim()).toBe('✓ passed');
    await shot(page, '4-lens-passed');
    await shot(page, 'readme-lens', await editorClip(page));
  });

  it('a broken expectation, saved and run again from the lens: ✗ failed with the reason', async () => {
    // 0.0200 → 0.0300 in the test's expectation (the call costs 2 min × 0.0100 = 0.0200)
    const column = columnOf(EXPECTATION) + 'expect 0.0'.length;
    await goTo(page, lineOf(EXPECTATION), column);
    await page.keyboard.press('Delete');
    await page.keyboard.type('3');
    await page.keyboard.press('Control+S');
    await until('the file is saved', () => onDisk().includes('expect 0.0300 EUR zone FR-MOBILE band offpeak'));
    // the outcome was for the old text: the lens offers to run again
    await until('the lens offers to run again', async () => (await (await lensAbove(page, TEST_TITLE)).innerText()).includes('Run test'), 30_000);
    await clickLens(page, await lensAbove(page, TEST_TITLE));
    await until('the lens shows an outcome', async () => /passed|failed/.test(await (await lensAbove(page, TEST_TITLE)).innerText()), 120_000);
    expect((await (await lensAbove(page, TEST_TITLE)).innerText()).trim()).toBe('✗ failed: amount: expected 0.0300, got 0.02');
    await shot(page, '5-lens-failed');
  });
}, 300_000);
