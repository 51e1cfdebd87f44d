// `icx deck diff`: every prefix classified, as a table, JSON and Markdown; a bad deck is a
// message at file:line:column and exit 1, never a stack trace.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icx, STACK_LINE, tempDir } from './run-cli.js';

let dir: string;
let cleanup: () => void;

const OLD = `prefix,destination,rate,effective_date,change
336,France Mobile,0.0380,2026-01-01,
33,France Fixed,0.0095,2026-01-01,
34,Spain Fixed,0.0090,2026-01-01,
49,Germany Fixed,0.0085,2026-01-01,
4470,UK Personal,0.2500,2026-01-01,
4470,UK Personal,,2026-03-10,closed
2348,Nigeria Mobile,0.1100,2026-01-01,
`;
// 336 up, 33 same, 34 gone, 49 down, 4470 still closed, 2348 closed now, 3538 new
const NEW = `prefix,destination,rate,effective_date,change
336,France Mobile,0.0400,2026-04-08,increase
33,France Fixed,0.00950,2026-01-01,
49,Germany Fixed,0.0080,2026-04-01,decrease
2348,Nigeria Mobile,,2026-04-08,closed
"3538","Ireland | Mobile",0.0360,2026-04-08,new
`;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  writeFileSync(path.join(dir, 'old.csv'), OLD);
  writeFileSync(path.join(dir, 'new.csv'), NEW);
  writeFileSync(path.join(dir, 'bad.csv'), 'prefix,destination,rate,effective_date\n33,France,0.01,2026-01-01\n34,Spain,0.01,2026-02-30\n');
  mkdirSync(path.join(dir, 'agreements', 'decks'), { recursive: true });
  writeFileSync(path.join(dir, 'agreements', 'decks', 'x.csv'), 'prefix,destination,rate,effective_date,change\n447,UK Mobile,0.0290,2026-01-01,\n447,UK Mobile,0.0320,2026-03-05,increase\n');
  writeFileSync(
    path.join(dir, 'agreements', 'x.icx'),
    `agreement X "x" {
  parties {
    us ACME "ACME"
    partner CX "CX" type wholesale
  }
  currency USD
  valid 2026-01-01 ..
  timezone UTC
  service termination voice payable {
    billing 1/1
    rates from deck "decks/x.csv" issued 2026-03-01
    notice increases 7 days
  }
}
`,
  );
});
afterAll(() => cleanup());

describe('icx deck diff', () => {
  it('prints a table with old and new rates and the counts per class', () => {
    const r = icx(['deck', 'diff', 'old.csv', 'new.csv'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^336\s+France Mobile\s+0\.0380\s+0\.0400\s+increase\s+2026-04-08$/m);
    expect(r.stdout).toMatch(/^33\s+France Fixed\s+0\.0095\s+0\.00950\s+unchanged\s+2026-01-01$/m); // equal as decimals
    expect(r.stdout).toMatch(/^34\s+Spain Fixed\s+0\.0090\s+-\s+closed\s+-$/m);
    expect(r.stdout).toMatch(/^2348\s+Nigeria Mobile\s+0\.1100\s+-\s+closed\s+2026-04-08$/m);
    expect(r.stdout).toMatch(/^4470\s+UK Personal\s+-\s+-\s+unchanged\s+-$/m);
    expect(r.stdout).toContain('1 new, 1 increase, 1 decrease, 2 unchanged, 2 closed');
  });

  it('--json gives every prefix as data', () => {
    const r = icx(['deck', 'diff', 'old.csv', 'new.csv', '--json'], dir);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.counts).toEqual({ new: 1, increase: 1, decrease: 1, unchanged: 2, closed: 2 });
    expect(j.prefixes).toHaveLength(7);
    expect(j.prefixes.find((p: { prefix: string }) => p.prefix === '3538')).toEqual({
      prefix: '3538', destination: 'Ireland | Mobile', oldRate: null, newRate: '0.0360', change: 'new', effectiveDate: '2026-04-08',
    });
  });

  it('--markdown lists the changed prefixes for a pull-request comment', () => {
    const r = icx(['deck', 'diff', 'old.csv', 'new.csv', '--markdown'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 new, 1 increase, 1 decrease, 2 unchanged, 2 closed');
    expect(r.stdout).toContain('| 336 | France Mobile | 0.0380 | 0.0400 | increase | 2026-04-08 |');
    expect(r.stdout).toContain('| 3538 | Ireland \\| Mobile | – | 0.0360 | new | 2026-04-08 |');
    expect(r.stdout).not.toContain('| 33 |'); // unchanged rows are counted, not listed
  });

  it('a bad deck: file:line:column and the field, exit 1', () => {
    const r = icx(['deck', 'diff', 'bad.csv', 'new.csv'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.csv:3:15: error ICX4101: Effective date "2026-02-30" is not a calendar date');
    expect(r.stderr).not.toContain(STACK_LINE);
    expect(r.stdout).toBe('');
  });

  it('a missing file or two output formats: a usage error, exit 2', () => {
    expect(icx(['deck', 'diff', 'none.csv', 'new.csv'], dir)).toMatchObject({ code: 2, stderr: 'icx: none.csv: no such file\n' });
    expect(icx(['deck', 'diff', 'old.csv', 'new.csv', '--json', '--markdown'], dir).code).toBe(2);
  });
});

describe('icx check with a rate deck', () => {
  it('shows a notice violation at the deck line and field, with the source line, exit 1', () => {
    const r = icx(['check', 'agreements/'], dir);
    expect(r.code).toBe(1);
    const out = r.stdout + r.stderr;
    expect(out).toContain('agreements/decks/x.csv:3:22: error ICX4103: The increase of 447 (UK Mobile) to 0.0320 takes effect 2026-03-05');
    expect(out).toContain(' 3 | 447,UK Mobile,0.0320,2026-03-05,increase\n   |                      ^^^^^^^^^^');
    expect(out).not.toContain(STACK_LINE);
  });
});
