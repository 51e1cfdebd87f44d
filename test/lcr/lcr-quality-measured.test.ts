// Quality floors on ASR/ACD MEASURED from our rated traffic (`icx lcr --store`), over hand-written
// calls rated into a temporary store with the real rating. At 2026-03-10T10:00Z, a 120 s call:
//   336: GAMMA 120 × 0.0100 / 60 = 0.020 (its 33), ALPHA 120 × 0.0200 / 60 = 0.040 (A-MOB)
//   331: ALPHA 120 × 0.0050 / 60 = 0.010 (A-FIX), GAMMA 0.020
//   337: ALPHA 120 × 0.0095 / 60 = 0.019 (A-MOB7), GAMMA 0.020
// The default window (30 days) is the 30 local days before the local date of --at:
// 2026-03-10 − 30 days = 2026-02-08, up to 2026-03-09 inclusive.
// Rule: a voice record whose duration as given is 0 is an unanswered attempt.
import { afterAll, describe, expect, it } from 'vitest';
import type { HashedAgreementPlan } from '../../compiler/plan.js';
import { lcrTable } from '../../runtime/lcr/index.js';
import { showCost } from '../../runtime/lcr/build.js';
import { readStoreInputs } from '../../runtime/lcr/quality-store.js';
import type { QualityWindow } from '../../runtime/lcr/quality-measure.js';
import type { QualityFloor } from '../../runtime/lcr/suppliers.js';
import { call, calls, storeWith, type TempStore } from './store-support.js';
import { ALPHA, BETA, GAMMA, plansOf } from './suppliers.js';

const AT = new Date('2026-03-10T10:00:00Z');
const WINDOW = '2026-02-08..2026-03-09';
const stores: TempStore[] = [];
afterAll(() => stores.forEach((s) => s.cleanup()));

async function table(plans: HashedAgreementPlan[], store: TempStore | null, floor: QualityFloor, minAttempts = 8, window: QualityWindow = { days: 30 }) {
  const inputs = store ? await readStoreInputs(plans, AT, { path: store.file, shown: 'test.duckdb', window, windowGiven: false, floors: true, minAttempts }) : null;
  const t = lcrTable(plans, {
    at: AT, callSeconds: 120, currency: 'EUR', quality: floor,
    ...(inputs ? { measuredQuality: inputs.measuredQuality, commitmentFromStore: inputs.commitmentFromStore } : {}),
  });
  const at = (prefix: string) => {
    const r = t.routes.find((x) => x.prefix === prefix)!;
    return { ranks: r.offers.map((o) => `${o.supplier.name} ${showCost(o.cost60)}`), excluded: r.excluded.map((x) => `${x.supplier.name} ${x.reason}`) };
  };
  return { t, at, notes: t.set.notes, excluded: t.set.excluded.map((x) => `${x.name} ${x.reason}`) };
}

describe('icx lcr: quality measured from rated traffic', () => {
  const plans = plansOf(ALPHA, GAMMA);

  it('excludes a supplier whose measured ASR is below the floor, whatever its agreement states', async () => {
    // ALPHA: 3 answered of 8 = 37.5 % (3 × 100 = 300 < 40 × 8 = 320): out, though it states asr >= 50 %.
    // GAMMA: 4 of 8 = 50 % ≥ 40 %: in, though it states no target.
    const s = await storeWith(plans, [[...calls('TA1', '33612345678', '2026-03-01T10:00:00Z', 8, 3), ...calls('TG1', '33612345678', '2026-03-02T10:00:00Z', 8, 4)]]);
    stores.push(s);
    const m = await table(plans, s, { asr: '40' });
    expect(m.excluded).toEqual([`ALPHA quality: measured ASR 37.5% over 8 attempts ${WINDOW}, below the floor 40%`]);
    expect(m.at('336').ranks).toEqual(['GAMMA 0.020000']);
    // GAMMA's figures: 4 × 100 / 8 = 50.0 %; ACD 4 × 60 s / 4 = 60.0 s
    const g = m.t.set.suppliers.find((x) => x.name === 'GAMMA')!.quality!.report;
    expect(g).toMatchObject({ window: WINDOW, judgedOn: 'measured', attempts: 8, answered: 4, asr: '50.0', acd: '60.0' });
    expect(m.t.set.excluded[0]!.quality).toMatchObject({ attempts: 8, answered: 3, asr: '37.5' });
    // the stated targets alone decide the other way round
    const stated = await table(plans, null, { asr: '40' });
    expect(stated.excluded).toEqual(['GAMMA quality: the agreement states no asr target (floor 40%)']);
    expect(stated.at('336').ranks).toEqual(['ALPHA 0.040000']);
  });

  it('judges a zone with enough attempts on its own figure, the others on the supplier-wide one', async () => {
    // ALPHA: A-FIX (331) 8 of 8 = 100 %; A-MOB (336) 0 of 8 = 0 %; A-MOB7 (337) 0 of 4, fewer than 8
    // attempts → the supplier-wide 8 of 20 = 40 %. GAMMA: 10 of 10 = 100 %.
    const s = await storeWith(plans, [[
      ...calls('TA1', '33112345678', '2026-03-03T10:00:00Z', 8, 8),
      ...calls('TA1', '33612345678', '2026-03-03T10:00:00Z', 8, 0),
      ...calls('TA1', '33712345678', '2026-03-03T10:00:00Z', 4, 0),
      ...calls('TG1', '33112345678', '2026-03-03T10:00:00Z', 10, 10),
    ]]);
    stores.push(s);
    // floor 50 %: 40 % supplier-wide fails (800 < 1000), but A-FIX passes on its own: ALPHA stays for 331 only
    const m50 = await table(plans, s, { asr: '50' });
    expect(m50.excluded).toEqual([]);
    expect(m50.at('331')).toEqual({ ranks: ['ALPHA 0.010000', 'GAMMA 0.020000'], excluded: [] });
    expect(m50.at('336')).toEqual({ ranks: ['GAMMA 0.020000'], excluded: [`ALPHA quality: measured ASR 0.0% over 8 attempts to A-MOB ${WINDOW}, below the floor 50%`] });
    expect(m50.at('337')).toEqual({ ranks: ['GAMMA 0.020000'], excluded: [`ALPHA quality: measured ASR 40.0% over 20 attempts ${WINDOW}, below the floor 50%`] });
    const zones = m50.t.set.suppliers.find((x) => x.name === 'ALPHA')!.quality!.report.zones.map((z) => `${z.zone} ${z.judgedOn} ${z.asr} ${z.excluded ? 'out' : 'in'}`);
    expect(zones).toEqual(['A-FIX zone 100.0 in', 'A-MOB zone 0.0 out', 'A-MOB7 supplier 0.0 out']);
    // floor 40 %: the supplier-wide 40 % meets it (800 = 800, not below): 337 is ALPHA's again (0.019 < 0.020)
    const m40 = await table(plans, s, { asr: '40' });
    expect(m40.at('337')).toEqual({ ranks: ['ALPHA 0.019000', 'GAMMA 0.020000'], excluded: [] });
    expect(m40.at('336').ranks).toEqual(['GAMMA 0.020000']);
  });

  it('falls back to the stated targets when a supplier has too few attempts, and says so', async () => {
    const s = await storeWith(plans, [[...calls('TA1', '33612345678', '2026-03-01T10:00:00Z', 8, 3), ...calls('TG1', '33612345678', '2026-03-02T10:00:00Z', 8, 4)]]);
    stores.push(s);
    // 8 attempts each, fewer than 100: ALPHA states asr >= 50 % (≥ 40: in), GAMMA states nothing (out)
    const m = await table(plans, s, { asr: '40' }, 100);
    expect(m.excluded).toEqual([`GAMMA quality: the agreement states no asr target (floor 40%) (only 8 attempts measured ${WINDOW})`]);
    expect(m.at('336').ranks).toEqual(['ALPHA 0.040000']);
    expect(m.notes).toContain(`LCR-ALPHA (termination): 8 attempts measured ${WINDOW} (fewer than --min-attempts 100): quality judged on the agreement's stated targets`);
  });

  it('counts the local days of the window only, and ACD exactly', async () => {
    // BETA is in Europe/Paris (UTC+1 in February and March): its window is 2026-02-08 00:00 ..
    // 2026-03-09 24:00 Paris time. Calls to 3361 (B-61):
    const bp = plansOf(BETA);
    const s = await storeWith(bp, [[
      call('TB1', '33612345678', '2026-02-07T22:59:59Z', '0'), //    2026-02-07 23:59:59 Paris: before the window
      call('TB1', '33612345678', '2026-02-07T23:00:00Z', '60'), //   2026-02-08 00:00:00: in, answered
      call('TB1', '33612345678', '2026-03-01T10:00:00Z', '62.5'), // in, answered (62.5 s as given)
      call('TB1', '33612345678', '2026-03-01T11:00:00Z', '0'), //    in, unanswered
      call('TB1', '33612345678', '2026-03-01T12:00:00Z', '0'), //    in, unanswered
      call('TB1', '33612345678', '2026-03-09T22:59:59Z', '61'), //   2026-03-09 23:59:59: in, answered
      call('TB1', '33612345678', '2026-03-09T23:00:00Z', '0'), //    2026-03-10 00:00: the day of --at, not counted
    ]]);
    stores.push(s);
    // 5 attempts, 3 answered: ASR 60.0 %; ACD (60 + 62.5 + 61) / 3 = 183.5 / 3 = 61.1666… s, shown 61.2
    // floor 61.1667: 183.5 < 61.1667 × 3 = 183.5001 → out; floor 61.1666: 183.4998 ≤ 183.5 → in
    const out = await table(bp, s, { acd: '61.1667' }, 5);
    expect(out.excluded).toEqual([`BETA quality: measured ACD 61.2 s over 3 answered of 5 attempts ${WINDOW}, below the floor 61.1667 s`]);
    const inn = await table(bp, s, { acd: '61.1666', asr: '60' }, 5); // ASR 3 × 100 = 300 = 60 × 5: not below
    expect(inn.excluded).toEqual([]);
    expect(inn.t.set.suppliers.find((x) => x.name === 'BETA')!.quality!.report).toMatchObject({ attempts: 5, answered: 3, asr: '60.0', acd: '61.2' });
    // an explicit window of the two March days only: 2026-03-01 and 03-09 → 4 attempts, 2 answered
    const two = await table(bp, s, {}, 1, { from: '2026-03-01', to: '2026-03-09' });
    expect(two.t.set.suppliers.find((x) => x.name === 'BETA')!.quality!.report).toMatchObject({ window: '2026-03-01..2026-03-09', attempts: 4, answered: 2 });
  });

  it('counts outbound calls of the payable voice service only', async () => {
    // OMEGA buys termination from us and sells us origination on the same trunk: its 8 inbound
    // calls (all answered) are rated to the receivable service and are not attempts of the supplier;
    // the 8 outbound ones, 3 answered: 37.5 % < 40 % (with the inbound: 11 of 16 = 68.75 %)
    const omega = GAMMA.replace(/LCR-GAMMA/g, 'LCR-OMEGA').replace(/GAMMA/g, 'OMEGA').replace('TG1', 'TO1')
      .replace('    bar G-PREM\n  }', '    bar G-PREM\n  }\n  service origination voice receivable {\n    billing 1/1\n    rate G-FR  0.0010 EUR/min\n  }');
    const op = plansOf(ALPHA, omega);
    const inbound = calls('TO1', '33612345678', '2026-03-05T10:00:00Z', 8, 8).map((r) => ({ ...r, direction: 'in' }));
    const s = await storeWith(op, [[...calls('TO1', '33612345678', '2026-03-05T10:00:00Z', 8, 3), ...inbound]]);
    stores.push(s);
    const m = await table(op, s, { asr: '40' });
    expect(m.excluded).toEqual([`OMEGA quality: measured ASR 37.5% over 8 attempts ${WINDOW}, below the floor 40%`]);
  });

  it('counts each record once, in its latest rating', async () => {
    // run 1: 8 GAMMA calls, none answered; run 2 re-rates three of them with 30 s each:
    // 8 attempts (not 11), 3 answered: ASR 37.5 %, ACD 30.0 s
    const first = Array.from({ length: 8 }, (_, i) => call('TG1', '33612345678', '2026-03-05T10:00:00Z', '0', `g${i}`));
    const again = Array.from({ length: 3 }, (_, i) => call('TG1', '33612345678', '2026-03-05T10:00:00Z', '30', `g${i}`));
    const s = await storeWith(plans, [first, again]);
    stores.push(s);
    const m = await table(plans, s, { asr: '40' });
    expect(m.t.set.excluded.find((x) => x.name === 'GAMMA')!.reason).toBe(`quality: measured ASR 37.5% over 8 attempts ${WINDOW}, below the floor 40%`);
    expect(m.t.set.excluded.find((x) => x.name === 'GAMMA')!.quality).toMatchObject({ attempts: 8, answered: 3, acd: '30.0' });
  });
});
