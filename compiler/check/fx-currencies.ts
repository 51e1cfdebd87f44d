// Currencies an amount may be priced in before FX. Beyond the active ISO 4217 codes: the
// IMF Special Drawing Right, in which GSMA roaming (TAP) prices, under its ISO 4217 code XDR
// and under the spelling SDR that TAP files and IOTs use. The two are NOT aliases of each
// other: an fx line, the prices and the table rows must use the same spelling.
import { isCurrency } from './currencies.js';

export const FX_ONLY_CURRENCIES: readonly string[] = ['SDR', 'XDR'];

export function isFxCurrency(code: string): boolean {
  return isCurrency(code) || FX_ONLY_CURRENCIES.includes(code);
}
