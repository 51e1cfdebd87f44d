// Longest-prefix match with half the joins: prefix lengths are paired (1+2, 3+4, ...) into
// levels, and each level is one equality hash join on an integer key. The measured cost
// of LPM is one hash-join probe per level and record (~0.1 s per 2M records each), so
// pairing halves it; expanding further (×100 per prefix) would blow up the level tables.
import type { PlanShape } from './plan-layout.js';

export interface LpmLevel {
  /** the level's key length: a number's first `len` digits */
  len: number;
  /** the level also holds the prefixes of len - 1 digits */
  paired: boolean;
}

/** Levels for the prefix lengths present, longest first (the first hit is the longest). */
export function lpmLevels(shape: PlanShape): LpmLevel[] {
  const asc = shape.prefixLengths.filter((l) => l > 0).sort((a, b) => a - b);
  const out: LpmLevel[] = [];
  for (let i = 0; i < asc.length; i++) {
    if (asc[i + 1] === asc[i]! + 1) {
      out.push({ len: asc[i + 1]!, paired: true });
      i++;
    } else out.push({ len: asc[i]!, paired: false });
  }
  // the empty prefix matches every number: key 0
  if (shape.prefixLengths.includes(0)) out.push({ len: 0, paired: false });
  return out.sort((a, b) => b.len - a.len);
}

/**
 * A record's key at a level. b18 is the B-number left-aligned to 18 digits, so a cut to
 * `len` digits divides by a constant. A paired level holds a (len-1)-digit prefix twice:
 * expanded by each next digit (for numbers of at least len digits) and as itself under a
 * negative key (for numbers of exactly len-1 digits, which no expansion may match: that
 * would make a prefix longer than the number win).
 */
export function lpmKeySql(l: LpmLevel): string {
  if (l.len === 0) return `0::BIGINT AS pk_0`;
  return levelKeySql(l, { number: 'b', alias: 'pk' });
}

/**
 * The key of a left-aligned number at a level, as lpmKeySql() explains: `number` names its
 * columns (`<number>18`, `<number>_len`, `<number>_int`), `alias` the key column
 * (`<alias>_<len>`); `guard`, if given, must hold too (otherwise the key is NULL).
 */
export function levelKeySql(l: LpmLevel, o: { number: string; alias: string; guard?: string }): string {
  const when = o.guard ? `${o.guard} AND ` : '';
  const cut = `WHEN ${when}${o.number}_len >= ${l.len} THEN ${o.number}18 // ${10n ** BigInt(18 - l.len)}`;
  const exact = l.paired ? ` WHEN ${when}${o.number}_len = ${l.len - 1} THEN -1 - ${o.number}_int` : '';
  return `CASE ${cut}${exact} END AS ${o.alias}_${l.len}`;
}

/**
 * plan_lpm: (svc_idx, lvl, key) → the longest prefix of the level with that key. Built per
 * run from plan_prefixes; only the level lengths (shape, not values) are in the text.
 */
export function planLpmSql(shape: PlanShape): string {
  return levelTableSql('plan_lpm', 'plan_prefixes', lpmLevels(shape), ['pfx_idx', 'zone_idx', 'barred']);
}

/**
 * TEMP table `table`: (svc_idx, lvl, key) → the `carried` columns of the longest prefix of
 * `source` (svc_idx, pkey, plen, …carried) at each of `levels`, a paired level holding its
 * shorter prefixes expanded by each next digit and under their negative key.
 */
export function levelTableSql(table: string, source: string, levels: readonly LpmLevel[], carried: readonly string[]): string {
  const lv = levels.length
    ? `SELECT lvl, paired, lvl - 1 AS short_len FROM (VALUES ${levels.map((l) => `(${l.len}, ${l.paired})`).join(', ')}) t(lvl, paired)`
    : `SELECT NULL::INTEGER AS lvl, NULL::BOOLEAN AS paired, NULL::INTEGER AS short_len WHERE false`;
  const cols = carried.map((c) => `, p.${c}`).join('');
  return `CREATE OR REPLACE TEMP TABLE ${table} AS
WITH lv AS (${lv}), e AS (
  SELECT p.svc_idx, lv.lvl, p.pkey AS key, p.plen${cols}
  FROM ${source} p JOIN lv ON p.plen = lv.lvl
  UNION ALL
  SELECT p.svc_idx, lv.lvl, p.pkey * 10 + unnest(range(10)) AS key, p.plen${cols}
  FROM ${source} p JOIN lv ON p.plen = lv.short_len WHERE lv.paired
  UNION ALL
  SELECT p.svc_idx, lv.lvl, -1 - p.pkey AS key, p.plen${cols}
  FROM ${source} p JOIN lv ON p.plen = lv.short_len WHERE lv.paired
)
SELECT svc_idx, lvl, key, ${carried.join(', ')} FROM e
QUALIFY row_number() OVER (PARTITION BY svc_idx, lvl, key ORDER BY plen DESC) = 1`;
}
