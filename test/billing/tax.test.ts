// The VAT rule of bill runs (runtime/billing/tax.ts, docs/usage.md "Bill runs").
import { describe, it, expect } from 'vitest';
import { REVERSE_CHARGE_NOTE, REVERSE_CHARGE_NOTE_NON_EU, taxesOf } from '../../runtime/billing/tax.js';

const party = (vat: string | null) => ({ name: 'X', legalName: null, vat, address: null });

describe('VAT on bill run documents', () => {
  it('two EU countries: reverse charge under Art. 196, a 0 line at the net\'s places', () => {
    const t = taxesOf(party('IE1234567T'), party('FR89380129866'), '120.50');
    expect(t.lines).toEqual([{ label: 'VAT reverse charge', rate: '0', base: '120.50', amount: '0.00', reverseCharge: true, note: REVERSE_CHARGE_NOTE }]);
    expect(t.notes).toEqual([]);
  });

  it('a non-EU prefix (GB, US): reverse charge with a note naming no EU directive', () => {
    expect(taxesOf(party('GB123456789'), party('FR89380129866'), '1.000').lines[0]).toMatchObject({ amount: '0.000', note: REVERSE_CHARGE_NOTE_NON_EU });
    expect(taxesOf(party('US 84-1234567'), party('gb123456789'), '5.00').lines[0]!.reverseCharge).toBe(true);
  });

  it('the same country, or a party without a VAT number: no tax line, and the notes say why', () => {
    expect(taxesOf(party('FR1'), party('FR2'), '5.00')).toEqual({ lines: [], notes: [expect.stringMatching(/^No VAT line: both parties are registered in the same country/)] });
    expect(taxesOf(party(null), party('FR2'), '5.00')).toEqual({ lines: [], notes: [expect.stringMatching(/^No VAT line: a party has no VAT number declared/)] });
  });
});
