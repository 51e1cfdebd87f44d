// Names declared in the agreement around an offset, read from the token stream alone: completion
// runs on every keystroke of a half-written file, and a full parse of a 10,000-line agreement costs
// ~300 ms where lexing costs a few. The shapes read are the declaration lines of GRAMMAR.md:
// a zone or band is the first word of a line in `zones`/`timebands`; `holidays X {`; `service X`;
// top-level `partner X` / `entity X`.
import type { IToken } from 'chevrotain';
import type { SymbolKind } from './symbols.js';

export interface TokenNames {
  inAgreement: Map<SymbolKind, Set<string>>;
  partner: Set<string>;
  entity: Set<string>;
}

export function namesFromTokens(tokens: readonly IToken[], offset: number): TokenNames {
  const out: TokenNames = { inAgreement: new Map(), partner: new Set(), entity: new Set() };
  const stack: string[] = [];
  let current = new Map<SymbolKind, Set<string>>();
  const add = (k: SymbolKind, n: string | undefined) => {
    if (n === undefined || !/^[A-Za-z]/.test(n)) return;
    if (!current.has(k)) current.set(k, new Set());
    current.get(k)!.add(n);
  };
  let lineStartIdx = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (i === 0 || tokens[i - 1]!.startLine !== t.startLine) lineStartIdx = i;
    const first = i === lineStartIdx;
    const block = stack[stack.length - 1];
    if (stack.length === 0 && first && t.image === 'agreement') {
      if (t.startOffset >= offset) break; // the next agreement: the cursor's one is done
      current = new Map();
    }
    if (stack.length === 0 && first && (t.image === 'partner' || t.image === 'entity')) (t.image === 'partner' ? out.partner : out.entity).add(tokens[i + 1]?.image ?? '');
    if (first && block === 'zones' && t.image !== '}') add('zone', t.image);
    if (first && block === 'timebands' && t.image !== '}') add('band', t.image);
    if (first && block === 'agreement') {
      if (t.image === 'holidays') add('holidays', tokens[i + 1]?.image);
      if (t.image === 'service') add('service', tokens[i + 1]?.image);
      if (t.image === 'discount' && tokens[i + 1]?.image !== 'on') add('discount', tokens[i + 1]?.image);
    }
    if (t.image === '{') stack.push(tokens[lineStartIdx]!.image);
    else if (t.image === '}') stack.pop();
  }
  out.inAgreement = current;
  return out;
}
