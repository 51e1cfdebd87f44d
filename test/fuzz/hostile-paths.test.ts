// Paths written in agreements never lead to a file outside the agreements root. Every construct that
// names a file (a rate deck, an FX table, a settlement currency's table, a traffic test's usage file)
// is refused with its own diagnostic, at the path, before the host is asked for anything; and a
// symbolic link inside the root that leads out of it reads as missing, for the CLI's host and for the
// language server's. (compiler/host.test.ts covers resolveReference itself; compiler/deck/check.test.ts
// and compiler/check/fx.test.ts one `../` case each.)
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, type CompileHost } from '../../compiler/index.js';
import { agreement } from '../../compiler/test-support/expect-diagnostics.js';
import { marked } from '../../language/test-support/marked.js';
import { Workspace } from '../../lsp/workspace.js';
import { icx, STACK_LINE } from '../cli/run-cli.js';
import { quote } from './hostile.js';

/** A host that serves nothing and records every uri it is asked for. */
function recordingHost(): CompileHost & { asked: string[] } {
  const asked: string[] = [];
  return { asked, readFile: (uri) => (asked.push(uri), undefined) };
}

const CONSTRUCTS: { name: string; code: string; file: (p: string) => string }[] = [
  { name: 'a rate deck', code: 'ICX3106', file: (p) => agreement(`  service term voice payable {\n    rates from deck ⟦${quote(p)}⟧\n  }`) },
  { name: 'an FX table', code: 'ICX2602', file: (p) => agreement(`  fx USD -> EUR from table ⟦${quote(p)}⟧ at usage date`) },
  { name: "the settlement currency's table", code: 'ICX2602', file: (p) => agreement(`  settlement {\n    currency USD from table ⟦${quote(p)}⟧\n  }`) },
  { name: "a traffic test's usage file", code: 'ICX2803', file: (p) => `${agreement('')}\ntest "t" for T-1 {\n  traffic ⟦${quote(p)}⟧\n  expect count 1\n}\n` },
];

const OUTSIDE = ['../../etc/passwd', '/etc/passwd', 'decks/../../../etc/passwd', './../../x.csv', '..\\..\\etc\\passwd', 'decks/\u0000.csv', 'decks/\u001b[2Jx.csv', ''];

describe('a path that leaves the agreements root is refused, with a diagnostic at the path', () => {
  for (const c of CONSTRUCTS) {
    it.each(OUTSIDE.map((p) => [JSON.stringify(p), p]))(`${c.name}: %s`, (_shown, p) => {
      const { text, ranges } = marked(c.file(p));
      const host = recordingHost();
      const ds = compile([{ uri: 'carriers/a.icx', text }], host).diagnostics;
      const at = ds.filter((d) => d.range.start.offset === ranges[0]!.start.offset && d.range.end.offset === ranges[0]!.end.offset);
      expect(at.map((d) => d.code)).toEqual([c.code]);
      expect(at[0]!.severity).toBe('error');
      // the message says why, and carries no raw control character into a terminal
      expect(at[0]!.message).toMatch(/outside the agreements root|absolute|write paths with '\/'|empty|control character/);
      expect(at[0]!.message).not.toMatch(/[\u0000-\u001f]/);
      expect(host.asked).toEqual([]);
    });
  }
});

describe('a symbolic link that leads out of the agreements root reads as missing', () => {
  let dir: string;
  let root: string;
  const DECK = 'prefix,destination,rate,effective_date\n336,France Mobile,0.0600,2026-01-01\n';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'icx-fuzz-links-'));
    root = path.join(dir, 'agreements');
    mkdirSync(path.join(dir, 'outside'));
    mkdirSync(path.join(root, 'decks'), { recursive: true });
    // a valid deck outside the root: if it were read, the agreement would compile
    writeFileSync(path.join(dir, 'outside', 'deck.csv'), DECK);
    symlinkSync(path.join(dir, 'outside', 'deck.csv'), path.join(root, 'decks', 'linked.csv'));
    symlinkSync(path.join(dir, 'outside'), path.join(root, 'linked-dir'));
    symlinkSync('/etc/passwd', path.join(root, 'decks', 'passwd.csv'));
    writeFileSync(path.join(root, 'decks', 'inside.csv'), DECK);
    symlinkSync(path.join(root, 'decks', 'inside.csv'), path.join(root, 'decks', 'inside-link.csv'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const withDeck = (p: string) => agreement(`  zones {\n    FR  33\n  }\n\n  service term voice payable {\n    rates from deck ${quote(p)}\n  }`).replace('agreement T-1', 'agreement LINKS-1');

  it('icx check: a linked file, a linked folder and a link to /etc/passwd are each ICX3106 at their line, exit 1', () => {
    for (const [name, p] of [['file', 'decks/linked.csv'], ['dir', 'linked-dir/deck.csv'], ['passwd', 'decks/passwd.csv']] as const) {
      writeFileSync(path.join(root, 'a.icx'), withDeck(p));
      const r = icx(['check', 'agreements/a.icx'], dir);
      expect(r.code, name).toBe(1);
      expect(r.stdout, name).toMatch(new RegExp(`a\\.icx:\\d+:\\d+: error ICX3106: .*${p.replace('.', '\\.')}`));
      expect(r.stdout + r.stderr, name).not.toContain('root:x:0:0');
      expect(r.stderr, name).not.toContain(STACK_LINE);
    }
  });

  it('icx check: a link that stays inside the root is followed', () => {
    writeFileSync(path.join(root, 'a.icx'), withDeck('decks/inside-link.csv'));
    const r = icx(['check', 'agreements/a.icx'], dir);
    expect(r.stdout).not.toContain('ICX3106');
  });

  it("the language server's workspace reads the same way", () => {
    const ws = new Workspace(root);
    expect(ws.host.readFile('decks/linked.csv')).toBeUndefined();
    expect(ws.host.readFile('linked-dir/deck.csv')).toBeUndefined();
    expect(ws.host.readFile('decks/passwd.csv')).toBeUndefined();
    expect(ws.host.readFile('decks/inside-link.csv')).toBe(DECK);
  });
});
