// Inlay hints on test usage lines and code lenses above test blocks, on marked snippets:
// ⟦|⟧ marks where each hint must appear (in order). Billed values are worked out by hand.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contextFor, cursor } from '../test-support/context.js';
import { codeLens } from './code-lens.js';
import { inlayHints } from './inlay-hints.js';

/** The hints of a snippet whose `⟦⟧` (empty pairs) mark the expected hint offsets. */
function hintsAt(source: string) {
  const c = cursor(source.replaceAll('⟦|⟧', '⟦⟧'));
  return { hints: inlayHints(contextFor(c.text)), expected: c.ranges.map(([s]) => s), text: c.text };
}

const agreement = (services: string, tests: string) => `agreement A {
  currency EUR
  zones {
    Z 33
  }
${services}
${tests}
}
`;

describe('inlay hints: billed duration of voice test calls', () => {
  it('applies first/next increments and the minimum', () => {
    const { hints, expected } = hintsAt(agreement(
      `  service v voice payable {
    billing 60/60
    rate Z 0.0100 EUR/min
  }
  service w voice payable {
    billing 30/6 minimum 45s
    rate Z 0.0100 EUR/min
  }
  service p voice payable {
    rate Z 0.0100 EUR/min
  }`,
      `  test "t1" {
    // 61 s, 60/60: 61 > 60 → 60 + ceil(1/60)×60 = 120
    usage v to 33612345678 at 2026-03-02T10:00:00 for 61s⟦⟧
    // 20 s, 30/6 minimum 45: m = max(20, 45) = 45 > 30 → 30 + ceil(15/6)×6 = 30 + 18 = 48
    usage w to 33612345678 at 2026-03-02T10:00:00 for 20s⟦⟧
    // 50 s, 30/6 minimum 45: m = max(50, 45) = 50 → 30 + ceil(20/6)×6 = 30 + 24 = 54
    usage w to 33612345678 at 2026-03-02T10:00:00 for 50s⟦⟧
    // 2 min = 120 s, 60/60: 60 + ceil(60/60)×60 = 120
    usage v to 33612345678 at 2026-03-02T10:00:00 for 2min⟦⟧
    // 7.2 s, no billing line (1/1): d = ceil(7.2) = 8 → 1 + ceil(7/1)×1 = 8
    usage p to 33612345678 at 2026-03-02T10:00:00 for 7.2s⟦⟧
    expect 0.01 EUR
  }`));
    expect(hints.map((h) => h.label)).toEqual(['→ billed 120s', '→ billed 48s', '→ billed 54s', '→ billed 120s', '→ billed 8s']);
    expect(hints.map((h) => h.offset)).toEqual(expected);
  });

  it('bills a zero-duration call 0, or its minimum when such calls are charged', () => {
    const { hints, expected } = hintsAt(agreement(
      `  service free voice payable {
    billing 60/60 minimum 30s
    rate Z 0.0100 EUR/min
  }
  service paid voice payable {
    billing 60/60 minimum 30s
    zero duration calls are charged
    rate Z 0.0100 EUR/min
  }`,
      `  test "zero" {
    usage free to 33612345678 at 2026-03-02T10:00:00 for 0s⟦⟧
    usage paid to 33612345678 at 2026-03-02T10:00:00 for 0s⟦⟧
    expect 0 EUR
  }`));
    // free: d = 0 → 0; charged: billed = the minimum, 30 s
    expect(hints.map((h) => h.label)).toEqual(['→ billed 0s', '→ billed 30s']);
    expect(hints.map((h) => h.offset)).toEqual(expected);
  });

  it('shows nothing for a service rated from a deck (its lines may override the increments)', () => {
    const { hints } = hintsAt(agreement(
      `  service d voice payable {
    billing 60/60
    rates from deck "decks/x.csv" issued 2026-03-01
  }`,
      `  test "deck" {
    usage d to 33612345678 at 2026-03-02T10:00:00 for 61s
    expect 0.01 EUR
  }`));
    expect(hints).toEqual([]);
  });
});

describe('inlay hints: billed volume of data test records', () => {
  it('rounds bytes up to the billing unit (1 KB = 1,024 bytes)', () => {
    const { hints, expected } = hintsAt(agreement(
      `  service kb data receivable {
    billing 1 KB
    rate 0.0009 EUR/MB
  }
  service mb data receivable {
    billing 2 MB
    rate 0.0009 EUR/MB
  }`,
      `  test "data" {
    // 1,500,000 / 1,024 = 1,464.84… → 1,465 KB
    usage kb at 2026-03-03T09:00:00 bytes 1_500_000⟦⟧
    // 1,441,000 / 1,024 = 1,407.2… → 1,408 KB
    usage kb at 2026-03-03T09:00:00 bytes 1_441_000⟦⟧
    // 2 MB = 2,097,152 bytes; 5,000,000 / 2,097,152 = 2.38… → 3 × 2 MB = 6 MB
    usage mb at 2026-03-03T09:00:00 bytes 5_000_000⟦⟧
    expect 0.001 EUR
  }`));
    expect(hints.map((h) => h.label)).toEqual(['→ 1,465 KB', '→ 1,408 KB', '→ 6 MB']);
    expect(hints.map((h) => h.offset)).toEqual(expected);
  });

  it('keeps only the hints inside the requested range', () => {
    const { hints, text } = hintsAt(agreement(
      '  service kb data receivable {\n    billing 1 KB\n    rate 0.0009 EUR/MB\n  }',
      '  test "data" {\n    usage kb at 2026-03-03T09:00:00 bytes 1_500_000\n    usage kb at 2026-03-03T09:00:00 bytes 2048\n    expect 0.001 EUR\n  }'));
    expect(hints).toHaveLength(2);
    const second = text.indexOf('bytes 2048');
    // 2,048 bytes = exactly 2 KB
    expect(inlayHints(contextFor(text), { start: second, end: text.length }).map((h) => h.label)).toEqual(['→ 2 KB']);
  });
});

describe('code lenses above test blocks', () => {
  const source = agreement('  service v voice payable {\n    billing 60/60\n    rate Z 0.0100 EUR/min\n  }', `⟦⟧  test "first" {
    usage v to 33612345678 at 2026-03-02T10:00:00 for 61s
    expect 0.0200 EUR
  }

⟦⟧  test "second \\"quoted\\"" {
    usage v to 33612345678 at 2026-03-02T10:00:00 for 61s
    expect 0.0300 EUR
  }`);
  const c = cursor(source);

  it('offers ▶ Run test at the start of each test line, with the file and title as arguments', () => {
    const lenses = codeLens(contextFor(c.text), undefined, 'file:///w/test.icx');
    expect(lenses.map((l) => l.offset)).toEqual(c.ranges.map(([s]) => s));
    expect(lenses.map((l) => [l.title, l.command, l.args])).toEqual([
      ['▶ Run test', 'icx.runTest', ['file:///w/test.icx', 'first']],
      ['▶ Run test', 'icx.runTest', ['file:///w/test.icx', 'second "quoted"']],
    ]);
  });

  it('shows the last outcome of each test', () => {
    const outcomes = new Map([['first', { passed: true }], ['second "quoted"', { passed: false, reason: 'amount: expected 0.0300 EUR, got 0.0200 EUR' }]]);
    const lenses = codeLens(contextFor(c.text), (t) => outcomes.get(t));
    expect(lenses.map((l) => l.title)).toEqual(['✓ passed', '✗ failed: amount: expected 0.0300 EUR, got 0.0200 EUR']);
  });
});

describe('inlay hints agree with the example agreements', () => {
  it('equal every hand-written `billed Ns` expectation of a single-call test in agreements/', () => {
    const dir = path.resolve(import.meta.dirname, '../../agreements');
    let checked = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.icx'))) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      const hints = inlayHints(contextFor(text, [], f));
      // each test block: its usage lines and its `billed Ns`
      for (const m of text.matchAll(/^\s*test "[^"]*" \{\n((?:(?!^\s*\}).*\n)*)/gm)) {
        const body = m[1]!;
        const usages = body.match(/^\s*usage .*$/gm) ?? [];
        const billed = /expect .* billed (\d+)s/.exec(body);
        if (usages.length !== 1 || !billed) continue;
        const start = m.index! + m[0].indexOf(body);
        const inBody = hints.filter((h) => h.offset >= start && h.offset < start + body.length);
        // a deck service has no hint: nothing to compare
        if (inBody.length === 0) continue;
        expect(inBody.map((h) => h.label), `${f}: ${m[0].split('\n')[0]}`).toEqual([`→ billed ${billed[1]}s`]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
