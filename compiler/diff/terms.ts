// Small helpers shared by the term comparisons: a change from two shown values, and plan
// values made comparable (where a term is written — `source`, `clause` — is not commercial:
// moving or reformatting a line must not show as a change).
import { Decimal } from 'decimal.js';
import type { Change, ChangeKind } from './types.js';

export class Changes {
  readonly list: Change[] = [];
  constructor(
    readonly agreement: string,
    readonly service: string | null,
  ) {}

  /** A term shown as text on each side (null: absent); nothing when equal. */
  term(kind: ChangeKind, subject: string, a: string | null, b: string | null): void {
    if (a === b || (a !== null && b !== null && sameNumbers(a) === sameNumbers(b))) return;
    const op = a === null ? 'added' : b === null ? 'removed' : 'changed';
    const text = op === 'changed' ? `${subject} ${a} → ${b}` : `${subject} ${a ?? b}`;
    this.list.push({ agreement: this.agreement, service: this.service, kind, op, subject, old: a, new: b, text });
  }

  /** A yes/no term (a barred zone, a holiday date): added or removed, the subject says it all. */
  flag(kind: ChangeKind, subject: string, inOld: boolean, inNew: boolean): void {
    if (inOld === inNew) return;
    this.list.push({ agreement: this.agreement, service: this.service, kind, op: inNew ? 'added' : 'removed', subject, old: inOld ? 'yes' : null, new: inNew ? 'yes' : null, text: subject });
  }

  /** Keyed lists (tiers, commitments, ...): added, removed or changed by key, in key order. */
  keyed<T>(kind: ChangeKind, subject: (key: string) => string, a: T[], b: T[], key: (t: T) => string, show: (t: T) => string): void {
    const ma = new Map(a.map((t) => [key(t), t]));
    const mb = new Map(b.map((t) => [key(t), t]));
    const keys = [...new Set([...ma.keys(), ...mb.keys()])].sort();
    for (const k of keys) {
      const x = ma.get(k);
      const y = mb.get(k);
      this.term(kind, subject(k), x === undefined ? null : show(x), y === undefined ? null : show(y));
    }
  }
}

/** The text with every decimal written canonically: `0.0100 EUR` and `0.01 EUR` are one amount. */
function sameNumbers(t: string): string {
  return t.replace(/\b[0-9]+\.[0-9]+\b/g, (d) => new Decimal(d).toString());
}

const POSITIONAL = new Set(['source', 'clause']);

/** The value without where it was written, keys sorted: equal meaning gives equal text. */
export function comparable(v: unknown): string {
  return JSON.stringify(strip(v));
}

function strip(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(strip);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) if (!POSITIONAL.has(k) && (v as Record<string, unknown>)[k] !== undefined) out[k] = strip((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** A plan value shown compactly: scalars as is, objects as `key=value` pairs. */
export function show(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return v.map((x) => show(x) ?? '-').join(', ');
  const s = strip(v) as Record<string, unknown>;
  return Object.entries(s).map(([k, x]) => `${k}=${typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x)}`).join(' ');
}

export const range = (from: string, to: string | null, unit = '') => `${from}..${to ?? '∞'}${unit ? ` ${unit}` : ''}`;
