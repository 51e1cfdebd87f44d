// Hovers in Markdown: a zone's prefixes and the rates that use it; a rate line's price per band and
// date with an example call charged under the service's billing increments (exact, decimal.js);
// a partner's or entity's details and its agreements; a service's kind, direction and billing.
import { Decimal } from 'decimal.js';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { Agreement, BandPrice, PartyDecl, RateDecl, ServiceBlock } from '../../language/index.js';
import { agreementAt, type FileIndex, type Occurrence } from '../index/symbols.js';
import type { FeatureContext } from './context.js';
import { symbolAt } from './navigation.js';

/** The example call a rate line's hover charges: 61 s shows the effect of the increments. */
export const EXAMPLE_CALL_SECONDS = 61;

export function hover(ctx: FeatureContext, offset: number): Hover | null {
  try {
    const { all, here, target } = symbolAt(ctx, offset);
    const at = agreementAt(here, offset);
    const md = (value: string | undefined): Hover | null => (value ? { contents: { kind: MarkupKind.Markdown, value } } : null);
    if (target !== undefined) {
      if (target.kind === 'party') return md(partyHover(all, target.name));
      if (at === undefined) return null;
      if (target.kind === 'zone') return md(zoneHover(here, at.agreement, target.name));
      if (target.kind === 'service') return md(serviceHover(at.agreement, target.name));
      if (target.kind === 'band' || target.kind === 'holidays') return md(`**${target.kind === 'band' ? 'band' : 'holiday calendar'}** \`${target.name}\``);
      if (target.kind === 'agreement') return md(`**agreement** \`${target.name}\`${at.agreement.title ? ` — ${at.agreement.title.value}` : ''}`);
      return null;
    }
    if (at === undefined) return null;
    for (const s of services(at.agreement)) {
      for (const i of s.items ?? []) {
        if (i?.kind === 'rate' && i.range !== undefined && offset >= i.range.start.offset && offset < i.range.end.offset) return md(rateHover(here, s, i));
      }
    }
    return null;
  } catch {
    return null;
  }
}

const services = (a: Agreement): ServiceBlock[] => (a.items ?? []).filter((i): i is ServiceBlock => i?.kind === 'service');
const src = (f: FileIndex, n: { range: { start: { offset: number }; end: { offset: number } } } | undefined): string => (n ? f.text.slice(n.range.start.offset, n.range.end.offset) : '');
/** The price of a band price as written, without its band name (`first 60s … then …` kept whole). */
const priceText = (f: FileIndex, p: BandPrice): string => {
  const steps = p.steps ?? [];
  if (steps.length === 0 || steps[0]?.range === undefined) return src(f, p);
  return f.text.slice(steps[0].range.start.offset, steps[steps.length - 1]!.range.end.offset).replace(/\s+/g, ' ');
};

function zoneHover(f: FileIndex, a: Agreement, name: string): string {
  const lines = [`**zone** \`${name}\``];
  if (name === 'any') lines.push('', 'built in: every number (empty prefix)');
  for (const item of a.items ?? []) {
    if (item?.kind !== 'zones') continue;
    for (const z of item.zones ?? []) if (z?.name?.text === name) lines.push('', `prefixes: ${(z.prefixes ?? []).map((p) => `\`${p.digits}\``).join(', ')}`);
  }
  const rows: string[] = [];
  for (const s of services(a)) {
    for (const r of s.items ?? []) {
      if (r?.kind !== 'rate' || (r.zone?.text ?? 'any') !== name) continue;
      for (const p of r.prices ?? []) rows.push(`| ${s.name?.text ?? ''} | ${p.band?.text ?? 'every band'} | ${priceText(f, p)} | ${r.from?.text ?? 'start'} |`);
    }
  }
  if (rows.length > 0) lines.push('', '| service | band | price | from |', '|---|---|---|---|', ...rows);
  else lines.push('', 'no rate line uses this zone');
  return lines.join('\n');
}

function billingOf(s: ServiceBlock): { first: Decimal; next: Decimal; minimum: Decimal; written: boolean } {
  const b = (s.items ?? []).find((i) => i?.kind === 'billing');
  if (b?.kind !== 'billing' || b.volume !== undefined) return { first: new Decimal(1), next: new Decimal(1), minimum: new Decimal(0), written: false };
  const minimum = b.minimum ? seconds(b.minimum.amount, b.minimum.unit) : new Decimal(0);
  return { first: new Decimal(b.first.value), next: new Decimal(b.next.value), minimum, written: true };
}

function seconds(amount: string, unit: string): Decimal {
  const factor = unit === 'ms' ? new Decimal('0.001') : unit === 'min' ? new Decimal(60) : unit === 'h' ? new Decimal(3600) : new Decimal(1);
  return new Decimal(amount).mul(factor);
}

/** Billed seconds of a call of `d` (> 0) seconds, docs/internal-contracts.md "Rating semantics (voice)" step 3:
 *  m = max(d, minimum); billed = m <= first ? first : first + ceil((m - first) / next) × next. */
export function billedSeconds(d: Decimal, first: Decimal, next: Decimal, minimum: Decimal): Decimal {
  if (d.lte(0)) return new Decimal(0);
  const m = Decimal.max(d, minimum);
  return m.lte(first) ? first : first.plus(m.minus(first).div(next).ceil().mul(next));
}

function serviceHover(a: Agreement, name: string): string | undefined {
  const s = services(a).find((x) => x.name?.text === name);
  if (s === undefined) return `**service** \`${name}\` (not declared in this agreement)`;
  const b = (s.items ?? []).find((i) => i?.kind === 'billing');
  const billing = b?.kind === 'billing'
    ? b.volume ? `billing ${b.volume.amount.text} ${b.volume.unit.text}` : `billing ${b.first.text}/${b.next.text}${b.minimum ? ` minimum ${b.minimum.text}` : ''}`
    : s.serviceKind?.text === 'voice' ? 'no `billing` line: per second (1/1)' : 'no `billing` line';
  const rates = (s.items ?? []).filter((i) => i?.kind === 'rate').length;
  return [`**service** \`${name}\``, '', `- kind: ${s.serviceKind?.text ?? '?'}`, `- direction: ${s.direction?.text ?? '?'}`, `- ${billing}`, `- rate lines: ${rates}`].join('\n');
}

function rateHover(f: FileIndex, s: ServiceBlock, r: RateDecl): string {
  const what = (x: RateDecl) => `${x.category ? `calls ${x.category.text}` : (x.zone?.text ?? 'any')}${x.origin ? ` origin ${x.origin.text}` : ''}`;
  const lines = [`**rate** \`${what(r)}\` in service \`${s.name?.text ?? ''}\``, ''];
  // Every line of the same zone (origin, category) in this service: the price per band and date.
  const same = (s.items ?? []).filter((i): i is RateDecl => i?.kind === 'rate' && what(i) === what(r));
  same.sort((a, b) => (a.from?.text ?? '').localeCompare(b.from?.text ?? ''));
  lines.push('| from | band | price |', '|---|---|---|');
  for (const x of same) {
    for (const p of x.prices ?? []) lines.push(`| ${x.from?.text ?? 'start'}${x === r ? ' (this line)' : ''} | ${p.band?.text ?? 'every band'} | ${priceText(f, p)} |`);
  }
  const kind = s.serviceKind?.text;
  for (const p of r.prices ?? []) {
    const example = exampleCharge(s, p, kind);
    if (example) lines.push('', example);
  }
  return lines.join('\n');
}

function exampleCharge(s: ServiceBlock, p: BandPrice | undefined, kind: string | undefined): string | undefined {
  const step = p?.steps?.[0];
  if (p === undefined || step === undefined || (p.steps?.length ?? 0) > 1 || step.price?.perPeriod !== undefined) return undefined;
  const price = new Decimal(step.price.amount.value);
  const cur = step.price.currency?.text ?? '';
  const per = step.price.per?.text;
  const band = p.band ? ` (${p.band.text})` : '';
  if (kind === 'voice' && per === 'min') {
    const b = billingOf(s);
    const d = new Decimal(EXAMPLE_CALL_SECONDS);
    const billed = billedSeconds(d, b.first, b.next, b.minimum);
    const product = price.mul(billed); // exact: a product of two finite decimals
    const exact = Exact.div(product.toString(), 60);
    const terminates = exact.mul(60).eq(product.toString()) && exact.decimalPlaces() < 40;
    const r = recordRounding(s);
    // step 7: + connect fee, capped at a maximum per call, then rounded per record
    const fee = (s.items ?? []).find((i) => i?.kind === 'connectFee');
    const max = (s.items ?? []).find((i) => i?.kind === 'maximum' && (i.period === undefined || i.period.text === 'call'));
    let total = exact;
    const extra: string[] = [];
    if (fee?.kind === 'connectFee' && fee.fee?.amount?.value) {
      total = total.plus(fee.fee.amount.value);
      extra.push(`+ connect fee ${fee.fee.amount.text} = ${total.toSignificantDigits(terminates ? 60 : 12).toString()}${terminates ? '' : '…'} ${cur}`);
    }
    if (max?.kind === 'maximum' && max.amount?.amount?.value && total.gt(max.amount.amount.value)) {
      total = new Exact(max.amount.amount.value);
      extra.push(`capped at the maximum per call: ${max.amount.amount.text} ${cur}`);
    }
    const rounded = new Decimal(total.toDecimalPlaces(r.decimals, ROUNDING_MODE[r.method]).toFixed(r.decimals));
    const inc = b.written ? `billing ${b.first}/${b.next}${b.minimum.gt(0) ? ` minimum ${b.minimum}s` : ''}` : 'per second (no `billing` line)';
    const shown = terminates ? exact.toString() : `${exact.toSignificantDigits(12).toString()}…`;
    return [
      `**Example**${band}: a ${EXAMPLE_CALL_SECONDS} s call, ${inc}: billed ${billed} s`,
      `${step.price.amount.text} ${cur}/min × ${billed} s ÷ 60 = ${product.toString()} ÷ 60 = ${shown} ${cur}`,
      ...extra,
      `rounded ${r.method} to ${r.decimals} decimals per record${r.written ? '' : ' (the default)'}: **${rounded.toFixed(r.decimals)} ${cur}**`,
    ].join('\n\n');
  }
  if (kind === 'sms' && per === 'msg') return `**Example**${band}: one message = **${price.toString()} ${cur}**`;
  return undefined;
}

/** Division at 60 significant digits, so rounding the quotient to the record's decimals is exact. */
const Exact = Decimal.clone({ precision: 60 });
const ROUNDING_MODE: Record<string, Decimal.Rounding> = {
  'half-up': Decimal.ROUND_HALF_UP, 'half-even': Decimal.ROUND_HALF_EVEN, up: Decimal.ROUND_UP, down: Decimal.ROUND_DOWN,
};

/** The service's `rounding … per record`, else the compiler's default (compiler/lower/services.ts: half-up, 6 decimals). */
function recordRounding(s: ServiceBlock): { method: string; decimals: number; written: boolean } {
  const r = (s.items ?? []).find((i) => i?.kind === 'rounding' && i.scope === 'record');
  if (r?.kind === 'rounding' && /^\d+$/.test(r.decimals?.value ?? '')) return { method: r.method, decimals: Number(r.decimals.value), written: true };
  return { method: 'half-up', decimals: 6, written: false };
}

function partyHover(all: readonly FileIndex[], name: string): string | undefined {
  let decl: PartyDecl | undefined;
  for (const f of all) for (const d of f.file.partyDecls ?? []) if (d?.name?.text === name && decl === undefined) decl = d;
  const lines = [`**${decl?.role ?? 'party'}** \`${name}\`${decl?.legalName ? ` — ${decl.legalName.value}` : ''}`];
  if (decl === undefined) lines.push('', 'not declared (no `partner` or `entity` block with this name)');
  for (const fact of decl?.facts ?? []) lines.push(`- ${fact.fact === 'carrier' ? 'carrier code' : fact.fact}: ${(fact.values ?? []).map((v) => v.text).join(' ')}`);
  const agreements: string[] = [];
  for (const f of all) {
    for (const a of f.file.agreements ?? []) {
      const uses = f.occurrences.some((o: Occurrence) => o.kind === 'party' && o.name === name && !o.isDecl && a.range && o.start >= a.range.start.offset && o.end <= a.range.end.offset);
      if (uses && a.id?.text) agreements.push(`\`${a.id.text}\` (${f.uri})`);
    }
  }
  lines.push('', agreements.length ? `agreements: ${agreements.join(', ')}` : 'no agreement names it');
  return lines.join('\n');
}
