// VAT on wholesale invoices, kept simple and declared (docs/usage.md "Bill runs"):
// - issuer and recipient both have a VAT number and their country prefixes (the first two
//   letters) differ → cross-border B2B supply: reverse charge, a 0 tax line with the legal note;
// - otherwise no tax line: agreements and party declarations state no VAT rate today, and icx
//   never guesses one; the document says so in its notes.
import type { PartyDetails, TaxLine } from './invoice-document.js';

export const REVERSE_CHARGE_NOTE =
  'Reverse charge: VAT to be accounted for by the recipient (Art. 196 Directive 2006/112/EC)';

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
      lines: [{ label: 'VAT reverse charge', rate: '0', base: net, amount: zero, reverseCharge: true, note: REVERSE_CHARGE_NOTE }],
      notes: [],
    };
  }
  const why = !issuer.vat || !recipient.vat
    ? 'a party has no VAT number declared'
    : 'both parties are registered in the same country and no VAT rate is declared';
  return { lines: [], notes: [`No VAT line: ${why} (icx states VAT only as reverse charge between VAT numbers of different countries).`] };
}
