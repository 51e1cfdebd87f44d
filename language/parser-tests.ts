// Test blocks: usage lines, the inputs of digital-partner charges, and the expected amounts,
// suspense reasons, charge lines and totals. A layer of the grammar chain (parser-core.ts says
// why a chain); it sits last because nothing else refers to it.
import { PeriodParser } from './parser-period.js';
import {
  DateTime, DateTok, Duration, Identifier, kw, LCurly, NumberTok, Percent, RCurly, StringLit,
  YearMonth,
} from './tokens.js';

export abstract class TestsParser extends PeriodParser {
  testBlock = this.RULE('testBlock', () => {
    this.CONSUME(kw('test'));
    this.CONSUME(StringLit);
    this.CONSUME(LCurly);
    this.OPTION(() => this.SUBRULE(this.testPeriod));
    // A period test may have no usage (a recurring fee); the compiler requires one otherwise.
    this.MANY(() => this.SUBRULE(this.testUsage));
    // inputs of digital-partner charges: `kpi availability 99.97%`, `retail …` lines
    this.MANY2(() => this.SUBRULE(this.testInput));
    this.AT_LEAST_ONE2(() => this.SUBRULE(this.testExpect));
    this.CONSUME(RCurly);
  });

  /** `period 2026-03` in a test: period charges of that month are computed and can be expected. */
  testPeriod = this.RULE('testPeriod', () => {
    this.CONSUME(kw('period'));
    this.CONSUME(YearMonth);
  });

  testUsage = this.RULE('testUsage', () => {
    this.CONSUME(kw('usage'));
    this.SUBRULE(this.name, { LABEL: 'service' });
    this.OPTION(() => {
      this.CONSUME(kw('from'));
      this.CONSUME(NumberTok, { LABEL: 'aNumber' });
    });
    // optional: data and event usage has no B-number (the checks require it for voice and sms)
    this.OPTION4(() => {
      this.CONSUME(kw('to'));
      this.CONSUME2(NumberTok, { LABEL: 'bNumber' });
    });
    this.CONSUME(kw('at'));
    this.CONSUME(DateTime);
    this.OPTION2(() => {
      this.CONSUME(kw('for'));
      this.CONSUME(Duration);
    });
    this.OPTION3(() => {
      this.CONSUME(kw('units'));
      this.CONSUME3(NumberTok, { LABEL: 'units' });
    });
    // data volume in bytes; a roaming call category
    this.OPTION5(() => {
      this.CONSUME(kw('bytes'));
      this.CONSUME4(NumberTok, { LABEL: 'bytes' });
    });
    this.OPTION6(() => {
      this.CONSUME(kw('category'));
      this.SUBRULE2(this.name, { LABEL: 'category' });
    });
    // `count 1000`: that many identical records (period tests)
    this.OPTION7(() => {
      this.CONSUME(kw('count'));
      this.CONSUME5(NumberTok, { LABEL: 'count' });
    });
  });

  testInput = this.RULE('testInput', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(kw('kpi'));
          this.SUBRULE(this.name, { LABEL: 'kpiName' });
          this.OR2([{ ALT: () => this.CONSUME(Percent, { LABEL: 'kpiValue' }) }, { ALT: () => this.CONSUME(Duration, { LABEL: 'kpiValue' }) }]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(kw('retail'));
          this.SUBRULE2(this.name, { LABEL: 'service' });
          this.OR3([{ ALT: () => this.CONSUME(NumberTok, { LABEL: 'subscriber' }) }, { ALT: () => this.CONSUME(Identifier, { LABEL: 'subscriber' }) }]);
          this.CONSUME(DateTok);
          this.CONSUME(kw('gross'));
          this.CONSUME2(NumberTok, { LABEL: 'gross' });
          this.CONSUME(kw('taxes'));
          this.CONSUME3(NumberTok, { LABEL: 'taxes' });
          this.CONSUME(kw('refunds'));
          this.CONSUME4(NumberTok, { LABEL: 'refunds' });
        },
      },
    ]);
  });

  testExpect = this.RULE('testExpect', () => {
    this.CONSUME(kw('expect'));
    this.OR([
      {
        ALT: () => {
          this.SUBRULE(this.money);
          this.OPTION4(() => { this.CONSUME(kw('original')); this.SUBRULE2(this.money, { LABEL: 'original' }); });
          this.OPTION(() => { this.CONSUME(kw('zone')); this.SUBRULE(this.name, { LABEL: 'zone' }); });
          this.OPTION2(() => { this.CONSUME(kw('band')); this.SUBRULE2(this.name, { LABEL: 'band' }); });
          this.OPTION3(() => { this.CONSUME(kw('billed')); this.CONSUME(Duration); });
        },
      },
      { ALT: () => { this.CONSUME(kw('suspense')); this.SUBRULE3(this.name, { LABEL: 'reason' }); } },
      {
        // `expect charge discount FR-MOBILE-VOLUME tier 2 -12.30 EUR`
        ALT: () => {
          this.CONSUME(kw('charge'));
          this.SUBRULE4(this.name, { LABEL: 'construct' });
          this.SUBRULE5(this.name, { LABEL: 'subject' });
          this.OPTION5(() => { this.CONSUME(kw('tier')); this.CONSUME(NumberTok, { LABEL: 'tier' }); });
          this.SUBRULE(this.signedMoney);
        },
      },
      { ALT: () => { this.CONSUME(kw('total')); this.SUBRULE2(this.signedMoney); } },
    ]);
  });
}
