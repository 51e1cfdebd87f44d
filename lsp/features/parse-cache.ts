// One parse per document text for the outline, folding and semantic tokens: an editor asks
// for all three (and more) after every edit, and parsing a large agreement costs ~100 ms+.
// Keyed by uri and exact text; a few entries only (the documents being looked at).
import { parseDetailed, type ParseDetail } from '../../language/index.js';

const MAX = 16;
const cache = new Map<string, { text: string; parsed: ParseDetail }>();

export function parsedOf(text: string, uri: string): ParseDetail {
  const hit = cache.get(uri);
  if (hit && hit.text === text) {
    // most recently used last
    cache.delete(uri);
    cache.set(uri, hit);
    return hit.parsed;
  }
  const parsed = parseDetailed(text, uri);
  cache.delete(uri);
  cache.set(uri, { text, parsed });
  if (cache.size > MAX) cache.delete(cache.keys().next().value!);
  return parsed;
}
