import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { items, onlyAgreement, parseClean, serviceItems, withoutRanges } from './test-support/parse-helpers.js';

describe('agreement header', () => {
  it('reads the id, the title and several agreements per file', () => {
    const file = parseClean('agreement A-1 "First \\"quoted\\" \\\\ one" {}\nagreement B {}\n');
    expect(file.agreements.map((a) => a.id.text)).toEqual(['A-1', 'B']);
    expect(file.agreements[0]!.title?.value).toBe('First "quoted" \\ one');
    expect(file.agreements[1]!.title).toBeUndefined();
  });

  it('reads version, currency, valid with and without an end, timezone', () => {
    expect(withoutRanges(items('version 3\ncurrency EUR\nvalid 2026-01-01 .. 2026-12-31\nvalid 2026-02-01 ..\ntimezone Europe/Paris\ntimezone UTC'))).toEqual([
      { kind: 'version', value: { text: '3', value: '3' } },
      { kind: 'currency', code: { text: 'EUR' } },
      { kind: 'valid', from: { text: '2026-01-01' }, to: { text: '2026-12-31' } },
      { kind: 'valid', from: { text: '2026-02-01' } },
      { kind: 'timezone', zone: { text: 'Europe/Paris' } },
      { kind: 'timezone', zone: { text: 'UTC' } },
    ]);
  });

  it('reads multi-level IANA zone names', () => {
    expect(withoutRanges(items('timezone America/Argentina/Buenos_Aires'))).toEqual([{ kind: 'timezone', zone: { text: 'America/Argentina/Buenos_Aires' } }]);
  });
});

describe('parties', () => {
  it('reads roles, names, legal names, tadig and type', () => {
    const [block] = items('parties {\n us ACME "ACME Telecom Ltd" tadig GBRAC\n partner ORANGE "Orange France SA" tadig FRAF1 type interconnect\n partner X\n}');
    expect(withoutRanges(block)).toEqual({
      kind: 'parties',
      parties: [
        { kind: 'party', role: 'us', name: { text: 'ACME' }, legalName: { value: 'ACME Telecom Ltd' }, tadig: { text: 'GBRAC' } },
        { kind: 'party', role: 'partner', name: { text: 'ORANGE' }, legalName: { value: 'Orange France SA' }, tadig: { text: 'FRAF1' }, partnerType: { text: 'interconnect' } },
        { kind: 'party', role: 'partner', name: { text: 'X' } },
      ],
    });
  });
});

describe('interconnect', () => {
  it('reads site, trunks, traffic and quality targets', () => {
    const [block] = items('interconnect LON-PAR-1 {\n site "Telehouse North, London"\n trunks TG101 TG102\n traffic voice sms\n quality asr >= 45% acd >= 120s pdd <= 4s\n}');
    expect(withoutRanges(block)).toEqual({
      kind: 'interconnect',
      name: { text: 'LON-PAR-1' },
      site: { value: 'Telehouse North, London' },
      trunks: [{ text: 'TG101' }, { text: 'TG102' }],
      traffic: [{ text: 'voice' }, { text: 'sms' }],
      quality: [
        { metric: 'asr', op: '>=', value: { text: '45%', value: '45' } },
        { metric: 'acd', op: '>=', value: { text: '120s', amount: '120', unit: 's' } },
        { metric: 'pdd', op: '<=', value: { text: '4s', amount: '4', unit: 's' } },
      ],
    });
  });
});

describe('holidays and timebands', () => {
  it('reads a holiday calendar', () => {
    expect(withoutRanges(items('holidays FR { 2026-01-01 2026-12-25 }'))).toEqual([
      { kind: 'holidays', name: { text: 'FR' }, dates: [{ text: '2026-01-01' }, { text: '2026-12-25' }] },
    ]);
  });

  it('reads day ranges, day lists, several time ranges, except holidays, otherwise and a holiday band', () => {
    const [block] = items('timebands {\n peak mon-fri 08:00-12:00 14:00-20:00 except holidays FR\n weekend sat, sun\n late mon, wed-fri 20:00-24:00\n holiday holidays FR\n offpeak otherwise\n}');
    expect(withoutRanges(block)).toEqual({
      kind: 'timebands',
      bands: [
        {
          name: { text: 'peak' }, otherwise: false, days: [{ text: 'mon-fri' }],
          times: [{ text: '08:00-12:00', startMinute: 480, endMinute: 720 }, { text: '14:00-20:00', startMinute: 840, endMinute: 1200 }],
          exceptHolidays: { text: 'FR' },
        },
        { name: { text: 'weekend' }, otherwise: false, days: [{ text: 'sat' }, { text: 'sun' }], times: [] },
        { name: { text: 'late' }, otherwise: false, days: [{ text: 'mon' }, { text: 'wed-fri' }], times: [{ text: '20:00-24:00', startMinute: 1200, endMinute: 1440 }] },
        { name: { text: 'holiday' }, otherwise: false, days: [], times: [], onHolidays: { text: 'FR' } },
        { name: { text: 'offpeak' }, otherwise: true, days: [], times: [] },
      ],
    });
  });
});

describe('zones', () => {
  it('concatenates digit groups and splits prefixes at commas', () => {
    const [block] = items('zones {\n FR-MOBILE 33 6, 33 7\n UK 44\n BIG 1_000 2\n}');
    expect(withoutRanges(block)).toEqual({
      kind: 'zones',
      zones: [
        { name: { text: 'FR-MOBILE' }, prefixes: [{ text: '33 6', digits: '336' }, { text: '33 7', digits: '337' }] },
        { name: { text: 'UK' }, prefixes: [{ text: '44', digits: '44' }] },
        { name: { text: 'BIG' }, prefixes: [{ text: '1_000 2', digits: '10002' }] },
      ],
    });
  });
});

describe('services', () => {
  it('reads kind and direction', () => {
    const [voice, sms] = items('service a voice payable {}\nservice b sms receivable {}');
    expect(withoutRanges(voice)).toEqual({ kind: 'service', name: { text: 'a' }, serviceKind: { text: 'voice' }, direction: { text: 'payable' }, items: [] });
    expect(withoutRanges(sms)).toMatchObject({ serviceKind: { text: 'sms' }, direction: { text: 'receivable' } });
  });

  it('reads billing with and without a minimum, connect fee, zero duration rules, both boundary rules', () => {
    expect(withoutRanges(serviceItems([
      'billing 60/60 minimum 30s', 'billing 1/1', 'connect fee 0.0100 EUR',
      'zero duration calls are free', 'zero duration calls charged',
      'calls across a band boundary are rated at the start band', 'calls across a band boundary are split at the boundary',
    ].join('\n')))).toEqual([
      { kind: 'billing', first: { text: '60', value: '60' }, next: { text: '60', value: '60' }, minimum: { text: '30s', amount: '30', unit: 's' } },
      { kind: 'billing', first: { text: '1', value: '1' }, next: { text: '1', value: '1' } },
      { kind: 'connectFee', fee: { amount: { text: '0.0100', value: '0.0100' }, currency: { text: 'EUR' } } },
      { kind: 'zeroDuration', charged: false },
      { kind: 'zeroDuration', charged: true },
      { kind: 'boundary', rule: 'start-band' },
      { kind: 'boundary', rule: 'split' },
    ]);
  });

  it('reads rates with bands, a flat rate, a from date and `any`', () => {
    expect(withoutRanges(serviceItems('rate FR-MOBILE peak 0.0123 EUR/min offpeak 0.0100 EUR/min\nrate FR-FIXED 0.0040 EUR/min from 2026-04-01\nrate any 0.0050 EUR/msg'))).toEqual([
      {
        kind: 'rate', zone: { text: 'FR-MOBILE' },
        prices: [
          { band: { text: 'peak' }, steps: [{ price: { amount: { text: '0.0123', value: '0.0123' }, currency: { text: 'EUR' }, per: { text: 'min' } } }] },
          { band: { text: 'offpeak' }, steps: [{ price: { amount: { text: '0.0100', value: '0.0100' }, currency: { text: 'EUR' }, per: { text: 'min' } } }] },
        ],
      },
      {
        kind: 'rate', zone: { text: 'FR-FIXED' },
        prices: [{ steps: [{ price: { amount: { text: '0.0040', value: '0.0040' }, currency: { text: 'EUR' }, per: { text: 'min' } } }] }],
        from: { text: '2026-04-01' },
      },
      { kind: 'rate', zone: { text: 'any' }, prices: [{ steps: [{ price: { amount: { text: '0.0050', value: '0.0050' }, currency: { text: 'EUR' }, per: { text: 'msg' } } }] }] },
    ]);
  });

  it('reads rate steps first / next / then', () => {
    const [rate] = serviceItems('rate DE day first 60s 0.0090 EUR/min next 30s 0.0070 EUR/min then 0.0060 EUR/min night 0.0040 EUR/min');
    const price = (amount: string) => ({ amount: { text: amount, value: amount }, currency: { text: 'EUR' }, per: { text: 'min' } });
    expect(withoutRanges(rate)).toEqual({
      kind: 'rate', zone: { text: 'DE' },
      prices: [
        {
          band: { text: 'day' },
          steps: [
            { length: { text: '60s', amount: '60', unit: 's' }, price: price('0.0090') },
            { length: { text: '30s', amount: '30', unit: 's' }, price: price('0.0070') },
            { price: price('0.0060') },
          ],
        },
        { band: { text: 'night' }, steps: [{ price: price('0.0040') }] },
      ],
    });
  });

  it('reads bar lists, maximum per call, rounding per record and per invoice line', () => {
    expect(withoutRanges(serviceItems('bar FR-PREMIUM, FR-SHARED\nmaximum 5.00 EUR per call\nrounding half-up 4 decimals per record\nrounding half-even 2 decimals per invoice line\nrounding up 0 decimals per record\nrounding down 6 decimals per record'))).toEqual([
      { kind: 'bar', zones: [{ text: 'FR-PREMIUM' }, { text: 'FR-SHARED' }] },
      { kind: 'maximum', amount: { amount: { text: '5.00', value: '5.00' }, currency: { text: 'EUR' } } },
      { kind: 'rounding', method: 'half-up', decimals: { text: '4', value: '4' }, scope: 'record' },
      { kind: 'rounding', method: 'half-even', decimals: { text: '2', value: '2' }, scope: 'invoice-line' },
      { kind: 'rounding', method: 'up', decimals: { text: '0', value: '0' }, scope: 'record' },
      { kind: 'rounding', method: 'down', decimals: { text: '6', value: '6' }, scope: 'record' },
    ]);
  });
});

describe('keywords as names', () => {
  it('accepts a zone called `peak` and `rate`, a band called `night`/`first`, a service called `sms`', () => {
    const file = parseClean([
      'agreement T {',
      '  timebands {\n    night otherwise\n    first mon 08:00-09:00\n  }',
      '  zones {\n    peak 1\n    rate 2\n    zone 3\n  }',
      '  service sms sms receivable {\n    rate peak night 0.1 EUR/msg first 0.2 EUR/msg\n    rate rate 0.3 EUR/msg from 2026-01-01\n    bar zone\n  }',
      '  test "kw" {\n    usage sms to 1 at 2026-01-01T00:00:00 units 2\n    expect 0.2 EUR zone peak band night\n  }',
      '}',
    ].join('\n'));
    const a = onlyAgreement(file);
    expect(withoutRanges(a.items[0])).toMatchObject({ bands: [{ name: { text: 'night' }, otherwise: true }, { name: { text: 'first' } }] });
    expect(withoutRanges(a.items[1])).toMatchObject({ zones: [{ name: { text: 'peak' } }, { name: { text: 'rate' } }, { name: { text: 'zone' } }] });
    expect(withoutRanges(a.items[2])).toMatchObject({
      name: { text: 'sms' },
      items: [
        { kind: 'rate', zone: { text: 'peak' }, prices: [{ band: { text: 'night' } }, { band: { text: 'first' } }] },
        { kind: 'rate', zone: { text: 'rate' }, from: { text: '2026-01-01' } },
        { kind: 'bar', zones: [{ text: 'zone' }] },
      ],
    });
    expect(withoutRanges(a.items[3])).toMatchObject({ usage: { service: { text: 'sms' }, units: { value: '2' } }, expect: { zone: { text: 'peak' }, band: { text: 'night' } } });
  });
});

describe('tests', () => {
  it('reads usage with every part and an amount expectation', () => {
    const [test] = items('test "t" {\n usage voice-origination from 33612345678 to 447700900123 at 2026-03-02T10:00:00+01:00 for 2min\n expect 0.0054 EUR zone any band peak billed 36s\n}');
    expect(withoutRanges(test)).toEqual({
      kind: 'test',
      title: { value: 't' },
      usage: {
        service: { text: 'voice-origination' },
        aNumber: { text: '33612345678', value: '33612345678' },
        bNumber: { text: '447700900123', value: '447700900123' },
        at: { text: '2026-03-02T10:00:00+01:00' },
        duration: { text: '2min', amount: '2', unit: 'min' },
      },
      expect: {
        kind: 'amount',
        amount: { amount: { text: '0.0054', value: '0.0054' }, currency: { text: 'EUR' } },
        zone: { text: 'any' }, band: { text: 'peak' }, billed: { text: '36s', amount: '36', unit: 's' },
      },
    });
  });

  it('reads a suspense expectation and units', () => {
    const [test] = items('test "s" {\n usage sms to 1 at 2026-03-02T10:00Z units 3\n expect suspense no-zone\n}');
    expect(withoutRanges(test)).toEqual({
      kind: 'test',
      title: { value: 's' },
      usage: { service: { text: 'sms' }, bNumber: { text: '1', value: '1' }, at: { text: '2026-03-02T10:00Z' }, units: { text: '3', value: '3' } },
      expect: { kind: 'suspense', reason: { text: 'no-zone' } },
    });
  });
});

describe('literals', () => {
  it('keeps number text and strips separators in values', () => {
    const [rate] = serviceItems('maximum 1_000.50 EUR per call');
    expect(withoutRanges(rate)).toEqual({ kind: 'maximum', amount: { amount: { text: '1_000.50', value: '1000.50' }, currency: { text: 'EUR' } } });
  });

  it('reads duration units ms, s, min and h', () => {
    const [icItems] = items('interconnect I {\n quality pdd <= 10ms acd >= 2min acd >= 1h acd >= 1.5s\n}');
    expect(withoutRanges(icItems)).toMatchObject({
      quality: [
        { value: { amount: '10', unit: 'ms' } }, { value: { amount: '2', unit: 'min' } },
        { value: { amount: '1', unit: 'h' } }, { value: { amount: '1.5', unit: 's' } },
      ],
    });
  });
});

describe('the example agreements', () => {
  it('parses the first sketch agreement (in-scope constructs) with every fact', () => {
    const a = onlyAgreement(parseClean(readFileSync(new URL('./__fixtures__/sketch-first.icx', import.meta.url), 'utf8')));
    expect(a.id.text).toBe('ACME-ORANGE-FR-2026');
    expect(a.items.map((i) => i.kind)).toEqual([
      'version', 'parties', 'currency', 'valid', 'timezone', 'interconnect', 'holidays', 'timebands', 'zones',
      'service', 'service', 'service', 'test',
    ]);
    const zones = a.items.find((i) => i.kind === 'zones');
    expect(zones?.kind === 'zones' && zones.zones.map((z) => [z.name.text, z.prefixes.map((p) => p.digits)])).toEqual([
      ['FR-MOBILE', ['336', '337']], ['FR-FIXED', ['331', '332', '333', '334', '335', '339']], ['FR-PREMIUM', ['3389']],
    ]);
  });

  it('parses the agreements under agreements/ without diagnostics', () => {
    for (const name of ['acme-orange-fr.icx', 'acme-nordtel-de.icx']) {
      const file = parseClean(readFileSync(new URL(`../agreements/${name}`, import.meta.url), 'utf8'));
      expect(file.agreements).toHaveLength(1);
      expect(file.comments.length).toBeGreaterThan(0);
    }
  });
});
