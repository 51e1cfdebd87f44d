import { describe, it } from 'vitest';
import { agreement, expectClean, expectDiagnostics } from '../test-support/expect-diagnostics.js';

const ZONES = `  zones {
    EU        30, 33, 44
    UK-FIXED  44 1, 44 2
    UK-ALL    44
  }
`;
const svc = (body: string, zones = ZONES) => agreement(`${zones}${body}`);

describe('data and event services', () => {
  it('accepts a data service with a rounding unit and a price per MB, and an event service per call', () => {
    expectClean(svc(`  service d data payable {
    billing 1 KB
    rate 0.0015 EUR/MB
  }
  service e event payable {
    rate any 0.0040 EUR/call
  }
  service v voice receivable {
    billing 30/6
    rate any 0.0090 EUR/min
    rate any origin UK-FIXED 0.0050 EUR/min
    surcharge origin outside EU 0.0600 EUR/min
  }`, ZONES.replace('    UK-ALL    44\n', '')));
  });

  it('requires the rounding unit of a data service (ICX3005)', () => {
    expectDiagnostics(svc(`  service ⟦d⟧ data payable {
    rate 0.0015 EUR/MB
  }`, ''), [{ code: 'ICX3005', message: 'billing 1 KB' }]);
  });

  it('reports a volume unit that is not KB, MB or GB, and a non-whole amount (ICX3301)', () => {
    expectDiagnostics(svc(`  service d data payable {
    billing 1 ⟦kB⟧
    rate 0.0015 EUR/MB
  }
  service d2 data receivable {
    billing ⟦0.5⟧ KB
    rate 0.0015 EUR/MB
  }`, ''), [{ code: 'ICX3301', message: 'Unknown volume unit kB' }, { code: 'ICX3301', message: 'not 0.5' }]);
  });

  it('reports billing in seconds on a data service and a volume unit on a voice service (ICX3303)', () => {
    expectDiagnostics(svc(`  service d data payable {
    ⟦billing 60/60⟧
    rate 0.0015 EUR/MB
  }
  service v voice payable {
    ⟦billing 1 KB⟧
    rate any 0.01 EUR/min
  }`, ''), [{ code: 'ICX3303' }, { code: 'ICX3303' }]);
  });

  it('reports a data price that is not per volume, and a recurring price (ICX3001)', () => {
    expectDiagnostics(svc(`  service d data payable {
    billing 1 KB
    rate any 0.0015 EUR/⟦min⟧
  }
  service e event payable {
    rate any 0.40 EUR/device/⟦month⟧
  }`, ''), [{ code: 'ICX3001', message: 'per KB, MB or GB' }, { code: 'ICX3001', message: 'recurring fee' }]);
  });

  it('reports an event price per minute (ICX3001) and a mix of event units (ICX3302)', () => {
    expectDiagnostics(svc(`  timebands {
    peak  mon-fri 08:00-20:00
    offpeak  otherwise
  }
  service e event payable {
    rate any peak 0.0040 EUR/call  offpeak 0.0030 EUR/⟦request⟧
  }
  service e2 event receivable {
    rate any 0.0040 EUR/⟦min⟧
  }`, ''), [{ code: 'ICX3302', message: 'already prices per call' }, { code: 'ICX3001', message: 'names the event' }]);
  });

  it('reports zones, steps, bars and voice-only rules on data and event services (ICX5303, ICX5304, ICX3007)', () => {
    expectDiagnostics(svc(`  service d data payable {
    billing 1 KB
    rate ⟦EU⟧ 0.0015 EUR/MB
    ⟦bar UK-ALL⟧
  }
  service e event payable {
    ⟦billing 60/60⟧
    rate any first ⟦60s⟧ 0.01 EUR/call then 0.02 EUR/call
    ⟦maximum 1.00 EUR per call⟧
  }`, `  zones {
    EU      30, 33
    UK-ALL  44
  }
`), [{ code: 'ICX5303', message: 'no B-number' }, { code: 'ICX5303', message: 'cannot bar' }, { code: 'ICX3007' }, { code: 'ICX5304' }, { code: 'ICX3007', message: 'maximum per call' }]);
  });
});

describe('origin pricing', () => {
  it('reports an unknown origin zone (ICX2002) and origin any (ICX5305)', () => {
    expectDiagnostics(svc(`  service v voice receivable {
    billing 30/6
    rate any 0.0090 EUR/min
    rate any origin ⟦UK-MOBILE⟧ 0.0050 EUR/min
    surcharge origin outside ⟦any⟧ 0.0600 EUR/min
  }`, `  zones {
    EU  30, 33, 44
  }
`), [{ code: 'ICX2002' }, { code: 'ICX5305' }], { ignore: ['ICX5002'] });
  });

  it('reports a prefix in two origin zones of origin-keyed rates (ICX5301)', () => {
    expectDiagnostics(svc(`  service v voice receivable {
    billing 30/6
    rate any 0.0090 EUR/min
    rate any origin UK-ALL 0.0050 EUR/min
    rate any origin ⟦UK-TWO⟧ 0.0040 EUR/min
  }`, `  zones {
    UK-ALL  44
    UK-TWO  44, 45
  }
`), [{ code: 'ICX5301', message: 'Prefix 44' }]);
  });

  it('accepts nested origin zones (the longest prefix decides), and a surcharge zone overlapping them', () => {
    expectClean(svc(`  service v voice receivable {
    billing 30/6
    rate any 0.0090 EUR/min
    rate any origin UK-ALL 0.0070 EUR/min
    rate any origin UK-FIXED 0.0050 EUR/min
    surcharge origin outside EU 0.0600 EUR/min
  }`));
  });

  it('reports a surcharge stated twice (ICX3006) and a surcharge unit that does not fit (ICX3001)', () => {
    expectDiagnostics(svc(`  service v voice receivable {
    billing 30/6
    rate any 0.0090 EUR/min
    surcharge origin outside EU 0.0600 EUR/min
    ⟦surcharge origin outside EU 0.0700 EUR/min⟧
  }
  service s sms receivable {
    rate any 0.01 EUR/msg
    surcharge origin outside EU 0.02 EUR/⟦min⟧
  }`), [{ code: 'ICX3006' }, { code: 'ICX3001', message: 'EUR/msg' }], { ignore: ['ICX5002'] });
  });

  it('reports origin pricing on a data service (ICX5303)', () => {
    expectDiagnostics(svc(`  service d data payable {
    billing 1 KB
    rate any origin ⟦EU⟧ 0.0015 EUR/MB
    ⟦surcharge origin outside EU 0.01 EUR/MB⟧
  }`), [{ code: 'ICX5303' }, { code: 'ICX5303' }], { ignore: ['ICX5002'] });
  });
});

describe('roaming call categories', () => {
  it('accepts a service priced by category', () => {
    expectClean(svc(`  service r voice payable {
    billing 30/30
    rate calls home 0.0250 EUR/min
    rate calls local 0.0200 EUR/min
    rate calls international 0.0500 EUR/min
  }`, ''));
  });

  it('reports an unknown category (ICX2301), a zone rate beside categories (ICX5302)', () => {
    expectDiagnostics(svc(`  service r voice payable {
    billing 30/30
    rate calls ⟦roaming⟧ 0.0250 EUR/min
    ⟦rate EU 0.0300 EUR/min⟧
  }`, `  zones {
    EU  30, 33
  }
`), [{ code: 'ICX2301' }, { code: 'ICX5302' }]);
  });

  it('reports a category rate on an event service (ICX5303) and the same category priced twice (ICX4007)', () => {
    expectDiagnostics(svc(`  service e event payable {
    ⟦rate⟧ calls home 0.01 EUR/call
  }
  service r voice payable {
    billing 30/30
    rate calls home 0.0250 EUR/min
    ⟦rate calls home 0.0300 EUR/min⟧
  }`, ''), [{ code: 'ICX5303' }, { code: 'ICX4007', message: 'Category home' }]);
  });
});

describe('test usage of data, event and category services', () => {
  it('reports a data test without bytes, a voice test without a B-number (ICX6001) and an unknown category (ICX2301)', () => {
    expectDiagnostics(svc(`  service d data payable {
    billing 1 KB
    rate 0.0015 EUR/MB
  }
  service r voice payable {
    billing 30/30
    rate calls home 0.0250 EUR/min
  }
  test "no bytes" {
    ⟦usage d at 2026-03-02T10:00:00⟧
    expect 0 EUR
  }
  test "no b-number" {
    ⟦usage r at 2026-03-02T10:00:00 for 30s category home⟧
    expect 0.0125 EUR
  }
  test "bad category" {
    usage r to 4477 at 2026-03-02T10:00:00 for 30s category ⟦roam⟧
    expect 0.0125 EUR
  }`, ''), [{ code: 'ICX6001', message: 'bytes' }, { code: 'ICX6001', message: 'to <number>' }, { code: 'ICX2301' }]);
  });
});
