// `icx test`: ✓ / ✗ lines with file:line and the exit code.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from './fixtures.js';
import { icx, STACK_LINE, tempDir } from './run-cli.js';

let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  writeFileSync(path.join(dir, 'pass.icx'), FIXTURE);
  // Same agreement with a wrong expectation: 61 s is two minutes (0.0246), not one.
  writeFileSync(path.join(dir, 'fail.icx'), FIXTURE.replace('expect 0.0246 EUR', 'expect 0.0123 EUR'));
});
afterAll(() => cleanup());

describe('icx test', () => {
  it('passes with ✓ lines and exit 0', () => {
    const r = icx(['test', 'pass.icx'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ a 61 second peak call to a French mobile is billed as two minutes');
    expect(r.stdout).toContain('✓ premium numbers are barred');
    expect(r.stdout).toMatch(/2 tests passed, 0 failed/);
  });

  it('fails with ✗ title  expected X got Y, the file:line, exit 1', () => {
    const r = icx(['test', 'fail.icx'], dir);
    expect(r.code).toBe(1);
    const line = FIXTURE.split('\n').findIndex((l) => l.includes('test "a 61 second')) + 1;
    expect(r.stdout).toMatch(/✗ a 61 second peak call to a French mobile is billed as two minutes {2}expected 0\.0123 EUR .*got 0\.0246 EUR/);
    expect(r.stdout).toContain(`fail.icx:${line}`);
    expect(r.stdout).toMatch(/1 test passed, 1 failed/);
    expect(r.stderr).not.toContain(STACK_LINE);
  });

  it('--json gives the results as data', () => {
    const r = icx(['test', 'pass.icx', '--json'], dir);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { passed: number; failed: number };
    expect(doc).toMatchObject({ passed: 2, failed: 0 });
  });
});
