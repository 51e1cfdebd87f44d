// FeatureContexts from snippets, for tests that read like specifications (in the spirit of
// Langium's expectCompletion/expectHover): `‸` or `⟦|⟧` marks the cursor, `⟦…⟧` marks ranges.
import { compile, NO_FILES } from '../../compiler/index.js';
import type { FeatureContext, SourceText } from '../features/context.js';
import { DocumentPositions } from '../positions.js';

export interface Cursor { text: string; offset: number; ranges: [number, number][] }

/** Strips `‸` / `⟦|⟧` (the cursor) and `⟦ ⟧` pairs (ranges, in order of their `⟦`). */
export function cursor(source: string): Cursor {
  let text = '';
  let offset = -1;
  const spans: [number, number][] = [];
  const open: number[] = [];
  const s = source.replaceAll('⟦|⟧', '‸');
  for (const ch of s) {
    if (ch === '‸') offset = text.length;
    else if (ch === '⟦') { open.push(spans.length); spans.push([text.length, -1]); }
    else if (ch === '⟧') { const i = open.pop(); if (i === undefined) throw new Error('⟧ without ⟦'); spans[i]![1] = text.length; }
    else text += ch;
  }
  if (open.length > 0) throw new Error('unclosed ⟦');
  return { text, offset, ranges: spans };
}

/** The context of a request on `text` as `uri`, with other workspace files beside it. */
export function contextFor(text: string, others: SourceText[] = [], uri = 'test.icx'): FeatureContext {
  const files = [...others.filter((f) => f.uri !== uri), { uri, text }];
  return { uri, text, positions: new DocumentPositions(text), files, compiled: compile(files, NO_FILES), host: NO_FILES };
}
