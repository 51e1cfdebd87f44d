// Values and units: currencies, price units against the service kind, billing
// increments, partner types, version, rounding, quality target units.
import type { MoneyLit, Name, PriceLit, ServiceBlock } from '../../language/ast.js';
import type { AgreementModel } from '../model.js';
import { rangeFrom, type Sink } from '../sink.js';
import { durationSeconds } from '../values.js';
import { isCurrency } from './currencies.js';
import { fxHint, settledByFx } from './fx.js';
import { periodOnceKey } from './period.js';

export const PARTNER_TYPES = [
  'interconnect',
  'wholesale',
  'roaming',
  'mvno',
  'iot',
  'content',
  'cloud',
  'distribution',
  'enterprise',
];

export function checkUnits(m: AgreementModel, sink: Sink): void {
  checkAgreementValues(m, sink);
  for (const s of m.services) checkService(m, s, sink);
  for (const t of m.tests) {
    if (t.expect?.kind === 'amount') checkCurrency(m, t.expect.amount?.currency, sink);
  }
}

/** The largest version the store holds (a 32-bit INTEGER column). */
const MAX_VERSION = 2_147_483_647;

function checkAgreementValues(m: AgreementModel, sink: Sink): void {
  for (const c of m.currencies) {
    if (c.code?.text && !isCurrency(c.code.text)) {
      sink.report('ICX3003', `${c.code.text} is not an active ISO 4217 currency code; write one such as EUR, USD or GBP.`, c.code.range);
    }
  }
  for (const v of m.versions) {
    if (v.value && !/^[1-9][0-9]*$/.test(v.value.value ?? '')) {
      sink.report('ICX3007', `The version must be a positive whole number (1, 2, 3, ...), not ${v.value.text}.`, v.value.range);
    } else if (v.value && Number(v.value.value) > MAX_VERSION) {
      // the store keeps it in a 32-bit column: a larger one would fail the rating run, not compile
      sink.report('ICX3007', `The version must be at most ${MAX_VERSION}, not ${v.value.text}.`, v.value.range);
    }
  }
  for (const p of m.partner) {
    const t = p.partnerType;
    if (t?.text && !PARTNER_TYPES.includes(t.text)) {
      sink.report('ICX3008', `Unknown partner type ${t.text}; use one of: ${PARTNER_TYPES.join(', ')}.`, t.range);
    }
  }
  for (const p of m.us) {
    if (p.partnerType) {
      sink.report('ICX3007', 'A type describes the partner; remove `type` from the `us` party.', p.partnerType.range);
    }
  }
  for (const ic of m.interconnects) {
    for (const q of ic.quality ?? []) {
      if (!q.value) continue;
      const isPercent = !('unit' in q.value);
      if (q.metric === 'asr' && !isPercent) {
        sink.report('ICX3001', 'ASR is a share of calls; write it as a percentage, e.g. `asr >= 45%`.', q.value.range);
      } else if (q.metric !== 'asr' && isPercent) {
        sink.report('ICX3001', `${q.metric.toUpperCase()} is a duration; write it with a unit, e.g. \`${q.metric} ${q.metric === 'acd' ? '>= 120s' : '<= 4s'}\`.`, q.value.range);
      }
    }
  }
}

/**
 * Unknown code → ICX3003; a known code other than the agreement's → ICX3002. Prices
 * (`allowFx`) may be in a currency that an fx line settles in the agreement currency.
 */
export function checkCurrency(m: AgreementModel, code: Name | undefined, sink: Sink, allowFx = false): void {
  if (!code?.text) return;
  if (allowFx && settledByFx(m, code.text)) return;
  if (!isCurrency(code.text)) {
    sink.report('ICX3003', `${code.text} is not an active ISO 4217 currency code; write the agreement currency${m.currency ? ` ${m.currency}` : ''}${allowFx ? fxHint(m, code.text) : ''}.`, code.range);
  } else if (m.currency && isCurrency(m.currency) && code.text !== m.currency) {
    sink.report('ICX3002', `This amount is in ${code.text} but the agreement is settled in ${m.currency}; write it in ${m.currency}${allowFx ? fxHint(m, code.text) : ''}.`, code.range);
  }
}

function checkPrice(m: AgreementModel, s: ServiceBlock, p: PriceLit | undefined, sink: Sink): void {
  if (!p) return;
  checkCurrency(m, p.currency, sink, true);
  const kind = s.serviceKind?.text;
  const want = kind === 'voice' ? 'min' : kind === 'sms' ? 'msg' : undefined;
  if (want && p.perPeriod) {
    sink.report('ICX3001', `${kind === 'voice' ? 'Voice' : 'SMS'} service ${s.name?.text} is priced per ${want}; a price per ${p.per?.text}/${p.perPeriod.text} does not fit it.`, p.perPeriod.range);
  } else if (want && p.per?.text && p.per.text !== want) {
    sink.report(
      'ICX3001',
      `${kind === 'voice' ? 'Voice' : 'SMS'} service ${s.name?.text} is priced per ${want}, not per ${p.per.text}; write ${p.currency?.text ?? m.currency ?? 'EUR'}/${want}.`,
      p.per.range,
    );
  }
}

function checkMoney(m: AgreementModel, money: MoneyLit | undefined, sink: Sink): void {
  if (money) checkCurrency(m, money.currency, sink, true);
}

/** Service items that only apply to calls (beyond their billing increments), as messages name them. */
export const CALL_ONLY_RULES: Readonly<Record<string, string>> = {
  connectFee: 'a connect fee',
  zeroDuration: 'a zero-duration rule',
  boundary: 'a band-boundary rule',
  maximum: 'a maximum per call',
};

const VOICE_ONLY: Readonly<Record<string, string>> = { billing: 'billing increments', ...CALL_ONLY_RULES };

/** Decimal places written in a number (`0.0100` → 4). */
function places(n: { value?: string } | undefined): number {
  const v = n?.value ?? '';
  const dot = v.indexOf('.');
  return dot < 0 ? 0 : v.length - dot - 1;
}

/** The rating engine keeps money in whole billionths in 64-bit integers. */
const MAX_MONEY_PLACES = 9;
const MAX_MONEY_INTEGER_DIGITS = 7;

/** An amount the engine cannot hold exactly is an error, never a run that fails later. */
export function exceedsEngine(n: { value?: string; text?: string; range: PriceLit['range'] } | undefined, sink: Sink): boolean {
  if (!n) return false;
  const integerDigits = (n.value ?? '').split('.')[0]!.replace(/^0+(?=\d)/, '').length;
  if (places(n) > MAX_MONEY_PLACES) {
    sink.report('ICX3007', `${n.text} has ${places(n)} decimals; icx rates money to at most ${MAX_MONEY_PLACES} decimals, so round it.`, n.range);
    return true;
  }
  if (integerDigits > MAX_MONEY_INTEGER_DIGITS) {
    sink.report('ICX3007', `${n.text} is larger than icx rates (at most ${MAX_MONEY_INTEGER_DIGITS} digits before the point); check the amount.`, n.range);
    return true;
  }
  return false;
}

/** Decimals every record of the service is rounded to (its `rounding ... per record`, else 6). */
function recordDecimals(s: ServiceBlock): number {
  for (const i of s.items ?? []) {
    if (i.kind === 'rounding' && i.scope === 'record' && /^[0-9]+$/.test(i.decimals?.value ?? '')) return Number(i.decimals.value);
  }
  return 6;
}

/**
 * An amount charged as written per record (an SMS price, a connect fee, a cap) with more
 * decimals than the record keeps is silently rounded away on every record. Per-minute
 * prices are exempt: they are multiplied by seconds / 60 before rounding.
 */
export function checkPlaces(s: ServiceBlock, n: { value?: string; text?: string; range: PriceLit['range'] } | undefined, sink: Sink): void {
  const keep = recordDecimals(s);
  if (exceedsEngine(n, sink)) return;
  if (n && places(n) > keep) {
    sink.report('ICX3010', `${n.text} has ${places(n)} decimals but each record is rounded to ${keep}; the extra digits are lost on every record. Round the amount or state \`rounding ... ${places(n)} decimals per record\`.`, n.range);
  }
}

function checkService(m: AgreementModel, s: ServiceBlock, sink: Sink): void {
  const kind = s.serviceKind?.text;
  const seen = new Map<string, true>();
  let billing = false;
  for (const item of s.items ?? []) {
    // Each of these is one commercial fact; stating it twice leaves the reader guessing.
    const onceKey = item.kind === 'rounding' ? `rounding ${item.scope}` : periodOnceKey(item) ?? item.kind;
    // deck and notice: checked (once each) by compiler/deck/check.ts
    if (item.kind !== 'rate' && item.kind !== 'bar' && item.kind !== 'deck' && item.kind !== 'notice' && item.kind !== 'surcharge' && item.kind !== 'tier' && item.kind !== 'sla') { // sla: one per metric, check/digital.ts // surcharges: check/unit-pricing.ts
      if (seen.has(onceKey)) {
        sink.report('ICX3006', `This service already states ${VOICE_ONLY[item.kind] ?? onceKey}; keep one.`, item.range);
      }
      seen.set(onceKey, true);
    }
    if (kind === 'sms' && VOICE_ONLY[item.kind] && !(item.kind === 'maximum' && item.period)) {
      sink.report('ICX3007', `SMS service ${s.name?.text} is charged per message, so it cannot have ${VOICE_ONLY[item.kind]} (a voice-only rule); remove this line.`, item.range);
    }
    switch (item.kind) {
      case 'billing': {
        billing = true;
        if (kind !== 'voice' || item.volume) break; // `billing 1 KB`: check/unit-pricing.ts
        for (const [label, n] of [['first', item.first], ['next', item.next]] as const) {
          if (n && !/^[1-9][0-9]*$/.test(n.value ?? '')) {
            sink.report('ICX3004', `The ${label} billing increment must be a whole number of seconds of at least 1 (e.g. \`billing 60/60\`), not ${n.text}.`, n.range);
          } else if (n && !Number.isSafeInteger(Number(n.value))) {
            // beyond 2^53 the plan would hold another number than written (as deck increments, ICX3105)
            sink.report('ICX3004', `The ${label} billing increment ${n.text} is larger than icx can hold exactly; write a whole number of seconds such as 60.`, n.range);
          }
        }
        if (item.minimum) {
          const sec = durationSeconds(item.minimum);
          if (sec !== null && !sec.isInteger()) {
            sink.report('ICX3004', `The minimum charged duration must be whole seconds (e.g. \`minimum 30s\`), not ${item.minimum.text}.`, item.minimum.range);
          }
        }
        break;
      }
      case 'connectFee':
        checkMoney(m, item.fee, sink);
        checkPlaces(s, item.fee?.amount, sink);
        break;
      case 'maximum':
        checkMoney(m, item.amount, sink);
        checkPlaces(s, item.amount?.amount, sink);
        break;
      case 'rate':
        for (const bp of item.prices ?? []) {
          for (const st of bp.steps ?? []) {
            checkPrice(m, s, st.price, sink);
            // charged as written per record (units × price): sms and events
            if (kind === 'sms' || kind === 'event') checkPlaces(s, st.price?.amount, sink);
            else exceedsEngine(st.price?.amount, sink);
          }
        }
        break;
      case 'rounding': {
        const d = item.decimals?.value ?? '';
        if (!/^[0-9]+$/.test(d) || Number(d) > MAX_MONEY_PLACES) {
          sink.report('ICX3007', `Rounding keeps a whole number of decimals from 0 to ${MAX_MONEY_PLACES}, not ${item.decimals?.text}.`, item.decimals?.range ?? item.range);
        }
        break;
      }
      default:
        break;
    }
  }
  if (kind === 'voice' && !billing) {
    sink.report(
      'ICX3005',
      `Voice service ${s.name?.text} declares no billing increments; money rules are never implicit, so add e.g. \`billing 60/60\`.`,
      s.name?.range ?? rangeFrom(s.range.start, 7),
    );
  }
}
