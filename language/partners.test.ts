// Partner and entity declarations (outside agreements) and the settlement block.
import { describe, expect, it } from 'vitest';
import { parse } from './parse.js';
import { items, parseClean, withoutRanges } from './test-support/parse-helpers.js';

describe('partner and entity declarations', () => {
  it('reads the role, name, legal name and one fact per line', () => {
    const file = parseClean(
      'entity ACME-UK "ACME Telecom Ltd" {\n  vat GB123456789\n  tadig GBRAC\n}\n' +
        'partner ORANGE "Orange France SA" {\n  type interconnect\n  tadig FRAF1 FRAF2\n  carrier code ORGFR 0288 "X 1"\n' +
        '  vat "FR 89"\n  address "111 quai, Issy"\n}\n',
    );
    expect(file.agreements).toEqual([]);
    expect(withoutRanges(file.partyDecls)).toEqual([
      {
        kind: 'partyDecl', role: 'entity', name: { text: 'ACME-UK' }, legalName: { value: 'ACME Telecom Ltd' },
        facts: [{ fact: 'vat', values: [{ text: 'GB123456789' }] }, { fact: 'tadig', values: [{ text: 'GBRAC' }] }],
      },
      {
        kind: 'partyDecl', role: 'partner', name: { text: 'ORANGE' }, legalName: { value: 'Orange France SA' },
        facts: [
          { fact: 'type', values: [{ text: 'interconnect' }] },
          { fact: 'tadig', values: [{ text: 'FRAF1' }, { text: 'FRAF2' }] },
          { fact: 'carrier', values: [{ text: 'ORGFR' }, { text: '0288' }, { text: 'X 1' }] },
          { fact: 'vat', values: [{ text: 'FR 89' }] },
          { fact: 'address', values: [{ text: '111 quai, Issy' }] },
        ],
      },
    ]);
  });

  it('keeps declarations and agreements apart, in one file', () => {
    const file = parseClean('partner X {}\nagreement A { parties { us ACME-UK  partner X } }\nentity ACME-UK {}\n');
    expect(file.agreements.map((a) => a.id.text)).toEqual(['A']);
    expect(file.partyDecls?.map((d) => `${d.role} ${d.name.text}`)).toEqual(['partner X', 'entity ACME-UK']);
  });

  it('a code list stops at the end of its line: `tadig` left without a value does not swallow `vat`', () => {
    const { file, diagnostics } = parse('partner X {\n  tadig\n  vat FR1\n}\n', 'f.icx');
    expect(diagnostics.map((d) => `${d.code} ${d.range.start.line}`)).toEqual(['ICX1002 3']);
    expect(file.partyDecls?.[0]?.facts.map((f) => f.fact)).toContain('vat');
    const ok = parseClean('partner X {\n  tadig FRAF1\n  vat FR1\n}\n');
    expect(withoutRanges(ok.partyDecls?.[0]?.facts)).toEqual([
      { fact: 'tadig', values: [{ text: 'FRAF1' }] },
      { fact: 'vat', values: [{ text: 'FR1' }] },
    ]);
  });

  it('says what a declaration may hold', () => {
    const { diagnostics } = parse('partner X {\n  rate any 1 EUR/min\n}\n', 'f.icx');
    expect(diagnostics[0]?.message).toMatch(/`type`, `tadig`, `carrier code`, `vat` or `address`/);
  });
});

describe('settlement block', () => {
  it('reads invoicing with its due days, netting and a dispute tolerance of one or two thresholds', () => {
    const [block] = items('settlement {\n  invoicing monthly, due 30 days\n  netting bilateral\n  dispute tolerance 1% or 500 EUR\n  dispute tolerance 250.00 EUR\n  invoicing quarterly\n}');
    expect(withoutRanges(block)).toEqual({
      kind: 'settlement',
      items: [
        { kind: 'invoicing', period: { text: 'monthly' }, dueDays: { text: '30', value: '30' }, dueUnit: { text: 'days' } },
        { kind: 'netting', mode: { text: 'bilateral' } },
        {
          kind: 'disputeTolerance',
          thresholds: [{ text: '1%', value: '1' }, { amount: { text: '500', value: '500' }, currency: { text: 'EUR' } }],
        },
        { kind: 'disputeTolerance', thresholds: [{ amount: { text: '250.00', value: '250.00' }, currency: { text: 'EUR' } }] },
        { kind: 'invoicing', period: { text: 'quarterly' } },
      ],
    });
  });

  it('reports a settlement line it does not know in the words of the block', () => {
    const { diagnostics } = parse('agreement A {\n  settlement {\n    pay fast\n  }\n}\n', 'f.icx');
    expect(diagnostics[0]?.message).toMatch(/`invoicing`, `netting` or `dispute tolerance`|invoicing monthly/);
  });
});
