// One side of a diff: the agreement files of one version compiled, plus what the plans do
// not carry and the diff needs — each service's deck (parsed, for a prefix-by-prefix
// comparison), its issue date and its notice period. Pure: files and a host in.
import type { Diagnostic } from '../../language/diagnostic.js';
import { parse, type ParseResult } from '../../language/index.js';
import { parseDeck, type ParsedDeck } from '../deck/parse.js';
import { resolveReference, type CompileHost } from '../host.js';
import { compile, type SourceFile } from '../index.js';
import type { AgreementPlan, HashedAgreementPlan } from '../plan.js';

export interface ServiceDeckInfo {
  uri: string;
  deck: ParsedDeck;
  /** the deck's issue date as written; null when not stated */
  issued: string | null;
  /** `notice increases N days`; null when not stated */
  noticeDays: number | null;
}

export interface DiffSide {
  /** id order */
  plans: AgreementPlan[];
  /** agreement id → service name → its deck */
  decks: Map<string, Map<string, ServiceDeckInfo>>;
}

export interface CompiledSide {
  side: DiffSide;
  /** the plans with their hashes, as the runtime rates with them */
  hashed: HashedAgreementPlan[];
  /** every diagnostic; the side is usable only when none is an error */
  diagnostics: Diagnostic[];
}

export function compileSide(files: SourceFile[], host: CompileHost): CompiledSide {
  const parsed = new Map<string, ParseResult>();
  const { compiled, diagnostics } = compile(files, host, {
    parse: (text, uri) => {
      const r = parse(text, uri);
      parsed.set(uri, r);
      return r;
    },
  });
  const decks = new Map<string, Map<string, ServiceDeckInfo>>();
  for (const [uri, r] of parsed) {
    for (const a of r.file.agreements ?? []) {
      const id = a.id?.text;
      if (!id || decks.has(id)) continue;
      const byService = new Map<string, ServiceDeckInfo>();
      for (const item of a.items ?? []) {
        if (item?.kind !== 'service') continue;
        const deckDecl = (item.items ?? []).find((i) => i?.kind === 'deck');
        const notice = (item.items ?? []).find((i) => i?.kind === 'notice');
        if (deckDecl?.kind !== 'deck' || !deckDecl.path) continue;
        const ref = resolveReference(uri, deckDecl.path.value);
        const text = 'uri' in ref ? host.readFile(ref.uri) : undefined;
        if (text === undefined || !('uri' in ref)) continue;
        const days = notice?.kind === 'notice' && /^[0-9]{1,5}$/.test(notice.days?.value ?? '') ? Number(notice.days.value) : null;
        byService.set(item.name.text, { uri: ref.uri, deck: parseDeck(text, ref.uri), issued: deckDecl.issued?.text ?? null, noticeDays: days });
      }
      decks.set(id, byService);
    }
  }
  return { side: { plans: compiled.plans.map((p) => p.plan), decks }, hashed: compiled.plans, diagnostics };
}
