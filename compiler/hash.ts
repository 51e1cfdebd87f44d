// Canonical JSON and plan hashing. A plan's hash is what every rated record carries, so
// it must depend only on the plan's content, never on the order in which an object's
// keys happened to be built. sha256 from node:crypto is pure computation, not I/O.
import { createHash } from 'node:crypto';
import type { AgreementPlan } from './plan.js';

/**
 * JSON with object keys sorted (by UTF-16 code unit, like Array#sort), no whitespace.
 * Arrays keep their order (order is meaning in a plan). `undefined` members are left out,
 * as JSON.stringify does, so an absent optional field and a missing one hash alike.
 */
export function canonicalJson(value: unknown): string {
  // Written as plain loops appending to one string: a plan with a 200,000-prefix rate deck
  // has that many small objects, and per-object filter/sort/map/join arrays were most of the
  // cost of compiling it (and of its garbage).
  if (value === null || typeof value !== 'object') {
    // JSON.stringify handles strings (escaping), numbers, booleans; undefined/functions → "null"
    // so the output is always valid JSON.
    const s = JSON.stringify(value);
    return s === undefined ? 'null' : s;
  }
  if (Array.isArray(value)) {
    // A long array of flat objects in key order (a deck's prefix table): one native call.
    if (value.length > 64 && value.every(isFlatInKeyOrder)) return JSON.stringify(value);
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      const v: unknown = value[i];
      out += v === undefined ? 'null' : canonicalJson(v);
    }
    return out + ']';
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  // Objects built in key order (most of a plan's) need no sort.
  let sorted = true;
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1]! > keys[i]!) {
      sorted = false;
      break;
    }
  }
  if (!sorted) keys.sort();
  else {
    // A flat object (only strings, numbers, booleans, null) in key order is exactly what the
    // native JSON.stringify writes: the common case of a deck's prefix table.
    let flat = true;
    for (const k of keys) {
      const v = obj[k];
      if (v === undefined || (v !== null && typeof v === 'object') || typeof v === 'function' || typeof v === 'bigint') {
        flat = false;
        break;
      }
    }
    if (flat) return JSON.stringify(obj);
  }
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += quotedKey(k) + ':' + canonicalJson(v);
  }
  return out + '}';
}

function isFlatInKeyOrder(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  let prev = '';
  let i = 0;
  for (const k in o) {
    if (!Object.prototype.hasOwnProperty.call(o, k)) return false;
    if (i++ > 0 && prev > k) return false;
    prev = k;
    const x = o[k];
    if (x === undefined || (x !== null && typeof x === 'object') || typeof x === 'function' || typeof x === 'bigint') return false;
  }
  return true;
}

const keyCache = new Map<string, string>();
function quotedKey(k: string): string {
  let q = keyCache.get(k);
  if (q === undefined) {
    q = JSON.stringify(k);
    if (keyCache.size < 1000) keyCache.set(k, q);
  }
  return q;
}

/** Hex SHA-256 of the plan's canonical JSON. */
export function hashPlan(plan: AgreementPlan): string {
  return createHash('sha256').update(canonicalJson(plan), 'utf8').digest('hex');
}
