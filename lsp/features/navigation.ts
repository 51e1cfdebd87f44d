// Go to definition and find references, across the workspace files, from the symbol index.
import { indexWorkspace, occurrenceAt, sameSymbol, type FileIndex, type Occurrence } from '../index/symbols.js';
import type { FeatureContext, Place } from './context.js';

/** The index of every workspace file (the request's text wins) and the occurrence at the cursor. */
export function symbolAt(ctx: FeatureContext, offset: number): { all: FileIndex[]; here: FileIndex; target: Occurrence | undefined } {
  const all = indexWorkspace(ctx.files, { uri: ctx.uri, text: ctx.text });
  const here = all.find((f) => f.uri === ctx.uri)!;
  return { all, here, target: occurrenceAt(here, offset) };
}

const place = (o: Occurrence): Place => ({ uri: o.uri, start: o.start, end: o.end });

export function definition(ctx: FeatureContext, offset: number): Place[] {
  try {
    const { all, target } = symbolAt(ctx, offset);
    if (target === undefined) return [];
    return sameSymbol(all, target).filter((o) => o.isDecl).map(place);
  } catch {
    return [];
  }
}

export function references(ctx: FeatureContext, offset: number, includeDeclaration: boolean): Place[] {
  try {
    const { all, target } = symbolAt(ctx, offset);
    if (target === undefined) return [];
    return sameSymbol(all, target).filter((o) => includeDeclaration || !o.isDecl).map(place);
  } catch {
    return [];
  }
}
