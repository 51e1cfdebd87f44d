// Bad command lines: a clear message naming the option or file, exit 2, never a stack trace.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from './fixtures.js';
import { icx, STACK_LINE, tempDir } from './run-cli.js';

let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  writeFileSync(path.join(dir, 'a.icx'), FIXTURE);
});
afterAll(() => cleanup());

const cases: { name: string; args: string[]; mentions: string }[] = [
  { name: 'an unknown option', args: ['check', 'a.icx', '--frobnicate'], mentions: '--frobnicate' },
  { name: 'an unknown command', args: ['chek', 'a.icx'], mentions: 'chek' },
  { name: 'a non-numeric --records', args: ['traffic', 'a.icx', '--records', 'lots', '--month', '2026-03', '--out', 't.csv'], mentions: '--records' },
  { name: 'a bad --month', args: ['traffic', 'a.icx', '--records', '10', '--month', '2026-13', '--out', 't.csv'], mentions: '--month' },
  { name: 'a missing --out', args: ['traffic', 'a.icx', '--records', '10', '--month', '2026-03'], mentions: '--out' },
  { name: 'an --out with an unknown extension', args: ['traffic', 'a.icx', '--records', '10', '--month', '2026-03', '--out', 't.xlsx'], mentions: 't.xlsx' },
  { name: 'a missing agreement file', args: ['traffic', 'missing.icx', '--records', '10', '--month', '2026-03', '--out', 't.csv'], mentions: 'missing.icx' },
  { name: 'a missing usage file', args: ['rate', 'a.icx', '--usage', 'nothere.csv', '--out', 'out'], mentions: 'nothere.csv' },
  { name: 'a rate without --usage', args: ['rate', 'a.icx', '--out', 'out'], mentions: '--usage' },
  { name: 'a bad --map', args: ['rate', 'a.icx', '--usage', 'a.icx', '--out', 'out', '--map', 'garbage'], mentions: '--map' },
  { name: 'a bad --assume-timezone', args: ['rate', 'a.icx', '--usage', 'a.icx', '--out', 'out', '--assume-timezone', 'Mars/Base'], mentions: '--assume-timezone' },
  { name: 'a bad --format', args: ['check', 'a.icx', '--format', 'xml'], mentions: '--format' },
  { name: 'a traffic --out under a file', args: ['traffic', 'a.icx', '--records', '10', '--month', '2026-03', '--out', 'a.icx/t.csv'], mentions: '--out a.icx/t.csv' },
  { name: 'a rate --out under a file', args: ['rate', 'a.icx', '--usage', 'a.icx', '--out', 'a.icx/out'], mentions: '--out a.icx/out' },
  { name: 'a missing check path', args: ['check', 'nowhere'], mentions: 'nowhere' },
];

describe('bad command lines', () => {
  for (const c of cases) {
    it(`${c.name}: exit 2, names it, no stack trace`, () => {
      const r = icx(c.args, dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^icx: /);
      expect(r.stderr).toContain(c.mentions);
      expect(r.stderr).not.toContain(STACK_LINE);
      expect(r.stdout).not.toContain(STACK_LINE);
    });
  }

  it('--help works for every command with exit 0', () => {
    for (const cmd of ['check', 'fmt', 'compile', 'rate', 'traffic', 'test']) {
      const r = icx([cmd, '--help'], dir);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: icx ${cmd}`);
    }
  });
});
