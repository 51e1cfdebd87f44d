import { describe, it } from 'vitest';
import { agreement, agreementHeader, expectClean, expectDiagnostics } from '../test-support/expect-diagnostics.js';

const header = agreementHeader({ partner: 'STREAMCO "StreamCo" type content' });
const svc = (decl: string, items: string) => agreement(`  service ${decl} {\n${items}\n  }`, { header });

describe('digital-partner terms: a clean agreement', () => {
  it('accepts every term on the kind it belongs to', () => {
    expectClean(
      agreement(
        `  service connectivity iot receivable {
    rate 0.40 EUR/device/month for active devices
    data pooled 500 MB/device/month, overage 0.002 EUR/MB
  }
  service video subscription payable {
    revenue share 70% of net retail to STREAMCO
  }
  service activations event payable {
    commission 12.00 EUR/activation plus 5% of first-month retail
  }
  service urllc slice receivable {
    rate 12_000 EUR/month not prorated
    sla availability >= 99.99% per month, credit 10% per 0.01% below, cap 50%
    sla latency p99 <= 10ms, credit 5%
  }`,
        { header },
      ),
    );
  });
});

describe('terms on the wrong kind (ICX3501)', () => {
  it('reports a pool on a subscription service', () => {
    expectDiagnostics(svc('v subscription payable', `    revenue share 70% of net retail\n    ⟦data pooled 1 GB/device/month, overage 0.01 EUR/MB⟧`), [{ code: 'ICX3501', message: 'iot' }]);
  });
  it('reports a commission on an iot service', () => {
    expectDiagnostics(svc('c iot receivable', `    ⟦commission 1.00 EUR/activation⟧`), [{ code: 'ICX3501', message: 'event' }]);
  });
  it('reports a revenue share on a slice', () => {
    expectDiagnostics(svc('u slice receivable', `    rate 100 EUR/month not prorated\n    ⟦revenue share 10% of net retail⟧`), [{ code: 'ICX3501' }]);
  });
  it('reports `for active devices` on an event service', () => {
    // the per-record check also refuses a per-period price on an event service (ICX3001)
    expectDiagnostics(svc('a event payable', `    rate 1.00 EUR/activation/⟦month⟧ for active ⟦devices⟧`), [{ code: 'ICX3001' }, { code: 'ICX3501' }]);
  });
  it('reports a pool per subscriber and an overage per month', () => {
    expectDiagnostics(svc('c iot receivable', `    data pooled 500 MB/⟦subscriber⟧/month, overage 0.002 EUR/MB/⟦month⟧`), [
      { code: 'ICX3501', message: 'per device' },
      { code: 'ICX3501', message: 'beyond the pool' },
    ]);
  });
});

describe('units', () => {
  it('reports an unknown data unit (ICX3502)', () => {
    expectDiagnostics(svc('c iot receivable', `    data pooled 500 ⟦MiB⟧/device/month, overage 0.002 EUR/⟦min⟧`), [{ code: 'ICX3502' }, { code: 'ICX3502' }]);
  });
  it('reports active units that do not match the price (ICX3506)', () => {
    expectDiagnostics(svc('c iot receivable', `    rate ⟦0.40 EUR/sim/month⟧ for active ⟦sims⟧`), [
      { code: 'ICX3506', message: 'EUR/device/month' },
      { code: 'ICX3506', message: 'for active devices' },
    ]);
  });
  it('reports a commission in another currency (ICX3002)', () => {
    expectDiagnostics(svc('a event payable', `    commission 12.00 ⟦USD⟧/activation`), [{ code: 'ICX3002' }]);
  });
});

describe('percentages (ICX3503) and retail basis (ICX3505)', () => {
  it('reports a share above 100% and a zero credit', () => {
    expectDiagnostics(svc('v subscription payable', `    revenue share ⟦170%⟧ of net retail`), [{ code: 'ICX3503' }]);
    expectDiagnostics(svc('u slice receivable', `    rate 100 EUR/month not prorated\n    sla latency p99 <= 10ms, credit ⟦0%⟧, cap ⟦150%⟧`), [{ code: 'ICX3503' }, { code: 'ICX3503' }]);
  });
  it('reports a commission on a basis other than first-month retail', () => {
    expectDiagnostics(svc('a event payable', `    commission 12.00 EUR/activation plus 5% of ⟦lifetime⟧ retail`), [{ code: 'ICX3505', message: 'first-month' }]);
  });
});

describe('revenue share party (ICX2501)', () => {
  it('reports a payable share to someone other than the partner', () => {
    expectDiagnostics(svc('v subscription payable', `    revenue share 70% of net retail to ⟦SHOPCO⟧`), [{ code: 'ICX2501', message: 'STREAMCO' }]);
  });
  it('reports a receivable share paid to the partner rather than to us', () => {
    expectDiagnostics(svc('v subscription receivable', `    revenue share 30% of net retail to ⟦STREAMCO⟧`), [{ code: 'ICX2501', message: 'ACME' }]);
  });
});

describe('SLAs', () => {
  it('reports metrics and targets that do not fit (ICX3504)', () => {
    expectDiagnostics(
      svc(
        'u slice receivable',
        `    rate 100 EUR/month not prorated\n    sla ⟦jitter⟧ <= 2ms, credit 1%\n    sla availability >= ⟦10ms⟧, credit 1%\n    sla ⟦latency⟧ <= 10ms, credit 5%`,
      ),
      [{ code: 'ICX3504' }, { code: 'ICX3504', message: 'percentage' }, { code: 'ICX3504', message: 'percentile' }],
    );
    expectDiagnostics(svc('u slice receivable', `    rate 100 EUR/month not prorated\n    sla ⟦latency⟧ p99 >= 10ms, credit 5%`), [{ code: 'ICX3504', message: 'at most' }]);
  });
  it('reports a step on a latency SLA (ICX3504)', () => {
    expectDiagnostics(svc('u slice receivable', `    rate 100 EUR/month not prorated\n    sla latency p99 <= 10ms, credit 5% per ⟦1%⟧ below`), [{ code: 'ICX3504', message: 'availability' }]);
  });
  it('reports a period other than a month (ICX4501)', () => {
    expectDiagnostics(svc('u slice receivable', `    rate 100 EUR/month not prorated\n    sla availability >= 99.9% per ⟦week⟧, credit 5%`), [{ code: 'ICX4501' }]);
  });
  it('reports an SLA on a service without a monthly fee (ICX5501)', () => {
    expectDiagnostics(svc('u slice receivable', `    ⟦sla availability >= 99.9% per month, credit 5%⟧`), [{ code: 'ICX5501', message: 'monthly fee' }], { ignore: ['ICX5005'] });
  });
  it('reports two SLAs on one metric (ICX5502) and caps that disagree (ICX5503)', () => {
    expectDiagnostics(
      svc('u slice receivable', `    rate 100 EUR/month not prorated\n    sla availability >= 99.9%, credit 5%, cap 50%\n    sla ⟦availability⟧ >= 99.5%, credit 10%\n    sla latency p99 <= 10ms, credit 5%, cap ⟦40%⟧`),
      [{ code: 'ICX5502' }, { code: 'ICX5503' }],
    );
  });
});

describe('test inputs (kpi and retail lines)', () => {
  const slice = `  service u slice receivable {\n    rate 100 EUR/month not prorated\n    sla availability >= 99.9% per month, credit 10%\n  }\n  service v subscription payable {\n    revenue share 70% of net retail\n  }\n`;
  it('accepts them in a period test', () => {
    expectClean(agreement(`${slice}  test "t" {\n    period 2026-03\n    kpi availability 99.5%\n    retail v S1 2026-03-01 gross 10 taxes 1 refunds 0\n    expect charge sla-credit availability -10.00 EUR\n  }`, { header }));
  });
  it('reports a KPI no SLA reads and a value of the wrong kind (ICX6501)', () => {
    expectDiagnostics(agreement(`${slice}  test "t" {\n    period 2026-03\n    kpi ⟦latency-p99⟧ 12ms\n    kpi availability ⟦12ms⟧\n    expect total 0.00 EUR\n  }`, { header }), [
      { code: 'ICX6501', message: 'its SLAs read availability' },
      { code: 'ICX6501', message: 'percentage' },
    ]);
  });
  it('reports retail lines for a service that reads none, bad dates and amounts (ICX6502, ICX6504)', () => {
    expectDiagnostics(agreement(`${slice}  test "t" {\n    period 2026-03\n    retail ⟦u⟧ S1 ⟦2026-02-30⟧ gross ⟦1.0000000001⟧ taxes 0 refunds 0\n    expect total 0.00 EUR\n  }`, { header }), [
      { code: 'ICX6502' },
      { code: 'ICX6504' },
      { code: 'ICX6504' },
    ], { ignore: ['ICX4001'] });
  });
  it('reports inputs in a test without a period (ICX6503)', () => {
    expectDiagnostics(agreement(`${slice}  test "t" {\n    usage u to 1 at 2026-03-01T10:00:00\n    ⟦kpi availability 99.5%⟧\n    expect 0 EUR\n  }`, { header }), [{ code: 'ICX6503' }], { ignore: ['ICX5005', 'ICX3001'] });
  });
});

describe('the per-subscriber floor of a revenue share', () => {
  it('reports a minimum per subscriber on a service without a revenue share (ICX5504)', () => {
    expectDiagnostics(svc('a event payable', `    commission 1.00 EUR/activation\n    ⟦minimum 2.50 EUR/subscriber/month⟧`), [{ code: 'ICX5504', message: 'floor of a revenue share' }]);
  });
  it('reports a floor per another unit (ICX3506) or period (ICX4501)', () => {
    expectDiagnostics(svc('v subscription payable', `    revenue share 70% of net retail\n    minimum 2.50 EUR/⟦device⟧/month`), [{ code: 'ICX3506' }]);
    expectDiagnostics(svc('v subscription payable', `    revenue share 70% of net retail\n    minimum 2.50 EUR/subscriber/⟦year⟧`), [{ code: 'ICX4501' }], { ignore: ['ICX3401'] });
  });
});
