// Traffic tests: a top-level `test "…" for AGREEMENT { traffic "FILE" expect … }` block (usually in
// a `*.test.icx` file beside the agreements) that rates a sample usage file and compares totals.
// Re-exported by ast.ts.
import type { MoneyLit, Name, Node, NumberLit, StringLit, YearMonthLit } from './ast.js';

export interface TrafficTest extends Node {
  kind: 'trafficTest';
  title: StringLit;
  /** the agreement id the test is for */
  agreement: Name;
  /** `traffic "../traffic/march.csv"`: path relative to this file (the compiler wants exactly one) */
  traffic: StringLit[];
  /** `period 2026-03`: the period charges of that month are computed (for `expect charge`) */
  period?: YearMonthLit;
  expects: TrafficExpect[];
}

export type TrafficExpect =
  /** `expect count 20 rated 13 suspense 7`: records of the agreement, rated, in suspense */
  | (Node & { kind: 'count'; count: NumberLit; rated?: NumberLit; suspense?: NumberLit })
  /** `expect suspense no-zone 2`: records of the agreement in suspense for that reason */
  | (Node & { kind: 'suspense'; reason: Name; count: NumberLit })
  /** `expect total 0.0931 EUR` (no filter), or `expect service S zone Z band B 0.05 EUR`: the sum of
   *  the matching invoice lines */
  | (Node & { kind: 'amount'; total: boolean; service?: Name; zone?: Name; band?: Name; amount: MoneyLit })
  /** `expect charge CONSTRUCT SUBJECT [tier N] AMOUNT` (needs `period`): the sum of the matching charge lines */
  | (Node & { kind: 'charge'; construct: Name; subject: Name; tier?: NumberLit; amount: MoneyLit });
