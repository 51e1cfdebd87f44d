// Marked sources for tests that read like specs: `⟦` and `⟧` around the text a diagnostic
// (or a node) must cover. The markers are stripped; their ranges are computed on the
// stripped text. An empty pair `⟦⟧` marks an empty range (a missing token). Pairs may nest;
// ranges come back in the order of their `⟦`.
import type { Range } from '../ast.js';
import { LineIndex } from '../positions.js';

export interface Marked {
  text: string;
  ranges: Range[];
}

export function marked(source: string): Marked {
  let text = '';
  const spans: [number, number][] = [];
  const open: number[] = [];
  for (const ch of source) {
    if (ch === '⟦') {
      open.push(spans.length);
      spans.push([text.length, -1]);
    } else if (ch === '⟧') {
      const index = open.pop();
      if (index === undefined) throw new Error('⟧ without ⟦ in a marked source');
      spans[index]![1] = text.length;
    } else {
      text += ch;
    }
  }
  if (open.length > 0) throw new Error('unclosed ⟦ in a marked source');
  const lines = new LineIndex(text);
  return { text, ranges: spans.map(([s, e]) => lines.range(s, e)) };
}

/** `3:5-3:12`: compact, and what a failing assertion should show. */
export function showRange(r: Range): string {
  return `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;
}
