// A generic walk over the AST: every node is a plain object with a `range`, so folding and
// semantic tokens need not list every node type (new syntax is covered without edits here).
import type { Node } from '../../language/ast.js';

export function walkNodes(root: unknown, visit: (n: Node & Record<string, unknown>) => void): void {
  const seen = new Set<unknown>();
  const go = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) go(x);
      return;
    }
    const o = v as Record<string, unknown>;
    if (isRange(o['range'])) visit(o as Node & Record<string, unknown>);
    for (const [k, x] of Object.entries(o)) if (k !== 'range') go(x);
  };
  go(root);
}

function isRange(r: unknown): boolean {
  return typeof r === 'object' && r !== null && 'start' in r && 'end' in r;
}
