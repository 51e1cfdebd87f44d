// The first layer of the grammar (GRAMMAR.md): names, codes, money and price literals, and the
// agreement items that price nothing: header, parties, declared partners and entities,
// interconnects, calendars, time bands, zones, fx and settlement. The grammar is a chain of
// classes, one concept each (core → pricing → period → tests → parser.ts), because Chevrotain
// records the rules of every class in the chain once, in the most-derived constructor: a rule
// may use the rules of its own class and of those below it, so the item lists that name rules
// of every layer stay in parser.ts. Rule names and labels are the CST shape (ast-builder*.ts,
// format.ts); numbered calls (OPTION2, SUBRULE3) must stay unique within a rule.
import { LineAwareParser } from './parser-base.js';
import {
  Arrow, Comma, DateTok, Duration, GreaterEq, Identifier, kw, LCurly, LessEq, Minus, NumberTok,
  Percent, Range, RCurly, Slash, SoftKeyword, StringLit, TimeRange, TimeZoneName,
} from './tokens.js';

export abstract class CoreParser extends LineAwareParser {
  // ---- names, codes and amounts: the pieces every other rule is made of

  /** Identifier or a keyword-looking word, where the position makes it unambiguous. */
  name = this.RULE('name', () => {
    this.OR([
      { ALT: () => this.CONSUME(Identifier) },
      { GATE: () => this.keywordMayBeName(), ALT: () => this.CONSUME(SoftKeyword) },
    ]);
  });

  /** One or more codes on the rest of the line: a word opening the next line is the next item. */
  codeList = this.RULE('codeList', () => {
    this.SUBRULE(this.codeValue);
    this.MANY({ GATE: () => !this.lineStarts.has(this.LA(1)), DEF: () => this.SUBRULE2(this.codeValue) });
  });

  /** A code: a name, a number or a quoted string. */
  codeValue = this.RULE('codeValue', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.name) },
      { ALT: () => this.CONSUME(NumberTok) },
      { ALT: () => this.CONSUME(StringLit) },
    ]);
  });

  money = this.RULE('money', () => {
    this.CONSUME(NumberTok);
    this.CONSUME(Identifier, { LABEL: 'currency' });
  });

  /** `-12.30 EUR`: an amount that may be negative (charge lines: discounts, caps). */
  signedMoney = this.RULE('signedMoney', () => {
    this.OPTION(() => this.CONSUME(Minus));
    this.CONSUME(NumberTok);
    this.CONSUME(Identifier, { LABEL: 'currency' });
  });

  price = this.RULE('price', () => {
    this.CONSUME(NumberTok);
    this.CONSUME(Identifier, { LABEL: 'currency' });
    this.CONSUME(Slash);
    // the unit may be a keyword-looking word: an event service prices `EUR/call`, `EUR/event`
    this.OR([
      { ALT: () => this.CONSUME2(Identifier, { LABEL: 'per' }) },
      // ... but not a keyword opening the next line: `EUR/` left without a unit must not eat `rate`
      { GATE: () => !this.lineStarts.has(this.LA(1)), ALT: () => this.CONSUME(SoftKeyword, { LABEL: 'per' }) },
    ]);
    // `EUR/device/month`, `USD/subscriber/month`: a price per unit per period.
    this.OPTION(() => {
      this.CONSUME2(Slash);
      this.CONSUME3(Identifier, { LABEL: 'perPeriod' });
    });
  });

  // ---- the agreement header and its parties

  versionDecl = this.RULE('versionDecl', () => {
    this.CONSUME(kw('version'));
    this.CONSUME(NumberTok);
  });

  currencyDecl = this.RULE('currencyDecl', () => {
    this.CONSUME(kw('currency'));
    this.SUBRULE(this.name);
  });

  validDecl = this.RULE('validDecl', () => {
    this.CONSUME(kw('valid'));
    this.CONSUME(DateTok, { LABEL: 'from' });
    this.CONSUME(Range);
    this.OPTION(() => this.CONSUME2(DateTok, { LABEL: 'to' }));
  });

  timezoneDecl = this.RULE('timezoneDecl', () => {
    this.CONSUME(kw('timezone'));
    this.OR([{ ALT: () => this.CONSUME(TimeZoneName) }, { ALT: () => this.SUBRULE(this.name) }]);
  });

  partiesBlock = this.RULE('partiesBlock', () => {
    this.CONSUME(kw('parties'));
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.party));
    this.CONSUME(RCurly);
  });

  party = this.RULE('party', () => {
    this.OR([{ ALT: () => this.CONSUME(kw('us')) }, { ALT: () => this.CONSUME(kw('partner')) }]);
    this.SUBRULE(this.name);
    this.OPTION(() => this.CONSUME(StringLit));
    this.MANY(() => this.SUBRULE(this.partyAttr));
  });

  partyAttr = this.RULE('partyAttr', () => {
    this.OR([{ ALT: () => this.CONSUME(kw('tadig')) }, { ALT: () => this.CONSUME(kw('type')) }]);
    this.SUBRULE(this.name);
  });

  // ---- partners and entities, declared once outside any agreement (GRAMMAR.md) ----

  partyDecl = this.RULE('partyDecl', () => {
    this.OR([{ ALT: () => this.CONSUME(kw('partner')) }, { ALT: () => this.CONSUME(kw('entity')) }]);
    this.SUBRULE(this.name);
    this.OPTION(() => this.CONSUME(StringLit));
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.partyDeclItem));
    this.CONSUME(RCurly);
  });

  partyDeclItem = this.RULE('partyDeclItem', () => {
    this.OR([
      { ALT: () => { this.CONSUME(kw('type')); this.SUBRULE(this.name, { LABEL: 'value' }); } },
      { ALT: () => { this.CONSUME(kw('tadig')); this.SUBRULE(this.codeList); } },
      { ALT: () => { this.CONSUME(kw('carrier')); this.CONSUME(kw('code')); this.SUBRULE2(this.codeList); } },
      {
        ALT: () => {
          this.CONSUME(kw('vat'));
          this.OR2([{ ALT: () => this.SUBRULE2(this.name, { LABEL: 'value' }) }, { ALT: () => this.CONSUME(StringLit) }]);
        },
      },
      { ALT: () => { this.CONSUME(kw('address')); this.CONSUME2(StringLit); } },
    ]);
  });

  // ---- where and when traffic is rated: interconnects, holiday calendars, time bands, zones

  interconnectBlock = this.RULE('interconnectBlock', () => {
    this.CONSUME(kw('interconnect'));
    this.SUBRULE(this.name);
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.icItem));
    this.CONSUME(RCurly);
  });

  icItem = this.RULE('icItem', () => {
    this.OR([
      { ALT: () => { this.CONSUME(kw('site')); this.CONSUME(StringLit); } },
      { ALT: () => { this.CONSUME(kw('trunks')); this.AT_LEAST_ONE(() => this.CONSUME(Identifier)); } },
      {
        ALT: () => {
          this.CONSUME(kw('traffic'));
          this.AT_LEAST_ONE2(() => this.OR2([{ ALT: () => this.CONSUME(kw('voice')) }, { ALT: () => this.CONSUME(kw('sms')) }]));
        },
      },
      { ALT: () => { this.CONSUME(kw('quality')); this.AT_LEAST_ONE3(() => this.SUBRULE(this.qualityTarget)); } },
    ]);
  });

  qualityTarget = this.RULE('qualityTarget', () => {
    this.OR([
      { ALT: () => this.CONSUME(kw('asr')) },
      { ALT: () => this.CONSUME(kw('acd')) },
      { ALT: () => this.CONSUME(kw('pdd')) },
    ]);
    this.OR2([{ ALT: () => this.CONSUME(GreaterEq) }, { ALT: () => this.CONSUME(LessEq) }]);
    this.OR3([{ ALT: () => this.CONSUME(Percent) }, { ALT: () => this.CONSUME(Duration) }]);
  });

  holidaysBlock = this.RULE('holidaysBlock', () => {
    this.CONSUME(kw('holidays'));
    this.SUBRULE(this.name);
    this.CONSUME(LCurly);
    this.MANY(() => this.CONSUME(DateTok));
    this.CONSUME(RCurly);
  });

  timebandsBlock = this.RULE('timebandsBlock', () => {
    this.CONSUME(kw('timebands'));
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.band));
    this.CONSUME(RCurly);
  });

  band = this.RULE('band', () => {
    this.itemStartName();
    this.OR([
      { ALT: () => this.CONSUME(kw('otherwise')) },
      { ALT: () => { this.CONSUME(kw('holidays')); this.SUBRULE2(this.name, { LABEL: 'calendar' }); } },
      {
        ALT: () => {
          this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.CONSUME(Identifier, { LABEL: 'day' }) });
          this.MANY(() => this.CONSUME(TimeRange));
          this.OPTION(() => {
            this.CONSUME(kw('except'));
            this.CONSUME2(kw('holidays'));
            this.SUBRULE3(this.name, { LABEL: 'except' });
          });
        },
      },
    ]);
  });

  zonesBlock = this.RULE('zonesBlock', () => {
    this.CONSUME(kw('zones'));
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.zoneDef));
    this.CONSUME(RCurly);
  });

  zoneDef = this.RULE('zoneDef', () => {
    this.itemStartName();
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.prefix) });
  });

  prefix = this.RULE('prefix', () => {
    this.AT_LEAST_ONE(() => this.CONSUME(NumberTok));
  });

  // ---- fx, and settlement terms of an agreement (recorded for bill runs and disputes) ----

  /** `fx SDR -> EUR from table "fx/gsma-2026.csv" at usage date` (or `at period end`) */
  fxDecl = this.RULE('fxDecl', () => {
    this.CONSUME(kw('fx'));
    this.SUBRULE(this.name, { LABEL: 'fromCurrency' });
    this.CONSUME(Arrow);
    this.SUBRULE2(this.name, { LABEL: 'toCurrency' });
    this.CONSUME(kw('from'));
    this.CONSUME(kw('table'));
    this.CONSUME(StringLit);
    this.CONSUME(kw('at'));
    this.OR([
      { ALT: () => { this.CONSUME(kw('usage')); this.CONSUME(kw('date')); } },
      { ALT: () => { this.CONSUME(kw('period')); this.CONSUME(kw('end')); } },
    ]);
  });

  settlementBlock = this.RULE('settlementBlock', () => {
    this.CONSUME(kw('settlement'));
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.settlementItem));
    this.CONSUME(RCurly);
  });

  settlementItem = this.RULE('settlementItem', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(kw('invoicing'));
          this.SUBRULE(this.name, { LABEL: 'period' });
          this.OPTION(() => {
            this.CONSUME(Comma);
            this.CONSUME(kw('due'));
            this.CONSUME(NumberTok, { LABEL: 'dueDays' });
            this.SUBRULE2(this.name, { LABEL: 'dueUnit' });
          });
        },
      },
      { ALT: () => { this.CONSUME(kw('netting')); this.SUBRULE3(this.name, { LABEL: 'netting' }); } },
      // `currency EUR from table "fx/ecb-2026.csv"`: the netted balance is paid in EUR, each
      // document converted at the table's rate dated the period's last day (settlement.ts)
      {
        ALT: () => {
          this.CONSUME(kw('currency'));
          this.SUBRULE4(this.name, { LABEL: 'settlementCurrency' });
          this.OPTION3(() => {
            this.CONSUME2(kw('from'));
            this.CONSUME2(kw('table'));
            this.CONSUME(StringLit, { LABEL: 'settlementTable' });
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(kw('dispute'));
          this.CONSUME(kw('tolerance'));
          this.SUBRULE(this.tolerance);
          this.OPTION2(() => {
            this.CONSUME(kw('or'));
            this.SUBRULE2(this.tolerance);
          });
        },
      },
      // `dispute within 30 days`: a dispute is raised within N days of the partner's invoice date
      {
        ALT: () => {
          this.CONSUME2(kw('dispute'));
          this.CONSUME(kw('within'));
          this.CONSUME2(NumberTok, { LABEL: 'disputeDays' });
          this.SUBRULE5(this.name, { LABEL: 'disputeUnit' });
        },
      },
      // `dispute answer within 15 days`: the partner answers a dispute within N days of it being raised
      {
        ALT: () => {
          this.CONSUME3(kw('dispute'));
          this.CONSUME(kw('answer'));
          this.CONSUME2(kw('within'));
          this.CONSUME3(NumberTok, { LABEL: 'answerDays' });
          this.SUBRULE6(this.name, { LABEL: 'answerUnit' });
        },
      },
    ]);
  });

  tolerance = this.RULE('tolerance', () => {
    this.OR([{ ALT: () => this.CONSUME(Percent) }, { ALT: () => this.SUBRULE(this.money) }]);
  });

  /** A name that begins an item (a zone, a band): a keyword there is a name even at a line start. */
  protected itemStartName(label?: string): void {
    this.nameMayBeKeyword = true;
    try {
      this.SUBRULE(this.name, label === undefined ? undefined : { LABEL: label });
    } finally {
      this.nameMayBeKeyword = false;
    }
  }
}
