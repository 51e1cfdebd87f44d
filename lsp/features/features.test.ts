// Language features as specifications: small agreements, a marked cursor (‸) and marked ranges (⟦⟧).
import { describe, it } from 'vitest';
import { expectCompletion, expectDefinition, expectHover, expectReferences, expectRename } from '../test-support/expect.js';

const head = `agreement A {
  parties {
    us       ACME
    partner  ORANGE
  }
  currency EUR
  timebands {
    peak     mon-fri 08:00-20:00 except holidays FR
    offpeak  otherwise
  }
  holidays FR {
    2026-01-01
  }
`;
const zones = `  zones {
    FR-MOBILE  33 6, 33 7
    FR-FIXED   33 1
  }
`;
const partners = { uri: 'partners.icx', text: 'entity ACME "ACME Telecom Ltd" {\n  vat GB1\n}\n\npartner ORANGE "Orange France SA" {\n  type interconnect\n  tadig FRAF1\n}\n' };

describe('completion', () => {
  it('offers the agreement zones (and any) after `rate`, even at the end of a half-written file', () => {
    expectCompletion(`${head}${zones}  service v voice payable {\n    rate FR-‸`, { includes: ['FR-MOBILE', 'FR-FIXED', 'any'], excludes: ['peak', 'billing'] });
  });
  it('offers bands after the zone of a rate line', () => {
    expectCompletion(`${head}${zones}  service v voice payable {\n    rate FR-MOBILE ‸\n  }\n}\n`, { includes: ['peak', 'offpeak', 'origin'], excludes: ['FR-FIXED'] });
  });
  it('offers service kinds after `service x`, then directions, with no `{` yet', () => {
    expectCompletion(`${head}  service x ‸`, { includes: ['voice', 'sms', 'data'], excludes: ['payable'] });
    expectCompletion(`${head}  service x voice ‸`, { exactly: ['payable', 'receivable'] });
  });
  it('offers the statements of a service block at the start of a line', () => {
    expectCompletion(`${head}  service v voice payable {\n    ‸\n  }\n}\n`, { includes: ['billing', 'rate', 'bar', 'rounding', 'zero'], excludes: ['usage', 'expect', 'agreement'] });
  });
  it('offers agreement items and the service and test snippets inside an agreement', () => {
    expectCompletion(`${head}  ‸\n}\n`, { includes: ['service', 'zones', 'test', 'service block', 'test block'], excludes: ['billing'] });
  });
  it('offers units for the service kind after CUR/', () => {
    expectCompletion(`${head}  service v voice payable {\n    rate any 0.01 EUR/‸`, { includes: ['min'], excludes: ['msg', 'MB'] });
    expectCompletion(`${head}  service s sms payable {\n    rate any 0.01 EUR/‸`, { includes: ['msg'], excludes: ['min'] });
    expectCompletion(`${head}  service d data payable {\n    rate any 0.01 EUR/‸`, { includes: ['KB', 'MB', 'GB'], excludes: ['min'] });
    expectCompletion(`${head}  service d iot payable {\n    rate 0.40 EUR/device/‸`, { includes: ['month'] });
  });
  it('offers currencies, time zones, partner types, suspense reasons', () => {
    expectCompletion(`${head}  currency ‸`, { includes: ['EUR', 'USD', 'GBP'] });
    expectCompletion(`${head}  timezone Europe/‸`, { includes: ['Europe/Paris', 'UTC'] });
    expectCompletion(`partner X {\n  type ‸`, { includes: ['interconnect', 'mvno'] });
    expectCompletion(`${head}  test "t" {\n    expect suspense ‸`, { includes: ['barred', 'no-zone'] });
  });
  it('offers services after `usage` and `on`, zones after `bar`, holiday calendars after `except holidays`', () => {
    const svc = `${head}${zones}  service voice-term voice payable {\n    rate any 0.01 EUR/min\n  }\n`;
    expectCompletion(`${svc}  test "t" {\n    usage ‸`, { includes: ['voice-term'], excludes: ['FR-MOBILE'] });
    expectCompletion(`${svc}  discount on ‸`, { includes: ['voice-term'] });
    expectCompletion(`${svc}  service w voice payable {\n    bar ‸`, { includes: ['FR-MOBILE'], excludes: ['voice-term'] });
    expectCompletion(`agreement A {\n  holidays UK {\n  }\n  timebands {\n    peak mon-fri 08:00-20:00 except holidays ‸`, { exactly: ['UK'] });
  });
  it('offers entities after `us` and partners after `partner` in parties', () => {
    expectCompletion('agreement A {\n  parties {\n    us ‸', { includes: ['ACME'], excludes: ['ORANGE'], others: [partners] });
    expectCompletion('agreement A {\n  parties {\n    partner ‸', { includes: ['ORANGE'], excludes: ['ACME'], others: [partners] });
  });
  it('offers the zones of the agreement at the cursor only', () => {
    expectCompletion('agreement A {\n  zones {\n    ZA 33\n  }\n  service v voice payable {\n    bar ‸\n  }\n}\nagreement B {\n  zones {\n    ZB 44\n  }\n}\n', { exactly: ['ZA'] });
  });
  it('offers nothing inside a comment or a string', () => {
    expectCompletion(`${head}  // rate ‸`, { exactly: [] });
    expectCompletion(`${head}  test "rate ‸`, { exactly: [] });
  });
});

describe('definition and references', () => {
  it('goes from a rate line zone to its definition', () => {
    expectDefinition(`${head}  zones {\n    ⟦FR-MOBILE⟧  33 6\n  }\n  service v voice payable {\n    rate FR-MO‸BILE 0.01 EUR/min\n  }\n}\n`);
  });
  it('finds every reference of a zone: rate, bar, discount, test expectation', () => {
    expectReferences(`${head}  zones {\n    ⟦Z1⟧ 33\n  }\n  service v voice payable {\n    rate ⟦Z1⟧ 0.01 EUR/min\n    bar ⟦Z‸1⟧\n  }\n  discount on v zone ⟦Z1⟧ {\n    per month\n    tier 0 .. 5%\n  }\n  test "t" {\n    usage v to 33 at 2026-01-01T10:00:00 for 1s\n    expect 0.01 EUR zone ⟦Z1⟧\n  }\n}\n`);
  });
  it('finds bands in timebands and in rate prices; holidays in except holidays', () => {
    expectReferences(`agreement A {\n  timebands {\n    ⟦peak⟧ mon-fri 08:00-20:00\n    off otherwise\n  }\n  service v voice payable {\n    rate any ⟦pe‸ak⟧ 0.01 EUR/min  off 0.02 EUR/min\n  }\n}\n`);
    expectReferences(`agreement A {\n  holidays ⟦FR⟧ {\n  }\n  timebands {\n    peak mon-fri 08:00-20:00 except holidays ⟦F‸R⟧\n  }\n}\n`);
  });
  it('does not mix the zones of two agreements', () => {
    expectReferences(`agreement A {\n  zones {\n    ⟦Z⟧ 33\n  }\n  service v voice payable {\n    bar ⟦Z‸⟧\n  }\n}\nagreement B {\n  zones {\n    Z 44\n  }\n}\n`);
  });
  it('goes from a party in `parties` to its declaration in another file', () => {
    const c = 'agreement A {\n  parties {\n    partner ORA‸NGE\n  }\n}\n';
    expectDefinition(c, { others: [partners], at: [{ uri: 'partners.icx', text: partners.text.replace('partner ORANGE', 'partner ⟦ORANGE⟧') }] });
  });
});

describe('rename', () => {
  it('renames a zone at its definition and every reference, nothing else', () => {
    expectRename(`agreement A {\n  zones {\n    Z‸1 33\n    Z2 44\n  }\n  service v voice payable {\n    rate Z1 0.01 EUR/min\n    bar Z1, Z2\n  }\n}\n`, 'MOBILE',
      `agreement A {\n  zones {\n    MOBILE 33\n    Z2 44\n  }\n  service v voice payable {\n    rate MOBILE 0.01 EUR/min\n    bar MOBILE, Z2\n  }\n}\n`);
  });
  it('renames a service and its usage and discount references', () => {
    expectRename(`agreement A {\n  service v‸t voice payable {\n  }\n  discount on vt {\n  }\n  test "t" {\n    usage vt at 2026-01-01T00:00:00\n  }\n}\n`, 'term',
      `agreement A {\n  service term voice payable {\n  }\n  discount on term {\n  }\n  test "t" {\n    usage term at 2026-01-01T00:00:00\n  }\n}\n`);
  });
  it('refuses keywords, any, invalid identifiers and clashes', () => {
    const src = `agreement A {\n  zones {\n    Z‸1 33\n    Z2 44\n  }\n}\n`;
    expectRename(src, 'rate', { error: /keyword/ });
    expectRename(src, '1abc', { error: /not a valid name/ });
    expectRename(src, 'Z2', { error: /already exists/ });
    expectRename(`agreement A {\n  service v voice payable {\n    rate a‸ny 0.01 EUR/min\n  }\n}\n`, 'X', { error: /built in/ });
    expectRename(`agreement A {\n  ser‸vice v voice payable {\n  }\n}\n`, 'X', { error: /no zone/ });
  });
});

describe('hover', () => {
  it('shows a zone prefixes and the rates using it', () => {
    expectHover(`${head}${zones}  service v voice payable {\n    rate FR-MOBILE  peak 0.0123 EUR/min  offpeak 0.0100 EUR/min\n    bar FR-MO‸BILE\n  }\n}\n`,
      ['FR-MOBILE', '`336`, `337`', '| v | peak | 0.0123 EUR/min | start |', '| v | offpeak |']);
  });
  it('charges an example 61 s call under the billing increments', () => {
    // 60/60: 61 s bills 60 + ceil(1/60)×60 = 120 s; 0.0123 × 120 / 60 = 0.0246
    expectHover(`${head}  service v voice payable {\n    billing 60/60\n    r‸ate any 0.0123 EUR/min\n  }\n}\n`, ['billed 120 s', '0.0123 EUR/min × 120 s ÷ 60 = 1.476 ÷ 60 = 0.0246 EUR', '**0.024600 EUR**']);
    // 30/6: 61 s bills 30 + ceil(31/6)×6 = 30 + 36 = 66 s; 0.0090 × 66 / 60 = 0.0099
    expectHover(`${head}  service v voice payable {\n    billing 30/6\n    rate any 0.0090 EUR/m‸in\n    rounding half-up 4 decimals per record\n  }\n}\n`, ['billed 66 s', '= 0.594 ÷ 60 = 0.0099 EUR', 'half-up to 4 decimals per record: **0.0099 EUR**']);
  });
  it('shows the price of a rate line per band and date, one example per band', () => {
    // 61 s, no billing line: per second, 61 s billed; peak 0.0120 × 61 / 60 = 0.0122; offpeak 0.0060 × 61 / 60 = 0.0061
    expectHover(`${head}${zones}  service v voice payable {\n    rate FR-MOBILE  peak 0.0120 EUR/min  offpeak 0.0060 EUR/min\n    ra‸te FR-MOBILE  peak 0.0100 EUR/min  offpeak 0.0050 EUR/min  from 2026-04-01\n    rate FR-FIXED  0.0045 EUR/min\n  }\n}\n`, [
      '| from | band | price |', '| start | peak | 0.0120 EUR/min |', '| start | offpeak | 0.0060 EUR/min |',
      '| 2026-04-01 (this line) | peak | 0.0100 EUR/min |', '| 2026-04-01 (this line) | offpeak | 0.0050 EUR/min |',
      // this line: peak 0.0100 × 61 / 60 = 0.61 / 60 = 0.01016666…; offpeak 0.0050 × 61 / 60 = 0.00508333…
      // rounded half-up to 6 decimals (the default): 0.010167 and 0.005083
      '(peak)', 'billed 61 s', '0.0100 EUR/min × 61 s ÷ 60 = 0.61 ÷ 60 = 0.0101666666667… EUR', '**0.010167 EUR**',
      '(offpeak)', '0.305 ÷ 60 = 0.00508333333333… EUR', '**0.005083 EUR**',
    ]);
  });
  it('applies the minimum before the increments, adds the connect fee and caps at the maximum per call', () => {
    // minimum 90s: m = max(61, 90) = 90; 30/6: 30 + ceil(60/6)×6 = 90 s; 0.0200 × 90 = 1.8; ÷ 60 = 0.03;
    // + connect fee 0.0100 = 0.04; rounded half-up to 6 decimals = 0.040000
    expectHover(`${head}  service v voice payable {\n    billing 30/6 minimum 90s\n    connect fee 0.0100 EUR\n    rate any 0.0200 EUR/‸min\n  }\n}\n`,
      ['billed 90 s', '0.0200 EUR/min × 90 s ÷ 60 = 1.8 ÷ 60 = 0.03 EUR', '+ connect fee 0.0100 = 0.04 EUR', '**0.040000 EUR**']);
    // 60/60, 61 s → 120 s; 1.00 × 120 ÷ 60 = 2; maximum 1.50 per call → 1.50; rounded 2 decimals = 1.50
    expectHover(`${head}  service v voice payable {\n    billing 60/60\n    maximum 1.50 EUR per call\n    rate any 1.00 EUR/‸min\n    rounding half-up 2 decimals per record\n  }\n}\n`,
      ['billed 120 s', '= 120 ÷ 60 = 2 EUR', 'capped at the maximum per call: 1.50 EUR', '**1.50 EUR**']);
  });
  it('shows a partner details and its agreements', () => {
    expectHover('agreement A {\n  parties {\n    partner OR‸ANGE\n  }\n}\n', ['partner', 'Orange France SA', 'type: interconnect', 'tadig: FRAF1', 'agreements: `A`'], { others: [partners] });
  });
  it('shows a service kind, direction and billing', () => {
    expectHover('agreement A {\n  service v voice payable {\n    billing 60/60\n  }\n  test "t" {\n    usage ‸v at 2026-01-01T00:00:00\n  }\n}\n', ['kind: voice', 'direction: payable', 'billing 60/60']);
  });
});
