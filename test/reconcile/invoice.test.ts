// icx reconcile invoice on hand-built usage (test/reconcile/invoice-support.ts): each partner
// invoice carries one known discrepancy; every amount, category and verdict below is worked out
// by hand from the agreement there (FIXED 0.0100 EUR/min, 0.0120 from 2026-04-01; MOBILE 0.0200;
// EU 0.0123; billing 60/60) and the March usage (ours: FIXED 0.40 + MOBILE 0.12 + EU 0.04 = 0.56).
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { readPartnerInvoice } from '../../runtime/reconcile/invoice-input.js';
import { reconcileInvoice } from '../../runtime/reconcile/invoice-run.js';
import { writeFindings } from '../../runtime/reconcile/invoice-write.js';
import type { Findings } from '../../runtime/reconcile/findings.js';
import { HEADER, MARCH, invoiceFile, ratedStore, reconAgreement } from './invoice-support.js';
import type { UsageRecord } from '../support/agreement-snippets.js';

const FIXED = 'voice-termination,FIXED,,4,40,min,0.0100,0.40';
const MOBILE = 'voice-termination,MOBILE,,3,6,min,0.0200,0.12';
const EU = 'voice-termination,EU,,3,3,min,0.0123,0.04';

async function reconcile(
  lines: string[], opts: { tolerance?: string | null; usage?: UsageRecord[]; out?: string } = {},
): Promise<Findings> {
  const plans: HashedAgreementPlan[] = reconAgreement(opts.tolerance === undefined ? '1% or 0.05 EUR' : opts.tolerance);
  const store = await ratedStore(plans, opts.usage ?? MARCH);
  try {
    const file = invoiceFile('invoice.csv', [HEADER, ...lines].join('\n') + '\n');
    const invoice = await readPartnerInvoice(file);
    const f = await reconcileInvoice(store, { plans, partner: 'ORANGE', period: '2026-03', invoice });
    return opts.out ? await writeFindings(store, plans[0]!, f, opts.out) : f;
  } finally {
    await store.close();
  }
}

const brief = (f: Findings) => f.lines.map((l) => [l.category, l.subject, l.difference, l.disputed]);

describe('reconcile invoice: line categories', () => {
  it('an invoice equal to our rating is accepted, every line matched', async () => {
    const f = await reconcile([FIXED, MOBILE, EU]);
    expect(brief(f)).toEqual([
      ['matched', 'voice-termination FIXED', '0.00', false],
      ['matched', 'voice-termination MOBILE', '0.00', false],
      ['matched', 'voice-termination EU', '0.00', false],
    ]);
    expect(f.totals).toEqual({ theirs: '0.56', ours: '0.56', difference: '0.00' });
    expect([f.verdict, f.verdictReason]).toEqual(['accept', 'their total 0.56 EUR equals our rating: no difference']);
    expect(f.agreement.id).toBe('T-RECON');
    expect(f.tolerance).toEqual({ percent: '1', amount: '0.05', currency: 'EUR' });
  });

  it('a rate applied before its effective date is named as such, and disputed beyond tolerance', async () => {
    // their FIXED at 0.0120 (the rate from 2026-04-01): 40 min × 0.0120 = 0.48 vs our 0.40 → +0.08
    // totals: theirs 0.48 + 0.12 + 0.04 = 0.64, ours 0.56, difference 0.08
    // tolerance: larger of 1% × 0.64 = 0.0064 and 0.05 → 0.05; 0.08 > 0.05 → dispute
    const dir = mkdtempSync(join(tmpdir(), 'icx-recon-out-'));
    const f = await reconcile(['voice-termination,FIXED,,4,40,min,0.0120,0.48', MOBILE, EU], { out: dir });
    expect(brief(f)).toEqual([
      ['rate', 'voice-termination FIXED', '0.08', true],
      ['matched', 'voice-termination MOBILE', '0.00', false],
      ['matched', 'voice-termination EU', '0.00', false],
    ]);
    expect(f.lines[0]!.explanation).toBe(
      'rate: their 0.0120 is the rate from 2026-04-01, applied before its effective date; in force in 2026-03: 0.0100 EUR/min; difference 0.08 EUR',
    );
    expect(f.lines[0]!.ours).toEqual({ records: 4, quantity: '40', unit: 'min', rate: '0.0100', amount: '0.40' });
    expect(f.totals).toEqual({ theirs: '0.64', ours: '0.56', difference: '0.08' });
    expect(f.verdict).toBe('dispute');
    expect(f.verdictReason).toBe(
      'difference 0.08 EUR is beyond tolerance (more than 0.05 EUR): the tolerance is the larger of 1% of their total 0.64 EUR = 0.0064 EUR and 0.05 EUR: 0.05 EUR',
    );
    // --out: findings.json and the evidence of the disputed line, the four FIXED calls
    expect(readdirSync(dir).sort()).toEqual(['evidence-01-voice-termination-FIXED.csv', 'findings.json']);
    expect(f.lines[0]!.evidence).toBe('evidence-01-voice-termination-FIXED.csv');
    expect(JSON.parse(readFileSync(join(dir, 'findings.json'), 'utf8'))).toEqual(f);
    const csv = readFileSync(join(dir, 'evidence-01-voice-termination-FIXED.csv'), 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe('record_id,start_time,local_start,trunk,a_number,b_number,duration_s,billed_seconds,units,clause,amount,run_id');
    // each 600 s = 10 min × 0.0100 = 0.1 EUR
    expect(csv.slice(1).map((r) => r.split(',')).map((c) => [c[0], c[7], Number(c[10])])).toEqual([
      ['F-1', '600', 0.1], ['F-2', '600', 0.1], ['F-3', '600', 0.1], ['F-4', '600', 0.1],
    ]);
  });

  it('a missing day of traffic is a volume difference; an invoice lower than ours is accepted', async () => {
    // they lack F-4 (5 March): 3 calls, 30 min × 0.0100 = 0.30 vs 0.40 → -0.10
    // totals: theirs 0.30 + 0.12 + 0.04 = 0.46, ours 0.56, difference -0.10
    const f = await reconcile(['voice-termination,FIXED,,3,30,min,0.0100,0.30', MOBILE, EU]);
    expect(brief(f)[0]).toEqual(['volume', 'voice-termination FIXED', '-0.10', false]);
    expect(f.lines[0]!.explanation).toBe(
      'volume: theirs 3 records, 30 min, ours 4 records, 40 min; they invoice 1 record fewer than we rated (traffic missing on their side, e.g. a day); difference -0.10 EUR',
    );
    expect(f.totals).toEqual({ theirs: '0.46', ours: '0.56', difference: '-0.10' });
    expect([f.verdict, f.verdictReason]).toEqual([
      'accept',
      'they invoice 0.10 EUR less than our rating (difference -0.10 EUR): nothing to claim back, accepted; ' +
        'the tolerance is the larger of 1% of their total 0.46 EUR = 0.0046 EUR and 0.05 EUR: 0.05 EUR',
    ]);
  });

  it('minutes rounded per invoice line instead of per call are explained', async () => {
    // M-1..M-3 are 61 s each: 183 s = 3.05 min in all; the agreement bills each call 60/60 → 120 s,
    // 6 min × 0.0200 = 0.12. They invoice 3.05 min × 0.0200 = 0.061 → 0.06: -0.06
    const f = await reconcile([FIXED, 'voice-termination,MOBILE,,3,3.05,min,0.0200,0.06', EU]);
    expect(brief(f)[1]).toEqual(['volume', 'voice-termination MOBILE', '-0.06', false]);
    expect(f.lines[1]!.explanation).toBe(
      "volume: theirs 3 records, 3.05 min, ours 3 records, 6 min; same calls; their minutes are the line's actual duration " +
        "(183 s = 3.05 min) rounded once per invoice line, ours are rounded per call by the agreement's billing 60/60 (6 min); difference -0.06 EUR",
    );
    // 183 s rounded up once for the line: 4 min × 0.0200 = 0.08 (-0.04): also the line total, rounded up
    const g = await reconcile([FIXED, 'voice-termination,MOBILE,,3,4,min,0.0200,0.08', EU]);
    expect(g.lines[1]!.difference).toBe('-0.04');
    expect(g.lines[1]!.explanation).toContain("their minutes are the line's actual duration (183 s = 3.05 min) rounded once per invoice line");
  });

  it('the same volume and rate with another amount (rounded per call) is an amount difference', async () => {
    // E-1..E-3: 1 min × 0.0123 = 0.0123 each; ours 0.0369 → 0.04 for the line; they round each
    // call to the cent (0.01) first: 3 × 0.01 = 0.03 → -0.01
    const f = await reconcile([FIXED, MOBILE, 'voice-termination,EU,,3,3,min,0.0123,0.03']);
    expect(brief(f)[2]).toEqual(['amount', 'voice-termination EU', '-0.01', false]);
    expect(f.lines[2]!.explanation).toBe(
      'same volume and rate, different amount: 3 × 0.0123 = 0.0369, their amount 0.03; ours is the sum of the records rounded half-up to 6 decimals per record, ' +
        'rounded to the cent per invoice line (0.04); difference -0.01 EUR',
    );
  });

  it('lines only on their side (twice the same line, a service we invoice them) and only on ours', async () => {
    // theirs: 0.40 + 0.12 + FIXED again 0.05 + voice-origination 0.01 = 0.58 (no EU line)
    // ours: 0.56; difference 0.02 → within max(1% × 0.58 = 0.0058, 0.05) → accept
    const f = await reconcile([FIXED, MOBILE, 'voice-termination,FIXED,,1,5,min,0.0100,0.05', 'voice-origination,any,,1,2,min,0.0050,0.01']);
    expect(brief(f)).toEqual([
      ['matched', 'voice-termination FIXED', '0.00', false],
      ['matched', 'voice-termination MOBILE', '0.00', false],
      ['only-theirs', 'voice-termination FIXED', '0.05', false],
      ['only-theirs', 'voice-origination any', '0.01', false],
      ['only-ours', 'voice-termination EU', '-0.04', false],
    ]);
    expect(f.lines[2]!.explanation).toMatch(/^invoiced twice: voice-termination FIXED was already compared at .*invoice\.csv:2$/);
    expect(f.lines[3]!.explanation).toBe('voice-origination is a service ACME invoices ORANGE (receivable): it has no place on their invoice');
    expect(f.lines[4]!.explanation).toBe('not on their invoice: we rated 3 records, 3 min, 0.04 EUR');
    expect(f.totals).toEqual({ theirs: '0.58', ours: '0.56', difference: '0.02' });
    expect(f.verdict).toBe('accept');
  });
});

describe('reconcile invoice: the dispute tolerance', () => {
  it('exactly at the absolute threshold is within; one cent more disputes', async () => {
    // MOBILE invoiced 0.17 instead of 0.12: +0.05; theirs 0.40 + 0.17 + 0.04 = 0.61
    // tolerance: larger of 1% × 0.61 = 0.0061 and 0.05 → 0.05; 0.05 ≤ 0.05 → accept
    const at = await reconcile([FIXED, 'voice-termination,MOBILE,,3,6,min,0.0200,0.17', EU]);
    expect([at.totals.difference, at.verdict, at.verdictReason]).toEqual([
      '0.05', 'accept',
      'difference 0.05 EUR is within tolerance (at most 0.05 EUR): the tolerance is the larger of 1% of their total 0.61 EUR = 0.0061 EUR and 0.05 EUR: 0.05 EUR',
    ]);
    expect(at.lines.every((l) => !l.disputed)).toBe(true);
    // 0.18: +0.06; theirs 0.62, 1% = 0.0062; 0.06 > 0.05 → dispute
    const over = await reconcile([FIXED, 'voice-termination,MOBILE,,3,6,min,0.0200,0.18', EU]);
    expect([over.totals.difference, over.verdict]).toEqual(['0.06', 'dispute']);
    expect(brief(over)[1]).toEqual(['amount', 'voice-termination MOBILE', '0.06', true]);
  });

  it('exactly at 1% of their total is within; above it disputes', async () => {
    // one FIXED call of 5940 s = 99 min × 0.0100 = 0.99 ours; tolerance 1% or 0.001 EUR
    const usage = [{ ...MARCH[0]!, duration_s: '5940' }];
    // theirs 1.00: difference 0.01 = 1% × 1.00 = 0.01 (larger than 0.001) → accept
    const at = await reconcile(['voice-termination,FIXED,,1,99,min,0.0100,1.00'], { tolerance: '1% or 0.001 EUR', usage });
    expect([at.totals, at.verdict, at.verdictReason]).toEqual([
      { theirs: '1.00', ours: '0.99', difference: '0.01' }, 'accept',
      'difference 0.01 EUR is within tolerance (at most 0.01 EUR): the tolerance is the larger of 1% of their total 1.00 EUR = 0.01 EUR and 0.001 EUR: 0.01 EUR',
    ]);
    // theirs 1.01: difference 0.02 > 1% × 1.01 = 0.0101 → dispute
    const over = await reconcile(['voice-termination,FIXED,,1,99,min,0.0100,1.01'], { tolerance: '1% or 0.001 EUR', usage });
    expect([over.totals.difference, over.verdict, over.verdictReason]).toEqual([
      '0.02', 'dispute',
      'difference 0.02 EUR is beyond tolerance (more than 0.0101 EUR): the tolerance is the larger of 1% of their total 1.01 EUR = 0.0101 EUR and 0.001 EUR: 0.0101 EUR',
    ]);
  });

  it('without a stated tolerance any overcharge disputes', async () => {
    // FIXED 0.41 vs 0.40: +0.01
    const f = await reconcile(['voice-termination,FIXED,,4,40,min,0.0100,0.41', MOBILE, EU], { tolerance: null });
    expect([f.tolerance, f.verdict, f.verdictReason]).toEqual([
      null, 'dispute', 'difference 0.01 EUR: the agreement states no dispute tolerance, so any overcharge is disputed',
    ]);
  });
});
