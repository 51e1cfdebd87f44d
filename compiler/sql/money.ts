// Exact fixed-point conversion of the plan's decimal strings. Prices are carried
// as integers in nano-units (10^-9) so the rating SQL multiplies and divides
// integers only: DuckDB's DECIMAL division returns DOUBLE, which is not exact.

export const PRICE_DECIMALS = 9;
export const PRICE_SCALE = 10n ** BigInt(PRICE_DECIMALS);

export class PlanLayoutError extends Error {
  override name = 'PlanLayoutError';
}

/** "0.0123" → 12300000n (nano-units). Throws on more than 9 decimals or a malformed number. */
export function toNano(value: string, what: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!m) throw new PlanLayoutError(`${what}: "${value}" is not a decimal number`);
  const [, sign, int, frac = ''] = m;
  const trimmed = frac.replace(/0+$/, '');
  if (trimmed.length > PRICE_DECIMALS) {
    throw new PlanLayoutError(`${what}: "${value}" has more than ${PRICE_DECIMALS} decimals, which the rating engine cannot carry exactly`);
  }
  const n = BigInt(int!) * PRICE_SCALE + BigInt(trimmed.padEnd(PRICE_DECIMALS, '0') || '0');
  return sign === '-' ? -n : n;
}

/** 12300000n → "0.012300000" (nano-units back to a decimal string, for display). */
export function fromNano(n: bigint): string {
  const neg = n < 0n;
  const a = neg ? -n : n;
  const s = a.toString().padStart(PRICE_DECIMALS + 1, '0');
  return `${neg ? '-' : ''}${s.slice(0, -PRICE_DECIMALS)}.${s.slice(-PRICE_DECIMALS)}`;
}
