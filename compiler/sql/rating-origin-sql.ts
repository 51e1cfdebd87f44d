// Origin pricing in SQL: the A-number's longest prefix among the origin zones of its service,
// matched as the B-number is (rating-lpm-sql.ts: prefix lengths paired into levels, one
// integer-key equality join per level). Nothing of it is in the SQL text unless some service
// of the run prices by origin, and only records of such services get a key (others probe
// with NULL, which matches nothing).
import type { PlanShape } from './plan-layout.js';
import { levelKeySql, levelTableSql, lpmLevels, type LpmLevel } from './rating-lpm-sql.js';

export function originLevels(shape: PlanShape): LpmLevel[] {
  const lengths = shape.originPrefixLengths ?? [];
  return lengths.length ? lpmLevels({ prefixLengths: lengths, ambiguousAgreements: false }) : [];
}

/** A record's A-number key at a level (a18: the A-number left-aligned to 18 digits). */
export function originKeySql(l: LpmLevel): string {
  return levelKeySql(l, { number: 'a', alias: 'ok', guard: 'has_origin' });
}

/** plan_origin_lpm: (svc_idx, lvl, key) → the longest origin prefix of the level with that key. */
export function planOriginLpmSql(shape: PlanShape): string {
  return levelTableSql('plan_origin_lpm', 'plan_origin_prefixes', originLevels(shape), ['opx_idx']);
}

/** The pieces rate_ctx splices in (empty strings / NULL columns when no service prices by origin). */
export function originCtxParts(shape: PlanShape): {
  /** extra columns of the inner select that left-aligns the numbers */
  aCols: string;
  /** key columns in uk */
  keys: string;
  /** key columns to drop in um */
  exclude: string;
  /** opx_idx and the joins in um */
  pick: string;
  joins: string;
} {
  const levels = originLevels(shape);
  if (!levels.length) {
    return { aCols: '', keys: '', exclude: '', pick: 'NULL::INTEGER AS opx_idx', joins: '' };
  }
  return {
    aCols: `, CASE WHEN regexp_full_match(a_number, '[0-9]{1,18}') THEN CAST(a_number AS BIGINT) END AS a_int,
                CASE WHEN regexp_full_match(a_number, '[0-9]{1,18}') THEN length(a_number) END AS a_len,
                a_int * CAST(10 ** (18 - a_len) AS BIGINT) AS a18`,
    keys: `,\n         -- the A-number cut to each origin level's length (services with origin pricing only)\n         ${levels.map(originKeySql).join(',\n         ')}`,
    exclude: `, a_int, a_len, a18${levels.map((l) => `, ok_${l.len}`).join('')}`,
    // no origin prefix matched (or no usable A-number): the service's no-match row
    pick: `CASE WHEN has_origin THEN coalesce(${levels.map((l) => `o${l.len}.opx_idx`).join(', ')}, origin_none_idx) END AS opx_idx`,
    joins: levels.map((l) => `\n  LEFT JOIN plan_origin_lpm o${l.len} ON o${l.len}.lvl = ${l.len} AND o${l.len}.svc_idx = uk.svc_idx AND o${l.len}.key = uk.ok_${l.len}`).join(''),
  };
}
