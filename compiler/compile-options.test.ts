// The options the language server compiles with: its own (incremental) parser, and checks only.
// Both must leave the diagnostics exactly as `icx check` gives them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../language/index.js';
import { compile, type CompileHost } from './index.js';

const root = path.join(import.meta.dirname, '..', 'agreements');
const files = readdirSync(root)
  .filter((f) => f.endsWith('.icx'))
  .sort()
  .map((f) => ({ uri: f, text: readFileSync(path.join(root, f), 'utf8') }));
const host: CompileHost = {
  readFile: (uri) => {
    try {
      return readFileSync(path.join(root, ...uri.split('/')), 'utf8');
    } catch {
      return undefined;
    }
  },
};

describe('compile options', () => {
  const full = compile(files, host);

  it('diagnosticsOnly: the same diagnostics, no plans', () => {
    const quick = compile(files, host, { diagnosticsOnly: true });
    expect(full.compiled.plans.length).toBeGreaterThan(10); // the examples compile to plans
    expect(quick.compiled.plans).toEqual([]);
    expect(quick.diagnostics).toEqual(full.diagnostics);
  });

  it('diagnosticsOnly still reports what is wrong', () => {
    const broken = files.map((f) => (f.uri === 'acme-orange-fr.icx' ? { ...f, text: f.text.replace('currency EUR', 'currency EURO') } : f));
    const a = compile(broken, host).diagnostics.map((d) => `${d.uri}:${d.range.start.line} ${d.code}`);
    const b = compile(broken, host, { diagnosticsOnly: true }).diagnostics.map((d) => `${d.uri}:${d.range.start.line} ${d.code}`);
    expect(b.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });

  it('parse: uses the given parser, and never changes the trees it is given (the language server keeps them)', () => {
    const trees = new Map(files.map((f) => [f.uri, parse(f.text, f.uri)]));
    const copies = structuredClone(trees);
    const asked: string[] = [];
    const r = compile(files, host, {
      parse: (_text, uri) => {
        asked.push(uri);
        return trees.get(uri)!;
      },
    });
    expect(asked).toEqual(files.map((f) => f.uri));
    expect(r.diagnostics).toEqual(full.diagnostics);
    expect(trees).toEqual(copies);
  });
});
