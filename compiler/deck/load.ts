// Reads each service's deck through the compile host (the compiler itself does no I/O) and
// keeps the parsed deck beside the service for the checks and the lowering. One compile
// parses a deck once, however many services or agreements use it.
import type { DeckDecl, ServiceBlock } from '../../language/ast.js';
import { resolveReference, type CompileHost } from '../host.js';
import type { AgreementModel } from '../model.js';
import { at, type Sink } from '../sink.js';
import { parseDeck, type ParsedDeck } from './parse.js';

export interface ServiceDeck {
  decl: DeckDecl;
  deck: ParsedDeck;
}

const loaded = new WeakMap<ServiceBlock, ServiceDeck>();

/** The deck a service rates from, once loaded (undefined: none, or it could not be read). */
export function deckOf(s: ServiceBlock): ServiceDeck | undefined {
  return loaded.get(s);
}

const destinations = new WeakMap<ServiceBlock, Set<string>>();

/** Is `zone` a destination of the service's deck (so a test may expect it as a zone)? */
export function isDeckDestination(s: ServiceBlock | undefined, zone: string | undefined): boolean {
  const d = s === undefined ? undefined : deckOf(s);
  if (!d || zone === undefined) return false;
  let set = destinations.get(s!);
  if (!set) destinations.set(s!, (set = new Set(d.deck.rows.map((r) => r.destination))));
  return set.has(zone);
}

export function deckDecls(s: ServiceBlock): DeckDecl[] {
  return (s.items ?? []).filter((i): i is DeckDecl => i.kind === 'deck');
}

export class DeckLoader {
  private readonly parsed = new Map<string, ParsedDeck | undefined>();
  /** deck uri → where its own diagnostics were first reported */
  private readonly reportedFor = new Map<string, string>();

  constructor(private readonly host: CompileHost) {}

  load(m: AgreementModel, sink: Sink): void {
    for (const s of m.services) {
      const decl = deckDecls(s)[0];
      if (!decl?.path) continue;
      const written = decl.path.value;
      const ref = resolveReference(m.uri, written);
      if ('error' in ref) {
        sink.report('ICX3106', `Cannot use this deck: ${ref.error}.`, decl.path.range);
        continue;
      }
      let deck = this.parsed.get(ref.uri);
      if (!this.parsed.has(ref.uri)) {
        const text = this.host.readFile(ref.uri);
        deck = text === undefined ? undefined : parseDeck(text, ref.uri);
        this.parsed.set(ref.uri, deck);
      }
      if (deck === undefined) {
        sink.report('ICX3106', `Deck file "${written}" not found (looked for ${ref.uri} in the agreements folder).`, decl.path.range);
        continue;
      }
      const first = this.reportedFor.get(ref.uri);
      const errors = deck.diagnostics.filter((d) => d.severity === 'error').length;
      if (first === undefined) {
        this.reportedFor.set(ref.uri, at(m.uri, decl.path.range));
        sink.diagnostics.push(...deck.diagnostics);
      } else if (errors > 0) {
        // The deck's own errors are listed once; this use still must not compile.
        sink.report('ICX3101', `Deck ${ref.uri} has ${errors} error${errors === 1 ? '' : 's'} (listed under that file, first used at ${first}).`, decl.path.range);
      }
      loaded.set(s, { decl, deck });
    }
  }
}
