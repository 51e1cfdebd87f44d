// Rating conformance: data sessions priced per volume with a declared rounding unit (binary
// units: 1 KB = 1,024 bytes, 1 MB = 1,024 KB, 1 GB = 1,024 MB), and event services priced per
// event. Hand-computed from docs/internal-contracts.md "Rating semantics (data, event)":
// billed = ceil(bytes / unit) × unit; amount = billed bytes × price / bytes per price unit,
// exact, then the record rounding (default half-up, 6 decimals); events: units × price.
import { agreement, ratingSuite } from '../support/agreement-snippets.js';

const START = '2026-03-02T09:00:00Z'; // Monday 10:00 Paris: peak
const data = (bytes: string | undefined, over: Record<string, string> = {}) => ({
  trunk: 'TD01', direction: 'out', kind: 'data', start_time: START, ...(bytes === undefined ? {} : { bytes }), ...over,
});

ratingSuite(
  'data per MB with a 1 KB rounding unit',
  [
    agreement(
      { id: 'DATA-KB', trunks: 'TD01' },
      `  service roaming-data data payable {
    billing 1 KB
    rate 0.0015 EUR/MB
  }`,
    ),
  ],
  [
    {
      name: '1,500,000 bytes → 1465 KB (1,500,160 bytes); 1465/1024 MB × 0.0015 = 0.00214599609375 → 0.002146',
      record: data('1500000'),
      expect: { amount: '0.002146', billedBytes: 1_500_160, zone: 'any', clause: /^roaming-data\/any\/peak\// },
    },
    {
      name: '1 byte is a whole KB: 1/1024 × 0.0015 = 0.00000146484375 → 0.000001',
      record: data('1'),
      expect: { amount: '0.000001', billedBytes: 1024 },
    },
    {
      name: '1024 bytes are exactly 1 KB (binary units)',
      record: data('1024'),
      expect: { amount: '0.000001', billedBytes: 1024 },
    },
    {
      name: '1025 bytes → 2 KB: 2/1024 × 0.0015 = 0.0000029296875 → 0.000003',
      record: data('1025'),
      expect: { amount: '0.000003', billedBytes: 2048 },
    },
    {
      name: '1,048,576 bytes are exactly 1 MB: 0.0015',
      record: data('1048576'),
      expect: { amount: '0.0015', billedBytes: 1_048_576 },
    },
    {
      name: '131,000 bytes → 128 KB: 128/1024 × 0.0015 = 0.0001875, a half: half-up → 0.000188',
      record: data('131000'),
      expect: { amount: '0.000188', billedBytes: 131_072 },
    },
    {
      // 44,957,000 bytes → ceil(43,903.3) = 43,904 KB = 42.875 MB; × 0.0015 = 0.0643125 exactly, a half →
      // 0.064313. In floating point 0.0643125 × 10^6 is 64312.49999… and rounds to 0.064312.
      name: 'an exact half exposes inexact division: 43,904 KB → 0.0643125 → 0.064313',
      record: data('44957000'),
      expect: { amount: '0.064313', billedBytes: 44_957_696 },
    },
    {
      name: 'an empty session is rated 0 by rule (clause zero-volume), not by a price',
      record: data('0'),
      expect: { amount: '0', billedBytes: 0, clause: 'zero-volume' },
    },
    {
      name: 'a data record carries no B-number; one given is ignored (data is priced by any)',
      record: data('1024', { b_number: '33612345678' }),
      expect: { amount: '0.000001', zone: 'any' },
    },
    { name: 'a data record without bytes → missing-field', record: data(undefined), expect: { suspense: 'missing-field' } },
    {
      name: 'a pre-assigned data service without kind or B-number is rated: 1024 bytes → 0.000001',
      record: { agreement: 'DATA-KB', service: 'roaming-data', start_time: START, bytes: '1024', record_id: 'pre-data' },
      expect: { amount: '0.000001', billedBytes: 1024 },
    },
    {
      name: 'a pre-assigned data service without kind or bytes → missing-field',
      record: { agreement: 'DATA-KB', service: 'roaming-data', start_time: START, record_id: 'pre-data-nobytes' },
      expect: { suspense: 'missing-field' },
    },
    { name: 'bytes with an exponent → malformed-bytes', record: data('1.5e3'), expect: { suspense: 'malformed-bytes' } },
    { name: 'negative bytes → malformed-bytes', record: data('-5'), expect: { suspense: 'malformed-bytes' } },
    { name: 'fractional bytes → malformed-bytes', record: data('10.5'), expect: { suspense: 'malformed-bytes' } },
  ],
);

ratingSuite(
  'data per GB with a 1 MB unit, per KB with a 10 KB unit, and by time band',
  [
    agreement(
      { id: 'DATA-GB', trunks: 'TD02' },
      `  service mvno-data data receivable {
    billing 1 MB
    rate 1.99 EUR/GB
    rounding half-up 4 decimals per record
  }

  service iot-data data payable {
    billing 10 KB
    rate any peak 0.000002 EUR/KB  offpeak 0.000001 EUR/KB
  }`,
    ),
  ],
  [
    {
      name: '1 byte → 1 MB; 1/1024 GB × 1.99 = 0.00194335… → 0.0019',
      record: data('1', { trunk: 'TD02', direction: 'in' }),
      expect: { amount: '0.0019', billedBytes: 1_048_576 },
    },
    {
      name: '1.5 GB = 1536 MB exactly: 1536/1024 × 1.99 = 2.985',
      record: data('1610612736', { trunk: 'TD02', direction: 'in' }),
      expect: { amount: '2.9850', billedBytes: 1_610_612_736 },
    },
    {
      name: 'one byte more → 1537 MB: 1537 × 1.99 / 1024 = 3058.63 / 1024 = 2.98694… → 2.9869',
      record: data('1610612737', { trunk: 'TD02', direction: 'in' }),
      expect: { amount: '2.9869', billedBytes: 1_611_661_312 },
    },
    {
      name: '15,000 bytes → 2 units of 10 KB = 20 KB; peak 20 × 0.000002 = 0.00004',
      record: data('15000', { trunk: 'TD02' }),
      expect: { amount: '0.000040', billedBytes: 20_480, band: 'peak' },
    },
    {
      name: 'the same session at 20:00 Paris is off-peak: 20 × 0.000001 = 0.00002',
      record: data('15000', { trunk: 'TD02', start_time: '2026-03-02T19:00:00Z' }),
      expect: { amount: '0.000020', band: 'offpeak' },
    },
  ],
);

const event = (over: Record<string, string>) => ({ trunk: 'TE01', direction: 'out', kind: 'event', start_time: START, ...over });

ratingSuite(
  'events: units × price per event',
  [
    agreement(
      { id: 'EVENTS', trunks: 'TE01' },
      `  service api-calls event payable {
    rate any 0.0040 EUR/call
  }

  service activations event receivable {
    rate 12.00 EUR/activation
  }`,
    ),
    agreement(
      { id: 'EVENTS-HE', trunks: 'TE02' },
      `  service requests event payable {
    rate 0.00125 EUR/request
    rounding half-even 4 decimals per record
  }`,
    ),
  ],
  [
    { name: '3 calls × 0.0040 = 0.0120', record: event({ units: '3' }), expect: { amount: '0.0120', units: 3, zone: 'any' } },
    { name: 'units absent → 1 event: 0.0040', record: event({}), expect: { amount: '0.0040', units: 1 } },
    { name: 'no B-number is needed', record: event({ units: '1', b_number: '' }), expect: { amount: '0.0040' } },
    { name: '2 activations × 12.00 = 24.00', record: event({ direction: 'in', units: '2' }), expect: { amount: '24.00' } },
    { name: 'units 0 → malformed-units', record: event({ units: '0' }), expect: { suspense: 'malformed-units' } },
    {
      name: 'half-even 4: 1 × 0.00125 = 0.0012|5 → 0.0012 (2 is even)',
      record: event({ trunk: 'TE02', units: '1' }),
      expect: { amount: '0.0012' },
    },
    {
      name: 'half-even 4: 3 × 0.00125 = 0.0037|5 → 0.0038 (7 is odd)',
      record: event({ trunk: 'TE02', units: '3' }),
      expect: { amount: '0.0038' },
    },
    { name: 'an unknown kind → unknown-kind', record: event({ kind: 'fax', b_number: '331' }), expect: { suspense: 'unknown-kind' } },
  ],
);
