// The traffic report's HTML (runtime/report/traffic-html.ts): one self-contained file that
// escapes every name, shows the exact figures of the data, and says when a month is empty.
import { describe, expect, it } from 'vitest';
import { SUSPENSE_REASONS } from '../../compiler/index.js';
import { amount, group, megabytes, minSec } from '../../runtime/report/format.js';
import { suspenseDescription } from '../../runtime/report/suspense-reasons.js';
import type { TrafficReport, TrafficRow } from '../../runtime/report/traffic-data.js';
import { OUTCOME_RULE, renderTrafficReport } from '../../runtime/report/traffic-html.js';

const EVIL = '<script>alert("x")</script>';

function tr(key: string, over: Partial<TrafficRow> = {}): TrafficRow {
  return {
    key, direction: 'payable', currency: 'EUR', agreements: ['AG-1'], records: 1234567,
    billedSeconds: '600', billedMinutes: '10.00', units: '0', billedBytes: '0', amount: '1234567.500000000', amountDecimals: 6,
    calls: 4, answered: 3, answeredSeconds: '271.5', asr: '75.0', acdSeconds: '90.5', ...over,
  };
}

function report(over: Partial<TrafficReport> = {}): TrafficReport {
  const usd = tr(`${EVIL} & "zone"`, { currency: 'USD', amount: '0.082700000', direction: 'receivable' });
  return {
    period: '2026-03', from: '2026-03-01', to: '2026-03-31', partner: null, empty: false,
    totals: [tr(''), tr('', { currency: 'USD', amount: '0.082700000', direction: 'receivable' })],
    byPartner: [tr(`PARTNER ${EVIL}`)], byZone: [tr('FR-MOBILE'), usd], byBand: [tr('peak')],
    byDay: [tr('2026-03-02'), tr('2026-03-31', { currency: 'USD' })], byKind: [tr('voice')],
    runs: [{ runId: 'run-1', records: 1 }], topZonesByMinutes: [usd], topZonesByAmount: [tr('FR-MOBILE'), usd],
    suspense: [{ reason: 'no-zone', description: 'no zone prefix matches the number', records: 2, voice: 1 }],
    suspenseUndated: 1,
    ...over,
  };
}

describe('traffic report HTML', () => {
  it('is one self-contained file: no script, no external URL, inline style and SVG charts', async () => {
    const html = await renderTrafficReport(report(), { store: 'icx.duckdb' });
    expect(html).not.toMatch(/https?:|\/\/[a-z]/i); // no URL at all (the SVG namespaces are dropped)
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(|@import/i);
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
    // daily minutes, records per day, amount per day EUR and USD, amount per partner, minutes per partner,
    // top by minutes, top by amount EUR and USD, suspense
    expect(html.match(/<svg /g)?.length).toBe(10);
    expect(html).toMatch(/<svg role="img" aria-label="billed voice minutes per local day"/);
  });

  it('escapes every name, in the tables and in the charts', async () => {
    const html = await renderTrafficReport(report());
    expect(html).not.toContain(EVIL);
    expect(html).not.toContain('"zone"');
    expect(html).toContain('PARTNER &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;zone&quot;');
  });

  it('shows the exact figures, per currency, and the outcome rule', async () => {
    const html = await renderTrafficReport(report(), { charts: false });
    expect(html).toContain('1,234,567.50 <span class="ccy">EUR</span>');
    expect(html).toContain('0.0827 <span class="ccy">USD</span>');
    expect(html).toContain('<td class="num">75.0%</td>');
    // ACD 90.5 s → 91 s half-up = 1:31
    expect(html).toContain('>1:31</span>');
    expect(html).toContain('ASR = answered calls ÷ attempts');
    expect(OUTCOME_RULE).toMatch(/duration as given is 0 counts as an unanswered attempt/);
    expect(html).toContain('no zone prefix matches the number');
    expect(html).toMatch(/1 suspense record has no readable date/);
    expect(html).not.toMatch(/<svg/);
  });

  it('an empty month says so, and still lists its suspense', async () => {
    const html = await renderTrafficReport(report({ empty: true, totals: [], byPartner: [], byZone: [], byBand: [], byDay: [], byKind: [], runs: [], topZonesByMinutes: [], topZonesByAmount: [] }));
    expect(html).toContain('No rated traffic in March 2026');
    expect(html).toContain('<code>no-zone</code>');
  });
});

describe('report number formats (exact, from decimal strings)', () => {
  it('amounts keep every significant decimal and at least 2', () => {
    expect(amount('24.000000000')).toBe('24.00');
    expect(amount('0.082700000')).toBe('0.0827');
    expect(amount('1234567.123456789')).toBe('1,234,567.123456789');
    expect(amount('-1000')).toBe('-1,000.00');
  });
  it('groups, MB and m:ss', () => {
    expect(group('1234567.25')).toBe('1,234,567.25');
    expect(group('999')).toBe('999');
    // 1,572,864 bytes = 1.5 × 1,048,576
    expect(megabytes('1572864')).toBe('1.50');
    expect(minSec('67.3')).toBe('1:07');
    expect(minSec('0.4')).toBe('0:00');
  });
});

describe('suspense reasons in the report', () => {
  it('every reason code a rating run produces has a sentence', () => {
    expect(SUSPENSE_REASONS.filter((r) => suspenseDescription(r) === '')).toEqual([]);
  });
});
