// Assists on a document: quick fixes for the icx diagnostics the client sends back
// (lsp/features/code-actions.ts) and inlay hints on test usage lines (features/inlay-hints.ts).
import type { CodeAction, Connection, InlayHint, TextEdit } from 'vscode-languageserver';
import { codeActions } from './features/code-actions.js';
import type { FeatureContext, Place } from './features/context.js';
import { inlayHints } from './features/inlay-hints.js';

export interface AssistEnv {
  /** the server's handler wrapper: an exception is logged and the fallback returned */
  safe<A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R): (...args: A) => R;
  requestContext(lspUri: string): FeatureContext | undefined;
  /** edits at places → a WorkspaceEdit's `changes`, by LSP uri */
  editsByUri(ctx: FeatureContext, edits: readonly { place: Place; newText: string }[]): Record<string, TextEdit[]>;
}

export function registerAssists(connection: Connection, env: AssistEnv): void {
  const { safe, requestContext, editsByUri } = env;
  const offsetOf = (ctx: FeatureContext, p: { line: number; character: number }) => ctx.positions.offsetAt(p);
  // quick fixes for the icx diagnostics the client sends back (lsp/features/code-actions.ts)
  connection.onCodeAction(
    safe('codeAction', [] as CodeAction[], (p) => {
      const ctx = requestContext(p.textDocument.uri);
      if (!ctx) return [];
      const sent = p.context.diagnostics.filter((d) => d.source === 'icx' && typeof d.code === 'string');
      const ds = sent.map((d) => ({ code: String(d.code), start: offsetOf(ctx, d.range.start), end: offsetOf(ctx, d.range.end) }));
      const range = { start: offsetOf(ctx, p.range.start), end: offsetOf(ctx, p.range.end) };
      const only = p.context.only;
      return codeActions(ctx, ds, range)
        .filter((a) => !only || only.some((k) => a.kind === k || a.kind.startsWith(`${k}.`)))
        .map((a): CodeAction => {
          const changes = editsByUri(ctx, a.edits);
          const fixed = a.diagnosticIndex !== undefined ? sent[a.diagnosticIndex] : undefined;
          return { title: a.title, kind: a.kind, ...(fixed ? { diagnostics: [fixed], isPreferred: true } : {}), edit: { changes } };
        });
    }),
  );

  // inlay hints on test usage lines (lsp/features/inlay-hints.ts)
  connection.languages.inlayHint.on(
    safe('inlayHint', [] as InlayHint[], (p) => {
      const ctx = requestContext(p.textDocument.uri);
      if (!ctx) return [];
      const range = { start: offsetOf(ctx, p.range.start), end: offsetOf(ctx, p.range.end) };
      return inlayHints(ctx, range).map((h): InlayHint => ({ position: ctx.positions.positionAt(h.offset), label: ` ${h.label}`, ...(h.tooltip ? { tooltip: h.tooltip } : {}) }));
    }),
  );
}
