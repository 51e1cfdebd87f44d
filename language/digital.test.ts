import { describe, expect, it } from 'vitest';
import { parse } from './parse.js';
import type { ServiceBlock } from './ast.js';

function items(service: string) {
  const r = parse(`agreement A {\n${service}\n}`, 'a.icx');
  expect(r.diagnostics).toEqual([]);
  return (r.file.agreements[0]!.items[0] as ServiceBlock).items;
}

describe('digital-partner terms parse', () => {
  it('reads an active-device fee and a data pool', () => {
    const [rate, pool] = items('service c iot receivable {\n rate 0.40 EUR/device/month for active devices\n data pooled 500 MB/device/month, overage 0.002 EUR/MB\n}');
    expect(rate).toMatchObject({ kind: 'rate', zone: { text: 'any' }, activeUnits: { text: 'devices' } });
    expect(pool).toMatchObject({
      kind: 'pool',
      allowance: { amount: { value: '500' }, unit: { text: 'MB' }, per: { text: 'device' }, perPeriod: { text: 'month' } },
      overage: { amount: { value: '0.002' }, currency: { text: 'EUR' }, per: { text: 'MB' } },
    });
  });

  it('reads a revenue share and a commission', () => {
    const [share] = items('service v subscription payable { revenue share 70% of net retail to STREAMCO }');
    expect(share).toMatchObject({ kind: 'revenueShare', share: { value: '70' }, to: { text: 'STREAMCO' } });
    const [c] = items('service a event payable { commission 12.00 EUR/activation plus 5% of first-month retail }');
    expect(c).toMatchObject({ kind: 'commission', price: { amount: { value: '12.00' }, per: { text: 'activation' } }, plus: { value: '5' }, basis: { text: 'first-month' } });
    const [plain] = items('service a event payable { commission 12.00 EUR/activation }');
    expect(plain).not.toHaveProperty('plus');
  });

  it('reads SLA lines with and without steps and cap', () => {
    const [a, l] = items('service u slice receivable {\n sla availability >= 99.99% per month, credit 10% per 0.01% below, cap 50%\n sla latency p99 <= 10ms, credit 5%\n}');
    expect(a).toMatchObject({ kind: 'sla', metric: { text: 'availability' }, op: '>=', target: { value: '99.99' }, period: { text: 'month' }, credit: { value: '10' }, step: { value: '0.01' }, cap: { value: '50' } });
    expect(l).toMatchObject({ kind: 'sla', metric: { text: 'latency' }, statistic: { text: 'p99' }, op: '<=', target: { amount: '10', unit: 'ms' }, credit: { value: '5' } });
    expect(l).not.toHaveProperty('cap');
  });

  it('reports a broken SLA line and keeps the next one', () => {
    const r = parse('agreement A {\nservice u slice receivable {\n sla availability >= 99.99% credit 10%\n sla latency p99 <= 10ms, credit 5%\n}\n}', 'a.icx');
    expect(r.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['ICX1002', 3]]);
    const s = r.file.agreements[0]!.items[0] as ServiceBlock;
    expect(s.items.some((i) => i.kind === 'sla' && i.metric.text === 'latency')).toBe(true);
  });
});
