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
  if (value === null || typeof value !== 'object') {
    // JSON.stringify handles strings (escaping), numbers, booleans; undefined/functions → "null"
    // so the output is always valid JSON.
    const s = JSON.stringify(value);
    return s === undefined ? 'null' : s;
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** Hex SHA-256 of the plan's canonical JSON. */
export function hashPlan(plan: AgreementPlan): string {
  return createHash('sha256').update(canonicalJson(plan), 'utf8').digest('hex');
}
