// Reading partners' invoices: the documented CSV and JSON layouts, --map, and every bad cell an
// error naming the file, the line (CSV) or element (JSON), and the field.
import { describe, expect, it } from 'vitest';
import { readPartnerInvoice } from '../../runtime/reconcile/invoice-input.js';
import { HEADER, invoiceFile } from './invoice-support.js';

const csv = (...rows: string[]) => invoiceFile('inv.csv', [HEADER, ...rows].join('\r\n') + '\r\n');

describe('partner invoice CSV', () => {
  it('reads lines with their exact text, header values from columns or options', async () => {
    const f = invoiceFile('inv.csv', [
      'invoice_number,invoice_date,currency,service,zone,band,records,quantity,unit,rate,amount,construct',
      'INV-7,2026-04-05,EUR,voice-termination,FIXED,,4,40.000,min,0.0100,0.40,',
      'INV-7,2026-04-05,EUR,voice-termination,,,,,,,-12.50,discount',
    ].join('\n'));
    const inv = await readPartnerInvoice(f);
    expect([inv.invoiceNumber, inv.invoiceDate, inv.currency]).toEqual(['INV-7', '2026-04-05', 'EUR']);
    expect(inv.lines.map((l) => [l.service, l.zone, l.band, l.records, l.quantity, l.rate, l.amount, l.construct])).toEqual([
      ['voice-termination', 'FIXED', null, 4, '40.000', '0.0100', '0.40', null],
      ['voice-termination', null, null, null, null, null, '-12.50', 'discount'],
    ]);
    const over = await readPartnerInvoice(f, {}, { invoiceNumber: 'X-1' });
    expect(over.invoiceNumber).toBe('X-1');
  });

  it('--map reads the partner\'s own column names', async () => {
    const f = invoiceFile('theirs.csv', 'Product,Destination,Calls,Minutes,Price,Total\nvoice-termination,"FIXED",4,40,0.0100,"0.40"\n');
    const inv = await readPartnerInvoice(f, { service: 'Product', zone: 'Destination', records: 'Calls', quantity: 'Minutes', rate: 'Price', amount: 'Total' });
    expect(inv.lines.map((l) => [l.service, l.zone, l.records, l.quantity, l.rate, l.amount])).toEqual([['voice-termination', 'FIXED', 4, '40', '0.0100', '0.40']]);
  });

  it('every bad cell is an error naming file, line and field; nothing is read as 0', async () => {
    const f = csv(
      'voice-termination,FIXED,,4,40,min,0.0100,0.40',
      'voice-termination,FIXED,,four,40,min,0.0100,0.40',
      'voice-termination,MOBILE,,3,6,min,0.0200,',
      'voice-termination,EU,,3,3,min,0,01,0.04',
      ',EU,,3,3,min,0.0123,1e3',
    );
    await expect(readPartnerInvoice(f)).rejects.toThrow(
      `bad partner invoice ${f}:\n` +
        `${f}:3: records: "four" is not a whole number of records\n` +
        `${f}:4: amount: empty: every line has an amount\n` +
        `${f}:5: (row): 9 fields, the header has 8\n` +
        `${f}:6: service: empty: every line names the service it charges (e.g. voice-termination)\n` +
        `${f}:6: amount: "1e3" is not a decimal amount (digits, optional - and decimal point, e.g. 1234.56)`,
    );
  });

  it('a missing column, an unknown --map column, a bad date and an unclosed quote are named', async () => {
    const noAmount = invoiceFile('a.csv', 'service,zone\nvoice-termination,FIXED\n');
    await expect(readPartnerInvoice(noAmount)).rejects.toThrow(`bad partner invoice ${noAmount}:1: no column amount (columns: service, zone; map others with --map amount=COLUMN)`);
    const ok = csv('voice-termination,FIXED,,4,40,min,0.0100,0.40');
    await expect(readPartnerInvoice(ok, { amount: 'Total' })).rejects.toThrow(`${ok}:1: no column Total`);
    await expect(readPartnerInvoice(ok, {}, { invoiceDate: '5 April' })).rejects.toThrow('invoice date "5 April" is not a date (YYYY-MM-DD)');
    const quote = csv('voice-termination,"FIXED,,4,40,min,0.0100,0.40');
    await expect(readPartnerInvoice(quote)).rejects.toThrow(`bad partner invoice ${quote}:2: a quoted field is not closed`);
    await expect(readPartnerInvoice('/nonexistent/inv.csv')).rejects.toThrow('cannot read partner invoice /nonexistent/inv.csv: no such file or not readable');
  });
});

describe('partner invoice JSON', () => {
  it('money must be JSON strings: a number has lost its exact text', async () => {
    const f = invoiceFile('inv.json', JSON.stringify({ invoiceNumber: 'J-1', lines: [
      { service: 'voice-termination', zone: 'FIXED', records: 4, quantity: '40', amount: '0.40' },
      { service: 'voice-termination', zone: 'FIXED', records: 4, quantity: '40', amount: 0.4 },
      { service: 'voice-termination', zone: 'FIXED', records: -1, amount: '0.40' },
    ] }));
    await expect(readPartnerInvoice(f)).rejects.toThrow(
      `bad partner invoice ${f}:\n` +
        `${f}: lines[1]: amount: expected a string (amounts as exact text, e.g. "0.0123"), got 0.4\n` +
        `${f}: lines[2]: records: expected a string or a whole number, got -1`,
    );
  });

  it('unknown envelope keys and a non-array lines are errors', async () => {
    const f = invoiceFile('inv.json', JSON.stringify({ number: 'J-1', lines: [] }));
    await expect(readPartnerInvoice(f)).rejects.toThrow('unknown key "number" (keys: invoiceNumber, invoiceDate, currency, partner, agreement, lines)');
    const g = invoiceFile('inv.json', '{"lines": {}}');
    await expect(readPartnerInvoice(g)).rejects.toThrow(`bad partner invoice ${g}: lines: expected an array of invoice lines`);
    const h = invoiceFile('inv.json', '{"lines": [');
    await expect(readPartnerInvoice(h)).rejects.toThrow(`bad partner invoice ${h}: not valid JSON`);
  });
});
