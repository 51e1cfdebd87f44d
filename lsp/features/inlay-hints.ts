// Inlay hints on the usage lines of test blocks: what the rating will bill for that record,
// worked out from the service as written in the agreement (the AST, so a hint shows even
// while another part of the workspace does not compile).
//   voice: after `for 61s` → `→ billed 120s` (docs/internal-contracts.md "Rating semantics (voice)")
//   data:  after `bytes 1_500_000` → `→ 1,465 KB` (the service's `billing N KB|MB|GB`, 1 KB = 1,024 bytes)
// A service rating from a deck gets no hint: deck lines may override the increments per
// destination, and a possibly wrong hint is worse than none.
import { Decimal } from 'decimal.js';
import type { Agreement, ServiceBlock, TestBlock, TestUsage } from '../../language/index.js';
import type { FeatureContext } from './context.js';
import { billedSeconds } from './hover.js';
import { parseIncrementally } from './ast-cache.js';

export interface InlayHintItem {
  /** where the hint is shown: just after the duration or byte count */
  offset: number;
  label: string;
  tooltip?: string;
}

const UNIT_BYTES: Record<string, number> = { KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

/** Hints of the document, those whose offset lies in [range.start, range.end] when a range is given. */
export function inlayHints(ctx: FeatureContext, range?: { start: number; end: number }): InlayHintItem[] {
  const out: InlayHintItem[] = [];
  if (!ctx.uri.endsWith('.icx')) return out;
  const { file } = parseIncrementally(ctx.text, ctx.uri);
  for (const a of file.agreements ?? []) {
    for (const t of (a?.items ?? []).filter((i): i is TestBlock => i?.kind === 'test')) {
      for (const u of t.usages ?? (t.usage ? [t.usage] : [])) {
        const hint = u ? usageHint(a, u) : undefined;
        if (hint && (!range || (hint.offset >= range.start && hint.offset <= range.end))) out.push(hint);
      }
    }
  }
  return out;
}

function usageHint(a: Agreement, u: TestUsage): InlayHintItem | undefined {
  const s = (a.items ?? []).find((i): i is ServiceBlock => i?.kind === 'service' && i.name?.text === u.service?.text);
  if (s === undefined) return undefined;
  const items = s.items ?? [];
  const kind = s.serviceKind?.text;
  if (kind === 'voice' && u.duration?.range) {
    if (items.some((i) => i?.kind === 'deck')) return undefined;
    const b = items.find((i) => i?.kind === 'billing');
    if (b?.kind === 'billing' && b.volume !== undefined) return undefined;
    const first = b?.kind === 'billing' ? decimal(b.first?.value) : new Decimal(1);
    const next = b?.kind === 'billing' ? decimal(b.next?.value) : new Decimal(1);
    const minimum = b?.kind === 'billing' && b.minimum ? seconds(b.minimum.amount, b.minimum.unit) : new Decimal(0);
    if (!first || !next || !minimum || first.lte(0) || next.lte(0)) return undefined;
    const raw = seconds(u.duration.amount, u.duration.unit);
    if (!raw) return undefined;
    const d = raw.ceil();
    const z = items.find((i) => i?.kind === 'zeroDuration');
    const charged = z?.kind === 'zeroDuration' && z.charged;
    // step 2: a zero-duration call is billed 0, or its minimum when such calls are charged
    const billed = d.lte(0) ? (charged ? minimum : new Decimal(0)) : billedSeconds(d, first, next, minimum);
    const how = b?.kind === 'billing' ? `billing ${first}/${next}${minimum.gt(0) ? ` minimum ${minimum}s` : ''}` : 'per second (no `billing` line)';
    return { offset: u.duration.range.end.offset, label: `→ billed ${billed}s`, tooltip: `${u.duration.text} under ${how}: billed ${billed} s` };
  }
  if (kind === 'data' && u.bytes?.range) {
    const b = items.find((i) => i?.kind === 'billing');
    if (b?.kind !== 'billing' || b.volume === undefined) return undefined;
    const unitBytes = UNIT_BYTES[b.volume.unit?.text ?? ''];
    const amount = decimal(b.volume.amount?.value);
    const bytes = decimal(u.bytes.value);
    if (unitBytes === undefined || !amount || !bytes || amount.lte(0) || !amount.isInteger() || bytes.lt(0)) return undefined;
    // rounded up to a multiple of `amount` units, shown in that unit
    const step = amount.mul(unitBytes);
    const billed = bytes.div(step).ceil().mul(amount);
    const unit = b.volume.unit.text;
    return {
      offset: u.bytes.range.end.offset,
      label: `→ ${group(billed)} ${unit}`,
      tooltip: `${group(bytes)} bytes rounded up to a multiple of ${amount} ${unit} (1 ${unit} = ${group(new Decimal(unitBytes))} bytes): ${group(billed)} ${unit}`,
    };
  }
  return undefined;
}

function decimal(v: string | undefined): Decimal | undefined {
  try {
    return v === undefined || v === '' ? undefined : new Decimal(v);
  } catch {
    return undefined;
  }
}

function seconds(amount: string, unit: string): Decimal | undefined {
  const v = decimal(amount);
  if (!v) return undefined;
  return v.mul(unit === 'ms' ? new Decimal('0.001') : unit === 'min' ? 60 : unit === 'h' ? 3600 : 1);
}

/** 1465 → "1,465" */
const group = (d: Decimal): string => d.toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
