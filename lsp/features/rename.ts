// Stub: replaced by the i4-lsp-features branch.
import type { FeatureContext, Place } from './context.js';

export function prepareRename(_ctx: FeatureContext, _offset: number): Place | null {
  return null;
}

export function rename(_ctx: FeatureContext, _offset: number, _newName: string): { edits: { place: Place; newText: string }[] } | { error: string } {
  return { edits: [] };
}
