// Quick fixes for common diagnostics, each tied to the diagnostic it fixes by code and range, and
// one refactor (sort a zone's prefixes). Pure: text, AST and the diagnostics the editor sends.
//
// Every edit is first made as plainly as possible (an insertion, a replacement); then, when the
// file was in canonical layout (`icx fmt` leaves it unchanged), the edited text is formatted and
// the edit widened to the lines that differ, so a fix never leaves aligned columns ragged.
import type { Agreement, BandPrice, Name, PriceLit, ServiceBlock, TimebandsBlock, ZoneDef, ZonesBlock } from '../../language/index.js';
import { format, lineEnd, lineStart } from '../../language/index.js';
import { walkNodes } from './ast-walk.js';
import type { FeatureContext, Place } from './context.js';
import { parseIncrementally } from './ast-cache.js';

/** A diagnostic of the document, as the editor sent it back: its code and offsets. */
export interface ActionDiagnostic {
  code: string;
  start: number;
  end: number;
}

export interface CodeActionEdit {
  place: Place;
  newText: string;
}

export interface IcxCodeAction {
  title: string;
  kind: 'quickfix' | 'refactor.rewrite';
  /** the code of the diagnostic this fixes (absent for refactors) */
  diagnosticCode?: string;
  /** index into the diagnostics given, of the one this fixes */
  diagnosticIndex?: number;
  edits: CodeActionEdit[];
}

/** Placeholder prefix of a zone created by a quick fix: no E.164 number starts with 0. */
export const PLACEHOLDER_PREFIX = '0';

const VOICE_SMS_UNIT: Readonly<Record<string, string>> = { voice: 'min', sms: 'msg' };

export function codeActions(ctx: FeatureContext, diagnostics: readonly ActionDiagnostic[], at?: { start: number; end: number }): IcxCodeAction[] {
  try {
    if (!ctx.uri.endsWith('.icx')) return [];
    const file = parseIncrementally(ctx.text, ctx.uri).file;
    const out: IcxCodeAction[] = [];
    // formatting the whole file costs a parse: only when there is something to offer
    let known: boolean | undefined;
    const canonical = () => (known ??= isCanonical(ctx));
    diagnostics.forEach((d, i) => {
      try {
        const a = (file.agreements ?? []).find((x) => x?.range && x.range.start.offset <= d.start && d.end <= x.range.end.offset);
        if (!a) return;
        for (const fix of fixesFor(ctx, a, d)) {
          out.push({ title: fix.title, kind: 'quickfix', diagnosticCode: d.code, diagnosticIndex: i, edits: [canonicalEdit(ctx, fix.edit, canonical)] });
        }
      } catch {
        /* a fix that cannot be computed is not offered */
      }
    });
    if (at) {
      const a = (file.agreements ?? []).find((x) => x?.range && x.range.start.offset <= at.start && at.start <= x.range.end.offset);
      const sort = a ? sortPrefixes(ctx, a, at.start) : undefined;
      if (sort) out.push({ title: sort.title, kind: 'refactor.rewrite', edits: [canonicalEdit(ctx, sort.edit, canonical)] });
    }
    return out;
  } catch {
    return [];
  }
}

interface RawFix {
  title: string;
  /** offsets in ctx.text */
  edit: { start: number; end: number; newText: string };
}

function fixesFor(ctx: FeatureContext, a: Agreement, d: ActionDiagnostic): RawFix[] {
  switch (d.code) {
    case 'ICX2002':
      return createZone(ctx, a, d);
    case 'ICX3001':
      return unitFix(ctx, a, d);
    case 'ICX3002':
    case 'ICX3003':
      return currencyFix(ctx, a, d);
    case 'ICX5003':
      return missingBand(ctx, a, d);
    case 'ICX5007':
      return removeDuplicate(ctx, a, d);
    default:
      return [];
  }
}

const items = (a: Agreement) => (a.items ?? []).filter((i) => i != null);
const within = (n: { range?: { start: { offset: number }; end: { offset: number } } } | undefined, off: number) =>
  n?.range !== undefined && n.range.start.offset <= off && off < n.range.end.offset;
const sameRange = (n: Name | undefined, d: ActionDiagnostic) => n?.range !== undefined && n.range.start.offset === d.start && n.range.end.offset === d.end;
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*(-[A-Za-z0-9_]+)*$/;

/** ICX2002 → a zone of that name with a placeholder prefix, in the agreement's `zones` block (made if none). */
function createZone(ctx: FeatureContext, a: Agreement, d: ActionDiagnostic): RawFix[] {
  const name = ctx.text.slice(d.start, d.end);
  if (!IDENTIFIER.test(name) || name === 'any') return [];
  const title = `Create zone ${name} (placeholder prefix ${PLACEHOLDER_PREFIX})`;
  const block = items(a).find((i): i is ZonesBlock => i.kind === 'zones');
  if (block) {
    const zones = (block.zones ?? []).filter((z) => z?.range);
    const last = zones[zones.length - 1];
    if (last) {
      const eol = lineEnd(ctx.text, last.range.end.offset);
      return [{ title, edit: { start: eol, end: eol, newText: `\n${indentOf(ctx.text, last.range.start.offset)}${name}  ${PLACEHOLDER_PREFIX}` } }];
    }
    // an empty block: `zones {` … `}` — put the zone on its own line after the brace
    const brace = ctx.text.indexOf('{', block.range.start.offset);
    if (brace < 0 || brace >= block.range.end.offset) return [];
    const indent = indentOf(ctx.text, block.range.start.offset);
    return [{ title, edit: { start: brace + 1, end: brace + 1, newText: `\n${indent}  ${name}  ${PLACEHOLDER_PREFIX}` } }];
  }
  // no zones block: one before the first service (where the examples keep it), else at the end
  const service = items(a).find((i) => i.kind === 'service');
  const indent = service ? indentOf(ctx.text, service.range.start.offset) : '  ';
  const blockText = `zones {\n${indent}  ${name}  ${PLACEHOLDER_PREFIX}\n${indent}}`;
  if (service) {
    const bol = lineStart(ctx.text, service.range.start.offset);
    return [{ title, edit: { start: bol, end: bol, newText: `${indent}${blockText}\n\n` } }];
  }
  const close = a.range.end.offset - 1;
  if (ctx.text[close] !== '}') return [];
  return [{ title, edit: { start: lineStart(ctx.text, close), end: lineStart(ctx.text, close), newText: `\n${indent}${blockText}\n` } }];
}

/** ICX3001 on a voice/SMS price → `<currency>/min` or `<currency>/msg`. */
function unitFix(ctx: FeatureContext, a: Agreement, d: ActionDiagnostic): RawFix[] {
  const s = items(a).find((i): i is ServiceBlock => i.kind === 'service' && within(i, d.start));
  const want = s ? VOICE_SMS_UNIT[s.serviceKind?.text ?? ''] : undefined;
  if (!s || !want) return [];
  let price: PriceLit | undefined;
  walkNodes(s, (n) => {
    const p = n as unknown as PriceLit;
    if (price || !p.currency?.range || !p.per?.range) return;
    if (sameRange(p.per, d) || sameRange(p.perPeriod, d)) price = p;
  });
  if (!price) return [];
  const end = (price.perPeriod ?? price.per).range.end.offset;
  const unit = `${price.currency.text}/${want}`;
  return [{ title: `Write ${unit}`, edit: { start: price.currency.range.start.offset, end, newText: unit } }];
}

/** ICX3002/ICX3003 → the agreement currency (not on an fx line: its currencies are not the agreement's by design). */
function currencyFix(ctx: FeatureContext, a: Agreement, d: ActionDiagnostic): RawFix[] {
  const decl = items(a).find((i) => i.kind === 'currency');
  const currency = decl?.kind === 'currency' ? decl.code?.text : undefined;
  if (!currency || !/^[A-Z]{3}$/.test(currency)) return [];
  if (items(a).some((i) => i.kind === 'fx' && within(i, d.start))) return [];
  const written = ctx.text.slice(d.start, d.end);
  if (written === currency || !/^[A-Za-z]+$/.test(written)) return [];
  return [{ title: `Write ${currency}`, edit: { start: d.start, end: d.end, newText: currency } }];
}

/** ICX5003 → the missing band(s) appended to the line, each with the price of the line's first band (to review). */
function missingBand(ctx: FeatureContext, a: Agreement, d: ActionDiagnostic): RawFix[] {
  const bands = items(a)
    .filter((i): i is TimebandsBlock => i.kind === 'timebands')
    .flatMap((t) => (t.bands ?? []).map((b) => b?.name?.text).filter((n): n is string => !!n));
  let rate: { prices: BandPrice[] } | undefined;
  for (const s of items(a)) {
    if (s.kind !== 'service') continue;
    for (const r of s.items ?? []) if (r?.kind === 'rate' && r.range?.start.offset === d.start && r.range.end.offset === d.end) rate = r;
  }
  const prices = (rate?.prices ?? []).filter((p) => p?.range && p.band?.text && (p.steps ?? []).length > 0);
  if (!rate || prices.length === 0) return [];
  const have = new Set(prices.map((p) => p.band!.text));
  const missing = bands.filter((b) => !have.has(b));
  if (missing.length === 0) return [];
  const model = prices[0]!;
  // after the band name up to the end of its last step (`first 60s … then …` kept whole)
  const steps = model.steps;
  const priceText = ctx.text.slice(model.band!.range.end.offset, steps[steps.length - 1]!.range.end.offset).trim().replace(/\s+/g, ' ');
  const lastEnd = prices[prices.length - 1]!.range.end.offset;
  const newText = missing.map((b) => `  ${b} ${priceText}`).join('');
  const title = `Add a price for band${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (${model.band!.text}'s price, ${priceText})`;
  return [{ title, edit: { start: lastEnd, end: lastEnd, newText } }];
}

/** ICX5007 → the later copy of the prefix removed, with the comma before it. */
function removeDuplicate(ctx: FeatureContext, a: Agreement, d: ActionDiagnostic): RawFix[] {
  for (const block of items(a)) {
    if (block.kind !== 'zones') continue;
    for (const z of block.zones ?? []) {
      const ps = (z?.prefixes ?? []).filter((p) => p?.range);
      const i = ps.findIndex((p) => p.range.start.offset === d.start && p.range.end.offset === d.end);
      if (i < 1) continue;
      const between = ctx.text.slice(ps[i - 1]!.range.end.offset, d.start);
      if (between.includes('//')) return [];
      return [{ title: `Remove the duplicate prefix ${ps[i]!.text}`, edit: { start: ps[i - 1]!.range.end.offset, end: d.end, newText: '' } }];
    }
  }
  return [];
}

/** On a zone's line, with its prefixes out of order: sort them (by digits, as written, duplicates kept). */
function sortPrefixes(ctx: FeatureContext, a: Agreement, offset: number): RawFix | undefined {
  for (const block of items(a)) {
    if (block.kind !== 'zones') continue;
    for (const z of (block.zones ?? []) as ZoneDef[]) {
      if (!z?.range || offset < lineStart(ctx.text, z.range.start.offset) || offset > lineEnd(ctx.text, z.range.end.offset)) continue;
      const ps = (z.prefixes ?? []).filter((p) => p?.range && p.digits);
      if (ps.length < 2) return undefined;
      const sorted = [...ps].sort((x, y) => (x.digits < y.digits ? -1 : x.digits > y.digits ? 1 : 0));
      if (sorted.every((p, i) => p === ps[i])) return undefined;
      const start = ps[0]!.range.start.offset;
      const end = ps[ps.length - 1]!.range.end.offset;
      if (ctx.text.slice(start, end).includes('//')) return undefined; // comments between prefixes would be lost
      const newText = sorted.map((p) => ctx.text.slice(p.range.start.offset, p.range.end.offset)).join(', ');
      return { title: `Sort the prefixes of zone ${z.name?.text ?? ''}`, edit: { start, end, newText } };
    }
  }
  return undefined;
}

// ---- layout

function indentOf(text: string, offset: number): string {
  const bol = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(bol, offset))![0];
}

/** Whether the document is as `icx fmt` writes it; remembered for the last text, since an editor
 *  asks for code actions again at every cursor move over a diagnostic. */
let lastCanonical: { uri: string; text: string; canonical: boolean } | undefined;

function isCanonical(ctx: FeatureContext): boolean {
  if (lastCanonical?.uri === ctx.uri && lastCanonical.text === ctx.text) return lastCanonical.canonical;
  let canonical: boolean;
  try {
    canonical = format(ctx.text, ctx.uri).text === ctx.text;
  } catch {
    canonical = false;
  }
  lastCanonical = { uri: ctx.uri, text: ctx.text, canonical };
  return canonical;
}

/**
 * The raw edit as one edit of the document. When the document was canonical, the edited text is
 * formatted and the edit covers the lines that differ from the original, so the result is what
 * `icx fmt` would write. Otherwise (or when the result does not format) the raw edit as is.
 */
function canonicalEdit(ctx: FeatureContext, raw: RawFix['edit'], canonical: () => boolean): CodeActionEdit {
  const plain = { place: { uri: ctx.uri, start: raw.start, end: raw.end }, newText: raw.newText };
  if (!canonical()) return plain;
  const edited = ctx.text.slice(0, raw.start) + raw.newText + ctx.text.slice(raw.end);
  let formatted: string | null;
  try {
    formatted = format(edited, ctx.uri).text;
  } catch {
    formatted = null;
  }
  if (formatted === null) return plain;
  const a = ctx.text.split('\n');
  const b = formatted.split('\n');
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const start = Math.min(ctx.text.length, a.slice(0, pre).reduce((n, l) => n + l.length + 1, 0));
  const oldMid = a.slice(pre, a.length - suf).join('\n');
  const newMid = b.slice(pre, b.length - suf).join('\n');
  // pre and suf lines are whole lines joined by '\n'; the middle is replaced line-wise
  if (pre + suf === a.length) {
    // pure insertion of lines between pre and suf
    return { place: { uri: ctx.uri, start, end: start }, newText: newMid === '' ? '' : `${newMid}\n` };
  }
  if (pre + suf === b.length) {
    return { place: { uri: ctx.uri, start, end: start + oldMid.length + 1 }, newText: '' };
  }
  return { place: { uri: ctx.uri, start, end: start + oldMid.length }, newText: newMid };
}
