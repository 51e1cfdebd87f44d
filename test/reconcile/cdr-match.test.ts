// `icx reconcile cdrs` matching and money, on hand-built CDRs against agreements/acme-orange-fr.icx:
// voice-termination billing 60/60, FR-MOBILE peak 0.0123 EUR/min, FR-FIXED 0.0045 EUR/min, rounding
// half-up 4 decimals per record; `dispute tolerance 1% or 500 EUR`. Every call is Monday 2 March 2026
// 09:00Z = 10:00 Paris (peak) unless said. Amounts below are computed by hand.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run-cli.js';
import { call, orange, reconcile, theirs } from './cdr-support.js';

const plan = orange();
// 61 s → 120 s billed → 2 min × 0.0123 = 0.0246
const c1 = call('C1');
const c2 = call('C2', { a_number: '447700900002', start_time: '2026-03-02T09:10:00Z' });
const c3 = call('C3', { a_number: '447700900003', start_time: '2026-03-02T09:20:00Z' });

describe('reconcile cdrs: matching', () => {
  it('matches the same calls by call id: nothing differs, accepted', async () => {
    const r = await reconcile(plan, [[c1, c2, c3]], [theirs(c1), theirs(c2), theirs(c3)]);
    expect(r.findings.cdrs).toMatchObject({ theirRecords: 3, ourRecords: 3, matchedById: 3, matchedByTime: 0 });
    expect(r.count('matched')).toBe(3);
    // 3 × 0.0246 = 0.0738 on both sides
    expect(r.findings.totals).toEqual({ theirs: '0.0738', ours: '0.0738', difference: '0' });
    expect(r.findings.verdict).toBe('accept');
    expect(r.findings.kind).toBe('cdrs');
    expect(r.findings.source.file).toBe('their-cdrs.csv');
    expect(r.findings.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a duration disagreement is worth the billed difference: their 121 s vs our 119 s', async () => {
    const ours = call('D1', { duration_s: '119' });
    const r = await reconcile(plan, [[ours, c2]], [theirs(ours, { duration_s: '121' }), theirs(c2)]);
    // ours 119 s → 120 s = 2 min × 0.0123 = 0.0246; theirs 121 s → 180 s = 3 min × 0.0123 = 0.0369; +0.0123
    const [line] = r.findings.lines.filter((l) => l.category === 'duration');
    expect(line).toMatchObject({
      subject: 'voice-termination FR-MOBILE peak', disputed: true, difference: '0.0123', evidence: null,
      ours: { records: 1, quantity: '2', unit: 'min', amount: '0.0246' },
      theirs: { records: 1, quantity: '3', unit: 'min', amount: '0.0369' },
    });
    expect(r.count('matched')).toBe(1);
    // ours 0.0246 + 0.0246 = 0.0492; theirs 0.0369 + 0.0246 = 0.0615
    expect(r.findings.totals).toEqual({ theirs: '0.0615', ours: '0.0492', difference: '0.0123' });
  });

  it('durations within ±1 s are matched, and accepted at our rating', async () => {
    // 61.9 s vs 61 s: 0.9 s ≤ 1 s. Both bill 120 s here, but the point is the category
    const r = await reconcile(plan, [[c1]], [theirs(c1, { duration_s: '61.9' })]);
    expect([r.count('matched'), r.count('duration')]).toEqual([1, 0]);
    // exactly 1 s apart is within: 62 vs 61
    const at = await reconcile(plan, [[c1]], [theirs(c1, { duration_s: '62' })]);
    expect([at.count('matched'), at.count('duration')]).toEqual([1, 0]);
  });

  it('a clock skew of 1 s still matches by numbers and start time (±2 s), and is reported', async () => {
    const r = await reconcile(plan, [[c1, c2, c3]], [
      theirs(c1, { record_id: '', start_time: '2026-03-02T09:00:01Z' }),
      theirs(c2, { record_id: '', start_time: '2026-03-02T09:10:01Z' }),
      theirs(c3, { record_id: '', start_time: '2026-03-02T09:20:01Z' }),
    ]);
    expect(r.findings.cdrs).toMatchObject({ matchedById: 0, matchedByTime: 3, clockSkewSeconds: { median: '1', mean: '1' } });
    expect(r.findings.totals.difference).toBe('0');
  });

  it('a clock skew of 3 s does not match within ±2 s: unmatched on both sides', async () => {
    const r = await reconcile(plan, [[c1]], [theirs(c1, { record_id: 'THEIR-1', start_time: '2026-03-02T09:00:03Z' })]);
    // theirs rated as written: 61 s at 10:00:03 Paris → 0.0246; ours 0.0246 → difference 0.0246 − 0.0246 = 0
    expect([r.count('unmatched-theirs'), r.count('unmatched-ours'), r.count('matched')]).toEqual([1, 1, 0]);
    expect([r.diff('unmatched-theirs'), r.diff('unmatched-ours')]).toEqual(['0.0246', '-0.0246']);
    expect(r.findings.lines.find((l) => l.category === 'unmatched-theirs')?.disputed).toBe(true);
    expect(r.findings.lines.find((l) => l.category === 'unmatched-ours')?.disputed).toBe(false);
    // with --time-tolerance 3s they match
    const wide = await reconcile(plan, [[c1]], [theirs(c1, { record_id: 'THEIR-1', start_time: '2026-03-02T09:00:03Z' })], { timeToleranceUs: 3_000_000n });
    expect(wide.findings.cdrs).toMatchObject({ matchedByTime: 1, clockSkewSeconds: { median: '3' } });
  });

  it('matches +33… and 33… and spaced numbers as rating reads them', async () => {
    const r = await reconcile(plan, [[c1, c2]], [
      theirs(c1, { record_id: '', a_number: '+447700900001', b_number: '+33612345678' }),
      theirs(c2, { record_id: '', a_number: '+44 7700 900002', b_number: '+33 6 12 34 56 78' }),
    ]);
    expect(r.findings.cdrs?.matchedByTime).toBe(2);
    expect(r.count('unmatched-theirs') + r.count('unmatched-ours')).toBe(0);
  });

  it('reports their duplicated CDRs (same call twice, with or without an id) and prices them', async () => {
    const r = await reconcile(plan, [[c1, c2]], [
      theirs(c1), theirs(c1),
      theirs(c2, { record_id: '' }), theirs(c2, { record_id: '' }),
    ]);
    // one copy of each matches; the second copies are duplicates: 2 × 0.0246 = 0.0492, disputed
    expect([r.count('matched'), r.count('duplicate-theirs'), r.count('unmatched-theirs')]).toEqual([2, 2, 0]);
    expect(r.diff('duplicate-theirs')).toBe('0.0492');
    expect(r.findings.lines.filter((l) => l.category === 'duplicate-theirs').every((l) => l.disputed)).toBe(true);
    // ours 0.0492; theirs 0.0492 + 0.0492 = 0.0984
    expect(r.findings.totals).toEqual({ theirs: '0.0984', ours: '0.0492', difference: '0.0492' });
  });

  it('missing ids: their records without an id match ours by numbers and time; an unknown id too', async () => {
    const r = await reconcile(plan, [[c1, c2]], [theirs(c1, { record_id: '' }), theirs(c2, { record_id: 'ORANGE-777' })]);
    expect(r.findings.cdrs).toMatchObject({ matchedById: 0, matchedByTime: 2 });
  });

  it('a missing day of traffic on their side: our calls of that day are unmatched ours, accepted', async () => {
    // 3 March: Tuesday, 10:00 Paris, peak
    const d3a = call('M3-1', { start_time: '2026-03-03T09:00:00Z', duration_s: '60' });
    const d3b = call('M3-2', { start_time: '2026-03-03T09:30:00Z', b_number: '33145678901', duration_s: '180' });
    const r = await reconcile(plan, [[c1, c2, d3a, d3b]], [theirs(c1), theirs(c2)]);
    // 60 s → 1 min × 0.0123 = 0.0123 (FR-MOBILE); 180 s → 3 min × 0.0045 = 0.0135 (FR-FIXED); 0.0258 we rated that they do not bill
    expect(r.count('unmatched-ours')).toBe(2);
    expect(r.diff('unmatched-ours')).toBe('-0.0258');
    expect(r.findings.lines.filter((l) => l.category === 'unmatched-ours').map((l) => [l.subject, l.difference])).toEqual([
      ['voice-termination FR-FIXED peak', '-0.0135'], ['voice-termination FR-MOBILE peak', '-0.0123'],
    ]);
    // ours 0.0246 × 2 + 0.0258 = 0.075; theirs 0.0492; they bill less: nothing to dispute
    expect(r.findings.totals).toEqual({ theirs: '0.0492', ours: '0.075', difference: '-0.0258' });
    expect(r.findings.verdict).toBe('accept');
  });

  it('one-to-one: the closest start wins, and a crossing pair resolves to the nearest of each', async () => {
    // ours A at :00 and B at :02; theirs X at :01 (1 s from both) and Y at :02.5 (0.5 s from B, 2.5 s from A)
    const a = call('A', { start_time: '2026-03-02T09:00:00Z' });
    const b = call('B', { start_time: '2026-03-02T09:00:02Z' });
    const r = await reconcile(plan, [[a, b]], [
      theirs(a, { record_id: '', start_time: '2026-03-02T09:00:01Z' }),
      theirs(b, { record_id: '', start_time: '2026-03-02T09:00:02.5Z' }),
    ]);
    // Y–B (0.5 s) first, then X–A (1 s): both matched; skews +1 and +0.5 → median 0.75
    expect(r.findings.cdrs).toMatchObject({ matchedByTime: 2, clockSkewSeconds: { median: '0.75' } });
    expect(r.count('unmatched-theirs') + r.count('duplicate-theirs') + r.count('unmatched-ours')).toBe(0);
  });

  it('a record rated in two runs counts once, in its latest run', async () => {
    // run 1 rated C1 as 61 s; run 2 rated it again as 125 s (→ 180 s = 0.0369): theirs says 125 s
    const r = await reconcile(plan, [[c1], [call('C1', { duration_s: '125' })]], [theirs(c1, { duration_s: '125' })]);
    expect(r.findings.cdrs?.ourRecords).toBe(1);
    expect(r.count('matched')).toBe(1);
    expect(r.findings.totals).toEqual({ theirs: '0.0369', ours: '0.0369', difference: '0' });
  });

  it('their records the agreement does not price are reported, not zero-rated', async () => {
    // 33 89… is barred (FR-PREMIUM): their extra call cannot be priced
    const r = await reconcile(plan, [[c1]], [theirs(c1), { record_id: 'X', a_number: '447700900009', b_number: '33891234567', start_time: '2026-03-02T09:00:00Z', duration_s: '60' }]);
    const [line] = r.findings.lines.filter((l) => l.category === 'unmatched-theirs');
    expect(line).toMatchObject({ disputed: true, difference: '0', theirs: { records: 1, amount: null } });
    expect(line!.explanation).toMatch(/does not price them \(barred/);
  });

  it('refuses their rows it cannot read, naming file, line and field', async () => {
    await expect(reconcile(plan, [[c1]], [theirs(c1), theirs(c2, { start_time: 'yesterday' }), theirs(c3, { duration_s: 'sixty' })]))
      .rejects.toThrow(/2 records of their-cdrs\.csv cannot be reconciled; nothing was written\ntheir-cdrs\.csv:3: start_time "yesterday" is not an ISO 8601 date-time\ntheir-cdrs\.csv:4: duration_s "sixty"/);
  });

  it('agreements/traffic/march-sample.csv against a partner file with every kind of difference', async () => {
    // ours (ACME-ORANGE-FR-2026 voice-termination, March): M-0001 61 s peak FR-MOBILE → 120 s = 0.0246;
    // M-0002 20:00 Paris off-peak 90 s → 120 s × 0.0100/min = 0.0200; M-0003 FR-FIXED 180 s × 0.0045/min = 0.0135;
    // M-0007 0 s (free) = 0; M-0020 (+33…) 120 s = 0.0246. Total 0.0827 (the rest is suspense or other agreements)
    const r = await reconcile(plan, [path.join(ROOT, 'agreements', 'traffic', 'march-sample.csv')], [
      // M-0001 by id, 1 s late and 121 s: 180 s = 3 × 0.0123 = 0.0369 vs 0.0246 → +0.0123
      { record_id: 'M-0001', a_number: '+447700900001', b_number: '+33612345678', start_time: '2026-03-02T09:00:01Z', duration_s: '121' },
      // M-0002 under their own id, 1 s late: matched by numbers and time
      { record_id: 'X-1', a_number: '447700900002', b_number: '33712345678', start_time: '2026-03-02T19:00:01Z', duration_s: '90' },
      // M-0003 twice: the second copy a duplicate, 0.0135
      { record_id: 'M-0003', a_number: '447700900003', b_number: '33145678901', start_time: '2026-03-10T13:30:00Z', duration_s: '180' },
      { record_id: 'M-0003', a_number: '447700900003', b_number: '33145678901', start_time: '2026-03-10T13:30:00Z', duration_s: '180' },
      // a call we never carried: Thursday 5 March 11:00 Paris, peak, 61 s → 0.0246
      { record_id: 'X-9', a_number: '447700900099', b_number: '33612345678', start_time: '2026-03-05T10:00:00Z', duration_s: '61' },
    ]);
    expect(r.findings.cdrs).toMatchObject({
      theirRecords: 5, ourRecords: 5, matchedById: 2, matchedByTime: 1, services: ['voice-termination'],
      // skews +1, +1, 0 s: median 1, mean 2/3 s to the µs
      clockSkewSeconds: { median: '1', mean: '0.666667' },
    });
    expect([r.diff('matched'), r.diff('duration'), r.diff('duplicate-theirs'), r.diff('unmatched-theirs'), r.diff('unmatched-ours')])
      .toEqual(['0', '0.0123', '0.0135', '0.0246', '-0.0246']);
    // M-0007 (0) and M-0020 (0.0246) have no counterpart
    expect(r.count('unmatched-ours')).toBe(2);
    // theirs = 0.0200 + 0.0135 matched + 0.0369 + 0.0135 + 0.0246 = 0.1085; ours 0.0827; +0.0258 ≤ 500 EUR → accept
    expect(r.findings.totals).toEqual({ theirs: '0.1085', ours: '0.0827', difference: '0.0258' });
    expect(r.findings.verdict).toBe('accept');
  });
});
