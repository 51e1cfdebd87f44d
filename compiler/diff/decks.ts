// Services that rate from a deck on both sides: the deck's prefixes compared with
// compiler/deck/diff.ts (latest row of each prefix), and the notice period checked on the
// price history of each prefix: an increase that takes effect sooner than `notice increases
// N days` after NEW's issue date (or after --as-of, when later) breaks the notice. The
// compiler checks the rows of one deck against each other; only a diff sees a row whose rate
// was raised in place, or an issue date moved without moving the increase.
import { addDays } from '../deck/check.js';
import { diffDecks } from '../deck/diff.js';
import type { DeckRow, ParsedDeck } from '../deck/parse.js';
import { priceChange } from './prices.js';
import type { ServiceDeckInfo } from './side.js';
import { compareSpans, compareValues, type Span } from './timeline.js';
import type { Change } from './types.js';

export interface DeckContext {
  agreement: string;
  service: string;
  currency: string;
  unit: string;
  /** the date the change is communicated (--as-of); null = the NEW deck's issue date alone */
  asOf: string | null;
}

export function diffServiceDecks(ctx: DeckContext, o: ServiceDeckInfo, n: ServiceDeckInfo): Change[] {
  const out: Change[] = [];
  const term = (kind: 'deck' | 'notice', subject: string, a: string | null, b: string | null) => {
    if (a === b) return;
    const op = a === null ? 'added' : b === null ? 'removed' : 'changed';
    const text = op === 'changed' ? `${subject} ${a} → ${b}` : `${subject} ${a ?? b}`;
    out.push({ agreement: ctx.agreement, service: ctx.service, kind, op, subject, old: a, new: b, text });
  };
  term('deck', 'deck file', o.uri, n.uri);
  term('deck', 'deck issued', o.issued, n.issued);
  term('notice', 'notice increases', o.noticeDays === null ? null : `${o.noticeDays} days`, n.noticeDays === null ? null : `${n.noticeDays} days`);

  const pctx = { ...ctx, start: null };
  for (const r of diffDecks(o.deck, n.deck).rows) {
    if (r.change === 'unchanged') continue;
    const key = { zone: r.destination, band: null, origin: null, fromSecond: 0 };
    // a prefix absent from NEW has no date of its own: none is shown
    const from = r.effectiveDate ?? latestDate(o.deck, r.prefix) ?? '';
    out.push(priceChange({ ...pctx, start: r.effectiveDate === null ? from : null }, key, from, null, r.oldRate, r.newRate, `${r.prefix} ${r.destination}`));
  }
  out.push(...noticeViolations(ctx, o.deck, n));
  return out;
}

function latestDate(deck: ParsedDeck, prefix: string): string | undefined {
  const rows = deck.byPrefix.get(prefix);
  return rows?.[rows.length - 1]?.date;
}

function spans(rows: DeckRow[] | undefined): Span[] {
  return (rows ?? []).map((r, i) => ({ from: r.date, to: rows![i + 1]?.date ?? null, value: r.change === 'closed' ? null : r.rate }));
}

function noticeViolations(ctx: DeckContext, oldDeck: ParsedDeck, n: ServiceDeckInfo): Change[] {
  if (n.noticeDays === null || n.issued === null) return [];
  const ref = ctx.asOf !== null && ctx.asOf > n.issued ? ctx.asOf : n.issued;
  const earliest = addDays(ref, n.noticeDays);
  const out: Change[] = [];
  for (const [prefix, rows] of [...n.deck.byPrefix].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    for (const d of compareSpans(spans(oldDeck.byPrefix.get(prefix)), spans(rows))) {
      if (d.old === null || d.new === null || compareValues(d.new, d.old) <= 0 || d.from >= earliest) continue;
      const destination = rows[0]!.destination;
      out.push({
        agreement: ctx.agreement, service: ctx.service, kind: 'notice', op: 'violation', subject: `${prefix} ${destination}`,
        old: d.old, new: d.new,
        text: `notice: ${prefix} ${destination} rises ${d.old} → ${d.new} ${ctx.currency}/${ctx.unit} from ${d.from}, ` +
          `less than ${n.noticeDays} days after ${ref === n.issued ? `the deck was issued (${ref})` : `${ref} (--as-of)`}; earliest allowed ${earliest}`,
      });
    }
  }
  return out;
}
