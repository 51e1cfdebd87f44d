// Rename a zone, band, holiday calendar, service, discount, partner/entity or agreement id: an edit
// for every occurrence of that symbol and nothing else. Refused (an `{error}`) for keywords, the
// built-in `any`, names that are not identifiers, and names already taken in the same scope.
import { KEYWORDS } from '../../language/index.js';
import { BUILTIN_NAMES, declaredIn, sameSymbol } from '../index/symbols.js';
import type { FeatureContext, Place } from './context.js';
import { symbolAt } from './navigation.js';

/** GRAMMAR.md "Tokens": Identifier. */
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*(-[A-Za-z0-9_]+)*$/;
const KEYWORD_SET: ReadonlySet<string> = new Set(KEYWORDS);

export function prepareRename(ctx: FeatureContext, offset: number): Place | null {
  try {
    const { target } = symbolAt(ctx, offset);
    if (target === undefined || BUILTIN_NAMES.has(target.name)) return null;
    return { uri: target.uri, start: target.start, end: target.end };
  } catch {
    return null;
  }
}

export function rename(ctx: FeatureContext, offset: number, newName: string): { edits: { place: Place; newText: string }[] } | { error: string } {
  try {
    const { all, target } = symbolAt(ctx, offset);
    if (target === undefined) return { error: 'There is no zone, band, holiday calendar, service, discount, partner, entity or agreement name here to rename.' };
    if (BUILTIN_NAMES.has(target.name)) return { error: `\`${target.name}\` is built in and cannot be renamed.` };
    if (!IDENTIFIER.test(newName)) return { error: `\`${newName}\` is not a valid name: start with a letter, then letters, digits, _ or single - between them.` };
    if (KEYWORD_SET.has(newName) || BUILTIN_NAMES.has(newName)) return { error: `\`${newName}\` is a keyword of the language; choose another name.` };
    if (newName === target.name) return { edits: [] };
    if (declaredIn(all, target.kind, target.scope).includes(newName)) {
      return { error: `A ${label(target.kind)} named \`${newName}\` already exists ${target.scope === '*' ? 'in the workspace' : 'in this agreement'}.` };
    }
    const edits = sameSymbol(all, target).map((o) => ({ place: { uri: o.uri, start: o.start, end: o.end }, newText: newName }));
    return { edits };
  } catch (error) {
    return { error: `rename failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function label(kind: string): string {
  return kind === 'holidays' ? 'holiday calendar' : kind === 'party' ? 'partner or entity' : kind;
}
