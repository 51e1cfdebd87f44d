// The terms charged per period rather than per record: minimum fees, tiered pricing, discounts,
// commitments and their shortfall, and the digital-partner terms (pooled data, revenue share,
// commission, SLAs). A layer of the grammar chain (parser-core.ts says why a chain).
import { PricingParser } from './parser-pricing.js';
import {
  Comma, Duration, GreaterEq, Identifier, kw, LCurly, LessEq, NumberTok, Percent, Range, RCurly,
  Slash, SoftKeyword,
} from './tokens.js';

export abstract class PeriodParser extends PricingParser {
  // ---- period charges: tiers, discounts, commitments, minimum fees (runtime/period/README.md)

  /** `minimum 40_000 EUR per month`, or per unit per period: `minimum 2.50 USD/subscriber/month`. */
  minimumDecl = this.RULE('minimumDecl', () => {
    this.CONSUME(kw('minimum'));
    this.SUBRULE(this.money);
    this.OR([
      { ALT: () => { this.CONSUME(kw('per')); this.SUBRULE(this.name, { LABEL: 'period' }); } },
      {
        ALT: () => {
          this.CONSUME(Slash);
          this.SUBRULE2(this.name, { LABEL: 'per' });
          this.OPTION(() => { this.CONSUME2(Slash); this.SUBRULE3(this.name, { LABEL: 'perPeriod' }); });
        },
      },
    ]);
  });

  /** `tiered per month, incremental` inside a service. */
  tieredDecl = this.RULE('tieredDecl', () => {
    this.CONSUME(kw('tiered'));
    this.SUBRULE(this.tierStyle);
  });

  /** `per month, retroactive`: the period and the tier style. */
  tierStyle = this.RULE('tierStyle', () => {
    this.CONSUME(kw('per'));
    this.SUBRULE(this.name, { LABEL: 'period' });
    this.OPTION(() => { this.CONSUME(Comma); this.SUBRULE2(this.name, { LABEL: 'style' }); });
  });

  /** `tier 0 .. 1_000_000 min 0%`, `tier 500_000 GB .. 20%`, `tier 1_000_000 .. 0.0020 EUR/call`. */
  tierLine = this.RULE('tierLine', () => {
    this.CONSUME(kw('tier'));
    this.CONSUME(NumberTok, { LABEL: 'from' });
    this.OPTION(() => this.SUBRULE(this.name, { LABEL: 'fromUnit' }));
    this.CONSUME(Range);
    this.OPTION2({
      GATE: () => this.upperBoundFollows(),
      DEF: () => {
        this.CONSUME2(NumberTok, { LABEL: 'to' });
        this.OPTION3(() => this.SUBRULE2(this.name, { LABEL: 'toUnit' }));
      },
    });
    this.OR([{ ALT: () => this.CONSUME(Percent) }, { ALT: () => this.SUBRULE(this.price) }]);
  });

  discountBlock = this.RULE('discountBlock', () => {
    this.CONSUME(kw('discount'));
    this.OPTION({ GATE: () => this.LA(1).tokenType !== kw('on'), DEF: () => this.SUBRULE(this.name, { LABEL: 'discountName' }) });
    this.CONSUME(kw('on'));
    this.SUBRULE2(this.name, { LABEL: 'service' });
    this.OPTION2(() => { this.CONSUME(kw('zone')); this.SUBRULE3(this.name, { LABEL: 'zone' }); });
    this.CONSUME(LCurly);
    this.MANY(() => this.OR([{ ALT: () => this.SUBRULE(this.tierStyle) }, { ALT: () => this.SUBRULE(this.tierLine) }]));
    this.CONSUME(RCurly);
  });

  commitmentBlock = this.RULE('commitmentBlock', () => {
    this.CONSUME(kw('commitment'));
    this.CONSUME(kw('on'));
    this.SUBRULE(this.name, { LABEL: 'service' });
    this.CONSUME(LCurly);
    this.MANY(() => this.OR([{ ALT: () => this.SUBRULE(this.shortfallLine) }, { ALT: () => this.SUBRULE(this.commitsLine) }]));
    this.CONSUME(RCurly);
  });

  /** `ACME commits 250_000 EUR per quarter`, `ORANGE commits 1_000_000 min per month`. */
  commitsLine = this.RULE('commitsLine', () => {
    this.itemStartName('party');
    this.CONSUME(kw('commits'));
    this.CONSUME(NumberTok);
    this.SUBRULE2(this.name, { LABEL: 'unit' });
    this.CONSUME(kw('per'));
    this.SUBRULE3(this.name, { LABEL: 'period' });
  });

  /** `shortfall invoiced at the end of the quarter`, `shortfall at 0.0100 EUR/min`. */
  shortfallLine = this.RULE('shortfallLine', () => {
    this.CONSUME(kw('shortfall'));
    this.OR([
      {
        ALT: () => {
          this.CONSUME(kw('invoiced'));
          this.CONSUME(kw('at'));
          this.CONSUME(kw('the'));
          // `end` is a keyword (`fx … at period end`); an identifier is accepted and checked
          this.OR2([{ ALT: () => this.CONSUME(kw('end'), { LABEL: 'endWord' }) }, { ALT: () => this.CONSUME(Identifier, { LABEL: 'endWord' }) }]);
          // `of` is a keyword of revenue shares and commissions (`70% of net retail`)
          this.OR3([{ ALT: () => this.CONSUME2(Identifier, { LABEL: 'ofWord' }) }, { ALT: () => this.CONSUME(kw('of'), { LABEL: 'ofWord' }) }]);
          this.CONSUME2(kw('the'));
          this.SUBRULE(this.name, { LABEL: 'period' });
        },
      },
      { ALT: () => { this.CONSUME2(kw('at')); this.SUBRULE(this.price); } },
    ]);
  });

  // ---- digital-partner terms: pooled data, revenue share, commission, SLAs

  /** `data pooled 500 MB/device/month, overage 0.002 EUR/MB` */
  poolDecl = this.RULE('poolDecl', () => {
    this.CONSUME(kw('data'));
    this.CONSUME(kw('pooled'));
    this.SUBRULE(this.quantity, { LABEL: 'allowance' });
    this.CONSUME(Comma);
    this.CONSUME(kw('overage'));
    this.SUBRULE(this.price, { LABEL: 'overage' });
  });

  /** `500 MB/device/month`: an amount of a unit per unit per period */
  quantity = this.RULE('quantity', () => {
    this.CONSUME(NumberTok);
    this.CONSUME(Identifier, { LABEL: 'unit' });
    this.CONSUME(Slash);
    this.CONSUME2(Identifier, { LABEL: 'per' });
    this.OPTION(() => {
      this.CONSUME2(Slash);
      this.CONSUME3(Identifier, { LABEL: 'perPeriod' });
    });
  });

  /** `revenue share 70% of net retail to STREAMCO` */
  revenueShareDecl = this.RULE('revenueShareDecl', () => {
    this.CONSUME(kw('revenue'));
    this.CONSUME(kw('share'));
    this.CONSUME(Percent);
    this.CONSUME(kw('of'));
    this.CONSUME(kw('net'));
    this.CONSUME(kw('retail'));
    this.OPTION(() => {
      this.CONSUME(kw('to'));
      this.SUBRULE(this.name, { LABEL: 'to' });
    });
  });

  /** `commission 12.00 EUR/activation plus 5% of first-month retail` */
  commissionDecl = this.RULE('commissionDecl', () => {
    this.CONSUME(kw('commission'));
    this.SUBRULE(this.price);
    this.OPTION(() => {
      this.CONSUME(kw('plus'));
      this.CONSUME(Percent);
      this.CONSUME(kw('of'));
      this.SUBRULE(this.name, { LABEL: 'basis' });
      this.CONSUME(kw('retail'));
    });
  });

  slaDecl = this.RULE('slaDecl', () => {
    this.CONSUME(kw('sla'));
    this.SUBRULE(this.name, { LABEL: 'metric' });
    this.OPTION(() => this.SUBRULE2(this.name, { LABEL: 'statistic' }));
    this.OR([{ ALT: () => this.CONSUME(GreaterEq) }, { ALT: () => this.CONSUME(LessEq) }]);
    this.OR2([{ ALT: () => this.CONSUME(Percent, { LABEL: 'target' }) }, { ALT: () => this.CONSUME(Duration, { LABEL: 'target' }) }]);
    this.OPTION2(() => {
      this.CONSUME(kw('per'));
      this.SUBRULE3(this.name, { LABEL: 'period' });
    });
    this.CONSUME(Comma);
    this.CONSUME(kw('credit'));
    this.CONSUME2(Percent, { LABEL: 'credit' });
    this.OPTION3(() => {
      this.CONSUME2(kw('per'));
      this.CONSUME3(Percent, { LABEL: 'step' });
      this.CONSUME(kw('below'));
    });
    this.OPTION4(() => {
      this.CONSUME2(Comma);
      this.CONSUME(kw('cap'));
      this.CONSUME4(Percent, { LABEL: 'cap' });
    });
  });

  /** After `..` in a tier line: a number that is no price's amount (`0.0020 EUR/call`) is the upper bound. */
  protected upperBoundFollows(): boolean {
    if (this.LA(1).tokenType !== NumberTok) return false;
    const t2 = this.LA(2).tokenType;
    const nameLike = t2 === Identifier || (t2.CATEGORIES ?? []).includes(SoftKeyword);
    return !(nameLike && this.LA(3).tokenType === Slash);
  }
}
