// Stub: replaced by the i4-lsp-features branch.
import type { Hover } from 'vscode-languageserver';
import type { FeatureContext } from './context.js';

export function hover(_ctx: FeatureContext, _offset: number): Hover | null {
  return null;
}
