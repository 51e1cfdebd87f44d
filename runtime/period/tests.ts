// Period tests (a test with `period`, several usage lines or `count`): every usage line
// becomes `count` identical records `test-<i>-<line>-<k>`; after rating, the period charges
// of the test's own records are computed and every expectation is compared:
//   expect <amount>          the sum of the test's rated amounts in the test month (local start)
//   expect suspense <r>      every record of the test went to suspense <r>
//   expect charge C S [tier n] <amount>   the sum of the charge lines of construct C and
//                            subject S (and tier n); no such line counts as 0
//   expect total <amount>    the month's invoice: rated amounts in the month plus every charge line
import { Decimal } from 'decimal.js';
import type { AgreementPlan, AgreementTestPlan } from '../../compiler/plan.js';
import type { InlineUsageRow } from '../ingest/ingest.js';
import type { ChargeLine } from './lines.js';

export function periodPrefix(i: number): string {
  return `test-${i}-`;
}

export function periodRows(t: AgreementTestPlan, i: number, plan: AgreementPlan | undefined): InlineUsageRow[] {
  const rows: InlineUsageRow[] = [];
  t.period!.usages.forEach((u, line) => {
    const svc = plan?.services.find((s) => s.name === u.service);
    for (let k = 0; k < u.count; k++) {
      rows.push({
        record_id: `${periodPrefix(i)}${line + 1}-${k + 1}`,
        agreement: t.agreementId,
        service: u.service,
        kind: svc?.kind ?? null,
        direction: svc ? (svc.direction === 'payable' ? 'out' : 'in') : null,
        a_number: u.aNumber,
        b_number: u.bNumber,
        start_time: u.startTime,
        duration_s: u.durationSeconds,
        units: u.units,
        bytes: u.bytes ?? null,
        category: u.category ?? null,
        // an iot, event or subscription test record's number is its device or subscriber
        // (active devices, activations): the same number is the same device
        subscriber: svc && ['iot', 'event', 'subscription'].includes(svc.kind) ? u.bNumber : null,
      });
    }
  });
  return rows;
}

export interface PeriodActual {
  records: number;
  rated: number;
  /** of the records whose local start falls in the test month */
  ratedAmount: string;
  currency: string | null;
  suspenseReasons: string[];
  charges: ChargeLine[];
}

const trim = (s: string) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);

export function comparePeriod(t: AgreementTestPlan, a: PeriodActual): string[] {
  const f: string[] = [];
  const chargesTotal = a.charges.reduce((x, l) => x.plus(l.amount), new Decimal(0));
  for (const e of t.period!.expects) {
    switch (e.kind) {
      case 'amount':
        if (a.rated !== a.records) f.push(`expected ${e.amount} ${e.currency} rated, but ${a.records - a.rated} of ${a.records} records went to suspense (${a.suspenseReasons.join(', ')})`);
        else if (!new Decimal(a.ratedAmount).eq(e.amount)) f.push(`rated amount: expected ${e.amount} ${e.currency}, got ${trim(a.ratedAmount)}`);
        if (a.currency !== null && a.currency !== e.currency) f.push(`currency: expected ${e.currency}, got ${a.currency}`);
        break;
      case 'suspense':
        if (a.rated > 0 || a.suspenseReasons.some((r) => r !== e.reason)) f.push(`expected every record in suspense ${e.reason}; rated ${a.rated}, suspense ${a.suspenseReasons.join(', ') || 'none'}`);
        break;
      case 'charge': {
        const match = a.charges.filter((l) => l.construct === e.construct && l.subject === e.subject && (e.tier === null || l.tier === e.tier));
        const sum = match.reduce((x, l) => x.plus(l.amount), new Decimal(0));
        const what = `charge ${e.construct} ${e.subject}${e.tier !== null ? ` tier ${e.tier}` : ''}`;
        if (!sum.eq(e.amount)) {
          f.push(`${what}: expected ${e.amount} ${e.currency}, got ${match.length ? sum.toFixed() : 'no such line (0)'}`);
          for (const l of match) f.push(`  ${l.explanation}`);
        }
        for (const l of match) if (l.currency !== e.currency) f.push(`${what}: currency expected ${e.currency}, got ${l.currency}`);
        break;
      }
      case 'total': {
        const total = new Decimal(a.ratedAmount).plus(chargesTotal);
        if (!total.eq(e.amount)) f.push(`total: expected ${e.amount} ${e.currency}, got ${total.toFixed()} (rated ${trim(a.ratedAmount)} + charges ${chargesTotal.toFixed()})`);
        break;
      }
    }
  }
  if (f.length) for (const l of a.charges) f.push(`  line: ${l.construct} ${l.subject}${l.tier !== null ? ` tier ${l.tier}` : ''} ${l.amount} ${l.currency} — ${l.explanation}`);
  return f;
}
