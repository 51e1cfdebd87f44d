// Folding ranges: every node spanning several lines (agreement, blocks, multi-line items, a
// partner declaration), and runs of consecutive comment lines. The closing `}` stays visible.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import { parseIncrementally } from './ast-cache.js';
import { walkNodes } from './ast-walk.js';

export function foldingRanges(text: string, uri: string): FoldingRange[] {
  const parsed = parseIncrementally(text, uri);
  const byStart = new Map<number, FoldingRange>();
  const lines = text.split('\n');
  walkNodes([parsed.file.partyDecls, parsed.file.agreements, parsed.file.trafficTests], (n) => {
    const start = n.range.start.line - 1;
    let end = n.range.end.line - 1;
    if (!Number.isFinite(start) || !Number.isFinite(end) || start < 0) return;
    // keep the line of the closing brace out of the fold, as editors do for code blocks
    if (/^\s*}/.test(lines[end] ?? '')) end--;
    if (end <= start) return;
    const known = byStart.get(start);
    if (!known || known.endLine < end) byStart.set(start, { startLine: start, endLine: end });
  });
  const out = [...byStart.values()];
  // comment runs: comments of the same kind on consecutive lines
  let runStart = -1;
  let prev = -2;
  const close = () => {
    if (runStart >= 0 && prev > runStart) out.push({ startLine: runStart, endLine: prev, kind: FoldingRangeKind.Comment });
  };
  for (const c of parsed.file.comments) {
    const line = c.range.start.line - 1;
    const alone = /^\s*\/\//.test(lines[line] ?? '');
    if (!alone) continue;
    if (line !== prev + 1) {
      close();
      runStart = line;
    }
    prev = line;
  }
  close();
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
