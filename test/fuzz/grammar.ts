// Grammar-aware random agreements (language/GRAMMAR.md): every construct of the language, with
// names drawn from small pools so that references often resolve (the checks then go deep: zones
// priced, bands covered, tests rated) and sometimes do not, values that are mostly plausible and
// sometimes hostile (hostile.ts), comments between lines, and the lines of a block shuffled.
import fc from 'fast-check';
import { HOSTILE_IDENTIFIERS, HOSTILE_NUMBERS, HOSTILE_PATHS, HOSTILE_STRINGS, quote } from './hostile.js';

type A<T> = fc.Arbitrary<T>;
const pick = <T>(...xs: T[]): A<T> => fc.constantFrom(...xs);
/** Mostly `usual`, now and then `rare` (one in `odds`). */
const mostly = <T>(usual: A<T>, rare: A<T>, odds = 8): A<T> => fc.oneof({ arbitrary: usual, weight: odds - 1 }, { arbitrary: rare, weight: 1 });
const join = (parts: A<string>[], sep = ' '): A<string> => fc.tuple(...parts).map((xs) => xs.filter((x) => x !== '').join(sep));
const opt = (a: A<string>): A<string> => fc.oneof(fc.constant(''), a);
const lines = (line: A<string>, max = 4, min = 0): A<string[]> => fc.array(line, { minLength: min, maxLength: max });

// ---- values
const zone = mostly(pick('FR-MOBILE', 'FR-FIXED', 'EU', 'UK', 'any', 'Z1'), pick(...HOSTILE_IDENTIFIERS));
const band = mostly(pick('peak', 'offpeak', 'weekend', 'night'), pick(...HOSTILE_IDENTIFIERS));
const service = mostly(pick('voice-termination', 'voice-origination', 'sms', 'data-out', 'api'), pick(...HOSTILE_IDENTIFIERS));
const party = mostly(pick('ACME-UK', 'ACME-IE', 'ORANGE', 'NORDTEL', 'CARRIERX', 'STREAMCO'), pick(...HOSTILE_IDENTIFIERS));
const agreementId = mostly(pick('ACME-ORANGE-FR-2026', 'ACME-NORDTEL-DE', 'FUZZ-1', 'FUZZ-2'), pick(...HOSTILE_IDENTIFIERS));
const currency = mostly(pick('EUR', 'USD', 'GBP', 'SDR'), pick('XXX', 'eur', 'EURO', 'E'));
const calendar = pick('FR', 'DE', 'UK', 'NOPE');
const title = mostly(pick('ACME ⇄ Orange France', 'a test', 'fuzz'), pick(...HOSTILE_STRINGS), 4).map(quote);
const str = mostly(pick('Telehouse North, London', 'GB123456789'), pick(...HOSTILE_STRINGS), 4).map(quote);
const path = mostly(pick('decks/carrierx-az.csv', 'decks/carrierx-az-2026-04.csv', 'fx/gsma-2026.csv', 'traffic/march-sample.csv', '../traffic/carrierx-march.csv'), pick(...HOSTILE_PATHS), 3).map(quote);
const int = mostly(fc.integer({ min: 0, max: 120 }).map(String), pick(...HOSTILE_NUMBERS));
const decimal = mostly(fc.tuple(fc.nat({ max: 99 }), fc.nat({ max: 9999 })).map(([a, b]) => `${a}.${String(b).padStart(4, '0')}`), pick(...HOSTILE_NUMBERS));
const big = mostly(pick('0', '1_000', '1_000_000', '10_000_000', '250_000'), pick(...HOSTILE_NUMBERS));
const pct = mostly(pick('0%', '8%', '45%', '99.99%', '100%', '0.01%'), pick('101%', '1000000%', '0.000000000001%'));
const dur = fc.tuple(mostly(pick('0', '1', '6', '30', '60', '61', '120'), pick('99999999999999999999', '0.5', '1_0')), pick('s', 'min', 'ms', 'h')).map(([n, u]) => n + u);
const date = mostly(
  fc.tuple(pick(2025, 2026, 2027), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  pick('2026-02-30', '2026-13-01', '0000-00-00', '9999-12-31', '2026-00-10'),
);
const dateTime = fc.tuple(date, fc.integer({ min: 0, max: 24 }), pick('', ':00', ':59', 'Z', '+01:00', ':00-05:00')).map(([d, h, s]) => `${d}T${String(h).padStart(2, '0')}:00${s}`);
const time = fc.tuple(fc.integer({ min: 0, max: 25 }), pick('00', '30', '59', '60')).map(([h, m]) => `${String(h).padStart(2, '0')}:${m}`);
const unit = pick('min', 'msg', 'MB', 'GB', 'call', 'device/month', 'activation', 'subscriber/month', 'sec');
const money = join([decimal, currency]);
const price = fc.tuple(decimal, currency, unit).map(([n, c, u]) => `${n} ${c}/${u}`);
const number = fc.nat({ max: 99 }).map(String);
const prefix = fc.array(mostly(fc.integer({ min: 1, max: 999 }).map(String), pick(...HOSTILE_NUMBERS)), { minLength: 1, maxLength: 3 }).map((xs) => xs.join(' '));
const days = pick('mon-fri', 'sat', 'sun', 'sat-sun', 'mon', 'fri-mon', 'xyz');

// ---- agreement items
const block = (header: A<string>, items: A<string[]>): A<string> => fc.tuple(header, items).map(([h, xs]) => [`${h} {`, ...xs.map((x) => `  ${x}`), '}'].join('\n'));
const parties = block(fc.constant('parties'), fc.tuple(join([fc.constant('us'), party]), join([fc.constant('partner'), party, opt(str), opt(join([pick('tadig', 'type'), pick('FRAF1', 'interconnect', 'mvno', 'bogus')]))])).map((xs) => xs));
const interconnect = block(join([fc.constant('interconnect'), pick('LON-PAR-1', 'NYC-1')]), fc.tuple(join([fc.constant('site'), str]), join([fc.constant('trunks'), pick('TG101', 'TG102 TG103', 'TGX1')]), join([fc.constant('traffic'), pick('voice', 'sms', 'voice sms')]), join([fc.constant('quality asr >='), pct, fc.constant('acd >='), dur])).map((xs) => xs));
const holidays = block(join([fc.constant('holidays'), calendar]), lines(date, 4));
const bandLine = fc.oneof(
  join([band, fc.constant('otherwise')]),
  join([band, days, fc.tuple(time, time).map(([a, b]) => `${a}-${b}`), opt(join([fc.constant('except holidays'), calendar]))]),
  join([band, fc.constant('holidays'), calendar]),
);
const timebands = block(fc.constant('timebands'), lines(bandLine, 3));
const zones = block(fc.constant('zones'), lines(join([zone, fc.array(prefix, { minLength: 1, maxLength: 3 }).map((xs) => xs.join(', '))]), 4));
const serviceItem = fc.oneof(
  join([fc.constant('billing'), number, fc.constant('/'), number, opt(join([fc.constant('minimum'), dur]))]).map((s) => s.replace(' / ', '/')),
  join([fc.constant('billing'), number, pick('KB', 'MB', 'GB', 'TB')]),
  join([fc.constant('connect fee'), money]),
  pick('zero duration calls are free', 'zero duration calls are charged', 'calls across a band boundary are rated at the start band', 'calls across a band boundary are split at the boundary'),
  join([fc.constant('rate'), zone, fc.array(join([opt(band), price]), { minLength: 1, maxLength: 2 }).map((xs) => xs.join('  ')), opt(join([fc.constant('from'), date])), opt(pick('not prorated', 'prorated by day'))]),
  join([fc.constant('rate'), zone, fc.constant('first'), dur, price, fc.constant('next'), dur, price, fc.constant('then'), price]),
  join([fc.constant('rate calls'), pick('local', 'home', 'international', 'bogus'), price]),
  join([fc.constant('rate'), zone, fc.constant('origin'), zone, price]),
  join([fc.constant('bar'), fc.array(zone, { minLength: 1, maxLength: 2 }).map((xs) => xs.join(', '))]),
  join([fc.constant('maximum'), money, fc.constant('per'), pick('call', 'month', 'quarter', 'decade')]),
  join([fc.constant('rounding'), pick('half-up', 'half-even', 'up', 'down'), int, fc.constant('decimals per'), pick('record', 'invoice line')]),
  join([fc.constant('rates from deck'), path, opt(join([fc.constant('issued'), date]))]),
  join([fc.constant('notice increases'), int, fc.constant('days')]),
  join([fc.constant('surcharge origin'), opt(fc.constant('outside')), zone, price]),
  join([fc.constant('tiered per'), pick('month', 'quarter', 'year', 'week'), opt(pick(', incremental', ', retroactive', ', sideways'))]).map((s) => s.replace(' ,', ',')),
  join([fc.constant('tier'), big, fc.constant('..'), opt(big), fc.oneof(pct, price)]),
  join([fc.constant('minimum'), money, fc.constant('per'), pick('month', 'quarter')]),
  join([fc.constant('data pooled'), int, fc.constant('MB/device/month, overage'), price]),
  join([fc.constant('revenue share'), pct, fc.constant('of net retail'), opt(join([fc.constant('to'), party]))]),
  join([fc.constant('commission'), price, opt(join([fc.constant('plus'), pct, fc.constant('of first-month retail')]))]),
  join([fc.constant('sla availability >='), pct, fc.constant('per month, credit'), pct, fc.constant('per'), pct, fc.constant('below, cap'), pct]),
);
const serviceBlock = block(join([fc.constant('service'), service, pick('voice', 'sms', 'data', 'event', 'iot', 'subscription', 'slice'), pick('payable', 'receivable')]), lines(serviceItem, 6));
const tierStyle = join([fc.constant('per'), pick('month', 'quarter', 'year'), pick(', retroactive', ', incremental', '')]).map((s) => s.replace(' ,', ','));
const discount = block(join([fc.constant('discount'), opt(pick('VOLUME', 'D1')), fc.constant('on'), service, opt(join([fc.constant('zone'), zone]))]), fc.tuple(tierStyle, lines(join([fc.constant('tier'), big, opt(pick('min', 'msg')), fc.constant('..'), opt(big), pct]), 3)).map(([s, ts]) => [s, ...ts]));
const commitment = block(join([fc.constant('commitment on'), service]), fc.tuple(join([party, fc.constant('commits'), big, currency, fc.constant('per'), pick('month', 'quarter', 'year')]), pick('shortfall invoiced at the end of the quarter', 'shortfall invoiced at the end of the month', 'shortfall at 0.01 EUR/min')).map((xs) => xs));
const settlement = block(fc.constant('settlement'), lines(fc.oneof(
  join([fc.constant('invoicing'), pick('monthly', 'quarterly', 'hourly'), opt(join([fc.constant(', due'), int, fc.constant('days')]))]).map((s) => s.replace(' ,', ',')),
  join([fc.constant('netting'), pick('bilateral', 'none', 'maybe')]),
  join([fc.constant('dispute tolerance'), pct, opt(join([fc.constant('or'), money]))]),
  join([fc.constant('dispute within'), int, fc.constant('days')]),
  join([fc.constant('dispute answer within'), int, fc.constant('days')]),
  join([fc.constant('currency'), currency, opt(join([fc.constant('from table'), path]))]),
), 4));
const fx = join([fc.constant('fx'), currency, fc.constant('->'), currency, fc.constant('from table'), path, fc.constant('at'), pick('usage date', 'period end')]);
const usage = join([fc.constant('usage'), service, opt(join([fc.constant('from'), prefix.map((p) => p.replaceAll(' ', ''))])), opt(join([fc.constant('to'), pick('33612345678', '447700900123', '0', '99999999999999999999999999')])), fc.constant('at'), dateTime, opt(join([fc.constant('for'), dur])), opt(join([fc.constant('units'), int])), opt(join([fc.constant('bytes'), big])), opt(join([fc.constant('count'), int]))]);
const expectLine = fc.oneof(
  join([fc.constant('expect'), money, opt(join([fc.constant('zone'), zone])), opt(join([fc.constant('band'), band])), opt(join([fc.constant('billed'), dur]))]),
  join([fc.constant('expect suspense'), pick('barred', 'no-zone', 'no-rate', 'closed', 'no-fx-rate', 'made-up')]),
  join([fc.constant('expect charge'), pick('discount', 'commitment-shortfall', 'tier', 'minimum'), service, opt(join([fc.constant('tier'), number])), opt(fc.constant('-')), money]).map((s) => s.replace('- ', '-')),
  join([fc.constant('expect total'), opt(fc.constant('-')), money]).map((s) => s.replace('- ', '-')),
);
const testInput = fc.oneof(
  join([fc.constant('kpi'), pick('availability', 'latency-p99'), fc.oneof(pct, dur)]),
  join([fc.constant('retail'), service, pick('SUB1', '42'), date, fc.constant('gross'), decimal, fc.constant('taxes'), decimal, fc.constant('refunds'), decimal]),
);
const period = fc.tuple(pick(2025, 2026, 2027), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `period ${y}-${String(m).padStart(2, '0')}`);
const testBlock = block(join([fc.constant('test'), title]), fc.tuple(opt(period), lines(usage, 2, 1), lines(testInput, 1), lines(expectLine, 3, 1)).map(([p, us, ins, es]) => [p, ...us, ...ins, ...es].filter((x) => x !== '')));

const agreementItem = fc.oneof(
  join([fc.constant('version'), int]),
  parties,
  join([fc.constant('currency'), currency]),
  join([fc.constant('valid'), date, fc.constant('..'), opt(date)]),
  join([fc.constant('timezone'), pick('Europe/Paris', 'UTC', 'America/Argentina/Buenos_Aires', 'Mars/Olympus', 'Etc/GMT+5')]),
  interconnect,
  holidays,
  timebands,
  zones,
  serviceBlock,
  serviceBlock,
  discount,
  commitment,
  settlement,
  fx,
  testBlock,
  testBlock,
);

/** A comment, own-line or trailing, placed between lines to check the formatter keeps it. */
const comment = pick('// a note', '// why: Annex C', '//', '// -- 😀 "quoted" { }', '// DROP TABLE x; --');

/** Indents a block's lines by two spaces, and now and then adds a comment line or a trailing comment. */
const withComments = (text: string, notes: string[]): string =>
  text
    .split('\n')
    .map((l, i) => {
      const n = notes[i % Math.max(1, notes.length)];
      if (notes.length === 0 || i % 5 !== 1 || n === undefined) return l;
      return i % 2 === 0 ? `${l}  ${n}` : `${n}\n${l}`;
    })
    .join('\n');

const agreement: A<string> = fc
  .tuple(agreementId, opt(title), fc.array(agreementItem, { minLength: 1, maxLength: 10 }), fc.array(comment, { maxLength: 4 }))
  .map(([id, t, items, notes]) => withComments([`agreement ${id}${t ? ' ' + t : ''} {`, ...items.flatMap((x) => x.split('\n').map((l) => `  ${l}`)), '}'].join('\n'), notes));

const partyDecl = block(join([pick('partner', 'entity'), party, opt(str)]), lines(fc.oneof(
  join([fc.constant('type'), pick('interconnect', 'mvno', 'iot', 'cloud', 'nonsense')]),
  join([fc.constant('tadig'), pick('FRAF1', 'GBRAC', 'X', '12345')]),
  join([fc.constant('carrier code'), pick('ORGFR', '12', '"quoted code"')]),
  join([fc.constant('vat'), fc.oneof(pick('GB123456789'), str)]),
  join([fc.constant('address'), str]),
), 4));

const trafficTest = block(join([fc.constant('test'), title, fc.constant('for'), agreementId]), fc.tuple(join([fc.constant('traffic'), path]), opt(period), lines(fc.oneof(
  join([fc.constant('expect count'), int, opt(join([fc.constant('rated'), int])), opt(join([fc.constant('suspense'), int]))]),
  join([fc.constant('expect suspense'), pick('closed', 'no-zone', 'x'), int]),
  join([fc.constant('expect total'), money]),
  join([fc.constant('expect'), opt(join([fc.constant('service'), service])), opt(join([fc.constant('zone'), zone])), money]),
), 3, 1)).map(([t, p, es]) => [t, p, ...es].filter((x) => x !== '')));

/** A whole file: agreements, partner and entity declarations and traffic tests, in any order. */
export const randomAgreementFile: A<string> = fc
  .array(fc.oneof({ arbitrary: agreement, weight: 4 }, { arbitrary: partyDecl, weight: 1 }, { arbitrary: trafficTest, weight: 1 }), { minLength: 1, maxLength: 3 })
  .map((xs) => xs.join('\n\n') + '\n');
