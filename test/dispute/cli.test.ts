// `icx dispute` as users run it: exit codes (0 done, 1 refused, 2 bad input), the store never
// created by a typo, the deadlines from --agreements, the document files in --out.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileSources, loadSources } from '../../runtime/cli/agreements.js';
import { openStore } from '../../runtime/index.js';
import { icx, ROOT, STACK_LINE } from '../cli/run-cli.js';
import { fixtureCopy } from './support.js';

const ID = 'D-ORANGE-2026-03-001';
let fx: ReturnType<typeof fixtureCopy>;
let db: string;

beforeAll(async () => {
  fx = fixtureCopy('orange-2026-03');
  db = path.join(fx.dir, '..', 'icx.duckdb');
  const store = await openStore(db);
  await store.close();
});
afterAll(() => fx.cleanup());

const run = (...args: string[]) => icx(['dispute', ...args, '--db', db], path.dirname(fx.dir));

describe('icx dispute', () => {
  it('refuses a missing --db and never creates it (exit 2)', () => {
    const r = icx(['dispute', 'list', '--db', 'nope.duckdb'], path.dirname(fx.dir));
    expect([r.code, r.stderr]).toEqual([2, 'icx: --db nope.duckdb: no such file or directory\n']);
    const o = icx(['dispute', 'open', fx.findings, '--db', 'nope.duckdb'], path.dirname(fx.dir));
    expect(o.code).toBe(2);
    expect(existsSync(path.join(path.dirname(fx.dir), 'nope.duckdb'))).toBe(false);
  });

  it('refuses late without a reason (exit 2), and too late (exit 1) naming the deadline', () => {
    expect(run('open', fx.findings, '--raised', '2026-05-04', '--late')).toMatchObject({ code: 2, stderr: expect.stringContaining('--late needs --reason') });
    const r = run('open', fx.findings, '--raised', '2026-05-04');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('so by 2026-05-03; raised 2026-05-04. To record it anyway: --late --reason "why"');
  });

  it('opens a dispute on time, prints the claim and deadlines, writes the document', () => {
    const r = run('open', fx.findings, '--raised', '2026-04-10', '--out', 'out');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`dispute ${ID} opened: ORANGE invoice FR-ORA-2026-0412 of 2026-04-03 (2026-03)`);
    expect(r.stdout).toContain('claimed     1,268.30 EUR on 4 lines (undercharges, not offset: 90.00 EUR on 1 line)');
    expect(r.stdout).toContain('raised      2026-04-10; deadline to raise 2026-05-03 (on time)');
    expect(r.stdout).toContain('answer due  2026-04-25');
    expect(existsSync(path.join(path.dirname(fx.dir), 'out', `${ID}.pdf`))).toBe(true);
    expect(run('open', fx.findings, '--raised', '2026-04-11')).toMatchObject({ code: 1, stderr: expect.stringContaining(`already disputed: ${ID}`) });
  });

  it('lists it with an overdue flag once the answer is past due', () => {
    const r = run('list', '--as-of', '2026-04-26');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`${ID}\\s+ORANGE\\s+2026-03\\s+FR-ORA-2026-0412\\s+1,268.30\\s+EUR\\s+open\\s+2026-04-10\\s+2026-04-25\\s+OVERDUE 1 day`));
    const j = JSON.parse(run('list', '--json', '--as-of', '2026-04-25', '--partner', 'ORANGE').stdout);
    expect(j.map((d: { id: string; overdue: boolean }) => [d.id, d.overdue])).toEqual([[ID, false]]);
    expect(run('list', '--status', 'closed').code).toBe(2);
  });

  it('acknowledges and resolves it; refuses what does not fit', () => {
    expect(run('acknowledge', ID, '--note', 'ticket ORA-5521')).toMatchObject({ code: 0, stdout: `dispute ${ID}: acknowledged\n` });
    expect(run('acknowledge', ID)).toMatchObject({ code: 1, stderr: `icx: dispute ${ID} is acknowledged: it cannot be acknowledged (only a dispute that is open can)\n` });
    expect(run('resolve', ID).code).toBe(2);
    expect(run('resolve', ID, '--credit', '5000')).toMatchObject({ code: 2, stderr: expect.stringContaining('is more than dispute') });
    expect(run('resolve', ID, '--credit', '1200.00')).toMatchObject({ code: 0, stdout: `dispute ${ID}: resolved with a credit of 1200.00 EUR (claimed 1268.30 EUR)\n` });
    expect(run('resolve', ID, '--reject', '--note', 'x')).toMatchObject({ code: 1, stderr: expect.stringContaining('a resolved or rejected dispute is final') });
    expect(run('show', 'D-NOPE')).toMatchObject({ code: 1, stderr: 'icx: no dispute D-NOPE in the store\n' });
  });

  it('shows it with lines, evidence and history; --out writes the document again', () => {
    const r = run('show', ID, '--out', 'again');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`dispute ${ID}: resolved, credit 1,200.00`);
    expect(r.stdout).toMatch(/acknowledge\s+open → acknowledged .*: ticket ORA-5521/);
    expect(r.stdout).toContain(`${ID}-evidence-rate-FR-FIXED.csv  1 row  sha256 `);
    expect(existsSync(path.join(path.dirname(fx.dir), 'again', `${ID}-lines.csv`))).toBe(true);
    const j = JSON.parse(run('show', ID, '--json').stdout);
    expect(j.dispute.status).toBe('resolved-credit');
    expect(j.events.map((e: { action: string }) => e.action)).toEqual(['open', 'acknowledge', 'resolve']);
  });

  it('refuses a bad findings file with the field named (exit 2), never a stack trace', () => {
    const bad = path.join(fx.dir, 'bad.json');
    const f = JSON.parse(readFileSync(fx.findings, 'utf8'));
    f.lines[0].difference = 12.3;
    writeFileSync(bad, JSON.stringify(f));
    const r = run('open', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.json: lines\[0\]\.difference: expected an exact decimal string/);
    expect(r.stderr).not.toContain(STACK_LINE);
  });

  it('takes the deadlines and parties from --agreements, checking the plan hash', async () => {
    const plans = compileSources(await loadSources([path.join(ROOT, 'agreements')])).compiled.plans;
    const orange = plans.find((p) => p.plan.id === 'ACME-ORANGE-FR-2026')!;
    const f = JSON.parse(readFileSync(fx.findings, 'utf8'));
    delete f.disputeDeadlines;
    Object.assign(f.agreement, { version: orange.plan.version });
    f.source.sha256 = 'f'.repeat(64);
    const file = path.join(fx.dir, 'no-deadlines.json');
    writeFileSync(file, JSON.stringify(f));
    expect(run('open', file, '--raised', '2026-04-10')).toMatchObject({ code: 2, stderr: expect.stringContaining('give the agreements: --agreements') });
    const stale = run('open', file, '--raised', '2026-04-10', '--agreements', path.join(ROOT, 'agreements'));
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('reconcile again with these agreements');
    f.agreement.planHash = orange.hash;
    writeFileSync(file, JSON.stringify(f));
    const r = run('open', file, '--raised', '2026-04-10', '--agreements', path.join(ROOT, 'agreements'), '--out', 'with-parties');
    expect(r.stderr).toBe('');
    // acme-orange-fr.icx: `dispute within 30 days`, no answer deadline
    expect(r.stdout).toContain('D-ORANGE-2026-03-002 opened');
    expect(r.stdout).toContain('deadline to raise 2026-05-03 (on time)');
    expect(r.stdout).toContain('answer due  the agreement states no deadline to answer');
  });
});
