// VAT on wholesale invoices, kept simple and declared (docs/usage.md "Bill runs"):
// - issuer and recipient both have a VAT number and their country prefixes (the first two
//   letters) differ → cross-border B2B supply: reverse charge, a 0 tax line with the legal note
//   (Art. 196 of the EU VAT directive when both are EU prefixes, else a note naming no directive);
// - otherwise no tax line: agreements and party declarations state no VAT rate today, and icx
//   never guesses one; the document says so in its notes.
import type { PartyDetails, TaxLine } from './invoice-document.js';

export const REVERSE_CHARGE_NOTE =
  'Reverse charge: VAT to be accounted for by the recipient (Art. 196 Directive 2006/112/EC)';
/** outside the EU (e.g. a UK or US party) the EU directive is not the law that applies */
export const REVERSE_CHARGE_NOTE_NON_EU =
  "Reverse charge: VAT (or the equivalent tax) to be accounted for by the recipient under the rules of the recipient's country";

// VAT number prefixes of EU member states (Greece is EL; XI is Northern Ireland for goods)
const EU = new Set(['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'EL', 'ES', 'FI', 'FR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK']);

const country = (vat: string | null): string | null => {
  const m = vat ? /^\s*([A-Za-z]{2})/.exec(vat) : null;
  return m ? m[1]!.toUpperCase() : null;
};

export function taxesOf(issuer: PartyDetails, recipient: PartyDetails, net: string): { lines: TaxLine[]; notes: string[] } {
  const a = country(issuer.vat);
  const b = country(recipient.vat);
  if (a && b && a !== b) {
    // same places as the net ("0.00" for EUR)
    const zero = net.includes('.') ? `0.${'0'.repeat(net.split('.')[1]!.length)}` : '0';
    return {
      lines: [{ label: 'VAT reverse charge', rate: '0', base: net, amount: zero, reverseCharge: true, note: EU.has(a) && EU.has(b) ? REVERSE_CHARGE_NOTE : REVERSE_CHARGE_NOTE_NON_EU }],
      notes: [],
    };
  }
  const why = !issuer.vat || !recipient.vat
    ? 'a party has no VAT number declared'
    : 'both parties are registered in the same country and no VAT rate is declared';
  return { lines: [], notes: [`No VAT line: ${why} (icx states VAT only as reverse charge between VAT numbers of different countries).`] };
}
