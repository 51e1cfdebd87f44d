// The grammar of GRAMMAR.md as a Chevrotain CstParser with error recovery. The CST keeps
// every token (the formatter and a future language server read it); ast-builder.ts turns it
// into the plain-data AST. Rule names are part of the CST shape: ast-builder.ts and format.ts
// depend on them.
import type { IToken } from 'chevrotain';
import { errorMessages } from './parse-messages.js';
import { LineAwareParser } from './parser-base.js';
import {
  allTokens, Arrow, Comma, DateTime, DateTok, Duration, GreaterEq, Identifier, kw, LCurly, LessEq,
  NumberTok, Percent, Range, RCurly, Slash, SoftKeyword, StringLit, TimeRange, TimeZoneName,
  Minus, YearMonth,
} from './tokens.js';
import { SERVICE_KINDS } from './ast.js';

export class AgreementParser extends LineAwareParser {
  constructor() {
    super(allTokens, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: errorMessages });
    this.performSelfAnalysis();
  }

  // Items and `}` outside any agreement are accepted here and reported by parse.ts: after a
  // missing or extra `}` the rest of the file is still parsed and its errors still reported.
  file = this.RULE('file', () => {
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.agreement) },
        { ALT: () => this.SUBRULE(this.partyDecl) },
        { ALT: () => this.SUBRULE(this.agreementItem, { LABEL: 'strayItem' }) },
        { ALT: () => this.CONSUME(RCurly, { LABEL: 'strayClose' }) },
      ]),
    );
  });

  agreement = this.RULE('agreement', () => {
    this.CONSUME(kw('agreement'));
    this.SUBRULE(this.name, { LABEL: 'id' });
    this.OPTION(() => this.CONSUME(StringLit));
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.agreementItem));
    this.CONSUME(RCurly);
  });

  /** Identifier or a keyword-looking word, where the position makes it unambiguous. */
  name = this.RULE('name', () => {
    this.OR([
      { ALT: () => this.CONSUME(Identifier) },
      { GATE: () => this.keywordMayBeName(), ALT: () => this.CONSUME(SoftKeyword) },
    ]);
  });

  agreementItem = this.RULE('agreementItem', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.versionDecl) },
      { ALT: () => this.SUBRULE(this.partiesBlock) },
      { ALT: () => this.SUBRULE(this.currencyDecl) },
      { ALT: () => this.SUBRULE(this.validDecl) },
      { ALT: () => this.SUBRULE(this.timezoneDecl) },
      { ALT: () => this.SUBRULE(this.interconnectBlock) },
      { ALT: () => this.SUBRULE(this.holidaysBlock) },
      { ALT: () => this.SUBRULE(this.timebandsBlock) },
      { ALT: () => this.SUBRULE(this.zonesBlock) },
      { ALT: () => this.SUBRULE(this.serviceBlock) },
      { ALT: () => this.SUBRULE(this.testBlock) },
      { ALT: () => this.SUBRULE(this.settlementBlock) },
      { ALT: () => this.SUBRULE(this.fxDecl) },
      { ALT: () => this.SUBRULE(this.discountBlock) },
      { ALT: () => this.SUBRULE(this.commitmentBlock) },
    ]);
  });

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

  // ---- settlement terms of an agreement (recorded for bill runs and disputes) ----

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
    ]);
  });

  tolerance = this.RULE('tolerance', () => {
    this.OR([{ ALT: () => this.CONSUME(Percent) }, { ALT: () => this.SUBRULE(this.money) }]);
  });

  versionDecl = this.RULE('versionDecl', () => {
    this.CONSUME(kw('version'));
    this.CONSUME(NumberTok);
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

  serviceBlock = this.RULE('serviceBlock', () => {
    this.CONSUME(kw('service'));
    this.SUBRULE(this.name);
    this.OR(SERVICE_KINDS.map((k) => ({ ALT: () => this.CONSUME(kw(k)) })));
    this.OR2([{ ALT: () => this.CONSUME(kw('payable')) }, { ALT: () => this.CONSUME(kw('receivable')) }]);
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.serviceItem));
    this.CONSUME(RCurly);
  });

  serviceItem = this.RULE('serviceItem', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.billingDecl) },
      { ALT: () => this.SUBRULE(this.connectFeeDecl) },
      { ALT: () => this.SUBRULE(this.zeroDurationDecl) },
      { ALT: () => this.SUBRULE(this.boundaryDecl) },
      { ALT: () => this.SUBRULE(this.rateDecl) },
      { ALT: () => this.SUBRULE(this.barDecl) },
      { ALT: () => this.SUBRULE(this.maximumDecl) },
      { ALT: () => this.SUBRULE(this.roundingDecl) },
      { ALT: () => this.SUBRULE(this.deckDecl) },
      { ALT: () => this.SUBRULE(this.noticeDecl) },
      { ALT: () => this.SUBRULE(this.surchargeDecl) },
      { ALT: () => this.SUBRULE(this.poolDecl) },
      { ALT: () => this.SUBRULE(this.revenueShareDecl) },
      { ALT: () => this.SUBRULE(this.commissionDecl) },
      { ALT: () => this.SUBRULE(this.slaDecl) },
      { ALT: () => this.SUBRULE(this.tieredDecl) },
      { ALT: () => this.SUBRULE(this.tierLine) },
      { ALT: () => this.SUBRULE(this.minimumDecl) },
    ]);
  });

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

  /** `kpi availability 99.97%`, `kpi latency-p99 12ms`;
   *  `retail premium-video 12125550001 2026-03-01 gross 15.99 taxes 1.42 refunds 0` */
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

  /** `sla availability >= 99.99% per month, credit 10% per 0.01% below, cap 50%`;
   *  `sla latency p99 <= 10ms, credit 5%` */
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

  money = this.RULE('money', () => {
    this.CONSUME(NumberTok);
    this.CONSUME(Identifier, { LABEL: 'currency' });
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

  /** `period 2026-03` in a test: period charges of that month are computed and can be expected. */
  testPeriod = this.RULE('testPeriod', () => {
    this.CONSUME(kw('period'));
    this.CONSUME(YearMonth);
  });

  /** `-12.30 EUR`: an amount that may be negative (charge lines: discounts, caps). */
  signedMoney = this.RULE('signedMoney', () => {
    this.OPTION(() => this.CONSUME(Minus));
    this.CONSUME(NumberTok);
    this.CONSUME(Identifier, { LABEL: 'currency' });
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

  parseFile(tokens: IToken[]) {
    this.setTokens(tokens);
    return this.file();
  }

  /** After `..` in a tier line: a number that is no price's amount (`0.0020 EUR/call`) is the upper bound. */
  private upperBoundFollows(): boolean {
    if (this.LA(1).tokenType !== NumberTok) return false;
    const t2 = this.LA(2).tokenType;
    const nameLike = t2 === Identifier || (t2.CATEGORIES ?? []).includes(SoftKeyword);
    return !(nameLike && this.LA(3).tokenType === Slash);
  }

  /** A name that begins an item (a zone, a band): a keyword there is a name even at a line start. */
  private itemStartName(label?: string): void {
    this.nameMayBeKeyword = true;
    try {
      this.SUBRULE(this.name, label === undefined ? undefined : { LABEL: label });
    } finally {
      this.nameMayBeKeyword = false;
    }
  }
}

/** Parsers are stateful but reusable; one instance avoids re-running the grammar analysis. */
export const parser = new AgreementParser();
