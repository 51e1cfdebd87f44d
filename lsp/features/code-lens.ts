// Code lenses above each `test "…"` block: `▶ Run test` until the test has been run from the
// editor, then `✓ passed` or `✗ failed: <first failure>` (clicking runs it again). The results
// come from the CLI run as a subprocess (lsp/test-runner.ts): the server never loads the runtime.
import type { TestBlock } from '../../language/index.js';
import type { FeatureContext } from './context.js';
import { parseIncrementally } from './ast-cache.js';

/** The command a lens runs: arguments (file uri, test title); the client maps it to RUN_TEST_SERVER_COMMAND. */
export const RUN_TEST_COMMAND = 'icx.runTest';
/** The server's `workspace/executeCommand` that runs the CLI and records the result. */
export const RUN_TEST_SERVER_COMMAND = 'icx.server.runTest';

export interface TestOutcome {
  passed: boolean;
  /** short reason of a failure (the first failure line of `icx test --json`) */
  reason?: string;
}

export interface CodeLensItem {
  /** start of the `test` line */
  offset: number;
  /** offset of the end of the test's title (the lens range) */
  end: number;
  title: string;
  command: string;
  args: [string, string];
}

/**
 * Lenses of the document. `outcomeOf(title)` gives the last recorded result of a test of this
 * file; `fileUri` is the uri placed in the command's arguments (the server's file:// uri).
 */
export function codeLens(ctx: FeatureContext, outcomeOf: (title: string) => TestOutcome | undefined = () => undefined, fileUri = ctx.uri): CodeLensItem[] {
  const out: CodeLensItem[] = [];
  if (!ctx.uri.endsWith('.icx')) return out;
  const { file } = parseIncrementally(ctx.text, ctx.uri);
  for (const a of file.agreements ?? []) {
    for (const t of (a?.items ?? []).filter((i): i is TestBlock => i?.kind === 'test')) {
      const title = t.title?.value;
      if (title === undefined || !t.range) continue;
      const start = t.range.start.offset;
      const lineStart = ctx.text.lastIndexOf('\n', start - 1) + 1;
      const o = outcomeOf(title);
      const label = o === undefined ? '▶ Run test' : o.passed ? '✓ passed' : `✗ failed${o.reason ? `: ${short(o.reason)}` : ''}`;
      out.push({ offset: lineStart, end: t.title.range?.end.offset ?? start, title: label, command: RUN_TEST_COMMAND, args: [fileUri, title] });
    }
  }
  return out;
}

const short = (s: string): string => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 80 ? `${one.slice(0, 79)}…` : one;
};
