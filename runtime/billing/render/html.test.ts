import { describe, expect, it } from 'vitest';
import { renderInvoiceHtml } from './html.js';
import { exampleInvoice } from './example-document.js';
import { groupThousands } from './text.js';

describe('renderInvoiceHtml', () => {
  const html = renderInvoiceHtml(exampleInvoice());

  it('prints the hand-computed totals (see example-document.ts for the arithmetic)', () => {
    // net 1,992.54 = 592.87 + 197.12 + 141.75 + 522.54 − 39.50 + 607.76 − 30.00; reverse charge: tax 0.00
    expect(html).toContain('<td>Net</td><td class="num">1,992.54 EUR</td>');
    expect(html).toContain('<td>Tax</td><td class="num">0.00 EUR</td>');
    expect(html).toContain('<td>Total due</td><td class="num">1,992.54 EUR</td>');
  });

  it('prints every line with its volumes, rate and amount', () => {
    for (const amount of ['592.87', '197.12', '141.75', '522.54', '-39.50', '607.76', '-30.00']) {
      expect(html).toContain(`<td class="num">${amount}</td>`);
    }
    expect(html).toContain('<td class="num">12,840</td><td class="num">48,200.5 min</td><td class="num">0.0123 EUR/min</td>');
    expect(html).toContain('<td class="num">250,000</td><td class="num">250,000 msg</td><td class="num">0.0018 GBP/msg</td>');
    expect(html).toContain('<div class="sub">tier 2 reached</div>');
    expect(html).toContain('<div class="sub">commitment-shortfall</div>');
    expect(html).toContain('<div class="sub">sla-credit</div>');
    expect((html.match(/<tr class="(usage|charge)">/g) ?? []).length).toBe(7);
  });

  it('prints both parties, the references, FX and the reverse-charge mention', () => {
    for (const s of ['ACME Telecom UK Ltd', 'VAT: GB123456789', 'Orange SA', 'VAT: FR89380129866',
      '111 quai du Président Roosevelt', 'ACME-UK-2026-000042', 'BR-2026-03-0007', '2026-03-01 to 2026-03-31',
      '2026-04-02', '2026-05-02', 'ACME-ORANGE-FR-2026 version 4', 'sha256:9f2c4e0b7a1d3c5e',
      '<td>GBP</td><td>EUR</td><td class="num">1.1612</td><td>2026-03-31</td><td>ecb-reference</td>',
      'Reverse charge: VAT to be accounted for by the recipient (Art. 196 Directive 2006/112/EC)',
      'within 30 days of the issue date']) {
      expect(html).toContain(s);
    }
  });

  it('is self-contained: no script, no external asset', () => {
    expect(html).not.toMatch(/<script|<link|src=|https?:/i);
  });

  it('escapes every string from the document', () => {
    const doc = exampleInvoice();
    doc.recipient.legalName = '<script>alert("x")</script> & Co';
    doc.lines[0]!.description = "O'Brien <b>";
    doc.notes = ['<img src=x onerror=alert(1)>'];
    const h = renderInvoiceHtml(doc);
    expect(h).not.toContain('<script');
    expect(h).not.toContain('<img');
    expect(h).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(h).toContain('O&#39;Brien &lt;b&gt;');
  });

  it('says DRAFT when the bill run has no number yet', () => {
    const h = renderInvoiceHtml({ ...exampleInvoice(), number: null });
    expect(h).toContain('<title>Invoice DRAFT</title>');
    expect(h).not.toContain('ACME-UK-2026-000042');
  });
});

describe('groupThousands', () => {
  it('groups integer digits only, by string manipulation', () => {
    expect(groupThousands('1992.54')).toBe('1,992.54');
    expect(groupThousands('-1234567.000000001')).toBe('-1,234,567.000000001');
    expect(groupThousands('999')).toBe('999');
    expect(groupThousands('0.12345')).toBe('0.12345');
    // digits beyond a double's precision stay exact
    expect(groupThousands('12345678901234567890.123456789')).toBe('12,345,678,901,234,567,890.123456789');
    expect(groupThousands('n/a')).toBe('n/a');
  });
});
