// Document symbols (the outline) and workspace symbols, from the parsed AST: an agreement with
// its parties, zones, bands, services (and their rate lines), tests, discounts, commitments…;
// partners and entities declared outside agreements. A recovered parse still gives an outline.
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import type { Agreement, AgreementFile, AgreementItem, Node, ServiceItem } from '../../language/ast.js';
import { parseIncrementally } from './ast-cache.js';
import type { SourceText } from './context.js';
import { contains, safeRange } from './ranges.js';

export function documentSymbols(text: string, uri: string): DocumentSymbol[] {
  return fileSymbols(parseIncrementally(text, uri).file, text);
}

export function fileSymbols(file: AgreementFile, text: string): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const d of file.partyDecls ?? []) out.push(sym(d.name.text || d.role, d.role, SymbolKind.Class, d, d.name, text));
  for (const a of file.agreements) out.push(agreementSymbol(a, text));
  // traffic tests: `test "…" for AGREEMENT { … }` outside any agreement
  for (const t of file.trafficTests ?? []) out.push(sym(`test ${JSON.stringify(t.title?.value ?? '')}`, `for ${t.agreement?.text ?? ''}`, SymbolKind.Event, t, t.title, text));
  return out.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
}

function agreementSymbol(a: Agreement, text: string): DocumentSymbol {
  const s = sym(a.id.text || 'agreement', a.title?.value ?? 'agreement', SymbolKind.Module, a, a.id, text);
  s.children = a.items.flatMap((i) => itemSymbols(i, text));
  return s;
}

function itemSymbols(item: AgreementItem, text: string): DocumentSymbol[] {
  switch (item.kind) {
    case 'parties': {
      const s = sym('parties', '', SymbolKind.Namespace, item, undefined, text);
      s.children = item.parties.map((p) => sym(p.name.text, p.role, SymbolKind.Class, p, p.name, text));
      return [s];
    }
    case 'zones': {
      const s = sym('zones', '', SymbolKind.Namespace, item, undefined, text);
      s.children = item.zones.map((z) => sym(z.name.text, 'zone', SymbolKind.EnumMember, z, z.name, text));
      return [s];
    }
    case 'timebands': {
      const s = sym('timebands', '', SymbolKind.Namespace, item, undefined, text);
      s.children = item.bands.map((b) => sym(b.name.text, 'band', SymbolKind.EnumMember, b, b.name, text));
      return [s];
    }
    case 'holidays':
      return [sym(`holidays ${item.name.text}`, `${item.dates.length} dates`, SymbolKind.Array, item, item.name, text)];
    case 'interconnect':
      return [sym(`interconnect ${item.name.text}`, '', SymbolKind.Interface, item, item.name, text)];
    case 'service': {
      const s = sym(item.name.text, `${item.serviceKind.text} ${item.direction.text}`.trim(), SymbolKind.Class, item, item.name, text);
      s.children = item.items.map((i) => serviceItemSymbol(i, text));
      return [s];
    }
    case 'test':
      return [sym(`test ${JSON.stringify(item.title.value)}`, '', SymbolKind.Event, item, item.title, text)];
    case 'settlement':
      return [sym('settlement', '', SymbolKind.Namespace, item, undefined, text)];
    case 'discount':
      return [sym(`discount ${item.name?.text ?? item.service.text}`, item.service.text, SymbolKind.Object, item, item.name ?? item.service, text)];
    case 'commitment':
      return [sym(`commitment ${item.service.text}`, '', SymbolKind.Object, item, item.service, text)];
    case 'fx':
      return [sym(`fx ${item.from.text} -> ${item.to.text}`, item.table.value, SymbolKind.Property, item, undefined, text)];
    default:
      return [sym(firstLine(item, text), item.kind, SymbolKind.Property, item, undefined, text)];
  }
}

function serviceItemSymbol(item: ServiceItem, text: string): DocumentSymbol {
  const kind = item.kind === 'rate' || item.kind === 'tier' ? SymbolKind.Field : SymbolKind.Property;
  return sym(firstLine(item, text), item.kind, kind, item, undefined, text);
}

/** The node's first source line, trimmed and shortened: `rate mobile peak 0.0123 EUR/min`. */
function firstLine(n: Node, text: string): string {
  const start = Math.max(0, n.range.start.offset);
  const raw = text.slice(start, Math.max(start, n.range.end.offset)).split('\n')[0]!.replace(/\s*\{\s*$/, '').trim();
  const line = raw.length > 60 ? `${raw.slice(0, 59)}…` : raw;
  return line || '(empty)';
}

function sym(name: string, detail: string, kind: SymbolKind, node: Node, sel: Node | undefined, _text: string): DocumentSymbol {
  const range = safeRange(node.range);
  const selected = sel ? safeRange(sel.range) : range;
  // a symbol's name must not be empty, and its selection must sit inside its range
  return { name: name.trim() || '(unnamed)', detail, kind, range, selectionRange: contains(range, selected) ? selected : range };
}

/** Workspace symbols: agreements, services, zones, partners and entities across files, filtered by query. */
export function workspaceSymbols(files: readonly SourceText[], query: string, toLocationUri: (uri: string) => string): SymbolInformation[] {
  const q = query.toLowerCase();
  const out: SymbolInformation[] = [];
  const add = (name: string, kind: SymbolKind, node: Node, uri: string, container?: string) => {
    if (!name || (q && !fuzzy(name.toLowerCase(), q))) return;
    out.push({ name, kind, location: { uri: toLocationUri(uri), range: safeRange(node.range) }, ...(container ? { containerName: container } : {}) });
  };
  for (const f of files) {
    const file = parseIncrementally(f.text, f.uri).file;
    for (const d of file.partyDecls ?? []) add(d.name.text, SymbolKind.Class, d.name, f.uri, d.role);
    for (const a of file.agreements) {
      add(a.id.text, SymbolKind.Module, a.id, f.uri);
      for (const i of a.items) {
        if (i.kind === 'service') add(i.name.text, SymbolKind.Class, i.name, f.uri, a.id.text);
        if (i.kind === 'zones') for (const z of i.zones) add(z.name.text, SymbolKind.EnumMember, z.name, f.uri, a.id.text);
        if (i.kind === 'parties') for (const p of i.parties) add(p.name.text, SymbolKind.Class, p.name, f.uri, a.id.text);
      }
    }
  }
  return out;
}

/** VS Code's rule: the query's characters appear in order. */
function fuzzy(name: string, q: string): boolean {
  let i = 0;
  for (const c of name) if (c === q[i]) i++;
  return i === q.length;
}
