// Stub: replaced by the i4-lsp-features branch.
import type { FeatureContext, Place } from './context.js';

export function definition(_ctx: FeatureContext, _offset: number): Place[] {
  return [];
}

export function references(_ctx: FeatureContext, _offset: number, _includeDeclaration: boolean): Place[] {
  return [];
}
