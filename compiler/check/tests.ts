// Test blocks: the usage row must be complete for its service's kind, and the expectation
// must be something a rating run can produce.
import type { AgreementModel } from '../model.js';
import type { Sink } from '../sink.js';
import { durationSeconds } from '../values.js';

/** The suspense reasons a rating run produces (docs/internal-contracts.md). */
export const SUSPENSE_REASONS = [
  'unparsable-row',
  'missing-field',
  'malformed-start',
  'missing-offset',
  'malformed-duration',
  'negative-duration',
  'implausible-duration',
  'duplicate-record',
  'malformed-number',
  'malformed-units',
  'unknown-kind',
  'unknown-direction',
  'no-agreement',
  'no-service',
  'outside-validity',
  'no-zone',
  'barred',
  'no-rate',
  'no-fx-rate',
  // a rate deck closed the prefix from that date (compiler/deck/)
  'closed',
  'malformed-bytes',
  'no-category',
];

export function checkTests(m: AgreementModel, sink: Sink): void {
  for (const t of m.tests) {
    const where = t.title?.range ?? t.range;
    if (!t.usage && !t.period) {
      sink.report('ICX6001', 'This test has no usage line; add e.g. `usage <service> to 33612345678 at 2026-03-02T10:00:00 for 61s`.', where);
    }
    if (!t.expect) {
      sink.report('ICX6001', 'This test has no expectation; add `expect <amount> <currency>` or `expect suspense <reason>`.', where);
    }
    const u = t.usage;
    const svc = u?.service?.text ? m.serviceByName.get(u.service.text) : undefined;
    const kind = svc?.serviceKind?.text;
    if (u && kind === 'voice') {
      if (!u.duration) {
        sink.report('ICX6001', `Service ${svc!.name.text} is voice; say how long the call lasted with \`for <duration>\`, e.g. \`for 61s\`.`, u.range);
      }
      if (u.units) {
        sink.report('ICX6001', '`units` counts messages and applies to sms services; remove it from this voice usage.', u.units.range);
      }
    }
    if (u && kind === 'sms' && u.duration) {
      sink.report('ICX6001', '`for <duration>` applies to voice; an sms usage counts messages with `units <n>` (default 1).', u.duration.range);
    }
    if (u?.duration) {
      const s = durationSeconds(u.duration);
      if (s !== null && s.isNegative()) sink.report('ICX3007', 'A call cannot last a negative time.', u.duration.range);
    }
    if (u?.units && !/^[1-9][0-9]*$/.test(u.units.value ?? '')) {
      sink.report('ICX3007', `units is a whole number of messages of at least 1, not ${u.units.text}.`, u.units.range);
    }
    const e = t.expect;
    if (e?.kind === 'suspense' && e.reason?.text && !SUSPENSE_REASONS.includes(e.reason.text)) {
      sink.report('ICX6002', `Unknown suspense reason ${e.reason.text}; use one of: ${SUSPENSE_REASONS.join(', ')}.`, e.reason.range);
    }
    if (e?.kind === 'amount' && e.billed && kind === 'sms') {
      sink.report('ICX6001', '`billed` is the charged duration of a call; an sms usage has none, so remove it.', e.billed.range);
    }
    if (e?.kind === 'amount' && e.billed) {
      const s = durationSeconds(e.billed);
      if (s !== null && !s.isInteger()) {
        sink.report('ICX3007', `Billed time is whole seconds, not ${e.billed.text}.`, e.billed.range);
      }
    }
  }
}
