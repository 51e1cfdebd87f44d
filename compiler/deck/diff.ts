// Two decks compared prefix by prefix, for `icx deck diff`. Pure. The state of a prefix in a
// deck is its latest row (by effective date): offered at that row's rate, or not offered when
// that row is `closed` or the prefix is absent. Then, from OLD to NEW:
//   not offered → offered: new;  offered → not offered: closed;
//   offered → offered: increase, decrease or unchanged by rate;
//   not offered in either (closed before, closed or absent now): unchanged.
import type { DeckRow, ParsedDeck } from './parse.js';
import { compareDecimal } from './parse.js';

export type DiffChange = 'new' | 'increase' | 'decrease' | 'unchanged' | 'closed';
export const DIFF_CHANGES: DiffChange[] = ['new', 'increase', 'decrease', 'unchanged', 'closed'];

export interface DiffRow {
  prefix: string;
  destination: string;
  /** null: not offered in OLD */
  oldRate: string | null;
  /** null: not offered in NEW */
  newRate: string | null;
  change: DiffChange;
  /** effective date of NEW's latest row; null when the prefix is absent from NEW */
  effectiveDate: string | null;
}

export interface DeckDiff {
  rows: DiffRow[];
  counts: Record<DiffChange, number>;
}

function latest(deck: ParsedDeck, prefix: string): DeckRow | undefined {
  const rows = deck.byPrefix.get(prefix);
  return rows?.[rows.length - 1];
}

const offered = (r: DeckRow | undefined): r is DeckRow => r !== undefined && r.change !== 'closed';

export function diffDecks(oldDeck: ParsedDeck, newDeck: ParsedDeck): DeckDiff {
  const prefixes = [...new Set([...oldDeck.byPrefix.keys(), ...newDeck.byPrefix.keys()])].sort();
  const counts: Record<DiffChange, number> = { new: 0, increase: 0, decrease: 0, unchanged: 0, closed: 0 };
  const rows: DiffRow[] = [];
  for (const prefix of prefixes) {
    const o = latest(oldDeck, prefix);
    const n = latest(newDeck, prefix);
    let change: DiffChange;
    if (!offered(o)) change = offered(n) ? 'new' : 'unchanged';
    else if (!offered(n)) change = 'closed';
    else {
      const c = compareDecimal(n.rate, o.rate);
      change = c > 0 ? 'increase' : c < 0 ? 'decrease' : 'unchanged';
    }
    counts[change]++;
    rows.push({
      prefix,
      destination: (n ?? o)!.destination,
      oldRate: offered(o) ? o.rate : null,
      newRate: offered(n) ? n.rate : null,
      change,
      effectiveDate: n?.date ?? null,
    });
  }
  return { rows, counts };
}
