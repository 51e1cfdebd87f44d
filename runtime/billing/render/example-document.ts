// A hand-written invoice document for the rendering tests (and the picture in the docs): ACME-UK
// invoices ORANGE for March 2026. Every amount was computed by hand, rounded half-up to cents:
//
//   FR-MOBILE peak     48,200.5 min × 0.0123 EUR/min = 592.86615  → 592.87
//   FR-MOBILE offpeak  20,114 min   × 0.0098 EUR/min = 197.1172   → 197.12
//   FR-FIXED           31,500 min   × 0.0045 EUR/min = 141.75
//   SMS FR             250,000 msg  × 0.0018 GBP/msg = 450.00 GBP × 1.1612 EUR/GBP = 522.54 EUR
//   Tier 2 (> 50,000 FR-MOBILE min; 68,314.5 reached): −5% of (592.87 + 197.12 = 789.99)
//                      = −39.4995 → −39.50
//   Voice so far       592.87 + 197.12 + 141.75 − 39.50 = 892.24
//   Commitment 1,500.00 EUR/month on voice: shortfall 1,500.00 − 892.24 = 607.76
//   SLA credit (ASR 41% < 45%): −2% of the committed 1,500.00 = −30.00
//   Net   592.87 + 197.12 + 141.75 + 522.54 − 39.50 + 607.76 − 30.00
//         = 789.99 + 141.75 = 931.74; + 522.54 = 1,454.28; − 39.50 = 1,414.78;
//         + 607.76 = 2,022.54; − 30.00 = 1,992.54
//   VAT   UK issuer → FR wholesale recipient: reverse charge, 0% of 1,992.54 = 0.00
//   Gross 1,992.54 + 0.00 = 1,992.54

import type { InvoiceDocument, InvoiceDocumentLine } from '../invoice-document.js';

function usage(zone: string, band: string | null, records: number, quantity: string, rate: string, amount: string,
  service = 'voice-termination', unit = 'min', rateUnit = 'EUR/min', line = 12): InvoiceDocumentLine {
  return {
    kind: 'usage', service, zone, band, construct: null, tier: null,
    description: band === null ? zone : `${zone} ${band}`,
    records, quantity, unit, rate, rateUnit, amount, source: `agreements/acme-orange-fr.icx:${line}`,
  };
}

export function exampleInvoice(): InvoiceDocument {
  return {
    format: 1,
    kind: 'invoice',
    number: 'ACME-UK-2026-000042',
    billRunId: 'BR-2026-03-0007',
    issueDate: '2026-04-02',
    dueDate: '2026-05-02',
    period: { start: '2026-03-01', end: '2026-03-31' },
    issuer: {
      name: 'ACME-UK', legalName: 'ACME Telecom UK Ltd', vat: 'GB123456789',
      address: '1 Carrier Street\nLondon EC1A 1AA\nUnited Kingdom',
    },
    recipient: {
      name: 'ORANGE', legalName: 'Orange SA', vat: 'FR89380129866',
      address: '111 quai du Président Roosevelt\n92130 Issy-les-Moulineaux\nFrance',
    },
    agreement: { id: 'ACME-ORANGE-FR-2026', version: 4, title: 'Voice and SMS termination France', planHash: 'sha256:9f2c4e0b7a1d3c5e' },
    currency: 'EUR',
    lines: [
      usage('FR-MOBILE', 'peak', 12840, '48200.5', '0.0123', '592.87', undefined, undefined, undefined, 14),
      usage('FR-MOBILE', 'offpeak', 5310, '20114', '0.0098', '197.12', undefined, undefined, undefined, 15),
      usage('FR-FIXED', null, 9002, '31500', '0.0045', '141.75', undefined, undefined, undefined, 16),
      usage('FR', null, 250000, '250000', '0.0018', '522.54', 'sms-termination', 'msg', 'GBP/msg', 24),
      {
        kind: 'charge', service: 'voice-termination', zone: 'FR-MOBILE', band: null, construct: 'tier', tier: 2,
        description: 'Volume tier 2: -5% on FR-MOBILE (68,314.5 min > 50,000)',
        records: null, quantity: '68314.5', unit: 'min', rate: '-5', rateUnit: '%', amount: '-39.50',
        source: 'agreements/acme-orange-fr.icx:18',
      },
      {
        kind: 'charge', service: 'voice-termination', zone: null, band: null, construct: 'commitment-shortfall', tier: null,
        description: 'Commitment shortfall March 2026 (1,500.00 committed, 892.24 billed)',
        records: null, quantity: null, unit: null, rate: null, rateUnit: null, amount: '607.76',
        source: 'agreements/acme-orange-fr.icx:20',
      },
      {
        kind: 'charge', service: 'voice-termination', zone: null, band: null, construct: 'sla-credit', tier: null,
        description: 'SLA credit: ASR 41% below 45% target',
        records: null, quantity: null, unit: null, rate: '-2', rateUnit: '%', amount: '-30.00',
        source: 'agreements/acme-orange-fr.icx:22',
      },
    ],
    fx: [{ from: 'GBP', to: 'EUR', rate: '1.1612', date: '2026-03-31', table: 'ecb-reference' }],
    taxes: [{
      label: 'VAT reverse charge', rate: '0', base: '1992.54', amount: '0.00', reverseCharge: true,
      note: 'Reverse charge: VAT to be accounted for by the recipient (Art. 196 Directive 2006/112/EC)',
    }],
    totals: { net: '1992.54', tax: '0.00', gross: '1992.54' },
    corrects: null,
    notes: ['Payment by bank transfer to IBAN GB29 NWBK 6016 1331 9268 19 within 30 days of the issue date.'],
  };
}

/** The example with `n` usage lines, enough to fill several pages (amounts not meant to add up). */
export function longInvoice(n: number): InvoiceDocument {
  const doc = exampleInvoice();
  const lines: InvoiceDocumentLine[] = [];
  for (let i = 0; i < n; i++) {
    lines.push(usage(`ZONE-${String(i + 1).padStart(3, '0')}`, i % 2 === 0 ? 'peak' : 'offpeak', 100 + i, `${1000 + i}`, '0.0100', `${10 + i}.00`));
  }
  return { ...doc, lines: [...lines, ...doc.lines] };
}
