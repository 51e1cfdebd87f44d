// The grammar of GRAMMAR.md as a Chevrotain CstParser with error recovery. The CST keeps
// every token (the formatter and a future language server read it); ast-builder.ts turns it
// into the plain-data AST. Rule names are part of the CST shape: ast-builder.ts and format.ts
// depend on them. This file is the top of the grammar: the file, agreements, services and the
// item lists that name rules of every layer below (parser-core.ts, parser-pricing.ts,
// parser-period.ts, parser-tests.ts), so it is the one class that analyses the whole grammar.
import type { CstNode, IToken } from 'chevrotain';
import { SERVICE_KINDS } from './ast.js';
import { errorMessages } from './parse-messages.js';
import { TestsParser } from './parser-tests.js';
import { allTokens, kw, LCurly, NumberTok, RCurly, StringLit } from './tokens.js';

/** The rules a block repeats, one per item: the units the incremental re-parse replaces. */
export type ItemRule = 'agreementItem' | 'serviceItem' | 'zoneDef' | 'partyDecl';

export class AgreementParser extends TestsParser {
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
        { ALT: () => this.SUBRULE(this.trafficTest) },
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

  // A traffic test (`*.test.icx`): `test "…" for AGREEMENT { traffic "FILE"  expect … }`. Top level,
  // so `test "…" for` is told from a stray test block (`test "…" {`) by its third token.
  trafficTest = this.RULE('trafficTest', () => {
    this.CONSUME(kw('test'));
    this.CONSUME(StringLit);
    this.CONSUME(kw('for'));
    this.SUBRULE(this.name, { LABEL: 'agreement' });
    this.CONSUME(LCurly);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.trafficSource) },
        // `period 2026-03`: the period charges of that month are computed too (`expect charge …`)
        { ALT: () => this.SUBRULE(this.testPeriod) },
        { ALT: () => this.SUBRULE(this.trafficExpect) },
      ]),
    );
    this.CONSUME(RCurly);
  });

  trafficSource = this.RULE('trafficSource', () => {
    this.CONSUME(kw('traffic'));
    this.CONSUME(StringLit);
  });

  // `expect count 20 rated 13 suspense 7` | `expect suspense no-zone 2` | `expect total 0.09 EUR`
  // | `expect charge CONSTRUCT SUBJECT (tier N)? -1.00 EUR` | `expect (service S)? (zone Z)? (band B)? 0.05 EUR`
  trafficExpect = this.RULE('trafficExpect', () => {
    this.CONSUME(kw('expect'));
    this.OR([
      {
        ALT: () => {
          this.CONSUME(kw('count'));
          this.CONSUME(NumberTok, { LABEL: 'count' });
          this.OPTION(() => { this.CONSUME(kw('rated')); this.CONSUME2(NumberTok, { LABEL: 'rated' }); });
          this.OPTION2(() => { this.CONSUME(kw('suspense')); this.CONSUME3(NumberTok, { LABEL: 'suspense' }); });
        },
      },
      {
        ALT: () => {
          this.CONSUME2(kw('suspense'));
          this.SUBRULE(this.name, { LABEL: 'reason' });
          this.CONSUME4(NumberTok, { LABEL: 'reasonCount' });
        },
      },
      { ALT: () => { this.CONSUME(kw('total')); this.SUBRULE(this.money); } },
      {
        // `expect charge discount FR-MOBILE-VOLUME tier 1 0.00 EUR` (with `period`), as in period tests
        ALT: () => {
          this.CONSUME(kw('charge'));
          this.SUBRULE5(this.name, { LABEL: 'construct' });
          this.SUBRULE6(this.name, { LABEL: 'subject' });
          this.OPTION6(() => { this.CONSUME(kw('tier')); this.CONSUME5(NumberTok, { LABEL: 'tier' }); });
          this.SUBRULE(this.signedMoney);
        },
      },
      {
        ALT: () => {
          this.OPTION3(() => { this.CONSUME(kw('service')); this.SUBRULE2(this.name, { LABEL: 'service' }); });
          this.OPTION4(() => { this.CONSUME(kw('zone')); this.SUBRULE3(this.name, { LABEL: 'zone' }); });
          this.OPTION5(() => { this.CONSUME(kw('band')); this.SUBRULE4(this.name, { LABEL: 'band' }); });
          this.SUBRULE2(this.money);
        },
      },
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

  parseFile(tokens: IToken[]) {
    this.setTokens(tokens);
    return this.file();
  }

  /** The rule `itemProbe` parses (set by parseItems). */
  private probeRule: ItemRule = 'agreementItem';

  // One item of a block, for parseItems. An item rule is never the top rule of a parse: Chevrotain
  // treats a repetition that ends the top rule as needing the end of the input after it, which
  // the same rule inside a block does not (and the tokens after the item are the next items).
  itemProbe = this.RULE('itemProbe', () => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => this.probeRule === 'agreementItem', ALT: () => this.SUBRULE(this.agreementItem) },
        { GATE: () => this.probeRule === 'serviceItem', ALT: () => this.SUBRULE(this.serviceItem) },
        { GATE: () => this.probeRule === 'zoneDef', ALT: () => this.SUBRULE(this.zoneDef) },
        { GATE: () => this.probeRule === 'partyDecl', ALT: () => this.SUBRULE(this.partyDecl) },
      ],
    });
  });

  /** Parses items in a row with the rule a block repeats, until `stopAt` tokens are read (or an
   *  error, or `maxItems`), for the incremental re-parse (incremental.ts): each item's CST, the
   *  index of the token after it, and the number of syntax errors. `tokens` go on past the items
   *  (the lookahead the full parse would see), so Chevrotain's complaint that the top rule left
   *  input unread is not an error here. */
  parseItems(rule: ItemRule, tokens: IToken[], stopAt: number, maxItems: number): { items: CstNode[]; ends: number[]; errors: number } {
    this.setTokens(tokens);
    this.probeRule = rule;
    const items: CstNode[] = [];
    const ends: number[] = [];
    const realErrors = () => this.errors.filter((e) => e.name !== 'NotAllInputParsedException').length;
    while (items.length < maxItems && (ends[ends.length - 1] ?? 0) < stopAt && realErrors() === 0) {
      const item = this.itemProbe().children[rule]?.[0];
      // Chevrotain's index of the last token consumed (an internal without a public type)
      const end = (this as unknown as { exportLexerState(): number }).exportLexerState() + 1;
      if (item === undefined || !('children' in item) || end === (ends[ends.length - 1] ?? 0)) break; // no progress
      items.push(item);
      ends.push(end);
    }
    return { items, ends, errors: realErrors() };
  }
}

/** Parsers are stateful but reusable; one instance avoids re-running the grammar analysis. */
export const parser = new AgreementParser();
