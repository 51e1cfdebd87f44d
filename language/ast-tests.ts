// Test blocks: usage lines, inputs of digital-partner charges, and expectations. Re-exported by
// ast.ts.
import type {
  DateLit, DateTimeLit, DurationLit, MoneyLit, Name, Node, NumberLit, PercentLit, StringLit,
  YearMonthLit,
} from './ast.js';

export interface TestBlock extends Node {
  kind: 'test';
  title: StringLit;
  /** the first usage line (every test has at least one); all of them in `usages` when there are several */
  usage?: TestUsage;
  /** the first expectation; all of them in `expects` when there are several */
  expect?: TestExpect;
  usages?: TestUsage[];
  expects?: TestExpect[];
  /** `period 2026-03`: period charges of that month are computed for the test */
  period?: YearMonthLit;
  /** `kpi …` and `retail …` lines: inputs of digital-partner charges */
  inputs?: TestInput[];
}

export interface TestUsage extends Node {
  service: Name;
  aNumber?: NumberLit;
  /** absent on data and event usage (required for voice and sms by the checks) */
  bNumber?: NumberLit;
  at: DateTimeLit;
  duration?: DurationLit;
  units?: NumberLit;
  /** data volume in bytes */
  bytes?: NumberLit;
  /** roaming call category */
  category?: Name;
  /** `count 1000`: that many identical records */
  count?: NumberLit;
}

/** Inputs of a period test's digital-partner charges (instead of --kpi / --retail files). */
export type TestInput =
  /** `kpi availability 99.97%`, `kpi latency-p99 12ms` */
  | (Node & { kind: 'kpi'; name: Name; value: PercentLit | DurationLit })
  /** `retail premium-video 12125550001 2026-03-01 gross 15.99 taxes 1.42 refunds 0` */
  | (Node & { kind: 'retail'; service: Name; subscriber: Name; date: DateLit; gross: NumberLit; taxes: NumberLit; refunds: NumberLit });

export type TestExpect =
  | (Node & {
      kind: 'amount';
      amount: MoneyLit;
      /** `original 0.0250 SDR`: the amount in the currency the service is priced in, before FX */
      original?: MoneyLit;
      zone?: Name;
      band?: Name;
      billed?: DurationLit;
    })
  | (Node & { kind: 'suspense'; reason: Name })
  /** `expect charge <construct> <subject> (tier <n>)? <signed amount>`: the sum of the matching charge lines */
  | (Node & { kind: 'charge'; construct: Name; subject: Name; tier?: NumberLit; amount: MoneyLit })
  /** `expect total <signed amount>`: the month's invoice: the test's records rated in the month plus every charge line */
  | (Node & { kind: 'total'; amount: MoneyLit });
