// The symbol index: every named thing of the workspace files, its definitions and references,
// read from the AST (which keeps names with their ranges even when they do not resolve). Zones,
// bands, holiday calendars, services and discounts are scoped to their agreement; partners and
// entities (and agreement ids) are workspace-wide. Built per file and cached by text identity, so
// a request on an unchanged workspace costs a map lookup.
import { type Agreement, type AgreementFile, type Name, type ServiceItem } from '../../language/index.js';
import { parseIncrementally } from '../features/ast-cache.js';
import type { SourceText } from '../features/context.js';

export type SymbolKind = 'zone' | 'band' | 'holidays' | 'service' | 'party' | 'agreement' | 'discount';

export interface Occurrence {
  kind: SymbolKind;
  name: string;
  /** `uri#agreement-id#index` for agreement-scoped kinds, `*` for workspace-wide ones */
  scope: string;
  uri: string;
  start: number;
  end: number;
  isDecl: boolean;
}

export interface FileIndex {
  uri: string;
  text: string;
  file: AgreementFile;
  occurrences: Occurrence[];
}

const WORKSPACE = '*';
/** Scope prefix of a traffic test's names until indexWorkspace knows where the agreement is. */
const PENDING = '?agreement:';
/** Built-in names: `any` zone/band is not declared anywhere and never renamed. */
export const BUILTIN_NAMES = new Set(['any']);

const cache = new Map<string, FileIndex>();

/** The index of one file, cached by (uri, text). Never throws. */
export function indexFile(uri: string, text: string): FileIndex {
  const hit = cache.get(uri);
  if (hit !== undefined && hit.text === text) return hit;
  let file: AgreementFile;
  try {
    file = parseIncrementally(text, uri).file;
  } catch {
    file = { uri, agreements: [], comments: [] };
  }
  const occurrences = collect(file, uri, text.length);
  const built = { uri, text, file, occurrences };
  if (cache.size > 500) cache.clear();
  cache.set(uri, built);
  return built;
}

export function indexWorkspace(files: readonly SourceText[], current?: SourceText): FileIndex[] {
  const out: FileIndex[] = [];
  let sawCurrent = false;
  for (const f of files) {
    if (current !== undefined && f.uri === current.uri) {
      sawCurrent = true;
      out.push(indexFile(current.uri, current.text));
    } else out.push(indexFile(f.uri, f.text));
  }
  if (current !== undefined && !sawCurrent) out.push(indexFile(current.uri, current.text));
  return resolvePending(out);
}

/** Traffic tests' names get the scope of the agreement they name (its first definition); a name of
 *  a discount there becomes a discount. Copies: the per-file cache keeps the unresolved index. */
function resolvePending(all: FileIndex[]): FileIndex[] {
  if (!all.some((f) => f.occurrences.some((o) => o.scope.startsWith(PENDING)))) return all;
  const scopes = new Map<string, string>();
  for (const f of all) {
    (f.file.agreements ?? []).forEach((a, i) => {
      if (a?.id?.text && !scopes.has(a.id.text)) scopes.set(a.id.text, agreementScope(f.uri, a, i));
    });
  }
  const discounts = new Set<string>();
  for (const f of all) for (const o of f.occurrences) if (o.isDecl && o.kind === 'discount') discounts.add(`${o.scope}|${o.name}`);
  return all.map((f) => {
    if (!f.occurrences.some((o) => o.scope.startsWith(PENDING))) return f;
    const occurrences = f.occurrences.map((o) => {
      if (!o.scope.startsWith(PENDING)) return o;
      const scope = scopes.get(o.scope.slice(PENDING.length)) ?? o.scope;
      const kind = o.kind === 'service' && discounts.has(`${scope}|${o.name}`) ? 'discount' : o.kind;
      return { ...o, scope, kind };
    });
    return { ...f, occurrences };
  });
}

export function agreementScope(uri: string, a: Agreement, index: number): string {
  return `${uri}#${a.id?.text ?? ''}#${index}`;
}

function collect(file: AgreementFile, uri: string, textLength: number): Occurrence[] {
  const out: Occurrence[] = [];
  const add = (kind: SymbolKind, scope: string, n: Name | undefined, isDecl: boolean): void => {
    if (n === undefined || typeof n.text !== 'string' || n.text === '' || n.range === undefined) return;
    const start = n.range.start.offset;
    const end = n.range.end.offset;
    // Recovery may insert names with no text in the source: skip anything not really there.
    if (!(start >= 0) || !(end > start) || end > textLength) return;
    out.push({ kind, name: n.text, scope, uri, start, end, isDecl });
  };
  for (const d of file.partyDecls ?? []) add('party', WORKSPACE, d?.name, true);
  // Traffic tests (`test "…" for AGREEMENT { … }`, often in another file) name an agreement and
  // its services, zones and bands: their scope is that agreement's, known only once the whole
  // workspace is indexed (indexWorkspace resolves `PENDING + id`).
  for (const t of file.trafficTests ?? []) {
    if (t === undefined) continue;
    add('agreement', WORKSPACE, t.agreement, false);
    const scope = `${PENDING}${t.agreement?.text ?? ''}`;
    for (const e of t.expects ?? []) {
      if (e?.kind === 'amount') {
        add('service', scope, e.service, false);
        add('zone', scope, e.zone, false);
        add('band', scope, e.band, false);
      } else if (e?.kind === 'charge') add('service', scope, e.subject, false); // or a discount: resolved with the scope
    }
  }
  (file.agreements ?? []).forEach((a, i) => {
    if (a === undefined) return;
    const scope = agreementScope(uri, a, i);
    add('agreement', WORKSPACE, a.id, true);
    // an `expect charge` subject is a discount's name when one has it, else a service (check/period.ts)
    const discounts = new Set((a.items ?? []).flatMap((it) => (it?.kind === 'discount' && it.name?.text ? [it.name.text] : [])));
    for (const item of a.items ?? []) collectItem(item, scope, add, discounts);
  });
  return out;
}

type Add = (kind: SymbolKind, scope: string, n: Name | undefined, isDecl: boolean) => void;

// Every AST shape that holds a name, one case each (the union is wide, so `any` narrowing by kind).
function collectItem(item: Agreement['items'][number], scope: string, add: Add, discounts: ReadonlySet<string>): void {
  if (item === undefined) return;
  switch (item.kind) {
    case 'parties':
      for (const p of item.parties ?? []) add('party', WORKSPACE, p?.name, false);
      return;
    case 'holidays':
      add('holidays', scope, item.name, true);
      return;
    case 'timebands':
      for (const b of item.bands ?? []) {
        add('band', scope, b?.name, true);
        add('holidays', scope, b?.exceptHolidays, false);
        add('holidays', scope, b?.onHolidays, false);
      }
      return;
    case 'zones':
      for (const z of item.zones ?? []) add('zone', scope, z?.name, true);
      return;
    case 'service':
      add('service', scope, item.name, true);
      for (const si of item.items ?? []) collectServiceItem(si, scope, add);
      return;
    case 'test':
      for (const u of [item.usage, ...(item.usages ?? [])]) add('service', scope, u?.service, false);
      for (const e of [item.expect, ...(item.expects ?? [])]) {
        if (e?.kind === 'charge' && e.subject?.text) add(discounts.has(e.subject.text) ? 'discount' : 'service', scope, e.subject, false);
        if (e?.kind === 'amount') {
          add('zone', scope, e.zone, false);
          add('band', scope, e.band, false);
        }
      }
      for (const inp of item.inputs ?? []) if (inp?.kind === 'retail') add('service', scope, inp.service, false);
      return;
    case 'discount':
      add('discount', scope, item.name, true);
      add('service', scope, item.service, false);
      add('zone', scope, item.zone, false);
      return;
    case 'commitment':
      add('service', scope, item.service, false);
      for (const c of item.commits ?? []) add('party', WORKSPACE, c?.party, false);
      return;
    default:
      return;
  }
}

function collectServiceItem(si: ServiceItem, scope: string, add: Add): void {
  if (si === undefined) return;
  switch (si.kind) {
    case 'rate':
      if (si.category === undefined) add('zone', scope, si.zone, false);
      add('zone', scope, si.origin, false);
      for (const p of si.prices ?? []) add('band', scope, p?.band, false);
      return;
    case 'bar':
      for (const z of si.zones ?? []) add('zone', scope, z, false);
      return;
    case 'surcharge':
      add('zone', scope, si.zone, false);
      return;
    case 'revenueShare':
      add('party', WORKSPACE, si.to, false);
      return;
    default:
      return;
  }
}

/** The occurrence under the cursor (a cursor right after a name counts, as editors expect). */
export function occurrenceAt(index: FileIndex, offset: number): Occurrence | undefined {
  let best: Occurrence | undefined;
  for (const o of index.occurrences) {
    if (offset >= o.start && offset <= o.end) {
      if (best === undefined || (offset < o.end && best.end === offset)) best = o;
    }
  }
  return best;
}

/** Every occurrence of the same symbol across the workspace; `any` and unknown kinds match by name only. */
export function sameSymbol(all: readonly FileIndex[], target: Occurrence): Occurrence[] {
  const out: Occurrence[] = [];
  for (const f of all) for (const o of f.occurrences) if (o.kind === target.kind && o.name === target.name && o.scope === target.scope) out.push(o);
  return out;
}

/** Names declared in one scope, for completion and clash checks. */
export function declaredIn(all: readonly FileIndex[], kind: SymbolKind, scope: string): string[] {
  const names = new Set<string>();
  for (const f of all) for (const o of f.occurrences) if (o.isDecl && o.kind === kind && o.scope === scope) names.add(o.name);
  return [...names];
}

/** The agreement (and its scope key) that contains an offset of a file. */
export function agreementAt(index: FileIndex, offset: number): { agreement: Agreement; scope: string } | undefined {
  const list = index.file.agreements ?? [];
  for (let i = 0; i < list.length; i++) {
    const a = list[i];
    if (a?.range === undefined) continue;
    if (offset >= a.range.start.offset && offset <= Math.max(a.range.end.offset, a.range.start.offset)) return { agreement: a, scope: agreementScope(index.uri, a, i) };
  }
  // In a half-written file the agreement's range may stop before the cursor: take the last one that starts before it.
  let last: { agreement: Agreement; scope: string } | undefined;
  for (let i = 0; i < list.length; i++) {
    const a = list[i];
    if (a?.range !== undefined && a.range.start.offset <= offset) last = { agreement: a, scope: agreementScope(index.uri, a, i) };
  }
  return last;
}
