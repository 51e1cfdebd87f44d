// Stub: replaced by the i4-lsp-features branch.
import type { CompletionItem } from 'vscode-languageserver';
import type { FeatureContext } from './context.js';

export function completion(_ctx: FeatureContext, _offset: number): CompletionItem[] {
  return [];
}
