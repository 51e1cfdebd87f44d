// The latest AST of each document, kept up to date incrementally: after an edit inside one item,
// language/incremental.ts re-parses that item only (a few ms on a 10,000-line agreement instead
// of ~200). For the compile behind diagnostics and every feature that reads only the AST (the
// symbol index behind hover, definition, references and rename; outline; lenses; hints; code
// actions; folding; semantic tokens, which add a lexing pass). Formatting reads the CST and parses
// in full. Keyed by uri; any previous text is a valid starting point, so a collision
// between two workspaces' uris costs a full parse, never a wrong tree.
import { parse, reparse, type ParsedText, type ParseResult } from '../../language/index.js';

const MAX = 64;

interface Known {
  latest: ParsedText;
  /** the latest text that parsed without a diagnostic: the start for reparse while the user
   *  types a line through broken states (`r`, `ra`, `rat`… have syntax errors) */
  clean?: ParsedText;
}

const known = new Map<string, Known>();

/** How many parses were full and how many incremental (for tests and the benchmark). */
export const parseCounts = { full: 0, incremental: 0 };

export function parseIncrementally(text: string, uri: string): ParseResult {
  const k = known.get(uri);
  if (k !== undefined && k.latest.text === text) return k.latest.result;
  let result = k && (quick(k.latest, text, uri) ?? (k.clean && quick(k.clean, text, uri)));
  if (result) parseCounts.incremental++;
  else {
    result = parse(text, uri);
    parseCounts.full++;
  }
  const latest = { text, result };
  known.delete(uri);
  known.set(uri, { latest, ...(result.diagnostics.length === 0 ? { clean: latest } : k?.clean ? { clean: k.clean } : {}) });
  if (known.size > MAX) known.delete(known.keys().next().value!);
  return result;
}

/** Drops what is known of a document, so its next parse is a full one (the fuzzer starts each
 *  case from a known state, so that a failure replays). */
export function forgetParse(uri: string): void {
  known.delete(uri);
}

function quick(from: ParsedText, text: string, uri: string): ParseResult | undefined {
  try {
    return reparse(from, text, uri);
  } catch {
    return undefined; // never worse than a full parse
  }
}
