// The TextMate grammar of the VS Code extension must not drift from the lexer: every keyword of
// language/tokens.ts KEYWORDS is highlighted as a keyword, and the grammar's keyword list names
// nothing else. Then the grammar's own tests (vscode-extension/test/grammar/*.icx) run through
// vscode-tmgrammar-test, with one more generated file asserting each keyword's real tokenization.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYWORDS } from '../../language/tokens.js';

const EXT = path.resolve(import.meta.dirname, '..', '..', 'vscode-extension');
const GRAMMAR = path.join(EXT, 'syntaxes', 'icx.tmLanguage.json');
const TMGRAMMAR_TEST = path.join(EXT, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');

interface Rule { name?: string; match?: string }
const grammar = JSON.parse(readFileSync(GRAMMAR, 'utf8')) as { scopeName: string; repository: Record<string, Rule> };
const keywordRule = grammar.repository['keywords']!;
// Oniguruma's lookbehinds, lookaheads and escapes used here mean the same in JavaScript.
const keywordRegex = new RegExp(keywordRule.match!, 'g');

/** The words of the rule's alternation `(?:a|b|half\-up…)`. */
function alternatives(source: string): string[] {
  const m = /\(\?:([^()]*)\)/.exec(source);
  if (m === null) throw new Error(`no alternation in the keyword rule: ${source}`);
  return m[1]!.split('|').map((w) => w.replace(/\\(.)/g, '$1'));
}

describe('the TextMate grammar and the lexer agree on keywords', () => {
  it('scopes the keyword rule as a keyword', () => {
    expect(grammar.scopeName).toBe('source.icx');
    expect(keywordRule.name).toBe('keyword.other.icx');
  });

  it.each([...KEYWORDS])('highlights `%s` as a keyword, whole, in a line', (word) => {
    const line = `  ${word} X`;
    const found = [...line.matchAll(keywordRegex)].map((m) => [m.index, m[0]]);
    expect(found).toEqual([[2, word]]);
  });

  it('names no word that is not a keyword of the lexer', () => {
    const words = alternatives(keywordRule.match!);
    expect(new Set(words).size).toBe(words.length);
    expect([...words].sort()).toEqual([...KEYWORDS].sort());
  });

  it('leaves keywords inside identifiers alone (`voice-termination`, `FR-rate`, `datas`)', () => {
    for (const text of ['voice-termination', 'FR-rate', 'datas', 'x_data', 'rate2', 'half-upper']) {
      expect([...text.matchAll(keywordRegex)].map((m) => m[0]), text).toEqual([]);
    }
  });
});

describe('vscode-tmgrammar-test', () => {
  const installed = existsSync(TMGRAMMAR_TEST);
  if (!installed) {
    console.warn(`skipped: vscode-tmgrammar-test is not installed (${TMGRAMMAR_TEST}); run \`npm ci --prefix vscode-extension\``);
  }

  function run(files: string[]): { status: number | null; out: string } {
    const r = spawnSync(process.execPath, [TMGRAMMAR_TEST, '-g', GRAMMAR, ...files], { cwd: EXT, encoding: 'utf8' });
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  }

  it.skipIf(!installed)('passes the grammar tests of vscode-extension/test/grammar', () => {
    const r = run(['test/grammar/*.icx']);
    expect(r.out).not.toMatch(/failed/);
    expect(r.status, r.out).toBe(0);
  });

  it.skipIf(!installed)('tokenizes every keyword, alone on its line, as a keyword', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'icx-tm-'));
    try {
      const lines = ['// SYNTAX TEST "source.icx" "every keyword of the lexer"'];
      for (const word of KEYWORDS) lines.push(`    ${word}`, `//  ${'^'.repeat(word.length)} keyword.other.icx`);
      const file = path.join(dir, 'keywords.icx');
      writeFileSync(file, lines.join('\n') + '\n');
      const r = run([file]);
      expect(r.status, r.out).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!installed)('fails on a wrong assertion (the runner is really checking)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'icx-tm-'));
    try {
      const file = path.join(dir, 'wrong.icx');
      writeFileSync(file, '// SYNTAX TEST "source.icx" "a wrong scope"\n  version 3\n//^^^^^^^ constant.numeric.icx\n');
      expect(run([file]).status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
