// End to end: `icx check`, `icx fmt`, `icx compile` on small agreements in a temp dir.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, FIXTURE_ID, SYNTAX_ERROR, UGLY, UNKNOWN_ZONE } from './fixtures.js';
import { icx, STACK_LINE, tempDir } from './run-cli.js';

let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  mkdirSync(path.join(dir, 'good'));
  mkdirSync(path.join(dir, 'bad'));
  writeFileSync(path.join(dir, 'good', 'orange.icx'), FIXTURE);
  writeFileSync(path.join(dir, 'bad', 'unknown-zone.icx'), UNKNOWN_ZONE);
  writeFileSync(path.join(dir, 'syntax.icx'), SYNTAX_ERROR);
});
afterAll(() => cleanup());

describe('icx check', () => {
  it('passes a valid agreement directory with exit 0', () => {
    const r = icx(['check', 'good'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ok: 1 file, 1 agreement/);
  });

  it('prints file:line:col, the source line and a caret for a semantic error, exit 1', () => {
    const r = icx(['check', 'bad'], dir);
    expect(r.code).toBe(1);
    const line = UNKNOWN_ZONE.split('\n').findIndex((l) => l.includes('FR-FIXD')) + 1;
    const col = UNKNOWN_ZONE.split('\n')[line - 1]!.indexOf('FR-FIXD') + 1;
    expect(r.stdout).toContain(`bad/unknown-zone.icx:${line}:${col}: error ICX2002: `);
    expect(r.stdout).toContain('rate FR-FIXD');
    expect(r.stdout).toMatch(/\|\s+\^{7}/); // caret under the 7 characters of FR-FIXD
    expect(r.stdout).toMatch(/1 error/);
  });

  it('reports syntax errors with their position, exit 1', () => {
    const r = icx(['check', 'syntax.icx'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^syntax\.icx:\d+:\d+: error ICX1\d{3}: /m);
    expect(r.stderr).not.toContain(STACK_LINE);
  });

  it('prints diagnostics as data with --json', () => {
    const r = icx(['check', 'bad', '--json'], dir);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { ok: boolean; errors: number; diagnostics: { code: string; range: { start: { line: number } } }[] };
    expect(doc.ok).toBe(false);
    expect(doc.errors).toBeGreaterThan(0);
    expect(doc.diagnostics.some((d) => d.code === 'ICX2002')).toBe(true);
  });

  it('refuses a symbolic link that escapes the directory, exit 2', () => {
    const root = path.join(dir, 'linked');
    mkdirSync(root);
    writeFileSync(path.join(root, 'ok.icx'), FIXTURE);
    symlinkSync(path.join(dir, 'bad', 'unknown-zone.icx'), path.join(root, 'escape.icx'));
    const r = icx(['check', 'linked'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^icx: .*escape\.icx.*outside/m);
    expect(r.stderr).not.toContain(STACK_LINE);
  });

  it('names a missing path, exit 2', () => {
    const r = icx(['check', 'nope.icx'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('icx: nope.icx: no such file or directory');
  });
});

describe('icx fmt', () => {
  it('--check passes a canonically laid out directory with exit 0', () => {
    const r = icx(['fmt', '--check', 'good'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0 files would be reformatted, 1 unchanged/);
  });

  it('--check lists a badly laid out file and exits 1 without writing', () => {
    writeFileSync(path.join(dir, 'ugly.icx'), UGLY);
    const r = icx(['fmt', '--check', 'ugly.icx'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('ugly.icx');
    expect(readFileSync(path.join(dir, 'ugly.icx'), 'utf8')).toBe(UGLY);
  });

  it('rewrites in place, after which --check passes and check still compiles it', () => {
    const w = icx(['fmt', 'ugly.icx'], dir);
    expect(w.code).toBe(0);
    expect(readFileSync(path.join(dir, 'ugly.icx'), 'utf8')).not.toBe(UGLY);
    expect(icx(['fmt', '--check', 'ugly.icx'], dir).code).toBe(0);
    expect(icx(['check', 'ugly.icx'], dir).code).toBe(0);
  });

  it('reports a file with syntax errors and leaves it untouched, exit 1', () => {
    const r = icx(['fmt', 'syntax.icx'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/syntax\.icx:\d+:\d+: error/);
    expect(readFileSync(path.join(dir, 'syntax.icx'), 'utf8')).toBe(SYNTAX_ERROR);
  });
});

describe('icx compile', () => {
  it('--json prints the plan with its sha-256 hash', () => {
    const r = icx(['compile', 'good/orange.icx', '--json'], dir);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { plans: { hash: string; plan: { id: string; services: unknown[] } }[] };
    expect(doc.plans).toHaveLength(1);
    expect(doc.plans[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.plans[0]!.plan.id).toBe(FIXTURE_ID);
    expect(doc.plans[0]!.plan.services).toHaveLength(2);
  });

  it('gives the same hash on every run', () => {
    const a = JSON.parse(icx(['compile', 'good/orange.icx', '--json'], dir).stdout) as { plans: { hash: string }[] };
    const b = JSON.parse(icx(['compile', 'good/orange.icx'], dir).stdout) as { hash: string }[];
    expect(b[0]!.hash).toBe(a.plans[0]!.hash);
  });

  it('aborts with the diagnostics when the agreement has errors, exit 1', () => {
    const r = icx(['compile', 'bad/unknown-zone.icx'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error ICX2002');
    expect(r.stdout).toBe('');
  });
});
