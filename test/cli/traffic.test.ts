// `icx traffic`: the same seed gives byte-identical files; another seed gives other traffic;
// the records look like the schema says.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from './fixtures.js';
import { icx, tempDir } from './run-cli.js';

let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  writeFileSync(path.join(dir, 'orange.icx'), FIXTURE);
});
afterAll(() => cleanup());

const gen = (seed: string, out: string) => icx(['traffic', 'orange.icx', '--records', '5000', '--month', '2026-03', '--seed', seed, '--out', out], dir);

describe('icx traffic', () => {
  it('is deterministic: same seed, byte-identical Parquet and CSV', () => {
    for (const ext of ['parquet', 'csv']) {
      expect(gen('42', `a.${ext}`).code).toBe(0);
      expect(gen('42', `b.${ext}`).code).toBe(0);
      expect(readFileSync(path.join(dir, `a.${ext}`)).equals(readFileSync(path.join(dir, `b.${ext}`)))).toBe(true);
    }
  });

  it('gives different traffic for a different seed', () => {
    expect(gen('43', 'c.csv').code).toBe(0);
    expect(readFileSync(path.join(dir, 'c.csv'), 'utf8')).not.toBe(readFileSync(path.join(dir, 'a.csv'), 'utf8'));
  });

  it('writes records in the usage schema that look real', () => {
    const [header, ...lines] = readFileSync(path.join(dir, 'a.csv'), 'utf8').trimEnd().split('\n');
    expect(header).toBe('record_id,trunk,direction,kind,a_number,b_number,start_time,duration_s,units');
    expect(lines).toHaveLength(5000);
    const rows = lines.map((l) => l.split(','));
    expect(new Set(rows.map((r) => r[0])).size).toBe(5000);
    for (const r of rows) {
      expect(['TG101', 'TG102']).toContain(r[1]);
      expect(r[5]).toMatch(/^\d{11,15}$/);
      expect(r[6]).toMatch(/^2026-0[23]-\d\dT\d\d:\d\d:\d\dZ$/); // March local, UTC instants
      if (r[3] === 'voice') expect(r[2]).toBe('out');
      else expect([r[3], r[2], r[8]]).toEqual(['sms', 'in', expect.stringMatching(/^[123]$/)]);
    }
    const voice = rows.filter((r) => r[3] === 'voice');
    const sms = rows.length - voice.length;
    expect(sms / rows.length).toBeGreaterThan(0.1); // ~15% sms when the agreement has sms
    expect(sms / rows.length).toBeLessThan(0.2);
    const zero = voice.filter((r) => Number(r[7]) === 0).length / voice.length;
    expect(zero).toBeGreaterThan(0.07); // ~10% unanswered
    expect(zero).toBeLessThan(0.13);
    const answered = voice.map((r) => Number(r[7])).filter((d) => d > 0);
    const mean = answered.reduce((a, b) => a + b, 0) / answered.length;
    expect(mean).toBeGreaterThan(90);
    expect(mean).toBeLessThan(240);
    // ~1% wrong numbers: French numbers outside every zone of the fixture
    const outside = voice.filter((r) => !/^33(89|[1-79])/.test(r[5]!)).length / voice.length;
    expect(outside).toBeGreaterThan(0.003);
    expect(outside).toBeLessThan(0.03);
  });
});
