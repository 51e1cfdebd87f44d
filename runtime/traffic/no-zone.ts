// Finds a number start that no prefix of a service matches, so the generator can emit the
// ~1% of "wrong number" traffic real switches see (these must land in suspense as no-zone).

/**
 * The shortest digit string c (lengths 1..5, in numeric order) such that no prefix p is a
 * leading part of c and c is not a leading part of any p: then every number starting with c
 * matches no prefix whatever digits follow. Null when the prefixes cover everything.
 */
export function findUnmatchedPrefix(prefixes: readonly string[]): string | null {
  const exact = new Set(prefixes);
  if (exact.has('')) return null;
  const leading = new Set<string>();
  for (const p of prefixes) for (let k = 1; k <= p.length; k++) leading.add(p.slice(0, k));
  for (let len = 1; len <= 5; len++) {
    for (let n = 0; n < 10 ** len; n++) {
      const c = String(n).padStart(len, '0');
      if (leading.has(c)) continue;
      let covered = false;
      for (let k = 1; k < len && !covered; k++) covered = exact.has(c.slice(0, k));
      if (!covered) return c;
    }
  }
  return null;
}
