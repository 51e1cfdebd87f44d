// `icx reconcile traffic` as a user runs it, on the example agreements (ORANGE: trunks TG101 TG102,
// traffic voice sms) and hand-written inbound usage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { icx, ROOT, STACK_LINE, tempDir } from '../cli/run-cli.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);
const AG = join(ROOT, 'agreements');

beforeAll(() => {
  writeFileSync(join(dir, 'inbound.csv'), [
    'record_id,trunk,direction,kind,a_number,b_number,start_time,duration_s,units,agreement',
    // inside the agreement: 31 s at 30/6 → 36 s (not reported)
    'I-1,TG101,in,voice,33612345678,447700900123,2026-03-02T09:00:00Z,31,,',
    // pre-assigned to ACME-ORANGE-FR-2026 on TG555, which it does not list: rated, reported
    'I-2,TG555,in,voice,33612345678,447700900123,2026-03-02T09:00:00Z,31,,ACME-ORANGE-FR-2026',
    // on TG999, no agreement's trunk: suspense no-agreement, reported
    'I-3,TG999,in,voice,33612345678,447700900123,2026-03-02T09:00:00Z,31,,',
  ].join('\n') + '\n');
  const r = icx(['rate', AG, '--usage', 'inbound.csv', '--db', 'icx.duckdb', '--out', 'rated'], dir);
  expect(r.code, r.stderr).toBe(0);
}, 120_000);

describe('icx reconcile traffic', () => {
  it('lists the inbound traffic outside the agreement; --exit-code exits 3 when there is some', () => {
    const args = ['reconcile', 'traffic', AG, '--partner', 'ORANGE', '--period', '2026-03', '--db', 'icx.duckdb'];
    const r = icx(args, dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      'inbound traffic outside the agreement: ORANGE, 2026-03 (ACME-IE-ORANGE-FR-2026, ACME-ORANGE-FR-2026)',
      // 36 s × 0.0090 / 60 = 0.0054 rated
      '- unlisted-trunk (rated): 1 record, 0.0054 rated; rated under ACME-ORANGE-FR-2026 (pre-assigned) though trunk TG555 is not one of its trunks (TG101, TG102); e.g. I-2',
      "- unknown-trunk (suspense): 1 record; suspense no-agreement: no agreement lists trunk TG999 (the records do not say which partner sent them; any partner's); e.g. I-3",
      '',
    ]);
    const coded = icx([...args, '--exit-code', '--json'], dir);
    expect(coded.code).toBe(3);
    expect(JSON.parse(coded.stdout).groups.map((g: { issue: string }) => g.issue)).toEqual(['unlisted-trunk', 'unknown-trunk']);
    const nobody = icx(['reconcile', 'traffic', AG, '--partner', 'NOBODY', '--period', '2026-03', '--db', 'icx.duckdb'], dir);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(/^icx: no agreement with partner NOBODY \(partners: /);
    expect(nobody.stderr).not.toContain(STACK_LINE);
  });

  it('a bill run that bills such records says so on stderr', () => {
    const r = icx(['bill', AG, '--period', '2026-03', '--partner', 'ORANGE', '--db', 'icx.duckdb', '--out', 'bill'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('icx: warning: ORANGE: 1 inbound record rated under ACME-ORANGE-FR-2026 (pre-assigned) though trunk TG555 ' +
      'is not one of its trunks (TG101, TG102) (icx reconcile traffic --partner ORANGE --period 2026-03)\n');
  });
});
