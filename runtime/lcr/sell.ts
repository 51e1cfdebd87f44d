// The margin guard's input: our sell prices per minute, a CSV `prefix,price,currency`. A route
// prefix takes the sell price of its longest matching sell prefix; the guard compares the
// cost of the typical call with price × call seconds / 60 (our retail is per second: the
// increments we sell with are not modelled). Every sell price must be in the table currency.
import { D, type Dec } from './call-cost.js';
import { LcrError } from './errors.js';
import type { SellLookup } from './build.js';

export function readSellTable(text: string, file: string, currency: string): SellLookup {
  const prices = new Map<string, Dec>();
  const lines = text.split('\n');
  let header = false;
  let maxLen = 0;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '').trim();
    const at = `${file}:${i + 1}`;
    if (line === '') return;
    const f = line.split(',').map((x) => x.trim());
    if (!header) {
      header = true;
      if (f.join(',').toLowerCase() !== 'prefix,price,currency') throw new LcrError(`${at}: the first line of a sell table must be the header \`prefix,price,currency\`, not \`${line}\``, 'usage');
      return;
    }
    if (f.length !== 3) throw new LcrError(`${at}: this row has ${f.length} fields; a sell row is \`prefix,price,currency\` (e.g. \`336,0.0250,EUR\`)`, 'usage');
    const [prefix, price, cur] = f as [string, string, string];
    if (!/^\d*$/.test(prefix.replace(/ /g, ''))) throw new LcrError(`${at}: prefix: \`${prefix}\` is not digits`, 'usage');
    if (!/^\d+(\.\d+)?$/.test(price)) throw new LcrError(`${at}: price: \`${price}\` is not a plain decimal number`, 'usage');
    if (cur !== currency) throw new LcrError(`${at}: currency: ${cur}, but the route table is in ${currency}; sell prices must be in the table currency`, 'usage');
    const p = prefix.replace(/ /g, '');
    if (prices.has(p)) throw new LcrError(`${at}: prefix: a second sell price for ${p}; keep one`, 'usage');
    prices.set(p, new D(price));
    maxLen = Math.max(maxLen, p.length);
  });
  if (!header) throw new LcrError(`${file}: the sell table is empty; it needs the header \`prefix,price,currency\``, 'usage');
  return (prefix) => {
    for (let n = Math.min(prefix.length, maxLen); n >= 0; n--) {
      const v = prices.get(prefix.slice(0, n));
      if (v !== undefined) return v;
    }
    return undefined;
  };
}
