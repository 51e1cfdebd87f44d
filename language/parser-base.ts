// What the grammar needs beyond Chevrotain: knowledge of lines. The lexer drops newlines, yet
// lines are where items begin, so error recovery and the keyword-as-name decisions look at
// which tokens begin a line. The grammar itself is in parser.ts and the parser-*.ts layers.
import './polyfills.js';
import { CstParser, EOF, tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import { useTokensForMessages } from './parse-messages.js';
import { Duration, Identifier, kw, NumberTok, RCurly, SoftKeyword } from './tokens.js';

/** Words that begin a service line: never taken for a band name, so
 *  `rate any 0.01 EUR/min maximum 5 EUR per call` on one line stays two items. */
const SERVICE_ITEM_STARTS = new Set(['billing', 'connect', 'zero', 'calls', 'rate', 'bar', 'maximum', 'rounding', 'rates', 'notice', 'surcharge', 'minimum', 'tiered', 'tier'].map((w) => `Kw_${w}`));

function isName(t: IToken): boolean {
  return t.tokenType === Identifier || (t.tokenType.CATEGORIES ?? []).includes(SoftKeyword);
}

export abstract class LineAwareParser extends CstParser {
  // a Set, not a WeakSet: it is replaced on every parse, and WeakSet lookups were a tenth of the
  // parse time on large files
  protected lineStarts = new Set<IToken>();
  /** Set while parsing a name that begins an item (a zone, a band). */
  protected nameMayBeKeyword = false;
  private resyncTarget: IToken | undefined;

  protected setTokens(tokens: IToken[]): void {
    this.lineStarts = new Set();
    let previousEndLine = 0;
    for (const t of tokens) {
      if ((t.startLine ?? 0) > previousEndLine) this.lineStarts.add(t);
      previousEndLine = t.endLine ?? t.startLine ?? previousEndLine;
    }
    useTokensForMessages(tokens);
    this.input = tokens;
  }

  /** Inside an item, a keyword opening a new line is the next item, not a name: `tadig` left
   *  without a value must not swallow the next line's `partner`. */
  protected keywordMayBeName(): boolean {
    return this.nameMayBeKeyword || !this.lineStarts.has(this.LA(1));
  }

  // Chevrotain re-syncs after an error at the first token that may follow any rule on the
  // stack, often a keyword in the middle of the broken line (`type interconnect` looks like the
  // start of an interconnect block). Re-syncing only at a line start or a `}` keeps one broken
  // line from swallowing the next items. Overrides an internal of Chevrotain's recovery.
  findReSyncTokenType(): TokenType {
    const follows = (this as unknown as { flattenFollowSet(): TokenType[] }).flattenFollowSet();
    for (let k = 1; ; k++) {
      const t = this.LA(k);
      if (t.tokenType === EOF) {
        this.resyncTarget = undefined;
        return EOF;
      }
      const match = follows.find((f) => tokenMatcher(t, f));
      if (match !== undefined && (t.tokenType === RCurly || this.lineStarts.has(t))) {
        this.resyncTarget = t;
        return match;
      }
    }
  }

  /** Skips to the very token findReSyncTokenType chose (not the first of its type). */
  reSyncTo(tokType: TokenType): IToken[] {
    const skipped: IToken[] = [];
    const target = this.resyncTarget;
    while (this.LA(1).tokenType !== EOF && (target !== undefined ? this.LA(1) !== target : !tokenMatcher(this.LA(1), tokType))) {
      skipped.push(this.SKIP_TOKEN());
    }
    return skipped;
  }

  // A band name is a word followed by a price; without this, `from 2026-04-01` or the next
  // line's `rate` could be taken for a band called `from` or `rate`.
  protected startsBandName(): boolean {
    const t1 = this.LA(1);
    if (t1.tokenType === Identifier) return true;
    // A keyword opening a line starts the next item (`bar …`), not a band of this rate line.
    if (!isName(t1) || this.lineStarts.has(t1) || SERVICE_ITEM_STARTS.has(t1.tokenType.name)) return false;
    const t2 = this.LA(2).tokenType;
    return t2 === NumberTok || t2 === kw('first');
  }

  protected startsBandPrice(): boolean {
    const t1 = this.LA(1).tokenType;
    if (t1 === NumberTok) return true;
    if (t1 === kw('first') && this.LA(2).tokenType === Duration) return true;
    return this.startsBandName();
  }
}
