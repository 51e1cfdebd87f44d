// The service lines that price single records: billing increments, connect fee, zero-duration
// calls, band boundaries, rate lines and their band prices and steps, bars, maximums, rounding,
// origin surcharges, rate decks and their notice. A layer of the grammar chain (parser-core.ts
// says why a chain); the service block that lists these lines is in parser.ts.
import { CoreParser } from './parser-core.js';
import { Comma, DateTok, Duration, Identifier, kw, NumberTok, Slash, StringLit } from './tokens.js';

export abstract class PricingParser extends CoreParser {
  // ---- how a service prices a record: increments, fees, rate lines, caps, rounding

  billingDecl = this.RULE('billingDecl', () => {
    this.CONSUME(kw('billing'));
    this.CONSUME(NumberTok, { LABEL: 'first' });
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Slash);
          this.CONSUME2(NumberTok, { LABEL: 'next' });
          this.OPTION(() => {
            this.CONSUME(kw('minimum'));
            this.CONSUME(Duration);
          });
        },
      },
      // `billing 1 KB`: the rounding unit of every data record's volume
      { ALT: () => this.CONSUME(Identifier, { LABEL: 'volumeUnit' }) },
    ]);
  });

  connectFeeDecl = this.RULE('connectFeeDecl', () => {
    this.CONSUME(kw('connect'));
    this.CONSUME(kw('fee'));
    this.SUBRULE(this.money);
  });

  zeroDurationDecl = this.RULE('zeroDurationDecl', () => {
    this.CONSUME(kw('zero'));
    this.CONSUME(kw('duration'));
    this.CONSUME(kw('calls'));
    this.OPTION(() => this.CONSUME(kw('are')));
    this.OR([{ ALT: () => this.CONSUME(kw('charged')) }, { ALT: () => this.CONSUME(kw('free')) }]);
  });

  boundaryDecl = this.RULE('boundaryDecl', () => {
    this.CONSUME(kw('calls'));
    this.CONSUME(kw('across'));
    this.CONSUME(kw('a'));
    this.CONSUME(kw('band'));
    this.CONSUME(kw('boundary'));
    this.CONSUME(kw('are'));
    this.OR([
      {
        ALT: () => {
          this.CONSUME(kw('rated'));
          this.CONSUME(kw('at'));
          this.CONSUME(kw('the'));
          this.CONSUME(kw('start'));
          this.CONSUME2(kw('band'));
        },
      },
      {
        ALT: () => {
          this.CONSUME(kw('split'));
          this.CONSUME2(kw('at'));
          this.CONSUME2(kw('the'));
          this.CONSUME2(kw('boundary'));
        },
      },
    ]);
  });

  rateDecl = this.RULE('rateDecl', () => {
    this.CONSUME(kw('rate'));
    // `rate calls home 0.0250 EUR/min`: a roaming call category instead of a zone.
    this.OPTION3({
      GATE: () => this.LA(1).tokenType === kw('calls'),
      DEF: () => {
        this.CONSUME(kw('calls'));
        this.SUBRULE2(this.name, { LABEL: 'category' });
      },
    });
    // `rate 0.0009 EUR/MB`: no zone written means every destination (`any`).
    this.OPTION2({ GATE: () => this.LA(1).tokenType !== NumberTok && this.LA(1).tokenType !== kw('origin'), DEF: () => this.SUBRULE(this.name, { LABEL: 'zone' }) });
    // `rate any origin UK-FIXED 0.0050 EUR/min`: the price for calls whose A-number is in UK-FIXED.
    this.OPTION4(() => {
      this.CONSUME(kw('origin'));
      this.SUBRULE3(this.name, { LABEL: 'origin' });
    });
    this.AT_LEAST_ONE({ GATE: () => this.startsBandPrice(), DEF: () => this.SUBRULE(this.bandPrice) });
    // `for active devices`: a fee per active unit per month, charged per period
    this.OPTION6(() => {
      this.CONSUME(kw('for'));
      this.CONSUME(kw('active'));
      this.SUBRULE5(this.name, { LABEL: 'activeUnits' });
    });
    this.OPTION(() => {
      this.CONSUME(kw('from'));
      this.CONSUME(DateTok);
    });
    // A recurring fee (`rate 12_000 EUR/month`) states its proration: `not prorated` or `prorated by day`.
    this.OPTION5(() =>
      this.OR([
        { ALT: () => { this.CONSUME(kw('not')); this.CONSUME(kw('prorated')); } },
        { ALT: () => { this.CONSUME2(kw('prorated')); this.CONSUME(kw('by')); this.SUBRULE4(this.name, { LABEL: 'prorateBy' }); } },
      ]),
    );
  });

  bandPrice = this.RULE('bandPrice', () => {
    this.OPTION({ GATE: () => this.startsBandName(), DEF: () => this.itemStartName('band') });
    this.SUBRULE(this.priceSpec);
  });

  priceSpec = this.RULE('priceSpec', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.price) },
      {
        ALT: () => {
          this.CONSUME(kw('first'));
          this.CONSUME(Duration);
          this.SUBRULE2(this.price);
          this.MANY(() => {
            this.CONSUME(kw('next'));
            this.CONSUME2(Duration);
            this.SUBRULE3(this.price);
          });
          this.CONSUME(kw('then'));
          this.SUBRULE4(this.price);
        },
      },
    ]);
  });

  barDecl = this.RULE('barDecl', () => {
    this.CONSUME(kw('bar'));
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.name) });
  });

  maximumDecl = this.RULE('maximumDecl', () => {
    this.CONSUME(kw('maximum'));
    this.SUBRULE(this.money);
    this.CONSUME(kw('per'));
    // `per call`, or a cap per period: `per month` (period words are checked by the compiler).
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => this.CONSUME(kw('call')) },
        { GATE: () => this.LA(1).tokenType !== kw('call'), ALT: () => this.SUBRULE(this.name, { LABEL: 'period' }) },
      ],
    });
  });

  roundingDecl = this.RULE('roundingDecl', () => {
    this.CONSUME(kw('rounding'));
    this.OR([
      { ALT: () => this.CONSUME(kw('half-up')) },
      { ALT: () => this.CONSUME(kw('half-even')) },
      { ALT: () => this.CONSUME(kw('up')) },
      { ALT: () => this.CONSUME(kw('down')) },
    ]);
    this.CONSUME(NumberTok);
    this.CONSUME(kw('decimals'));
    this.CONSUME(kw('per'));
    this.OR2([
      { ALT: () => this.CONSUME(kw('record')) },
      { ALT: () => { this.CONSUME(kw('invoice')); this.CONSUME(kw('line')); } },
    ]);
  });

  // `surcharge origin outside EU 0.0600 EUR/min`: added per billed minute (or message)
  // when the A-number is (outside: is not) in the zone.
  surchargeDecl = this.RULE('surchargeDecl', () => {
    this.CONSUME(kw('surcharge'));
    this.CONSUME(kw('origin'));
    this.OPTION(() => this.CONSUME(kw('outside')));
    this.SUBRULE(this.name, { LABEL: 'zone' });
    this.SUBRULE(this.price);
  });

  // ---- rates from a CSV deck (compiler/deck/)

  /** `rates from deck "decks/x.csv" issued 2026-03-01` (compiler/deck/) */
  deckDecl = this.RULE('deckDecl', () => {
    this.CONSUME(kw('rates'));
    this.CONSUME(kw('from'));
    this.CONSUME(kw('deck'));
    this.CONSUME(StringLit);
    this.OPTION(() => {
      this.CONSUME(kw('issued'));
      this.CONSUME(DateTok);
    });
  });

  /** `notice increases 7 days` */
  noticeDecl = this.RULE('noticeDecl', () => {
    this.CONSUME(kw('notice'));
    this.CONSUME(kw('increases'));
    this.CONSUME(NumberTok);
    this.CONSUME(kw('days'));
  });
}
