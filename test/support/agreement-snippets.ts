// Helpers for the rating conformance tests (test/rating/): wrap a service block into a full
// agreement, build usage records with sensible defaults, compile, rate, and compare results.
//
// The expected values in test/rating/ are computed by hand from docs/internal-contracts.md
// ("Rating semantics"); this file only plumbs them through, it computes no amounts.
import { beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { compile } from '../../compiler/index.js';
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { rateRecords } from './rate-snippet.js';

// ---------------------------------------------------------------------------------------------
// Agreement text

export interface SnippetOptions {
  /** agreement id, unique within a suite */
  id: string;
  /** the trunk(s) that select this agreement; unique within a suite */
  trunks: string | string[];
  /** `valid` line body, default `2026-01-01 .. 2026-12-31` */
  valid?: string;
  /** default Europe/Paris */
  timezone?: string;
  /** the `holidays` line, default the French 2026 public holidays used below; null = none */
  holidays?: string | null;
  /** lines inside `timebands { }`; default peak mon-fri 08:00-20:00 except holidays FR, offpeak otherwise */
  timebands?: string | null;
  /** lines inside `zones { }` */
  zones?: string;
}

/** The standard zones of the snippets. */
export const STD_ZONES = `
    FR-MOBILE   33 6, 33 7
    FR-FIXED    33 1, 33 2, 33 3, 33 4, 33 5, 33 9
    FR-PREMIUM  33 89`;

/** 2026-05-01 is a Friday, 2026-01-01 a Thursday. */
export const STD_HOLIDAYS = 'holidays FR { 2026-01-01 2026-04-06 2026-05-01 2026-07-14 2026-12-25 }';

export const STD_TIMEBANDS = `
    peak     mon-fri 08:00-20:00 except holidays FR
    offpeak  otherwise`;

/** Wraps one or more service blocks into a complete agreement (parties, currency, validity, zones...). */
export function agreement(opts: SnippetOptions, services: string): string {
  const trunks = Array.isArray(opts.trunks) ? opts.trunks : [opts.trunks];
  const holidays = opts.holidays === undefined ? STD_HOLIDAYS : opts.holidays;
  const timebands = opts.timebands === undefined ? STD_TIMEBANDS : opts.timebands;
  return [
    `agreement ${opts.id} "rating conformance ${opts.id}" {`,
    `  version 1`,
    `  parties {`,
    `    us       ACME    "ACME Telecom Ltd"  tadig GBRAC`,
    `    partner  ORANGE  "Orange France SA"  tadig FRAF1  type interconnect`,
    `  }`,
    `  currency EUR`,
    `  valid ${opts.valid ?? '2026-01-01 .. 2026-12-31'}`,
    `  timezone ${opts.timezone ?? 'Europe/Paris'}`,
    ``,
    `  interconnect IC-${opts.id} {`,
    `    trunks ${trunks.join(' ')}`,
    `    traffic voice sms`,
    `  }`,
    ``,
    holidays === null ? '' : `  ${holidays}`,
    timebands === null ? '' : `  timebands {${timebands}\n  }`,
    ``,
    `  zones {${opts.zones ?? STD_ZONES}\n  }`,
    ``,
    services,
    `}`,
    ``,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Usage records (column names of the usage schema in docs/internal-contracts.md)

export interface UsageRecord {
  record_id?: string;
  trunk?: string;
  direction?: string;
  kind?: string;
  a_number?: string;
  b_number?: string;
  start_time?: string;
  duration_s?: string;
  units?: string;
  [extra: string]: string | undefined;
}

/** Monday 2026-03-02 10:00 local Paris time (CET, UTC+1): a peak-time weekday. */
export const MON_10H_PARIS = '2026-03-02T09:00:00Z';

/** A voice record: defaults out / voice / to a French mobile / Monday 10:00 Paris. */
export function voice(over: UsageRecord & { trunk: string; duration_s: string }): UsageRecord {
  return {
    direction: 'out',
    kind: 'voice',
    a_number: '441632960001',
    b_number: '33612345678',
    start_time: MON_10H_PARIS,
    ...over,
  };
}

/** An SMS record: defaults out / sms / to a French mobile / Monday 10:00 Paris; units as given. */
export function sms(over: UsageRecord & { trunk: string }): UsageRecord {
  return {
    direction: 'out',
    kind: 'sms',
    a_number: '441632960001',
    b_number: '33612345678',
    start_time: MON_10H_PARIS,
    ...over,
  };
}

// ---------------------------------------------------------------------------------------------
// Compile, rate, compare

export type Expected =
  | {
      /** exact decimal string, compared with decimal.js `.eq` */
      amount: string;
      billed?: number;
      zone?: string;
      band?: string;
      /** exact clause id, or a pattern */
      clause?: string | RegExp;
      /** data: the charged volume in bytes */
      billedBytes?: number;
      /** sms and events: units */
      units?: number;
    }
  | { suspense: string };

export interface RatingCase {
  name: string;
  record: UsageRecord;
  expect: Expected;
}

type Row = Record<string, unknown>;

function field(row: Row, names: string[]): unknown {
  for (const n of names) if (row[n] !== undefined) return row[n];
  return undefined;
}

export const AMOUNT_FIELDS = ['amount'];
export const BILLED_FIELDS = ['billed_s', 'billed_seconds', 'billedSeconds', 'billed'];
export const ZONE_FIELDS = ['zone'];
export const BAND_FIELDS = ['band'];
export const CLAUSE_FIELDS = ['clause', 'rate_clause', 'rateClause'];
export const REASON_FIELDS = ['reason', 'suspense_reason', 'reason_code', 'reasonCode', 'code'];
export const ID_FIELDS = ['record_id', 'recordId', 'id'];

export function compileAgreements(texts: string[]): HashedAgreementPlan[] {
  const { compiled, diagnostics } = compile(texts.map((text, i) => ({ uri: `conformance-${i}.icx`, text })));
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const lines = errors.map((d) => `${d.uri}:${d.range.start.line}:${d.range.start.column}: ${d.code} ${d.message}`);
    throw new Error(`agreement snippet does not compile:\n${lines.join('\n')}\n--- source ---\n${texts.join('\n')}`);
  }
  expect(compiled.plans.length).toBe(texts.length);
  return compiled.plans;
}

export interface RateOptions {
  assumeTimezone?: string;
}

export interface Batch {
  rated: Map<string, Row>;
  suspense: Map<string, Row>;
  ratedCount: number;
  suspenseCount: number;
  inCount: number;
}

export async function rateBatch(plans: HashedAgreementPlan[], records: UsageRecord[], opts?: RateOptions): Promise<Batch> {
  const clean = records.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
  const out = (await rateRecords(plans, clean, opts ?? {})) as unknown as { rated: Row[]; suspense: Row[] };
  const rated = new Map<string, Row>();
  const suspense = new Map<string, Row>();
  for (const r of out.rated) rated.set(String(field(r, ID_FIELDS)), r);
  for (const r of out.suspense) suspense.set(String(field(r, ID_FIELDS)), r);
  return { rated, suspense, ratedCount: out.rated.length, suspenseCount: out.suspense.length, inCount: records.length };
}

function describeRow(row: Row | undefined): string {
  return row === undefined ? 'nothing' : JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
}

export function checkCase(batch: Batch, id: string, exp: Expected): void {
  const rated = batch.rated.get(id);
  const susp = batch.suspense.get(id);
  if ('suspense' in exp) {
    expect(rated, `record ${id} should be in suspense (${exp.suspense}) but was rated: ${describeRow(rated)}`).toBeUndefined();
    expect(susp, `record ${id} is missing from the output`).toBeDefined();
    expect(field(susp!, REASON_FIELDS)).toBe(exp.suspense);
    return;
  }
  expect(susp, `record ${id} should be rated but is in suspense: ${describeRow(susp)}`).toBeUndefined();
  expect(rated, `record ${id} is missing from the output`).toBeDefined();
  const row = rated!;
  const amount = field(row, AMOUNT_FIELDS);
  expect(typeof amount, `amount must be an exact decimal string, got ${describeRow(row)}`).toBe('string');
  const ok = new Decimal(amount as string).eq(new Decimal(exp.amount));
  expect(ok, `record ${id}: amount ${String(amount)} ≠ expected ${exp.amount}; row ${describeRow(row)}`).toBe(true);
  if (exp.billed !== undefined) expect(Number(field(row, BILLED_FIELDS)), `billed seconds of ${id}`).toBe(exp.billed);
  if (exp.billedBytes !== undefined) expect(Number(row.billed_bytes), `billed bytes of ${id}`).toBe(exp.billedBytes);
  if (exp.units !== undefined) expect(Number(row.units), `units of ${id}`).toBe(exp.units);
  if (exp.zone !== undefined) expect(field(row, ZONE_FIELDS), `zone of ${id}`).toBe(exp.zone);
  if (exp.band !== undefined) expect(field(row, BAND_FIELDS), `band of ${id}`).toBe(exp.band);
  if (exp.clause !== undefined) {
    const clause = field(row, CLAUSE_FIELDS);
    if (typeof exp.clause === 'string') expect(clause, `clause of ${id}`).toBe(exp.clause);
    else expect(String(clause), `clause of ${id}`).toMatch(exp.clause);
  }
}

/**
 * One describe block: compiles the agreements once, rates every case's record in one batch,
 * checks each case, and checks that every record came out exactly once (in = rated + suspense).
 */
export function ratingSuite(title: string, agreements: string | string[], cases: RatingCase[], opts?: RateOptions): void {
  const texts = Array.isArray(agreements) ? agreements : [agreements];
  const ids = cases.map((c, i) => c.record.record_id ?? `r${String(i + 1).padStart(3, '0')}`);
  describe(title, () => {
    let batch: Batch;
    let plans: HashedAgreementPlan[];
    beforeAll(async () => {
      plans = compileAgreements(texts);
      batch = await rateBatch(
        plans,
        cases.map((c, i) => ({ ...c.record, record_id: ids[i] })),
        opts,
      );
    });
    it('the agreements compile without errors', () => {
      expect(plans.length).toBe(texts.length);
    });
    it('every record comes out exactly once: in = rated + suspense', () => {
      expect(batch.ratedCount + batch.suspenseCount).toBe(batch.inCount);
      for (const id of ids) expect(batch.rated.has(id) !== batch.suspense.has(id), `record ${id} exactly once`).toBe(true);
    });
    cases.forEach((c, i) => {
      it(c.name, () => checkCase(batch, ids[i]!, c.expect));
    });
  });
}
